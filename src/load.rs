//! The only file-system code: reading corpus folders and writing the
//! embedded seed corpus somewhere an editor can open it.

use std::path::{Path, PathBuf};

use crate::exclude::{excludes, matcher};
use crate::extract::{extracted_source, Kind};
use brief_core::corpus::{CorpusFolder, Problem, ProblemSeverity, SourceFile};
use brief_core::snapshot::Snapshot;

/// Files larger than this are reported and skipped rather than read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

const MANIFEST: &str = "corpus.toml";
const ENTITIES: &str = "entities.toml";

/// Where a corpus comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusSource {
    /// The five seed documents built into the binary.
    Embedded,
    Folders(Vec<PathBuf>),
}

impl CorpusSource {
    pub fn describe(&self) -> String {
        self.describe_loaded(&[])
    }

    /// Names the folders that loaded: those with no error of their own
    /// among `problems` (a missing folder is reported by its problem).
    pub fn describe_loaded(&self, problems: &[Problem]) -> String {
        match self {
            CorpusSource::Embedded => "the embedded seed corpus".into(),
            CorpusSource::Folders(dirs) => {
                let failed = |d: &PathBuf| {
                    problems
                        .iter()
                        .any(|p| p.path == *d && p.severity == ProblemSeverity::Error)
                };
                let dirs: Vec<String> = dirs
                    .iter()
                    .filter(|d| !failed(d))
                    .map(|d| d.display().to_string())
                    .collect();
                dirs.join(", ")
            }
        }
    }
}

/// What the server and `check` say of a corpus with no documents.
pub const NO_DOCUMENTS: &str = "the corpus has no documents: quotes, figures and keys cannot be checked";

/// Reads and builds a corpus. Unreadable folders and files become problems
/// in the corpus; only a source with no readable folder at all is an error.
/// `exclude`: patterns of files to leave out, relative to each folder.
pub fn load_corpus(
    source: &CorpusSource,
    exclude: &[String],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> anyhow::Result<Snapshot> {
    let (listings, problems) = list_source(source, exclude)?;
    let mut read_problems = Vec::new();
    let folders = read_listings(listings, &mut read_problems);
    let corpus = Snapshot::build_with_progress(folders, progress);
    Ok(with_problems(corpus, problems.into_iter().chain(read_problems)))
}

/// Adds the problems met while listing and reading to a built corpus. One
/// problem is reported once, though a stored index may hold it already (an
/// updated corpus is stored with them).
pub(crate) fn with_problems(mut corpus: Snapshot, problems: impl IntoIterator<Item = Problem>) -> Snapshot {
    corpus.problems.extend(problems);
    corpus
        .problems
        .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    let mut seen = std::collections::HashSet::new();
    corpus
        .problems
        .retain(|p| seen.insert((p.path.clone(), p.line, p.message.clone())));
    corpus
}

/// A corpus folder's files as found on disk, before reading them.
#[derive(Clone, Debug)]
pub struct Listing {
    pub root: PathBuf,
    pub manifest: Option<(PathBuf, String)>,
    pub entities: Option<(PathBuf, String)>,
    pub files: Vec<ListedFile>,
    /// The embedded seeds, whose bytes are in the binary.
    embedded: Option<CorpusFolder>,
}

#[derive(Clone, Debug)]
pub struct ListedFile {
    pub path: PathBuf,
    pub rel_path: String,
    pub size: u64,
    /// Its last write (`written::last_written`): what every stamp compares.
    pub written: Option<std::time::SystemTime>,
}

/// Lists every folder of `source`: manifests and overrides read, corpus
/// files only stat'ed. Fails only when no folder can be read.
pub fn list_source(
    source: &CorpusSource,
    exclude: &[String],
) -> anyhow::Result<(Vec<Listing>, Vec<Problem>)> {
    let mut problems = Vec::new();
    let listings = match source {
        CorpusSource::Embedded => {
            let folder = embedded_folder();
            vec![Listing {
                root: folder.root.clone(),
                manifest: folder.manifest.clone(),
                entities: None,
                files: Vec::new(),
                embedded: Some(folder),
            }]
        }
        CorpusSource::Folders(dirs) => {
            let listings: Vec<Listing> = dirs
                .iter()
                .filter_map(|d| list_folder(d, exclude, &mut problems))
                .collect();
            if listings.is_empty() {
                let detail: Vec<String> = problems.iter().map(ToString::to_string).collect();
                anyhow::bail!("no corpus folder could be read: {}", detail.join("; "));
            }
            listings
        }
    };
    Ok((listings, problems))
}

/// Reads the listed files; those that cannot be read become problems.
pub fn read_listings(listings: Vec<Listing>, problems: &mut Vec<Problem>) -> Vec<CorpusFolder> {
    listings
        .into_iter()
        .map(|listing| {
            if let Some(folder) = listing.embedded {
                return folder;
            }
            let mut files = Vec::with_capacity(listing.files.len());
            for read in in_parallel(&listing.files, read_source) {
                match read {
                    Ok(file) => files.push(file),
                    Err(err) => problems.push(err),
                }
            }
            CorpusFolder {
                root: listing.root,
                manifest: listing.manifest,
                entities: listing.entities,
                files,
            }
        })
        .collect()
}

/// One listed file as a corpus source: its bytes, or for a PDF or web page
/// its extracted text.
fn read_source(file: &ListedFile) -> Result<SourceFile, Problem> {
    source_of(file, read_listed(file)?)
}

/// A listed file's bytes, or the problem that says why they cannot be read.
pub(crate) fn read_listed(file: &ListedFile) -> Result<Vec<u8>, Problem> {
    crate::read_file::read_regular(&file.path, MAX_FILE_BYTES).map_err(|err| {
        problem(
            &file.path,
            ProblemSeverity::Warning,
            format!("cannot read: {err}"),
        )
    })
}

/// A listed file's bytes as a corpus source: as they are, or for a PDF or
/// web page its extracted text.
pub(crate) fn source_of(file: &ListedFile, bytes: Vec<u8>) -> Result<SourceFile, Problem> {
    match Kind::of(&file.path) {
        None => Ok(SourceFile {
            path: file.path.clone(),
            rel_path: file.rel_path.clone(),
            bytes,
            extracted: None,
        }),
        Some(kind) => extracted_source(file, kind, bytes)
            .map_err(|err| problem(&file.path, ProblemSeverity::Warning, format!("{err}; skipped"))),
    }
}

/// `f` over `items` on one thread per core, results in the order of
/// `items`: extracting PDFs is the slow part of a first load.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break out };
                        out.push((i, f(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

fn problem(path: &Path, severity: ProblemSeverity, message: String) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line: None,
        severity,
        message,
    }
}

/// A folder's optional TOML file: its path and text, if it is there.
fn read_optional(path: &Path, problems: &mut Vec<Problem>) -> Option<(PathBuf, String)> {
    match crate::read_file::read_config(path) {
        Ok(text) => Some((path.to_path_buf(), text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => {
            problems.push(problem(
                path,
                ProblemSeverity::Error,
                format!("cannot read: {err}"),
            ));
            None
        }
    }
}

fn list_folder(root: &Path, exclude: &[String], problems: &mut Vec<Problem>) -> Option<Listing> {
    match std::fs::metadata(root) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            problems.push(problem(
                root,
                ProblemSeverity::Error,
                "corpus folder is not a directory".into(),
            ));
            return None;
        }
        Err(err) => {
            problems.push(problem(
                root,
                ProblemSeverity::Error,
                format!("cannot read corpus folder: {err}"),
            ));
            return None;
        }
    }
    let manifest = read_optional(&root.join(MANIFEST), problems);
    let entities = read_optional(&root.join(ENTITIES), problems);
    let (excluded, errors) = matcher(root, exclude);
    for err in errors {
        problems.push(problem(root, ProblemSeverity::Warning, err));
    }
    let mut files = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                problems.push(problem(
                    &path,
                    ProblemSeverity::Warning,
                    format!("cannot read: {err}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        let is_source = Kind::of(path).is_some()
            || path
                .extension()
                .is_some_and(|e| e == "txt" || e == "md" || e == "markdown");
        if !entry.file_type().is_file() || !is_source || excludes(&excluded, path) {
            continue;
        }
        let meta = entry.metadata().ok();
        let size = meta.as_ref().map_or(0, |m| m.len());
        if size > MAX_FILE_BYTES {
            let message = format!(
                "{} MiB is over the {} MiB limit; skipped",
                size >> 20,
                MAX_FILE_BYTES >> 20
            );
            problems.push(problem(path, ProblemSeverity::Warning, message));
            continue;
        }
        files.push(ListedFile {
            path: path.to_path_buf(),
            rel_path: path
                .strip_prefix(root)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/"),
            size,
            written: meta.as_ref().and_then(crate::written::last_written),
        });
    }
    Some(Listing {
        root: root.to_path_buf(),
        manifest,
        entities,
        files,
        embedded: None,
    })
}

macro_rules! seed {
    ($name:literal) => {
        ($name, include_bytes!(concat!("../seeds/", $name)).as_slice())
    };
}

const SEEDS: &[(&str, &[u8])] = &[
    seed!("000_4a4712e541d2533e.txt"),
    seed!("001_7dc4b461ced45b39.txt"),
    seed!("002_985c93d49e2ec848.txt"),
    seed!("003_9556968063aa75cc.txt"),
    seed!("004_0e5757dea85ff291.txt"),
    seed!("corpus.toml"),
];

/// The embedded seeds, located where an editor can open them: the project's
/// own `seeds/` when it holds the same files (a checkout), else a copy written
/// once to the user's cache folder.
fn embedded_folder() -> CorpusFolder {
    let root = seed_location();
    let mut files = Vec::new();
    let mut manifest = None;
    for (name, bytes) in SEEDS {
        if *name == MANIFEST {
            manifest = Some((root.join(name), String::from_utf8_lossy(bytes).into_owned()));
        } else {
            files.push(SourceFile {
                path: root.join(name),
                rel_path: name.to_string(),
                bytes: bytes.to_vec(),
                extracted: None,
            });
        }
    }
    CorpusFolder {
        root,
        manifest,
        entities: None,
        files,
    }
}

fn holds_seeds(dir: &Path) -> bool {
    SEEDS
        .iter()
        .all(|(name, bytes)| std::fs::read(dir.join(name)).is_ok_and(|b| b == *bytes))
}

fn seed_location() -> PathBuf {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    if holds_seeds(&checkout) {
        return checkout;
    }
    let base = dirs::cache_dir().unwrap_or_else(std::env::temp_dir);
    let cache = base
        .join("brief-lsp")
        .join(format!("seeds-{}", env!("CARGO_PKG_VERSION")));
    if !holds_seeds(&cache) {
        let written = std::fs::create_dir_all(&cache).and_then(|()| {
            SEEDS
                .iter()
                .try_for_each(|(name, bytes)| std::fs::write(cache.join(name), bytes))
        });
        if let Err(err) = written {
            tracing::warn!("cannot write the seed corpus to {}: {err}", cache.display());
        }
    }
    cache
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_corpus_points_at_real_identical_files() {
        let corpus = load_corpus(&CorpusSource::Embedded, &[], &|_, _| {}).unwrap();
        assert_eq!(corpus.documents.len(), 5);
        for doc in &corpus.documents {
            assert_eq!(std::fs::read_to_string(&doc.path).unwrap(), doc.original);
        }
    }

    #[test]
    fn unreadable_folders_and_files_are_problems_not_failures() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Some text.").unwrap();
        std::fs::write(dir.path().join("skip.jpg"), "not text").unwrap();
        let missing = dir.path().join("missing");
        let source = CorpusSource::Folders(vec![dir.path().to_path_buf(), missing.clone()]);
        let corpus = load_corpus(&source, &[], &|_, _| {}).unwrap();
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.problems.len(), 1);
        assert_eq!(corpus.problems[0].path, missing);
        assert!(corpus.problems[0]
            .message
            .starts_with("cannot read corpus folder"));
        let err = load_corpus(&CorpusSource::Folders(vec![missing]), &[], &|_, _| {}).unwrap_err();
        assert!(
            err.to_string().contains("no corpus folder could be read"),
            "{err}"
        );
    }
}
