//! The corpus's references written for Pandoc: CSL JSON, or BibTeX.

use biblatex::{Chunk, Entry, EntryType, Spanned};

use super::csl_item;
use crate::corpus::{split_name, Reference};
use crate::text::lexicon::month_name;

/// A CSL JSON list, as `pandoc --citeproc --bibliography refs.json` reads it.
pub fn export_csl_json(references: &[&Reference]) -> String {
    let items: Vec<serde_json::Value> = references.iter().map(|r| csl_item::json_of(r)).collect();
    let mut out = serde_json::to_string_pretty(&items).expect("JSON values serialize");
    out.push('\n');
    out
}

/// BibTeX entries (the subset of BibLaTeX every reader takes).
pub fn export_bibtex(references: &[&Reference]) -> String {
    let mut out = String::new();
    for r in references {
        let entry = bibtex_entry(r);
        // Fields BibTeX lacks are written in BibLaTeX's form rather than lost.
        let mut text = entry
            .to_bibtex_string()
            .unwrap_or_else(|_| entry.to_biblatex_string());
        // The crate can write neither a month macro nor a day, so the
        // date's lines go in by hand, before the entry's closing brace.
        text.insert_str(text.len() - 1, &month_and_date_fields(r.date.as_deref()));
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

/// `month = jun`, the macro every BibTeX style names in its own language
/// (a number prints as a number); and for a full date also BibLaTeX's
/// `date`, the one field that carries the day, which BibLaTeX readers
/// (Pandoc's for `.bib`) prefer and BibTeX ignores.
fn month_and_date_fields(date: Option<&str>) -> String {
    let Some(date) = date else {
        return String::new();
    };
    let month = date.get(5..7).and_then(|m| m.parse().ok()).and_then(month_name);
    let mut fields = String::new();
    if let Some(month) = month {
        fields.push_str(&format!("month = {},\n", &month[..3]));
    }
    if date.len() == 10 {
        fields.push_str(&format!("date = {{{date}}},\n"));
    }
    fields
}

fn bibtex_type(kind: Option<&str>) -> EntryType {
    match kind.map(str::trim) {
        Some("article-journal" | "article" | "article-newspaper" | "article-magazine" | "op-ed") => {
            EntryType::Article
        }
        Some("book") => EntryType::Book,
        Some("chapter") => EntryType::InCollection,
        Some("paper-conference") => EntryType::InProceedings,
        Some("report") => EntryType::TechReport,
        Some("thesis") => EntryType::PhdThesis,
        _ => EntryType::Misc,
    }
}

/// The author field; an organisation verbatim, in braces, since BibTeX
/// would read "World Bank" as a person named Bank.
fn set_authors(entry: &mut Entry, authors: &[String]) {
    let mut chunks = Vec::new();
    for (i, author) in authors.iter().enumerate() {
        if i > 0 {
            chunks.push(Spanned::detached(Chunk::Normal(" and ".into())));
        }
        let chunk = match split_name(author) {
            (None, whole) if whole.contains(' ') => Chunk::Verbatim(whole.to_string()),
            _ => Chunk::Normal(author.trim().to_string()),
        };
        chunks.push(Spanned::detached(chunk));
    }
    entry.set("author", chunks);
}

fn bibtex_entry(r: &Reference) -> Entry {
    let kind = bibtex_type(r.kind.as_deref());
    let mut entry = Entry::new(r.key.clone(), kind.clone());
    if !r.authors.is_empty() {
        set_authors(&mut entry, &r.authors);
    }
    let mut set = |name: &str, value: &str, verbatim: bool| {
        let chunk = if verbatim {
            Chunk::Verbatim(value.to_string())
        } else {
            Chunk::Normal(value.to_string())
        };
        entry.set(name, vec![Spanned::detached(chunk)]);
    };
    if let Some(title) = &r.title {
        // Braced, so that BibTeX styles keep the title's capitals.
        set("title", title, true);
    }
    if let Some(year) = r.year() {
        set("year", year, false);
    }
    let container_field = match kind {
        EntryType::Article => "journal",
        EntryType::InCollection | EntryType::InProceedings => "booktitle",
        _ => "howpublished",
    };
    let fields = [
        (container_field, &r.container),
        ("publisher", &r.publisher),
        ("volume", &r.volume),
        ("number", &r.issue),
        ("pages", &r.pages),
        ("doi", &r.doi),
        ("url", &r.url),
        ("note", &r.note),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            set(name, value, false);
        }
    }
    if let (Some(number), None) = (&r.number, &r.issue) {
        set("number", number, false);
    }
    if kind == EntryType::TechReport {
        if let Some(publisher) = &r.publisher {
            set("institution", publisher, false);
        }
    }
    entry
}
