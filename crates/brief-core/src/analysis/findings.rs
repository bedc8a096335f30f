//! What a check reports: a [`Finding`] with a stable [`Code`], a message and
//! optional fixes. The LSP server and `check` print the same messages.

use std::collections::HashMap;

use super::SourceLocation;
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    CitationUnknown,
    QuoteInexact,
    QuoteNotFound,
    QuoteMisattributed,
    QuoteUncited,
    FigureContradicted,
    FigureMisattributed,
    FigureUnsupported,
    LocatorWrong,
    LocatorMissing,
    BriefTooLarge,
}

impl Code {
    pub const ALL: &[Code] = &[
        Code::CitationUnknown,
        Code::QuoteInexact,
        Code::QuoteNotFound,
        Code::QuoteMisattributed,
        Code::QuoteUncited,
        Code::FigureContradicted,
        Code::FigureMisattributed,
        Code::FigureUnsupported,
        Code::LocatorWrong,
        Code::LocatorMissing,
        Code::BriefTooLarge,
    ];

    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// The stable name users see, configure and suppress.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::CitationUnknown => "citation-unknown",
            Code::QuoteInexact => "quote-inexact",
            Code::QuoteNotFound => "quote-not-found",
            Code::QuoteMisattributed => "quote-misattributed",
            Code::QuoteUncited => "quote-uncited",
            Code::FigureContradicted => "figure-contradicted",
            Code::FigureMisattributed => "figure-misattributed",
            Code::FigureUnsupported => "figure-unsupported",
            Code::LocatorWrong => "locator-wrong",
            Code::LocatorMissing => "locator-missing",
            Code::BriefTooLarge => "brief-too-large",
        }
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Code::CitationUnknown => Severity::Error,
            Code::QuoteInexact | Code::QuoteNotFound | Code::QuoteMisattributed => Severity::Warning,
            Code::QuoteUncited => Severity::Hint,
            Code::FigureContradicted | Code::FigureMisattributed => Severity::Warning,
            Code::FigureUnsupported => Severity::Information,
            Code::LocatorWrong => Severity::Warning,
            Code::LocatorMissing => Severity::Hint,
            Code::BriefTooLarge => Severity::Warning,
        }
    }

    /// Whether the check runs when no setting names it: `locator-missing`
    /// is for briefs whose style cites pages, so it waits to be asked for.
    pub fn on_by_default(self) -> bool {
        self != Code::LocatorMissing
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
    /// A severity by name; `None` for "off", an error for anything else.
    pub fn from_name(name: &str) -> Result<Option<Severity>, String> {
        Ok(Some(match name {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" | "information" => Severity::Information,
            "hint" => Severity::Hint,
            "off" => return Ok(None),
            _ => {
                return Err(format!(
                    "unknown severity `{name}` (error, warning, info, hint or off)"
                ))
            }
        }))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which checks run and how loud they are: per code, a severity or off;
/// a code not named keeps its default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckConfig {
    levels: HashMap<Code, Option<Severity>>,
}

impl CheckConfig {
    /// Applies `code = level` pairs in order, later ones winning; returns
    /// what could not be understood.
    pub fn apply_names<'a>(&mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
        let mut errors = Vec::new();
        for (code, level) in pairs {
            let Some(code_value) = Code::from_name(code) else {
                let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
                errors.push(format!("unknown check `{code}` (known: {})", known.join(", ")));
                continue;
            };
            match Severity::from_name(level) {
                Ok(level) => {
                    self.levels.insert(code_value, level);
                }
                Err(err) => errors.push(format!("{code}: {err}")),
            }
        }
        errors
    }

    /// The severity `code` is reported at, `None` when it is off.
    pub fn level(&self, code: Code) -> Option<Severity> {
        self.levels
            .get(&code)
            .copied()
            .unwrap_or_else(|| code.on_by_default().then(|| code.default_severity()))
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

impl Fix {
    /// The fix of a misattributed quote or figure: cite the document that
    /// holds it, in place of the key at `key_range`.
    pub fn cite_instead(key_range: TextRange, key: &str) -> Fix {
        Fix {
            title: format!("Cite @{key} instead"),
            edits: vec![Edit {
                range: key_range,
                new_text: key.to_string(),
            }],
            preferred: true,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_config_sets_levels_by_name_and_reports_what_it_cannot_read() {
        let mut config = CheckConfig::default();
        let errors = config.apply_names([
            ("quote-uncited", "off"),
            ("citation-unknown", "warning"),
            ("quote-typo", "error"),
            ("quote-inexact", "loud"),
        ]);
        assert_eq!(config.level(Code::QuoteUncited), None);
        assert_eq!(config.level(Code::CitationUnknown), Some(Severity::Warning));
        assert_eq!(config.level(Code::QuoteInexact), Some(Severity::Warning));
        assert_eq!(config.level(Code::QuoteNotFound), Some(Severity::Warning));
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("unknown check `quote-typo`"));
        assert!(errors[1].starts_with("quote-inexact: unknown severity `loud`"));
    }
}
