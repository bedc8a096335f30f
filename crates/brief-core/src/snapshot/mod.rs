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

use std::collections::HashMap;
use std::path::PathBuf;

use crate::corpus::{CorpusFolder, DocId, Document, Documents, Problem, ProblemSeverity};
use crate::entities::{parse_entity_overrides, EntityOverrides, EntityTable};
use crate::figures::FigureIndex;
use crate::quotes::{QuoteIndex, QuoteSources};

#[derive(Debug, Default)]
pub struct Snapshot {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    by_key: HashMap<String, DocId>,
    quote_index: QuoteIndex,
    figure_index: FigureIndex,
    entities: EntityTable,
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
        Snapshot::index(
            Documents::build(folders, progress),
            QuoteIndex::build,
            FigureIndex::build,
            EntityTable::build,
        )
    }

    /// The indexes over `documents`, in parallel; `quotes`, `figures` and
    /// `entities` build them (from scratch, or from what an update keeps).
    fn index(
        documents: Documents,
        quotes: impl FnOnce(&[Document]) -> QuoteIndex + Send,
        figures: impl FnOnce(&[Document]) -> FigureIndex + Send,
        entities: impl FnOnce(&[Document]) -> EntityTable + Send,
    ) -> Snapshot {
        let Documents {
            documents,
            mut problems,
            by_key,
            entity_overrides,
        } = documents;
        let overrides = parse_overrides(&entity_overrides, &mut problems);
        let ((quote_index, figure_index), mut entities) = rayon::join(
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
            quote_index,
            figure_index,
            entities,
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
