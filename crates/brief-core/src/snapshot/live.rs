//! A corpus kept up to date file by file: after adding, changing or
//! deleting a source, only that document is decoded, laid out and
//! normalized again, and the result is the snapshot a cold build of the new
//! corpus gives (`tests.rs` compares them).
//!
//! What is corpus-wide, and how each part follows an update:
//! - keys and problems: the catalogue (manifest entries, file names, taken
//!   keys) runs again over the file list, which is cheap;
//! - the vocabulary for line-break hyphens counts each word, so a document
//!   is taken out as easily as put in. Each document remembers the words its
//!   hyphen decisions asked about; it is normalized again only when one of
//!   them entered or left the corpus;
//! - the figure index: a kept document's figures are read from the previous
//!   snapshot's figure index; word numbers, document frequencies and IDF
//!   weights are counted again from them and the new documents' figures;
//! - the quote index: kept documents' skeletons are copied and their k-gram
//!   postings shifted, the new documents' postings merged in (in one pass,
//!   in pieces on all threads);
//! - the entity table: the case counts (lower-case and capitalized uses of
//!   each word) are updated like the vocabulary; each document's names are
//!   kept with the answers about common words they were built on, and found
//!   again only when one of those answers changed; the merging across
//!   documents runs again over the kept names.
//!
//! The vocabulary, the case counts and each document's names are the
//! snapshot's [`Parts`]: a stored snapshot holds them too, so that a live
//! corpus is ready right after a warm start without reading every text
//! again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use std::sync::Arc;

use super::{Parts, Snapshot, StoredError};
use crate::corpus::{
    catalogue, decode, vocabulary, CorpusFolder, DocId, Document, Documents, Extracted, FileOf, FolderOf,
    Problem, ProblemSeverity, Reference,
};
use crate::entities::{DocEntities, EntityTable};
use crate::figures::{DocFigures, FigureIndex, FiguresOf};
use crate::quotes::QuoteIndex;

/// A corpus folder as it is now, for [`LiveCorpus::update`].
#[derive(Clone, Debug, Default)]
pub struct UpdateFolder {
    /// `corpus.toml`: its path and text.
    pub manifest: Option<(PathBuf, String)>,
    /// `entities.toml`: its path and text.
    pub entities: Option<(PathBuf, String)>,
    /// Every file of the folder, in the order a cold build reads them.
    pub files: Vec<UpdateFile>,
}

/// A folder as a cold build reads it: every file new.
impl From<CorpusFolder> for UpdateFolder {
    fn from(folder: CorpusFolder) -> UpdateFolder {
        UpdateFolder {
            manifest: folder.manifest,
            entities: folder.entities,
            files: folder
                .files
                .into_iter()
                .map(|s| UpdateFile {
                    path: s.path,
                    rel_path: s.rel_path,
                    extracted: s.extracted,
                    bytes: Some(s.bytes),
                })
                .collect(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct UpdateFile {
    pub path: PathBuf,
    pub rel_path: String,
    /// As in [`SourceFile::extracted`](crate::corpus::SourceFile): for a
    /// text extracted from a PDF or web page, where it came from.
    pub extracted: Option<Extracted>,
    /// The file's bytes if it is new or changed; `None` if it is as the last
    /// build saw it (only for a path [`LiveCorpus::knows`]).
    pub bytes: Option<Vec<u8>>,
}

/// What one file gave the last build (its document's parts are in the
/// snapshot).
#[derive(Clone, Debug)]
enum FileState {
    Built {
        /// What decoding it reported (invalid UTF-8).
        problems: Vec<Problem>,
    },
    Skipped {
        problems: Vec<Problem>,
    },
    /// In the previous snapshot, but its parts are unknown: it must be read
    /// again (its text is still counted in the vocabulary).
    Stale,
}

/// What a corpus keeps between updates about its files, beside the snapshot
/// it last gave (which holds the documents and their parts).
#[derive(Debug, Default)]
pub struct LiveCorpus {
    files: HashMap<PathBuf, FileState>,
}

/// What a document of an update is built from.
enum Source {
    /// Its text, new or changed, and what decoding it reported.
    Text(String, Vec<Problem>),
    /// The previous snapshot's document at this index.
    Kept(usize),
}

/// A document of an update, and whether its parts are new.
enum Built {
    /// The previous snapshot's document at this index, renumbered.
    Reused(Document, usize),
    /// Normalized again; the previous snapshot's document was at this index.
    Renormalized(Document, DocFigures, usize),
    New(Document, DocFigures, Vec<Problem>),
}

impl LiveCorpus {
    /// The live corpus of a snapshot opened from the stored index, whose
    /// parts are decoded here (once; the snapshot keeps them). A document
    /// with a problem at its path is marked stale, so that the next update
    /// reads it afresh and reports it as a cold build would.
    pub fn from_snapshot(snapshot: &Snapshot) -> Result<LiveCorpus, StoredError> {
        snapshot.parts()?;
        let with_problems: FxHashSet<&Path> = snapshot.problems.iter().map(|p| p.path.as_path()).collect();
        let files = snapshot
            .documents
            .iter()
            .map(|d| {
                let state = if with_problems.contains(d.path.as_path()) {
                    FileState::Stale
                } else {
                    FileState::Built { problems: Vec::new() }
                };
                (d.path.clone(), state)
            })
            .collect();
        Ok(LiveCorpus { files })
    }

    /// Whether the last build read the file at `path`, so that an update may
    /// pass it unchanged, without its bytes.
    pub fn knows(&self, path: &Path) -> bool {
        matches!(
            self.files.get(path),
            Some(FileState::Built { .. } | FileState::Skipped { .. })
        )
    }

    /// The snapshot of the corpus as `folders` describe it now. `previous`
    /// is the snapshot this corpus gave last (or was made from); its
    /// documents are reused where their file is unchanged and their hyphen
    /// decisions still hold. Calls `progress(done, total)` as documents are
    /// (re)built. An error if `previous` was opened from a stored index
    /// whose parts cannot be read.
    pub fn update(
        &mut self,
        previous: &Snapshot,
        folders: Vec<UpdateFolder>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Snapshot, StoredError> {
        let parts = previous.parts()?;
        Ok(self.update_from(previous, parts, folders, progress))
    }

    /// [`LiveCorpus::update`], with the previous snapshot's `parts`.
    fn update_from(
        &mut self,
        previous: &Snapshot,
        parts: &Parts,
        folders: Vec<UpdateFolder>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Snapshot {
        let mut old = std::mem::take(&mut self.files);
        let previous_at: HashMap<&Path, usize> = previous
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.as_path(), i))
            .collect();
        let folders = folders
            .into_iter()
            .map(|f| FolderOf {
                manifest: f.manifest,
                entities: f.entities,
                files: f
                    .files
                    .into_iter()
                    .map(|u| FileOf {
                        path: u.path,
                        rel_path: u.rel_path,
                        extracted: u.extracted,
                        content: u.bytes,
                    })
                    .collect(),
            })
            .collect();
        let mut files = HashMap::new();
        let cat = catalogue(folders, |path, bytes: Option<Vec<u8>>, problems| {
            let Some(bytes) = bytes else {
                let state = old.remove(path);
                return match (state, previous_at.get(path)) {
                    (Some(FileState::Built { problems: own }), Some(&at)) => {
                        problems.extend(own.iter().cloned());
                        files.insert(path.to_path_buf(), FileState::Built { problems: own });
                        Some(Source::Kept(at))
                    }
                    (Some(FileState::Skipped { problems: own }), _) => {
                        problems.extend(own.iter().cloned());
                        files.insert(path.to_path_buf(), FileState::Skipped { problems: own });
                        None
                    }
                    // Passed unchanged but not known (the caller's mistake):
                    // left out now, as if gone, and read on the next update.
                    (state, _) => {
                        if let Some(state) = state {
                            old.insert(path.to_path_buf(), state);
                        }
                        problems.push(Problem {
                            path: path.to_path_buf(),
                            line: None,
                            severity: ProblemSeverity::Warning,
                            message: "not read in this update; it will be in the next".into(),
                        });
                        None
                    }
                };
            };
            let mut own = Vec::new();
            let text = decode(path, bytes, &mut own);
            problems.extend(own.iter().cloned());
            match text {
                Some(text) => Some(Source::Text(text, own)),
                None => {
                    files.insert(path.to_path_buf(), FileState::Skipped { problems: own });
                    None
                }
            }
        });
        // What is left of `old` changed or went: its text leaves the
        // vocabulary, and new texts enter. A kept document is normalized
        // again only if a word it asked about came or went.
        let kept_asked: FxHashSet<&str> = cat
            .pending
            .iter()
            .filter_map(|p| match p.item {
                Source::Kept(at) => Some(&previous.documents[at].vocabulary_asked),
                Source::Text(..) => None,
            })
            .flatten()
            .map(|w| &**w)
            .collect();
        let mut words = parts.vocabulary.clone();
        let before: FxHashSet<&str> = kept_asked.iter().copied().filter(|w| words.has(w)).collect();
        for path in old.keys() {
            if let Some(&at) = previous_at.get(path.as_path()) {
                words.remove_text(&previous.documents[at].original);
            }
        }
        words.merge(vocabulary(cat.pending.par_iter().filter_map(|p| match &p.item {
            Source::Text(text, _) => Some(text.as_str()),
            Source::Kept(_) => None,
        })));
        let changed: FxHashSet<&str> = kept_asked
            .iter()
            .copied()
            .filter(|w| words.has(w) != before.contains(w))
            .collect();

        let total = cat.pending.len();
        let done = AtomicUsize::new(0);
        let vocab = &words;
        let built: Vec<Built> = cat
            .pending
            .into_par_iter()
            .map(|p| {
                let fresh = |text: String| {
                    let mut doc = Document::new(
                        p.id,
                        p.path.clone(),
                        p.reference.clone(),
                        p.has_entry,
                        text,
                        vocab,
                    );
                    doc.extracted_from = p.extracted_from.clone();
                    doc
                };
                let built = match p.item {
                    Source::Kept(at) => {
                        let doc = &previous.documents[at];
                        let asks_changed = doc.vocabulary_asked.iter().any(|w| changed.contains(&**w));
                        let same_reference = doc.has_manifest_entry == p.has_entry
                            && (!p.has_entry || doc.listed_reference() == p.reference);
                        if asks_changed || !same_reference {
                            // An unchanged file comes without its extraction
                            // facts: they are the kept document's.
                            let kept = doc;
                            let mut doc = fresh(kept.original.to_string());
                            doc.extracted_from = kept.extracted_from.clone();
                            // (A web page whose manifest entry went loses its
                            // own facts until its file changes.)
                            if !p.has_entry && !kept.has_manifest_entry {
                                doc.reference = Reference {
                                    key: p.reference.key.clone(),
                                    ..kept.reference.clone()
                                };
                            }
                            let figures = DocFigures::of(&doc);
                            Built::Renormalized(doc, figures, at)
                        } else {
                            let mut doc = doc.clone();
                            doc.id = p.id;
                            doc.reference.key = p.reference.key;
                            Built::Reused(doc, at)
                        }
                    }
                    Source::Text(text, problems) => {
                        let doc = fresh(text);
                        let figures = DocFigures::of(&doc);
                        Built::New(doc, figures, problems)
                    }
                };
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                built
            })
            .collect();
        // Case counts follow the documents: those changed or gone leave,
        // new and normalized-again ones enter; a kept document's names are
        // found again only if an answer they were built on changed.
        let left: Vec<&Document> = old
            .keys()
            .filter_map(|p| previous_at.get(p.as_path()))
            .chain(built.iter().filter_map(|b| match b {
                Built::Renormalized(_, _, at) => Some(at),
                _ => None,
            }))
            .map(|&at| &previous.documents[at])
            .collect();
        let entered: Vec<&Document> = built
            .iter()
            .filter_map(|b| match b {
                Built::Reused(..) => None,
                Built::Renormalized(doc, ..) | Built::New(doc, ..) => Some(doc),
            })
            .collect();
        let mut case_counts = parts.case_counts.clone();
        case_counts.apply(&left, -1);
        case_counts.apply(&entered, 1);
        let counts = &case_counts;
        let names: Vec<Arc<DocEntities>> = built
            .par_iter()
            .map(|b| match b {
                Built::Reused(doc, at) => match parts.names.get(*at) {
                    Some(names) if names.still_hold(counts) => names.clone(),
                    _ => Arc::new(DocEntities::of(doc, counts)),
                },
                Built::Renormalized(doc, ..) | Built::New(doc, ..) => Arc::new(DocEntities::of(doc, counts)),
            })
            .collect();

        let mut documents = Vec::with_capacity(built.len());
        let mut reused = Vec::with_capacity(built.len());
        // Each document's figures: found now, or read from the previous
        // figure index.
        let mut figures = Vec::with_capacity(built.len());
        for built in built {
            let doc = match built {
                Built::Reused(doc, at) => {
                    reused.push(Some(DocId(at as u32)));
                    figures.push(Err(DocId(at as u32)));
                    doc
                }
                Built::Renormalized(doc, found, _) => {
                    reused.push(None);
                    figures.push(Ok(found));
                    doc
                }
                Built::New(doc, found, problems) => {
                    reused.push(None);
                    figures.push(Ok(found));
                    files.insert(doc.path.clone(), FileState::Built { problems });
                    doc
                }
            };
            documents.push(doc);
        }
        self.files = files;
        let mut problems = cat.problems;
        problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        let documents = Documents {
            documents,
            problems,
            by_key: cat.by_key,
            entity_overrides: cat.entity_overrides,
            absent: cat.absent,
        };
        let previous_quotes = &previous.quote_index;
        let previous_figures = &previous.figure_index;
        let updated = Snapshot::index(
            documents,
            |documents| QuoteIndex::update(previous_quotes, documents, &reused),
            |documents| {
                let per_doc = documents.iter().zip(&figures).map(|(d, f)| {
                    let of = match f {
                        Ok(found) => FiguresOf::Found(found),
                        Err(at) => FiguresOf::Indexed(*at),
                    };
                    (d.id, of)
                });
                FigureIndex::assemble(previous_figures, per_doc)
            },
            |documents| {
                let table =
                    EntityTable::assemble(documents.iter().map(|d| d.id).zip(names.iter().map(|n| &**n)));
                let parts = Parts {
                    vocabulary: words,
                    case_counts,
                    names,
                };
                (table, parts)
            },
        );
        // The kept documents' texts, and the skeleton copied from them,
        // may have been read from a damaged stored index.
        Snapshot {
            damage: previous.damage.clone(),
            ..updated
        }
    }
}

impl LiveCorpus {
    /// A cold build that keeps its parts for updates: the same snapshot as
    /// [`Snapshot::build`].
    pub fn build(
        folders: Vec<CorpusFolder>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> (LiveCorpus, Snapshot) {
        let mut live = LiveCorpus::default();
        let folders = folders.into_iter().map(UpdateFolder::from).collect();
        let snapshot = live.update_from(&Snapshot::default(), &Parts::default(), folders, progress);
        (live, snapshot)
    }
}
