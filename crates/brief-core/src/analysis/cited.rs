//! What a citation key names: a corpus document, a bibliography entry, or
//! both. A bibliography entry is linked to its document by key (the same
//! key in `corpus.toml` or the file name), else by its `file` paths (what
//! Zotero and Better BibTeX write, or the project's
//! `[bibliography-documents]`) matched against the corpus's files.

use std::path::Path;

use crate::bibliography::BibEntry;
use crate::brief::Brief;
use crate::corpus::{DocId, Document, Reference};
use crate::snapshot::Snapshot;

pub(super) struct Cited<'a> {
    pub key: &'a str,
    /// The document quotes and figures are checked against, if any.
    pub doc: Option<&'a Document>,
    /// The bibliography's entry, if the brief's bibliography has the key.
    pub entry: Option<&'a BibEntry>,
}

pub(super) fn resolve<'a>(corpus: &'a Snapshot, brief: &'a Brief, key: &str) -> Option<Cited<'a>> {
    match brief.references.get(key) {
        Some(entry) => Some(Cited {
            key: entry.key(),
            doc: corpus.by_key(key).or_else(|| document_by_file(corpus, entry)),
            entry: Some(entry),
        }),
        None => corpus.by_key(key).map(|doc| Cited {
            key: &doc.reference.key,
            doc: Some(doc),
            entry: None,
        }),
    }
}

/// The corpus document a cited key's quotes and figures are checked
/// against.
pub(super) fn document_of<'a>(corpus: &'a Snapshot, brief: &'a Brief, key: &str) -> Option<&'a Document> {
    resolve(corpus, brief, key)?.doc
}

/// The key the brief should cite `doc` by: the key of the bibliography
/// entry linked to it, where the brief's bibliography has one (Pandoc
/// resolves only the bibliography's keys), else the corpus key. Messages,
/// hovers and "cite instead" fixes all name a document through this.
pub(super) fn key_for<'a>(corpus: &'a Snapshot, brief: &'a Brief, doc: DocId) -> &'a str {
    let doc = corpus.document(doc);
    let name = doc.source_file();
    // Only an entry of the same key or naming a file like the document's can
    // link to it; `resolve` settles which document such an entry means.
    let may_link = |entry: &BibEntry| {
        entry.key() == doc.reference.key
            || entry.files.iter().map(Path::new).any(|file| {
                file.file_name() == name.file_name()
                    || (file.file_stem().is_some() && file.file_stem() == name.file_stem())
            })
    };
    brief
        .references
        .entries()
        .iter()
        .filter(|entry| may_link(entry))
        .find(|entry| document_of(corpus, brief, entry.key()).is_some_and(|d| d.id == doc.id))
        .map_or(&doc.reference.key, |entry| entry.key())
}

impl Cited<'_> {
    /// The summary shown: the bibliography's, else `corpus.toml`'s.
    pub fn reference(&self) -> &Reference {
        match (self.entry, self.doc) {
            (Some(entry), _) => &entry.reference,
            (None, Some(doc)) => &doc.reference,
            (None, None) => unreachable!("a resolved key has an entry or a document"),
        }
    }

    /// Where `corpus.toml` and the bibliography disagree on this key: title
    /// or year, compared as a reader would (case, punctuation and spacing
    /// aside). Documents without a manifest entry have no facts to compare.
    pub fn mismatch(&self) -> Option<String> {
        let (entry, doc) = (self.entry?, self.doc?);
        if !doc.has_manifest_entry {
            return None;
        }
        let (ours, theirs) = (&doc.reference, &entry.reference);
        let mut differences = Vec::new();
        if let (Some(a), Some(b), false) = (&ours.title, &theirs.title, doc.title_from_text) {
            if letters(a) != letters(b) {
                differences.push(format!("title “{a}” against “{b}”"));
            }
        }
        if let (Some(a), Some(b)) = (ours.year(), theirs.year()) {
            if a != b {
                differences.push(format!("year {a} against {b}"));
            }
        }
        (!differences.is_empty()).then(|| {
            format!(
                "corpus.toml and {} disagree on @{}: {}",
                entry.origin,
                self.key,
                differences.join(", ")
            )
        })
    }
}

fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The corpus document one of the entry's `file` paths names: the same
/// file name, with the most trailing folders in common; else the same name
/// without extension (`lukin.pdf` for a `lukin.txt` converted by hand).
fn document_by_file<'a>(corpus: &'a Snapshot, entry: &BibEntry) -> Option<&'a Document> {
    let mut best: Option<(usize, &Document)> = None;
    for file in &entry.files {
        let file = Path::new(file);
        for doc in &corpus.documents {
            // A PDF or web page's own path, not that of its extracted text.
            let path = doc.source_file();
            let score = if path.file_name() == file.file_name() {
                1 + common_suffix(path, file)
            } else if path.file_stem().is_some() && path.file_stem() == file.file_stem() {
                1
            } else {
                continue;
            };
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, doc));
            }
        }
    }
    best.map(|(_, doc)| doc)
}

fn common_suffix(a: &Path, b: &Path) -> usize {
    a.components()
        .rev()
        .zip(b.components().rev())
        .take_while(|(x, y)| x == y)
        .count()
}
