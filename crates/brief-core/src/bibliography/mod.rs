//! The bibliography Pandoc reads: BibTeX/BibLaTeX, CSL JSON and CSL YAML
//! files and a brief's inline `references:`, parsed with hayagriva,
//! biblatex and citationberg; references rendered in a CSL style; the
//! corpus's references exported for `pandoc --citeproc`.
//!
//! Every reference, from a bibliography or from `corpus.toml`, is a
//! [`BibEntry`]: a [`Reference`] summary (key, title, authors, date) for
//! completion, labels and comparisons, and the full record the CSL
//! processor renders.

mod biblatex_file;
mod csl_item;
mod export;
mod front_matter;
mod references;
mod style;

pub use export::{export_bibtex, export_csl_json};
pub use front_matter::{front_matter_of, FrontMatter};
pub use references::{BibSource, BriefReferences, ReferenceProblem};
pub use style::Style;

use crate::corpus::Reference;

/// One reference: its summary and the record the CSL processor renders.
#[derive(Clone, Debug)]
pub struct BibEntry {
    pub reference: Reference,
    /// The `file` field Zotero and Better BibTeX write: the paths of the
    /// entry's attachments (PDFs), as written.
    pub files: Vec<String>,
    /// Where the entry comes from, for messages: `refs.bib`, `corpus.toml`,
    /// `front matter`.
    pub origin: String,
    record: Record,
}

/// The two record types hayagriva's CSL processor renders. Its `EntryLike`
/// trait is sealed, so they cannot be one type; `style::render` matches.
#[derive(Clone, Debug)]
enum Record {
    Biblatex(Box<hayagriva::Entry>),
    Csl(citationberg::json::Item),
}

/// A bibliography file's format, as Pandoc chooses it: by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BibFormat {
    /// `.bib`, `.bibtex`: BibLaTeX (a superset of BibTeX, as Pandoc reads it).
    Biblatex,
    /// `.json`
    CslJson,
    /// `.yaml`, `.yml`
    CslYaml,
}

impl BibFormat {
    pub fn from_extension(ext: &str) -> Option<BibFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "bib" | "bibtex" => Some(BibFormat::Biblatex),
            "json" => Some(BibFormat::CslJson),
            "yaml" | "yml" => Some(BibFormat::CslYaml),
            _ => None,
        }
    }
}

/// A bibliography file parsed: the entries that could be read, and a
/// message per entry that could not.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    pub entries: Vec<BibEntry>,
    pub errors: Vec<String>,
    /// Why the file as a whole could not be read (a syntax error), when it
    /// could not: then it gives no entries at all, as in Pandoc.
    pub unreadable: Option<String>,
}

impl Parsed {
    fn unreadable(why: String) -> Parsed {
        Parsed {
            unreadable: Some(why),
            ..Parsed::default()
        }
    }
}

/// Parses a bibliography file's text. `origin` names it in messages.
pub fn parse_bibliography(text: &str, format: BibFormat, origin: &str) -> Parsed {
    match format {
        BibFormat::Biblatex => biblatex_file::parse(text, origin),
        BibFormat::CslJson => match serde_json::from_str::<Vec<citationberg::json::Item>>(text) {
            Ok(items) => csl_item::entries(items, origin),
            Err(err) => Parsed::unreadable(format!("not CSL JSON (a list of items): {err}")),
        },
        BibFormat::CslYaml => csl_item::parse_yaml(text, origin),
    }
}

impl BibEntry {
    /// A `corpus.toml` reference as a CSL item, so that it renders through
    /// the same processor as a bibliography's entries.
    pub fn from_reference(reference: &Reference, origin: &str) -> BibEntry {
        BibEntry {
            reference: reference.clone(),
            files: Vec::new(),
            origin: origin.to_string(),
            record: Record::Csl(csl_item::from_reference(reference)),
        }
    }

    pub fn key(&self) -> &str {
        &self.reference.key
    }
}

#[cfg(test)]
mod tests;
