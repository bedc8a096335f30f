//! `corpus.toml`: the citation key and bibliographic facts of each document
//! of a corpus folder.
//!
//! ```toml
//! [[document]]
//! file = "003_9556968063aa75cc.txt"
//! key = "lukin2020"
//! type = "article-journal"
//! title = "The Russia–China entente and its future"
//! authors = ["Artyom Lukin"]
//! container = "International Politics"
//! volume = "58"
//! pages = "363–380"
//! date = "2020-06-13"
//! doi = "10.1057/s41311-020-00251-7"
//! ```

use serde::Deserialize;

use crate::text::lexicon::{is_organisation_name, month_number};
use crate::text::{field_line, is_valid_citation_key, TomlError};

/// The bibliographic facts of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The citation key: letters, digits and `_`, with `:.#$%&-+?<>~/`
    /// inside.
    pub key: String,
    /// Free text: article, article-journal, op-ed, report, event-summary, …
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The journal, newspaper, website or series the document appeared in.
    pub container: Option<String>,
    pub publisher: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    /// E.g. a report series number.
    pub number: Option<String>,
    pub pages: Option<String>,
    pub doi: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// `corpus.toml`: the citation key and bibliographic facts of the documents
/// of a corpus folder.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "corpus.toml"))]
#[serde(deny_unknown_fields)]
struct ManifestToml {
    /// One entry per document; a file not listed gets a key derived from
    /// its name.
    #[serde(default)]
    document: Vec<EntryToml>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct EntryToml {
    /// The document's path, relative to the folder.
    file: String,
    #[serde(flatten)]
    reference: Reference,
}

/// One `[[document]]` of a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestEntry {
    /// The document's path relative to the manifest's folder, with `/`.
    pub file: String,
    pub reference: Reference,
    /// 1-based line of the entry, for messages.
    pub line: usize,
}

/// The JSON Schema (draft 7) of `corpus.toml`.
#[cfg(feature = "schema")]
pub fn manifest_schema() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<ManifestToml>()
}

pub fn parse_manifest(text: &str) -> Result<Vec<ManifestEntry>, TomlError> {
    let parsed: ManifestToml = toml::from_str(text).map_err(|err| TomlError::from_toml(text, &err))?;
    let entry_lines = entry_lines(text);
    let mut entries = Vec::with_capacity(parsed.document.len());
    for (i, entry) in parsed.document.into_iter().enumerate() {
        let line = entry_lines.get(i).copied().unwrap_or(1);
        if !is_valid_citation_key(&entry.reference.key) {
            return Err(TomlError {
                line,
                message: format!(
                    "`{}` is not a valid citation key (letters, digits and `_`, with `:.#$%&-+?<>~/` inside)",
                    entry.reference.key
                ),
            });
        }
        let mut reference = entry.reference;
        if let Some(written) = reference.date.take() {
            let date = iso_date(&written).ok_or_else(|| TomlError {
                line: field_line(text, line, "date"),
                message: format!(
                    "date `{written}` is not a date brief-lsp can read: write YYYY, YYYY-MM or YYYY-MM-DD (\"2023-03\"), or a month and year (\"March 2023\", \"12 March 2023\")"
                ),
            })?;
            reference.date = Some(date);
        }
        entries.push(ManifestEntry {
            file: entry.file.replace('\\', "/"),
            reference,
            line,
        });
    }
    Ok(entries)
}

/// A manifest date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: written so, or as
/// an English month and year ("March 2023", "12 March 2023", "March 12,
/// 2023", "Mar. 2023"); `None` for anything else, which would otherwise be
/// dropped from every reference without a word.
fn iso_date(written: &str) -> Option<String> {
    let written = written.trim();
    let numbers: Vec<&str> = written.split('-').collect();
    let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let in_range = |part: &str, max: u32| part.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    match numbers.as_slice() {
        [y] if digits(y, 4) => return Some(written.to_string()),
        [y, m] if digits(y, 4) && digits(m, 2) && in_range(m, 12) => return Some(written.to_string()),
        [y, m, d] if digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31) => {
            return Some(written.to_string())
        }
        _ => {}
    }
    let words: Vec<String> = written
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_ascii_lowercase())
        .collect();
    let day = |w: &str| {
        let n: u32 = w.parse().ok().filter(|n| (1..=31).contains(n) && w.len() <= 2)?;
        Some(format!("{n:02}"))
    };
    let year = |w: &str| digits(w, 4).then(|| w.to_string());
    let (y, m, d) = match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [m, y] => (year(y)?, month_number(m)?, None),
        [d, m, y] if day(d).is_some() => (year(y)?, month_number(m)?, day(d)),
        [m, d, y] => (year(y)?, month_number(m)?, Some(day(d)?)),
        _ => return None,
    };
    Some(match d {
        Some(d) => format!("{y}-{m:02}-{d}"),
        None => format!("{y}-{m:02}"),
    })
}

fn entry_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[document]]"))
        .map(|(i, _)| i + 1)
        .collect()
}

impl Reference {
    pub fn year(&self) -> Option<&str> {
        let date = self.date.as_deref()?;
        date.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
    }

    /// "Trenin 2016", "Makocki and Popescu 2016", "Smith et al. 2020": the
    /// short label of completion details and hovers (the full reference is
    /// rendered by a CSL style, `bibliography::Style`).
    pub fn author_year(&self) -> String {
        let surname = |author: &str| split_name(author).1.to_string();
        let names = match self.authors.as_slice() {
            [] => self
                .container
                .clone()
                .or(self.publisher.clone())
                .unwrap_or_default(),
            [one] => surname(one),
            [a, b] => format!("{} and {}", surname(a), surname(b)),
            [a, ..] => format!("{} et al.", surname(a)),
        };
        match self.year() {
            Some(year) if names.is_empty() => year.to_string(),
            Some(year) => format!("{names} {year}"),
            None => names,
        }
    }
}

/// A `corpus.toml` author, "Given Names Family", as (given names, family
/// name): the family name is the last word. An organisation ("World Bank")
/// is one name, with no given names.
pub fn split_name(author: &str) -> (Option<&str>, &str) {
    let author = author.trim();
    if is_organisation_name(author) {
        return (None, author);
    }
    match author.rsplit_once(' ') {
        Some((given, family)) => (Some(given.trim_end()), family),
        None => (None, author),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15, item 1: `date[..4]` panicked when the 4th byte fell inside
    /// a character.
    #[test]
    fn year_of_a_date_with_non_ascii_in_its_first_bytes_is_none_not_a_panic() {
        for date in ["12 мая 2020", "12€4", "é"] {
            let reference = Reference {
                date: Some(date.to_string()),
                ..Reference::default()
            };
            assert_eq!(reference.year(), None, "{date}");
        }
        let reference = Reference {
            date: Some("2020-05-12".to_string()),
            ..Reference::default()
        };
        assert_eq!(reference.year(), Some("2020"));
    }

    #[test]
    fn entries_parse_with_their_lines() {
        let text = "# seeds\n[[document]]\nfile = \"a.txt\"\nkey = \"lukin2020\"\nauthors = [\"Artyom Lukin\"]\ndate = \"2020-06-13\"\ntitle = \"The Russia–China entente and its future\"\ncontainer = \"International Politics\"\nvolume = \"58\"\npages = \"363–380\"\n\n[[document]]\nfile = \"b.txt\"\nkey = \"makocki2016\"\nauthors = [\"Michal Makocki\", \"Nicu Popescu\"]\ndate = \"2016-12-01\"\n";
        let entries = parse_manifest(text).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].line, 12);
        assert_eq!(entries[0].reference.author_year(), "Lukin 2020");
        assert_eq!(entries[1].reference.author_year(), "Makocki and Popescu 2016");
    }

    #[test]
    fn dates_are_read_in_iso_and_english_forms_and_others_are_errors() {
        for (written, read) in [
            ("2023", "2023"),
            ("2023-03", "2023-03"),
            ("2023-03-09", "2023-03-09"),
            ("March 2023", "2023-03"),
            ("Sept. 2021", "2021-09"),
            ("12 March 2023", "2023-03-12"),
            ("March 9, 2023", "2023-03-09"),
        ] {
            assert_eq!(iso_date(written).as_deref(), Some(read), "{written}");
        }
        for written in [
            "Spring 2023",
            "2023-13",
            "2023/03/09",
            "12 мая 2020",
            "March 32, 2023",
            "23",
        ] {
            assert_eq!(iso_date(written), None, "{written}");
        }
        let text = "[[document]]\nfile = \"a.txt\"\nkey = \"a\"\ndate = \"March 2023\"\n\n[[document]]\nfile = \"b.txt\"\nkey = \"b\"\ndate = \"Spring 2023\"\n";
        let err = parse_manifest(text).unwrap_err();
        assert_eq!(err.line, 9, "the date's own line: {err}");
        assert!(err.message.contains("`Spring 2023`"), "{err}");
        let entries = parse_manifest(&text[..text.find("\n\n").unwrap()]).unwrap();
        assert_eq!(entries[0].reference.year(), Some("2023"));
    }

    #[test]
    fn an_organisation_as_author_is_named_whole() {
        let reference = Reference {
            authors: vec!["Kessel Harbour Authority".into()],
            date: Some("2023".into()),
            ..Reference::default()
        };
        assert_eq!(reference.author_year(), "Kessel Harbour Authority 2023");
        assert_eq!(split_name("Artyom Lukin"), (Some("Artyom"), "Lukin"));
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_manifest("[[document]]\nfile = \"a.txt\"\nkey = \"a\"\ntitel = \"x\"\n").unwrap_err();
        assert_eq!(err.line, 4, "{err}");
        assert!(err.message.contains("titel"), "{err}");
        let err = parse_manifest("[[document]]\nfile = \"a.txt\"\nkey = \"a b\"\n").unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse_manifest("[[document]]\nfile = a.txt\n").unwrap_err();
        assert_eq!(err.line, 2);
    }
}
