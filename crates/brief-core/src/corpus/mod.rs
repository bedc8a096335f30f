//! The corpus: source documents decoded, normalized and segmented, with their
//! references. Built from bytes that the caller has read; nothing here
//! touches the file system.

mod document;
mod layout;
mod manifest;
mod normalize;
mod offset_map;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

pub use document::{normalize_str, DocId, Document, Paragraph};
pub use layout::BlockKind;
#[cfg(feature = "schema")]
pub use manifest::manifest_schema;
pub use manifest::{parse_manifest, split_name, ManifestEntry, Reference};
pub use offset_map::{OffsetMap, Piece};

pub(crate) use normalize::Vocabulary;

/// A file of a corpus folder, as read by the caller.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Where an editor can open the file.
    pub path: PathBuf,
    /// The path relative to its corpus folder, with `/`; what a manifest's
    /// `file` names.
    pub rel_path: String,
    pub bytes: Vec<u8>,
    /// Set when `bytes` is text extracted from a PDF or a web page (and
    /// `path` the cached text file): where it came from.
    pub extracted: Option<Extracted>,
}

/// The file a text was extracted from, and what its own metadata says.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The PDF or web page itself.
    pub from: PathBuf,
    /// A web page's `citation_*`, Open Graph and JSON-LD facts; they stand
    /// in for a manifest entry where the manifest has none (its key is not
    /// used: keys still come from the file name).
    pub metadata: Option<Reference>,
}

/// A corpus folder: its files and, if it has one, its manifest.
#[derive(Clone, Debug)]
pub struct CorpusFolder {
    pub root: PathBuf,
    /// `corpus.toml`: its path and text.
    pub manifest: Option<(PathBuf, String)>,
    /// `entities.toml`: its path and text.
    pub entities: Option<(PathBuf, String)>,
    pub files: Vec<SourceFile>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum ProblemSeverity {
    Warning,
    Error,
}

/// Something wrong with the corpus input, reported and worked around.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based.
    pub line: Option<usize>,
    pub severity: ProblemSeverity,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// The documents of a corpus, decoded, normalized and segmented, with the
/// problems met on the way; the snapshot builds the indexes over them.
#[derive(Debug, Default)]
pub struct Documents {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    pub by_key: HashMap<String, DocId>,
    /// Each folder's `entities.toml`: its path and text, for the entity
    /// table to apply.
    pub entity_overrides: Vec<(PathBuf, String)>,
    /// The manifest keys whose file is no document: each key and the path
    /// its entry names.
    pub absent: Vec<(String, PathBuf)>,
}

/// A document to be: its number, file, reference, and what it is built
/// from (its text in a cold build; a document kept from before in an update).
pub(crate) struct Pending<T> {
    pub id: DocId,
    pub path: PathBuf,
    /// The PDF or web page the text was extracted from.
    pub extracted_from: Option<PathBuf>,
    pub reference: Reference,
    pub has_entry: bool,
    pub item: T,
}

/// The corpus's files numbered and keyed, in folder and file order.
pub(crate) struct Catalogue<T> {
    pub pending: Vec<Pending<T>>,
    pub problems: Vec<Problem>,
    pub by_key: HashMap<String, DocId>,
    pub entity_overrides: Vec<(PathBuf, String)>,
    pub absent: Vec<(String, PathBuf)>,
}

/// A corpus folder whose files are `F`s rather than bytes.
pub(crate) struct FolderOf<F> {
    pub manifest: Option<(PathBuf, String)>,
    pub entities: Option<(PathBuf, String)>,
    pub files: Vec<FileOf<F>>,
}

/// A file whose content is an `F`.
pub(crate) struct FileOf<F> {
    pub path: PathBuf,
    /// The path relative to the folder, with `/`.
    pub rel_path: String,
    pub extracted: Option<Extracted>,
    pub content: F,
}

impl From<CorpusFolder> for FolderOf<Vec<u8>> {
    fn from(folder: CorpusFolder) -> Self {
        FolderOf {
            manifest: folder.manifest,
            entities: folder.entities,
            files: folder
                .files
                .into_iter()
                .map(|f| FileOf {
                    path: f.path,
                    rel_path: f.rel_path,
                    extracted: f.extracted,
                    content: f.bytes,
                })
                .collect(),
        }
    }
}

/// Numbers and keys the files of `folders` (manifest entries, else file
/// names; a taken key gets a suffix), reporting manifest problems; `open`
/// turns a file's content into what the document is built from, or `None`
/// (with its problems) for a file that is skipped. A cold build and an
/// update both go through here, so keys and problems come out the same.
pub(crate) fn catalogue<F, T>(
    folders: Vec<FolderOf<F>>,
    mut open: impl FnMut(&Path, F, &mut Vec<Problem>) -> Option<T>,
) -> Catalogue<T> {
    let mut problems = Vec::new();
    let mut pending = Vec::new();
    let mut by_key: HashMap<String, DocId> = HashMap::new();
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut entity_overrides = Vec::new();
    let mut absent = Vec::new();
    for folder in folders {
        if let Some(entities) = folder.entities.clone() {
            entity_overrides.push(entities);
        }
        let mut entries: HashMap<String, ManifestEntry> = HashMap::new();
        if let Some((path, text)) = &folder.manifest {
            match parse_manifest(text) {
                Ok(manifest) => {
                    for problem in manifest.problems {
                        let (severity, message) = match problem.entry_left_out {
                            true => (
                                ProblemSeverity::Error,
                                format!(
                                    "{}; this entry is left out, so its file's key is derived from its name",
                                    problem.error.message
                                ),
                            ),
                            false => (ProblemSeverity::Warning, problem.error.message),
                        };
                        problems.push(Problem {
                            path: path.clone(),
                            line: Some(problem.error.line),
                            severity,
                            message,
                        });
                    }
                    for entry in manifest.entries {
                        let line = entry.line;
                        if let Some(dropped) = entries.insert(entry.file.clone(), entry) {
                            problems.push(Problem {
                                path: path.clone(),
                                line: Some(line),
                                severity: ProblemSeverity::Warning,
                                message: format!(
                                    "`{}` is listed again (first at line {}, key `{}`); this entry wins",
                                    dropped.file, dropped.line, dropped.reference.key
                                ),
                            });
                        }
                    }
                }
                Err(err) => problems.push(Problem {
                    path: path.clone(),
                    line: Some(err.line),
                    severity: ProblemSeverity::Error,
                    message: format!("{}; keys are derived from file names instead", err.message),
                }),
            }
        }
        for file in folder.files {
            let path = file.path;
            let Some(item) = open(&path, file.content, &mut problems) else {
                continue;
            };
            let entry = entries.remove(&file.rel_path);
            let has_entry = entry.is_some();
            let (extracted_from, metadata) = match file.extracted {
                Some(e) => (Some(e.from), e.metadata),
                None => (None, None),
            };
            let mut reference = match entry {
                Some(entry) => entry.reference,
                None => Reference {
                    key: key_from_file_name(&file.rel_path),
                    ..metadata.unwrap_or_default()
                },
            };
            let base = reference.key.clone();
            // The next suffix to try per base key, so that 20,000
            // `index.md` files cost linear time, not quadratic.
            let n = next_suffix.entry(base.clone()).or_insert(2);
            while by_key.contains_key(&reference.key) {
                reference.key = format!("{base}-{n}");
                *n += 1;
            }
            if reference.key != base {
                problems.push(Problem {
                    path: path.clone(),
                    line: None,
                    severity: ProblemSeverity::Warning,
                    message: format!(
                        "citation key `{base}` is taken; this document is `{}`",
                        reference.key
                    ),
                });
            }
            let id = DocId(pending.len() as u32);
            by_key.insert(reference.key.clone(), id);
            pending.push(Pending {
                id,
                path,
                extracted_from,
                reference,
                has_entry,
                item,
            });
        }
        if let Some((path, _)) = &folder.manifest {
            let root = path.parent().unwrap_or(Path::new(""));
            for (file, entry) in entries {
                absent.push((entry.reference.key.clone(), root.join(&file)));
                problems.push(Problem {
                    path: path.clone(),
                    line: Some(entry.line),
                    severity: ProblemSeverity::Warning,
                    message: format!(
                        "`{file}` (key `{}`) is not a readable file of the corpus folder",
                        entry.reference.key
                    ),
                });
            }
        }
    }
    Catalogue {
        pending,
        problems,
        by_key,
        entity_overrides,
        absent,
    }
}

/// The vocabulary of `texts`, counted in parallel.
pub(crate) fn vocabulary<'a>(texts: impl ParallelIterator<Item = &'a str>) -> Vocabulary {
    texts
        .fold(Vocabulary::default, |mut v, text| {
            v.add_text(text);
            v
        })
        .reduce(Vocabulary::default, |mut a, b| {
            a.merge(b);
            a
        })
}

impl Documents {
    /// Decodes and normalizes every file of `folders`, calling
    /// `progress(done, total)` as documents finish (from worker threads).
    pub fn build(folders: Vec<CorpusFolder>, progress: &(dyn Fn(usize, usize) + Sync)) -> Documents {
        Documents::build_counting(folders, progress).0
    }

    /// [`Documents::build`], also giving the vocabulary it was built with.
    pub(crate) fn build_counting(
        folders: Vec<CorpusFolder>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> (Documents, Vocabulary) {
        let Catalogue {
            pending,
            mut problems,
            by_key,
            entity_overrides,
            absent,
        } = catalogue(folders.into_iter().map(FolderOf::from).collect(), decode);
        let vocab = vocabulary(pending.par_iter().map(|p| p.item.as_str()));
        let total = pending.len();
        let done = AtomicUsize::new(0);
        let documents: Vec<Document> = pending
            .into_par_iter()
            .map(|p| {
                let mut doc = Document::new(p.id, p.path, p.reference, p.has_entry, p.item, &vocab);
                doc.extracted_from = p.extracted_from;
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                doc
            })
            .collect();
        problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        let documents = Documents {
            documents,
            problems,
            by_key,
            entity_overrides,
            absent,
        };
        (documents, vocab)
    }

    pub fn by_key(&self, key: &str) -> Option<&Document> {
        self.by_key.get(key).map(|&id| &self.documents[id.0 as usize])
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.documents.iter().map(|d| d.reference.key.as_str())
    }
}

/// Decodes a file's bytes, or reports why it is skipped.
pub(crate) fn decode(path: &Path, bytes: Vec<u8>, problems: &mut Vec<Problem>) -> Option<String> {
    let mut problem = |severity, message: String| {
        problems.push(Problem {
            path: path.to_path_buf(),
            line: None,
            severity,
            message,
        })
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        problem(
            ProblemSeverity::Warning,
            "UTF-16 text is not supported; skipped (convert it to UTF-8)".into(),
        );
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        problem(
            ProblemSeverity::Warning,
            "binary file (contains NUL bytes); skipped".into(),
        );
        return None;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let bytes = err.as_bytes();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            problems.push(Problem {
                path: path.to_path_buf(),
                line: Some(line),
                severity: ProblemSeverity::Warning,
                message: format!(
                    "not valid UTF-8 (first bad byte at offset {at}); decoded with replacement characters"
                ),
            });
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    if text.trim().is_empty() {
        problems.push(Problem {
            path: path.to_path_buf(),
            line: None,
            severity: ProblemSeverity::Warning,
            message: "empty file; skipped".into(),
        });
        return None;
    }
    Some(text)
}

/// A citation key from a file name: its stem, lower-cased, with characters a
/// key cannot hold turned into `-`.
pub(crate) fn key_from_file_name(rel_path: &str) -> String {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let key: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let key = key.trim_matches('-').to_string();
    if key.is_empty() {
        "doc".into()
    } else {
        key
    }
}

#[cfg(test)]
mod tests;
