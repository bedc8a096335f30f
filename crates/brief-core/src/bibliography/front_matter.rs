//! A brief's YAML front matter as Pandoc reads it for citations:
//! `bibliography:` (one path or a list), `csl:` and inline `references:`.

use serde_yaml::Value;

use super::{csl_item, Parsed};
use crate::text::TextRange;

#[derive(Debug, Default)]
pub struct FrontMatter {
    /// The bibliography files, as written (relative to the brief's folder).
    pub bibliography: Vec<String>,
    /// The `.csl` style file, as written.
    pub csl: Option<String>,
    /// The inline `references:`.
    pub references: Parsed,
    /// Where `bibliography:`, `csl:` and `references:` stand in the brief,
    /// for findings about them; the front matter's start when absent.
    pub bibliography_line: TextRange,
    pub csl_line: TextRange,
    pub references_line: TextRange,
    /// Why the front matter could not be read as YAML, if it could not.
    pub error: Option<String>,
}

/// Reads the front matter's YAML, which starts at `offset` in the brief.
pub fn front_matter_of(yaml: &str, offset: usize) -> FrontMatter {
    let line = |key: &str| key_line(yaml, key).unwrap_or_default().shifted(offset);
    let mut front = FrontMatter {
        bibliography_line: line("bibliography"),
        csl_line: line("csl"),
        references_line: line("references"),
        ..FrontMatter::default()
    };
    let value: Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(err) => {
            front.error = Some(format!("the front matter is not YAML: {err}"));
            return front;
        }
    };
    front.bibliography = match value.get("bibliography") {
        Some(Value::String(path)) => vec![path.clone()],
        Some(Value::Sequence(paths)) => paths
            .iter()
            .filter_map(|p| p.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    front.csl = value.get("csl").and_then(Value::as_str).map(str::to_string);
    if let Some(Value::Sequence(items)) = value.get("references") {
        let mut parsed = Vec::new();
        for item in items {
            match serde_yaml::from_value(item.clone()) {
                Ok(item) => parsed.push(item),
                Err(err) => front
                    .references
                    .errors
                    .push(format!("an inline reference is not CSL: {err}")),
            }
        }
        let read = csl_item::entries(parsed, "the front matter");
        front.references.entries = read.entries;
        front.references.errors.extend(read.errors);
    }
    front
}

/// The range of the top-level `key:` line in `yaml`.
fn key_line(yaml: &str, key: &str) -> Option<TextRange> {
    let mut start = 0;
    for line in yaml.split_inclusive('\n') {
        if line
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            return Some(TextRange::new(start, start + line.trim_end().len()));
        }
        start += line.len();
    }
    None
}
