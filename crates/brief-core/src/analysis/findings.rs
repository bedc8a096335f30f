//! What a check reports: a [`Finding`] with a stable [`Code`], a message and
//! optional fixes. The LSP server and `check` print the same messages.

use super::SourceLocation;
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    CitationUnknown,
    QuoteInexact,
    QuoteNotFound,
    QuoteMisattributed,
    QuoteUncited,
}

impl Code {
    /// The stable name users see, configure and suppress.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::CitationUnknown => "citation-unknown",
            Code::QuoteInexact => "quote-inexact",
            Code::QuoteNotFound => "quote-not-found",
            Code::QuoteMisattributed => "quote-misattributed",
            Code::QuoteUncited => "quote-uncited",
        }
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Code::CitationUnknown => Severity::Error,
            Code::QuoteInexact | Code::QuoteNotFound | Code::QuoteMisattributed => Severity::Warning,
            Code::QuoteUncited => Severity::Hint,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub new_text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The fix an editor may apply without asking (LSP `isPreferred`).
    pub preferred: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub location: SourceLocation,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub range: TextRange,
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}
