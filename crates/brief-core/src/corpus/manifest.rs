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
struct ManifestToml<Entry> {
    /// One entry per document; a file not listed gets a key derived from
    /// its name.
    #[serde(default)]
    document: Vec<Entry>,
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
        .into_root_schema_for::<ManifestToml<EntryToml>>()
}

/// A manifest as read: the entries it keeps, and what it had to say about
/// the others.
#[derive(Debug, Default)]
pub struct Manifest {
    pub entries: Vec<ManifestEntry>,
    /// Unknown fields (ignored, with the nearest known field) and entries
    /// left out (their files get keys derived from their names).
    pub problems: Vec<ManifestProblem>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct ManifestProblem {
    pub error: TomlError,
    /// Whether the entry was left out; otherwise only a field was ignored.
    pub entry_left_out: bool,
}

/// Reads `corpus.toml` entry by entry, so that one entry's mistake costs
/// that entry (or just the mistyped field), never the whole manifest: one
/// typo used to turn every key of the folder into a derived one. Only a
/// file that is not TOML at all is an error.
pub fn parse_manifest(text: &str) -> Result<Manifest, TomlError> {
    let parsed: ManifestToml<toml::Table> =
        toml::from_str(text).map_err(|err| TomlError::from_toml(text, &err))?;
    let entry_lines = entry_lines(text);
    let mut manifest = Manifest::default();
    for (i, table) in parsed.document.into_iter().enumerate() {
        let line = entry_lines.get(i).copied().unwrap_or(1);
        match parse_entry(text, line, table, &mut manifest.problems) {
            Ok(entry) => manifest.entries.push(entry),
            Err(error) => manifest.problems.push(ManifestProblem {
                error,
                entry_left_out: true,
            }),
        }
    }
    Ok(manifest)
}

/// One `[[document]]` table at `line`. Unknown fields are dropped with a
/// problem each, and the rest is read again.
fn parse_entry(
    text: &str,
    line: usize,
    mut table: toml::Table,
    problems: &mut Vec<ManifestProblem>,
) -> Result<ManifestEntry, TomlError> {
    let entry: EntryToml = loop {
        let err = match toml::Value::Table(table.clone()).try_into() {
            Ok(entry) => break entry,
            Err(err) => err,
        };
        let message = err.message().trim().to_string();
        let unknown = unknown_field(&message).filter(|field| table.contains_key(field.as_str()));
        let Some(field) = unknown else {
            return Err(TomlError { line, message });
        };
        table.remove(&field);
        problems.push(ManifestProblem {
            error: TomlError {
                line: field_line(text, line, &field),
                message: unknown_field_message(&field),
            },
            entry_left_out: false,
        });
    };
    if !is_valid_citation_key(&entry.reference.key) {
        return Err(TomlError {
            line: field_line(text, line, "key"),
            message: format!(
                "`{}` is not a valid citation key (letters, digits and `_`, with `:.#$%&-+?<>~/` inside)",
                entry.reference.key
            ),
        });
    }
    let mut reference = entry.reference;
    // An unreadable date costs the date, not the entry and its key.
    if let Some(written) = reference.date.take() {
        reference.date = iso_date(&written);
        if reference.date.is_none() {
            problems.push(ManifestProblem {
                error: TomlError {
                    line: field_line(text, line, "date"),
                    message: format!(
                        "date `{written}` is not a date brief-lsp can read: write YYYY, YYYY-MM or YYYY-MM-DD (\"2023-03\"), or a month and year (\"March 2023\", \"12 March 2023\"); it is ignored"
                    ),
                },
                entry_left_out: false,
            });
        }
    }
    Ok(ManifestEntry {
        file: entry.file.replace('\\', "/"),
        reference,
        line,
    })
}

/// The fields an entry may have, for the suggestion after a typo.
const FIELDS: &[&str] = &[
    "file",
    "key",
    "type",
    "title",
    "authors",
    "date",
    "container",
    "publisher",
    "volume",
    "issue",
    "number",
    "pages",
    "doi",
    "url",
    "note",
];

fn unknown_field(message: &str) -> Option<String> {
    Some(
        message
            .strip_prefix("unknown field `")?
            .split('`')
            .next()?
            .to_string(),
    )
}

fn unknown_field_message(field: &str) -> String {
    let nearest = FIELDS
        .iter()
        .map(|known| (strsim::damerau_levenshtein(field, known), *known))
        .filter(|(distance, known)| *distance <= 2.max(known.len() / 3))
        .min();
    match nearest {
        Some((_, known)) => format!("unknown field `{field}` (did you mean `{known}`?); it is ignored"),
        None => format!(
            "unknown field `{field}`; it is ignored (known fields: {})",
            FIELDS.join(", ")
        ),
    }
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

/// An author as (given names, family name). Written "Given Names Family",
/// the family name is the last word with the lower-case particles before
/// it ("Jean de la Fontaine": "de la Fontaine", as BibTeX reads a von part);
/// written "Family, Given" (Google Scholar's `citation_author`, many
/// manifests), the comma splits them. An organisation ("World Bank") is one
/// name, with no given names, as is a name in braces ("{BBC News}", as
/// BibTeX writes a name not to be split), shown without them.
pub fn split_name(author: &str) -> (Option<&str>, &str) {
    let author = author.trim();
    let unbraced = author.trim_start_matches('{').trim_end_matches('}');
    if unbraced.len() < author.len() && !unbraced.trim().is_empty() {
        return (None, unbraced.trim());
    }
    if is_organisation_name(author) {
        return (None, author);
    }
    if let Some((family, given)) = author.split_once(',') {
        let (family, given) = (family.trim(), given.trim());
        if !family.is_empty() && !given.is_empty() {
            return (Some(given), family);
        }
    }
    let Some(mut family_start) = author.rfind(' ').map(|i| i + 1) else {
        return (None, author);
    };
    while let Some((rest, word)) = author[..family_start].trim_end().rsplit_once(' ') {
        if rest.trim().is_empty() || !word.starts_with(|c: char| c.is_lowercase()) {
            break;
        }
        family_start = rest.len() + 1;
    }
    (Some(author[..family_start].trim_end()), &author[family_start..])
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
        let entries = parse_manifest(text).unwrap().entries;
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
        let manifest = parse_manifest(text).unwrap();
        let [problem] = manifest.problems.as_slice() else {
            panic!("one problem: {:?}", manifest.problems)
        };
        assert_eq!(problem.error.line, 9, "the date's own line: {}", problem.error);
        assert!(
            problem.error.message.contains("`Spring 2023`"),
            "{}",
            problem.error
        );
        assert!(!problem.entry_left_out, "only the date is dropped");
        let [first, second] = manifest.entries.as_slice() else {
            panic!("both entries are kept: {:?}", manifest.entries)
        };
        assert_eq!(first.reference.year(), Some("2023"));
        assert_eq!(
            (second.reference.key.as_str(), second.reference.date.as_deref()),
            ("b", None)
        );
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
        assert_eq!(split_name("Nansen, Fridtjof"), (Some("Fridtjof"), "Nansen"));
        assert_eq!(
            split_name("Jean de la Fontaine"),
            (Some("Jean"), "de la Fontaine")
        );
        assert_eq!(
            split_name("Ludwig van Beethoven"),
            (Some("Ludwig"), "van Beethoven")
        );
        assert_eq!(split_name("Hélène Dubois"), (Some("Hélène"), "Dubois"));
        assert_eq!(split_name("Plato"), (None, "Plato"));
    }

    /// Trial 10: "BBC News" showed as "News 2004".
    #[test]
    fn a_newsroom_or_a_braced_name_is_kept_whole() {
        for (author, shown) in [
            ("BBC News", "BBC News 2004"),
            ("{{Kessel Harbour Pilots}}", "Kessel Harbour Pilots 2004"),
            ("{Anna Berg}", "Anna Berg 2004"),
        ] {
            let reference = Reference {
                authors: vec![author.into()],
                date: Some("2004".into()),
                ..Reference::default()
            };
            assert_eq!(reference.author_year(), shown, "{author}");
        }
    }

    fn keys(manifest: &Manifest) -> Vec<&str> {
        manifest
            .entries
            .iter()
            .map(|e| e.reference.key.as_str())
            .collect()
    }

    /// One typo used to throw the whole manifest away, so every key of the
    /// folder became a derived one.
    #[test]
    fn a_mistyped_field_is_ignored_with_a_suggestion_and_the_entry_kept() {
        let text = "[[document]]\nfile = \"a.txt\"\nkey = \"a\"\nauthor = [\"Ann Lee\"]\ntitel = \"x\"\n\n[[document]]\nfile = \"b.txt\"\nkey = \"b\"\nzzz = 1\n";
        let manifest = parse_manifest(text).unwrap();
        assert_eq!(keys(&manifest), ["a", "b"]);
        let problems: Vec<(usize, &str, bool)> = manifest
            .problems
            .iter()
            .map(|p| (p.error.line, p.error.message.as_str(), p.entry_left_out))
            .collect();
        assert_eq!(
            problems,
            [
                (4, "unknown field `author` (did you mean `authors`?); it is ignored", false),
                (5, "unknown field `titel` (did you mean `title`?); it is ignored", false),
                (
                    10,
                    "unknown field `zzz`; it is ignored (known fields: file, key, type, title, authors, date, container, publisher, volume, issue, number, pages, doi, url, note)",
                    false
                ),
            ]
        );
    }

    #[test]
    fn a_bad_entry_is_left_out_at_its_line_and_the_others_kept() {
        let text = "[[document]]\nfile = \"a.txt\"\nkey = \"a b\"\n\n[[document]]\nfile = \"b.txt\"\nkey = \"b\"\n\n[[document]]\nkey = \"c\"\n";
        let manifest = parse_manifest(text).unwrap();
        assert_eq!(keys(&manifest), ["b"]);
        let lines: Vec<(usize, bool)> = manifest
            .problems
            .iter()
            .map(|p| (p.error.line, p.entry_left_out))
            .collect();
        assert_eq!(lines, [(3, true), (9, true)], "{:?}", manifest.problems);
        assert!(
            manifest.problems[1].error.message.contains("file"),
            "{:?}",
            manifest.problems[1]
        );
    }

    #[test]
    fn every_known_field_is_read() {
        let text = format!(
            "[[document]]\n{}",
            FIELDS
                .iter()
                .map(|f| match *f {
                    "authors" => "authors = [\"A B\"]\n".to_string(),
                    "date" => "date = \"2020\"\n".to_string(),
                    other => format!("{other} = \"x\"\n"),
                })
                .collect::<String>()
        );
        let manifest = parse_manifest(&text).unwrap();
        assert_eq!(
            manifest.problems,
            [],
            "FIELDS lists a field the entry does not have"
        );
        assert_eq!(manifest.entries.len(), 1);
    }

    #[test]
    fn a_file_that_is_not_toml_is_an_error_at_its_line() {
        let err = parse_manifest("[[document]]\nfile = a.txt\n").unwrap_err();
        assert_eq!(err.line, 2);
    }
}
