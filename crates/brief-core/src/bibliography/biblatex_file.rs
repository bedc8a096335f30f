//! BibTeX and BibLaTeX files: parsed by the `biblatex` crate, each entry
//! converted by hayagriva on its own (so one malformed entry does not hide
//! the others), with the `file` field kept, which hayagriva drops.

use biblatex::{Bibliography, ChunksExt};

use super::{BibEntry, Parsed, Record};
use crate::corpus::Reference;
use crate::text::is_valid_citation_key;

/// The 1-based line of a parse error at byte `at`. An error at the end of
/// the file (an entry left open) is put on its last line with text, not on
/// the line after the final newline, which no editor shows.
fn error_line(text: &str, at: usize) -> usize {
    let at = if at >= text.len() {
        text.trim_end().len()
    } else {
        at
    };
    let before = text.get(..at).unwrap_or(text);
    before.matches('\n').count() + 1
}

pub(super) fn parse(text: &str, origin: &str) -> Parsed {
    let bibliography = match Bibliography::parse(text) {
        Ok(b) => b,
        Err(err) => {
            return Parsed::unreadable(format!("line {}: {}", error_line(text, err.span.start), err.kind));
        }
    };
    let mut parsed = Parsed::default();
    for tex in bibliography.iter() {
        if !is_valid_citation_key(&tex.key) {
            parsed
                .errors
                .push(format!("`{}` is not a valid citation key", tex.key));
            continue;
        }
        let entry = match hayagriva::Entry::try_from(tex) {
            Ok(entry) => entry,
            Err(err) => {
                parsed.errors.push(format!("@{}: {err}", tex.key));
                continue;
            }
        };
        let files = tex
            .get("file")
            .map(|chunks| attachment_paths(&chunks.format_verbatim()))
            .unwrap_or_default();
        parsed.entries.push(BibEntry {
            reference: summary(&entry),
            files,
            origin: origin.to_string(),
            record: Record::Biblatex(Box::new(entry)),
        });
    }
    parsed
}

fn summary(entry: &hayagriva::Entry) -> Reference {
    let text = |s: Option<&hayagriva::types::FormatString>| s.map(|s| s.value.to_str().trim().to_string());
    let date = entry.date().map(|d| {
        let mut out = format!("{:04}", d.year);
        if let Some(month) = d.month {
            out.push_str(&format!("-{:02}", month + 1));
            if let Some(day) = d.day {
                out.push_str(&format!("-{:02}", day + 1));
            }
        }
        out
    });
    Reference {
        key: entry.key().to_string(),
        kind: Some(format!("{:?}", entry.entry_type()).to_lowercase()),
        title: text(entry.title()),
        authors: entry
            .authors()
            .unwrap_or_default()
            .iter()
            .map(|p| p.given_first(false))
            .collect(),
        date,
        container: entry.parents().first().and_then(|p| text(p.title())),
        doi: entry.doi().map(str::to_string),
        url: entry.url().map(|u| u.value.to_string()),
        ..Reference::default()
    }
}

/// The paths in a `file` field: Better BibTeX writes `path;path`, Zotero
/// and JabRef `description:path:mime-type;…`, with `\:` for a colon inside
/// a path (`C\:/Users/…`).
fn attachment_paths(field: &str) -> Vec<String> {
    const COLON: char = '\u{0}';
    field
        .replace("\\:", &COLON.to_string())
        .split(';')
        .filter_map(|one| {
            let parts: Vec<&str> = one.split(':').collect();
            let path = if parts.len() >= 3 {
                parts[1..parts.len() - 1].join(":")
            } else {
                one.to_string()
            };
            let path = path.replace(COLON, ":").trim().to_string();
            (!path.is_empty()).then_some(path)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::attachment_paths;

    #[test]
    fn attachment_paths_as_zotero_better_bibtex_and_jabref_write_them() {
        assert_eq!(
            attachment_paths("/home/a/Zotero/storage/X/Lukin - 2020.pdf"),
            ["/home/a/Zotero/storage/X/Lukin - 2020.pdf"]
        );
        assert_eq!(
            attachment_paths(
                "Full Text PDF:files/12/lukin.pdf:application/pdf;Snapshot:files/12/page.html:text/html"
            ),
            ["files/12/lukin.pdf", "files/12/page.html"]
        );
        assert_eq!(
            attachment_paths(":C\\:/Users/a/lukin.pdf:PDF"),
            ["C:/Users/a/lukin.pdf"]
        );
        assert!(attachment_paths(" ").is_empty());
    }
}
