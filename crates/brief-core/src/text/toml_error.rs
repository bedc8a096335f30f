//! The one error type for the project's TOML files (manifests, entity
//! overrides, accepted findings, the project file): a line and a message.

/// A TOML file's problem, at a 1-based line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: {message}")]
pub struct TomlError {
    pub line: usize,
    pub message: String,
}

/// The 1-based line of `field = …` in the table whose header is at line
/// `table_line`; that line itself when the field is not found.
pub fn field_line(text: &str, table_line: usize, field: &str) -> usize {
    text.lines()
        .enumerate()
        .skip(table_line)
        .take_while(|(_, l)| !l.trim_start().starts_with('['))
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix(field)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(table_line, |(i, _)| i + 1)
}

impl TomlError {
    /// A TOML error as a line and a message, for any of the project's TOML files.
    pub fn from_toml(text: &str, err: &toml::de::Error) -> TomlError {
        let message = err.message().trim().to_string();
        let line = unknown_field_line(text, &message)
            .or_else(|| err.span().map(|span| line_of(text, span.start)))
            .unwrap_or(1);
        TomlError { line, message }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Flattened tables report an unknown field at the table's start; point at
/// the field itself.
fn unknown_field_line(text: &str, message: &str) -> Option<usize> {
    let field = message.strip_prefix("unknown field `")?.split('`').next()?;
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(field)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}
