//! The references one brief can cite besides the corpus's documents: its
//! front matter's bibliography files and inline `references:`, and the
//! project's bibliography files, with the CSL style it renders them in.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use super::{BibEntry, Parsed, Style};
use crate::text::TextRange;

/// One bibliography as the adapter read it.
#[derive(Debug)]
pub struct BibSource {
    /// The path as written, for messages.
    pub origin: String,
    /// Its entries, or why the file could not be read.
    pub parsed: Result<Parsed, String>,
    /// Where problems with it are reported in the brief: the front matter's
    /// `bibliography:` line; `None` for the project's bibliography.
    pub at: Option<TextRange>,
}

/// Something wrong with a bibliography or style, shown as a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceProblem {
    /// `None`: the project's configuration, reported at the brief's start.
    pub at: Option<TextRange>,
    pub message: String,
}

#[derive(Debug)]
pub struct BriefReferences {
    entries: Vec<BibEntry>,
    by_key: HashMap<String, usize>,
    pub style: Arc<Style>,
    pub problems: Vec<ReferenceProblem>,
}

impl PartialEq for BriefReferences {
    fn eq(&self, other: &BriefReferences) -> bool {
        std::ptr::eq(self, other)
            || (self.by_key == other.by_key
                && self.style.name == other.style.name
                && self.problems == other.problems)
    }
}

impl Eq for BriefReferences {}

impl BriefReferences {
    /// No bibliography, the default style: a brief written against
    /// `corpus.toml` alone.
    pub fn none() -> Arc<BriefReferences> {
        static NONE: OnceLock<Arc<BriefReferences>> = OnceLock::new();
        NONE.get_or_init(|| {
            Arc::new(BriefReferences {
                entries: Vec::new(),
                by_key: HashMap::new(),
                style: Style::default_style(),
                problems: Vec::new(),
            })
        })
        .clone()
    }

    /// The sources in precedence order (as Pandoc: inline references over
    /// files; the brief's files over the project's): the first entry of a
    /// key wins. `documents` maps keys to corpus files (the project file's
    /// `[bibliography-documents]`), added to the entries' `file` paths.
    pub fn assemble(
        sources: Vec<BibSource>,
        style: Result<Option<Style>, ReferenceProblem>,
        documents: &BTreeMap<String, String>,
    ) -> BriefReferences {
        let mut problems = Vec::new();
        let style = match style {
            Ok(Some(style)) => Arc::new(style),
            Ok(None) => Style::default_style(),
            Err(problem) => {
                problems.push(problem);
                Style::default_style()
            }
        };
        let mut entries: Vec<BibEntry> = Vec::new();
        let mut by_key = HashMap::new();
        for source in sources {
            let parsed = match source.parsed {
                Ok(parsed) => parsed,
                Err(why) => {
                    problems.push(ReferenceProblem {
                        at: source.at,
                        message: format!("bibliography {}: {why}", source.origin),
                    });
                    continue;
                }
            };
            if let Some(why) = &parsed.unreadable {
                problems.push(ReferenceProblem {
                    at: source.at,
                    message: format!(
                        "bibliography {}: {why}; no entry of it can be read (Pandoc refuses it too)",
                        source.origin
                    ),
                });
            }
            problems.extend(parsed.errors.into_iter().map(|message| ReferenceProblem {
                at: source.at,
                message: format!(
                    "bibliography {}: {message}; that entry is left out",
                    source.origin
                ),
            }));
            for mut entry in parsed.entries {
                if by_key.contains_key(entry.key()) {
                    continue;
                }
                if let Some(file) = documents.get(entry.key()) {
                    entry.files.insert(0, file.clone());
                }
                by_key.insert(entry.key().to_string(), entries.len());
                entries.push(entry);
            }
        }
        BriefReferences {
            entries,
            by_key,
            style,
            problems,
        }
    }

    pub fn get(&self, key: &str) -> Option<&BibEntry> {
        self.by_key.get(key).map(|&i| &self.entries[i])
    }

    pub fn entries(&self) -> &[BibEntry] {
        &self.entries
    }
}
