//! What a stored index was built from, and whether that still holds: the
//! corpus folders, the exclude patterns, each manifest and override file
//! (by content hash), and each corpus file (path, size, last write: the
//! later of mtime and status-change time, `written::last_written`; also a
//! content hash when the mtime cannot be trusted to change, see
//! [`MTIME_SLACK`]). Any file type is stamped the same way.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use brief_core::corpus::{CorpusFolder, Problem, ProblemSeverity, SourceFile};

use crate::load::{ListedFile, Listing};

/// A file modified this close to the build (or in the future) may change
/// again within the file system's mtime granularity without its mtime
/// moving, so its content is hashed as well.
const MTIME_SLACK: Duration = Duration::from_secs(3);

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    pub exclude: Vec<String>,
    pub folders: Vec<FolderInputs>,
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderInputs {
    pub root: String,
    manifest: Option<u64>,
    entities: Option<u64>,
    pub files: Vec<FileStamp>,
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    rel_path: String,
    size: u64,
    /// Nanoseconds since the Unix epoch.
    mtime: Option<u128>,
    content: Option<u64>,
    /// Why the file could not be read as a source, when it could not: it is
    /// stamped all the same, so that it does not make every start stale,
    /// and its problem is said again on a warm start.
    unreadable: Option<String>,
}

/// The file a source was read from: the PDF or page for an extracted text.
fn source_path(file: &SourceFile) -> &Path {
    file.extracted.as_ref().map_or(&file.path, |e| &e.from)
}

impl FolderInputs {
    fn of(listing: &Listing, files: Vec<FileStamp>) -> FolderInputs {
        FolderInputs {
            root: listing.root.to_string_lossy().into_owned(),
            manifest: text_hash(&listing.manifest),
            entities: text_hash(&listing.entities),
            files,
        }
    }
}

fn nanos(t: SystemTime) -> Option<u128> {
    t.duration_since(UNIX_EPOCH).ok().map(|d| d.as_nanos())
}

fn text_hash(file: &Option<(std::path::PathBuf, String)>) -> Option<u64> {
    file.as_ref().map(|(_, text)| xxh3_64(text.as_bytes()))
}

/// Each path's first problem, for a look-up per listed file.
pub fn problems_by_path(problems: &[Problem]) -> HashMap<&Path, &Problem> {
    let mut by_path = HashMap::with_capacity(problems.len());
    for problem in problems {
        by_path.entry(problem.path.as_path()).or_insert(problem);
    }
    by_path
}

/// The stamp of a listed file that could not be read as a source, if a
/// problem says why; hashed as any other when its last write is recent.
fn unreadable_stamp(
    listed: &ListedFile,
    problems: &HashMap<&Path, &Problem>,
    built_at: SystemTime,
) -> Option<FileStamp> {
    let problem = problems.get(listed.path.as_path())?;
    let content = match unreliable(listed.written, built_at) {
        true => Some(xxh3_64(&std::fs::read(&listed.path).ok()?)),
        false => None,
    };
    Some(FileStamp {
        rel_path: listed.rel_path.clone(),
        size: listed.size,
        mtime: listed.written.and_then(nanos),
        content,
        unreadable: Some(problem.message.clone()),
    })
}

/// Whether an mtime says too little: recent, in the future, or unknown.
fn unreliable(mtime: Option<SystemTime>, built_at: SystemTime) -> bool {
    mtime.is_none_or(|t| t + MTIME_SLACK >= built_at)
}

impl Inputs {
    /// The inputs of a cold build: `listings` as stat'ed before reading,
    /// `folders` as read, `problems` why the other listed files could not
    /// be (their stamp keeps the problem; its last write moves once the
    /// file is mended, even by a chmod).
    pub fn of_build(
        exclude: &[String],
        listings: &[Listing],
        folders: &[CorpusFolder],
        problems: &[Problem],
        built_at: SystemTime,
    ) -> Inputs {
        let problems = problems_by_path(problems);
        let folders = listings
            .iter()
            .zip(folders)
            .map(|(listing, folder)| {
                let mut read = folder.files.iter().peekable();
                let mut files = Vec::with_capacity(folder.files.len());
                for listed in &listing.files {
                    let Some(file) = read.next_if(|f| source_path(f) == listed.path) else {
                        files.extend(unreadable_stamp(listed, &problems, built_at));
                        continue;
                    };
                    // An extracted text is not the file on disk: a PDF or
                    // page is stamped by its own size and bytes.
                    let (size, content) = match &file.extracted {
                        None => (file.bytes.len() as u64, None),
                        Some(_) => (listed.size, Some(&listed.path)),
                    };
                    let unsure = unreliable(listed.written, built_at) || size != listed.size;
                    files.push(FileStamp {
                        rel_path: listed.rel_path.clone(),
                        size,
                        mtime: listed.written.and_then(nanos),
                        content: unsure.then(|| match content {
                            None => xxh3_64(&file.bytes),
                            Some(path) => std::fs::read(path).map_or(0, |b| xxh3_64(&b)),
                        }),
                        unreadable: None,
                    });
                }
                FolderInputs::of(listing, files)
            })
            .collect();
        Inputs {
            exclude: exclude.to_vec(),
            folders,
        }
    }

    /// The inputs of an update: `listings` as stat'ed before it, `read` the
    /// length and hash of the bytes read for it, `problems` why some listed
    /// files could not be read. An unchanged file whose mtime cannot be
    /// trusted is read again for its hash.
    pub fn of_update(
        exclude: &[String],
        listings: &[Listing],
        read: &HashMap<PathBuf, (u64, u64)>,
        problems: &[Problem],
        built_at: SystemTime,
    ) -> Inputs {
        let problems = problems_by_path(problems);
        let folders = listings
            .iter()
            .map(|listing| {
                let files = listing
                    .files
                    .iter()
                    .filter_map(|listed| {
                        let (size, hash) = match read.get(&listed.path) {
                            Some(&(len, hash)) => (len, Some(hash)),
                            None => (listed.size, None),
                        };
                        let unsure = unreliable(listed.written, built_at) || size != listed.size;
                        let content = match (unsure, hash) {
                            (false, _) => None,
                            (true, Some(hash)) => Some(hash),
                            (true, None) => Some(xxh3_64(&std::fs::read(&listed.path).ok()?)),
                        };
                        Some(FileStamp {
                            rel_path: listed.rel_path.clone(),
                            size,
                            mtime: listed.written.and_then(nanos),
                            content,
                            unreadable: problems.get(listed.path.as_path()).map(|p| p.message.clone()),
                        })
                    })
                    .collect();
                FolderInputs::of(listing, files)
            })
            .collect();
        Inputs {
            exclude: exclude.to_vec(),
            folders,
        }
    }

    /// The problems of the files that could not be read when these inputs
    /// were stamped, to be said again by a warm start.
    pub fn unreadable(&self) -> impl Iterator<Item = Problem> + '_ {
        self.folders.iter().flat_map(|folder| {
            folder.files.iter().filter_map(|stamp| {
                Some(Problem {
                    path: Path::new(&folder.root).join(&stamp.rel_path),
                    line: None,
                    severity: ProblemSeverity::Warning,
                    message: stamp.unreadable.clone()?,
                })
            })
        })
    }

    /// Why the corpus as listed now is not the one these inputs describe,
    /// or `None` when it is. Reads only the files whose stamp has a content
    /// hash.
    pub fn changed(&self, exclude: &[String], listings: &[Listing]) -> Option<String> {
        if self.exclude != exclude {
            return Some("the exclude patterns changed".into());
        }
        let roots = listings.iter().map(|l| l.root.to_string_lossy());
        if self.folders.len() != listings.len() || !self.folders.iter().map(|f| f.root.as_str()).eq(roots) {
            return Some("the corpus folders changed (one may be gone or unreadable)".into());
        }
        self.folders
            .iter()
            .zip(listings)
            .find_map(|(stored, listing)| stored.changed(listing))
    }
}

impl FolderInputs {
    /// Why `listing` is not this folder as it was, or `None`.
    fn changed(&self, listing: &Listing) -> Option<String> {
        let now = SystemTime::now();
        let in_folder = |name: &str| format!("{}/{name}", self.root);
        if self.manifest != text_hash(&listing.manifest) {
            return Some(format!("{} changed", in_folder("corpus.toml")));
        }
        if self.entities != text_hash(&listing.entities) {
            return Some(format!("{} changed", in_folder("entities.toml")));
        }
        let same_names = self.files.len() == listing.files.len()
            && self
                .files
                .iter()
                .zip(&listing.files)
                .all(|(stamp, file)| stamp.rel_path == file.rel_path);
        if !same_names {
            let stored: std::collections::HashSet<&str> =
                self.files.iter().map(|f| f.rel_path.as_str()).collect();
            let listed: std::collections::HashSet<&str> =
                listing.files.iter().map(|f| f.rel_path.as_str()).collect();
            let new = listing
                .files
                .iter()
                .find(|f| !stored.contains(f.rel_path.as_str()));
            let gone = self.files.iter().find(|f| !listed.contains(f.rel_path.as_str()));
            return Some(match (new, gone) {
                (Some(file), _) => format!("{} is new", in_folder(&file.rel_path)),
                (None, Some(stamp)) => format!("{} is gone", in_folder(&stamp.rel_path)),
                (None, None) => "the files are listed in another order".into(),
            });
        }
        self.files.iter().zip(&listing.files).find_map(|(stamp, file)| {
            let same = stamp.size == file.size
                && stamp.mtime == file.written.and_then(nanos)
                && stamp
                    .content
                    .is_none_or(|hash| std::fs::read(&file.path).is_ok_and(|bytes| xxh3_64(&bytes) == hash));
            if !same {
                return Some(format!("{} changed", in_folder(&file.rel_path)));
            }
            // A stamp without a content hash trusts the mtime, which it cannot
            // once the mtime is this recent (the clock moved back).
            (stamp.content.is_none() && unreliable(file.written, now)).then(|| {
                format!(
                    "{} has a modification time too recent to trust",
                    in_folder(&file.rel_path)
                )
            })
        })
    }
}
