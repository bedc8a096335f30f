//! A `Snapshot`: the corpus's documents and every index built over them,
//! immutable once built. Requests read one snapshot; a rebuild makes a new
//! one, which the adapters swap in.

mod live;
#[cfg(test)]
mod live_tests;
mod stored;
#[cfg(test)]
mod tests;

pub use live::{LiveCorpus, UpdateFile, UpdateFolder};
pub use stored::{read_inputs, read_snapshot, write_snapshot, StoredError, FORMAT};

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{
    key_from_file_name, CorpusFolder, DocId, Document, Documents, Problem, ProblemSeverity, Vocabulary,
};
use crate::entities::{parse_entity_overrides, CaseCounts, DocEntities, EntityOverrides, EntityTable};
use crate::figures::FigureIndex;
use crate::quotes::{QuoteIndex, QuoteSources};
use crate::shared::{Damage, SharedBytes};

#[derive(Debug, Default)]
pub struct Snapshot {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    by_key: HashMap<String, DocId>,
    /// The manifest keys whose file is no document, with its path.
    absent: Vec<(String, PathBuf)>,
    quote_index: QuoteIndex,
    figure_index: FigureIndex,
    entities: EntityTable,
    parts: PartsOf,
    /// Set when a blob read in place from a stored index failed its check
    /// (see `stored`); kept by the snapshots updated from this one.
    damage: Damage,
}

/// What updating a snapshot needs beyond its documents and indexes: the
/// corpus-wide counts an update changes, and each document's names with the
/// answers they were built on (a document's figures are in the figure
/// index, and are read from there).
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Parts {
    /// The words of the original texts, for line-break hyphens.
    pub vocabulary: Vocabulary,
    pub case_counts: CaseCounts,
    /// By document number. Shared, as an update keeps most of them.
    pub names: Vec<Arc<DocEntities>>,
}

/// A snapshot's [`Parts`]: built with it, or read from the stored index
/// on first use, so that a warm start does not decode them before the
/// first diagnostics.
enum PartsOf {
    Built(Parts),
    Stored(SharedBytes, OnceLock<Result<Parts, StoredError>>),
}

impl Default for PartsOf {
    fn default() -> PartsOf {
        PartsOf::Built(Parts::default())
    }
}

impl std::fmt::Debug for PartsOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartsOf::Built(parts) => f.debug_tuple("Built").field(parts).finish(),
            PartsOf::Stored(bytes, decoded) => write!(
                f,
                "Stored({} bytes, decoded: {})",
                bytes.len(),
                decoded.get().is_some()
            ),
        }
    }
}

impl Snapshot {
    pub fn build(folders: Vec<CorpusFolder>) -> Snapshot {
        Snapshot::build_with_progress(folders, &|_, _| {})
    }

    /// Builds the documents and the indexes, calling `progress(done, total)`
    /// as documents finish (from worker threads).
    pub fn build_with_progress(
        folders: Vec<CorpusFolder>,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Snapshot {
        let (documents, vocabulary) = Documents::build_counting(folders, progress);
        Snapshot::index(documents, QuoteIndex::build, FigureIndex::build, |documents| {
            let mut case_counts = CaseCounts::default();
            case_counts.apply(&documents.iter().collect::<Vec<_>>(), 1);
            let names: Vec<Arc<DocEntities>> = documents
                .par_iter()
                .map(|d| Arc::new(DocEntities::of(d, &case_counts)))
                .collect();
            let table = EntityTable::assemble(documents.iter().map(|d| d.id).zip(names.iter().map(|n| &**n)));
            let parts = Parts {
                vocabulary,
                case_counts,
                names,
            };
            (table, parts)
        })
    }

    /// The indexes over `documents`, in parallel; `quotes`, `figures` and
    /// `entities` build them (from scratch, or from what an update keeps),
    /// `entities` with the snapshot's parts.
    fn index(
        documents: Documents,
        quotes: impl FnOnce(&[Document]) -> QuoteIndex + Send,
        figures: impl FnOnce(&[Document]) -> FigureIndex + Send,
        entities: impl FnOnce(&[Document]) -> (EntityTable, Parts) + Send,
    ) -> Snapshot {
        let Documents {
            documents,
            mut problems,
            by_key,
            entity_overrides,
            absent,
        } = documents;
        let overrides = parse_overrides(&entity_overrides, &mut problems);
        let ((quote_index, figure_index), (mut entities, parts)) = rayon::join(
            || rayon::join(|| quotes(&documents), || figures(&documents)),
            || entities(&documents),
        );
        for (path, o) in &overrides {
            for err in entities.apply_overrides(o) {
                problems.push(Problem {
                    path: path.clone(),
                    line: Some(err.line),
                    severity: ProblemSeverity::Warning,
                    message: err.message,
                });
            }
        }
        problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        Snapshot {
            documents,
            problems,
            by_key,
            absent,
            quote_index,
            figure_index,
            entities,
            parts: PartsOf::Built(parts),
            damage: Damage::default(),
        }
    }

    /// Whether something read from this snapshot's stored index failed its
    /// check. What was computed from it since is not to be trusted: the
    /// adapter throws it away and rebuilds the corpus without that index.
    pub fn found_damage(&self) -> bool {
        self.damage.found()
    }

    /// What updating this snapshot needs; an error if they are stored and
    /// fail their check or cannot be read.
    pub(crate) fn parts(&self) -> Result<&Parts, StoredError> {
        match &self.parts {
            PartsOf::Built(parts) => Ok(parts),
            PartsOf::Stored(bytes, decoded) => decoded
                .get_or_init(|| {
                    if !bytes.verify() {
                        return Err(StoredError::Checksum);
                    }
                    let parts: Parts = postcard::from_bytes(bytes)
                        .map_err(|e| StoredError::Malformed(format!("update parts: {e}")))?;
                    if parts.names.len() != self.documents.len() {
                        return Err(StoredError::Malformed("update parts: names per document".into()));
                    }
                    Ok(parts)
                })
                .as_ref()
                .map_err(Clone::clone),
        }
    }

    pub fn document(&self, id: DocId) -> &Document {
        &self.documents[id.0 as usize]
    }

    pub fn by_key(&self, key: &str) -> Option<&Document> {
        self.by_key.get(key).map(|&id| self.document(id))
    }

    pub fn quote_index(&self) -> &QuoteIndex {
        &self.quote_index
    }

    /// What a quote lookup reads.
    pub fn quote_sources(&self) -> QuoteSources<'_> {
        QuoteSources {
            index: &self.quote_index,
            documents: &self.documents,
        }
    }

    pub fn entities(&self) -> &EntityTable {
        &self.entities
    }

    pub fn figure_index(&self) -> &FigureIndex {
        &self.figure_index
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.documents.iter().map(|d| d.reference.key.as_str())
    }

    /// The problems of the sources that could not be read or decoded, and
    /// so are not documents. (A folder's problem names a path without
    /// extension; a document's own warnings name a document.)
    pub fn unreadable_sources(&self) -> Vec<&Problem> {
        let loaded: HashSet<&Path> = self
            .documents
            .iter()
            .flat_map(|d| [d.path.as_path(), d.source_file()])
            .collect();
        self.problems
            .iter()
            .filter(|p| {
                p.line.is_none() && p.path.extension().is_some() && !loaded.contains(p.path.as_path())
            })
            .collect()
    }

    /// Why the source a key names is not in the corpus, if it could not be
    /// read: the file a manifest entry gives the key, else the file whose
    /// name the key would be derived from.
    pub fn unreadable_source(&self, key: &str) -> Option<&Problem> {
        let listed = self.absent.iter().find(|(k, _)| k == key).map(|(_, path)| path);
        self.unreadable_sources().into_iter().find(|p| match listed {
            Some(path) => p.path == *path,
            None => p
                .path
                .file_name()
                .is_some_and(|name| key_from_file_name(&name.to_string_lossy()) == key),
        })
    }
}

fn parse_overrides(
    files: &[(PathBuf, String)],
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, EntityOverrides)> {
    let mut overrides = Vec::new();
    for (path, text) in files {
        match parse_entity_overrides(text) {
            Ok(o) => overrides.push((path.clone(), o)),
            Err(err) => problems.push(Problem {
                path: path.clone(),
                line: Some(err.line),
                severity: ProblemSeverity::Error,
                message: format!("{}; the file is ignored", err.message),
            }),
        }
    }
    overrides
}
