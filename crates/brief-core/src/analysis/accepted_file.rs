//! `.brief-lsp/accepted.toml` as text: its entries, and the edit that
//! records one more. The adapters read and write the file; this module only
//! sees its text, so the edit is plain data a client can apply.

use serde::{Deserialize, Serialize};

use super::{Acceptance, Edit};
use crate::text::{TextRange, TomlError};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceptedFile {
    #[serde(default)]
    accepted: Vec<Acceptance>,
}

const HEADER: &str = "# Findings accepted in briefs (brief-lsp); commit this file with them.\n\n";

pub fn parse_accepted(text: &str) -> Result<Vec<Acceptance>, TomlError> {
    toml::from_str::<AcceptedFile>(text)
        .map(|f| f.accepted)
        .map_err(|err| TomlError::from_toml(text, &err))
}

/// An entry as a `[[accepted]]` table.
pub fn render_acceptance(entry: &Acceptance) -> String {
    toml::to_string(&AcceptedFile {
        accepted: vec![entry.clone()],
    })
    .unwrap_or_default()
}

/// The edit that records `entry` in the accepted-findings file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedFileEdit {
    /// The file does not exist yet: create it, then apply `edit` to it empty.
    pub create: bool,
    /// A byte range of the file's current text, and what replaces it.
    pub edit: Edit,
}

/// Records `entry` in the file whose text is `existing` (`None`: no file
/// yet). Usually an append; a file that holds its entries as an inline
/// array (`accepted = []`) would be made invalid by an appended
/// `[[accepted]]` table, so there the array is rewritten as tables.
pub fn record_acceptance(existing: Option<&str>, entry: &Acceptance) -> AcceptedFileEdit {
    let body = render_acceptance(entry);
    let Some(text) = existing else {
        return AcceptedFileEdit {
            create: true,
            edit: Edit {
                range: TextRange::empty(0),
                new_text: format!("{HEADER}{body}"),
            },
        };
    };
    if let Some(rewritten) = rewrite_inline_array(text, &body) {
        return AcceptedFileEdit {
            create: false,
            edit: Edit {
                range: TextRange::new(0, text.len()),
                new_text: rewritten,
            },
        };
    }
    let separator = if text.is_empty() || text.ends_with("\n\n") {
        ""
    } else if text.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    AcceptedFileEdit {
        create: false,
        edit: Edit {
            range: TextRange::empty(text.len()),
            new_text: format!("{separator}{body}"),
        },
    }
}

/// `text` with its inline `accepted = [...]` array turned into tables and
/// the table in `body` added; `None` when `text` has no such array (or does
/// not parse: then an append keeps the user's text as it is).
fn rewrite_inline_array(text: &str, body: &str) -> Option<String> {
    let mut doc: toml_edit::DocumentMut = text.parse().ok()?;
    let array = doc.get("accepted")?.as_array()?;
    let mut tables = toml_edit::ArrayOfTables::new();
    for value in array.iter() {
        tables.push(value.as_inline_table()?.clone().into_table());
    }
    // Comments above `accepted = [...]` belong to its key; keep them above
    // the first table.
    let comments = doc
        .as_table()
        .key("accepted")
        .and_then(|k| k.leaf_decor().prefix())
        .cloned();
    doc.remove("accepted");
    let new: toml_edit::DocumentMut = body.parse().ok()?;
    for table in new.get("accepted")?.as_array_of_tables()?.iter() {
        tables.push(table.clone());
    }
    if let (Some(first), Some(comments)) = (tables.get_mut(0), comments) {
        first.decor_mut().set_prefix(comments);
    }
    doc.insert("accepted", toml_edit::Item::ArrayOfTables(tables));
    Some(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> Acceptance {
        Acceptance {
            brief: "brief.md".into(),
            code: "figure-unsupported".into(),
            text: text.into(),
            context: String::new(),
            reason: String::new(),
            date: "2026-12-01".into(),
        }
    }

    fn applied(existing: Option<&str>, entry: &Acceptance) -> String {
        let AcceptedFileEdit { create, edit } = record_acceptance(existing, entry);
        assert_eq!(create, existing.is_none());
        let mut text = existing.unwrap_or("").to_string();
        text.replace_range(edit.range.start..edit.range.end, &edit.new_text);
        text
    }

    #[test]
    fn recording_creates_the_file_then_appends_to_it() {
        let first = applied(None, &entry("40,000"));
        assert!(first.starts_with("# Findings accepted"));
        let second = applied(Some(&first), &entry("12.7%"));
        assert_eq!(
            parse_accepted(&second).unwrap(),
            [entry("40,000"), entry("12.7%")]
        );
        let unterminated = applied(Some("# mine"), &entry("x"));
        assert!(
            unterminated.starts_with("# mine\n\n[[accepted]]"),
            "{unterminated}"
        );
    }

    #[test]
    fn recording_into_an_inline_array_keeps_the_file_valid() {
        let empty = applied(Some("# ours\naccepted = []\n"), &entry("40,000"));
        assert_eq!(parse_accepted(&empty).unwrap(), [entry("40,000")], "{empty}");
        assert!(empty.starts_with("# ours\n"), "{empty}");
        let one = "accepted = [{ brief = \"brief.md\", code = \"figure-unsupported\", text = \"a\", date = \"2026-12-01\" }]\n";
        let two = applied(Some(one), &entry("b"));
        assert_eq!(parse_accepted(&two).unwrap(), [entry("a"), entry("b")], "{two}");
    }
}
