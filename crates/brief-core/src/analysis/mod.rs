//! The features, as plain functions of a corpus, a brief and a byte offset.
//! Results are plain data with byte ranges; the Markdown shown to the user is
//! rendered here so that every client and the CLI show the same text.

mod accept;
mod citations;
mod entities;
mod figures;
mod findings;
#[cfg(test)]
mod fixture;
mod outline;
mod quotes;

pub use accept::{
    acceptance_for, apply_acceptances, inline_acceptance_edit, parse_accepted, render_acceptance, Acceptance,
};
pub use entities::{mentions_in_brief, references, symbols};
pub use findings::{CheckConfig, Code, Edit, Finding, Fix, Related, Severity};
pub use outline::{outline, OutlineItem};

use crate::brief::Brief;
use crate::corpus::DocId;
use crate::snapshot::Snapshot;
use crate::text::TextRange;

/// A place in a corpus document, as an original byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceLocation {
    pub doc: DocId,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub range: TextRange,
    pub markdown: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    CitationKey,
    Entity,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: String,
    pub documentation: String,
    /// What replaces the completion's range.
    pub insert: String,
    /// What the client matches the typed text against (an alias: "SCO").
    pub filter: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completions {
    /// The typed prefix the chosen item replaces.
    pub range: TextRange,
    pub items: Vec<CompletionItem>,
}

/// A label shown after a place in the brief (a verified quote's source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: usize,
    pub label: String,
}

/// What is under the cursor: a citation key, else a figure, else the
/// innermost quote, else a name.
pub fn hover(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Hover> {
    citations::hover(corpus, brief, offset)
        .or_else(|| figures::hover(corpus, brief, offset))
        .or_else(|| quotes::hover(corpus, brief, offset))
        .or_else(|| entities::hover(corpus, brief, offset))
}

pub fn definition(corpus: &Snapshot, brief: &Brief, offset: usize) -> Vec<SourceLocation> {
    let mut found = citations::definition(corpus, brief, offset);
    if found.is_empty() {
        found = figures::definition(corpus, brief, offset);
    }
    if found.is_empty() {
        found = quotes::definition(corpus, brief, offset);
    }
    if found.is_empty() {
        found = entities::definition(corpus, brief, offset);
    }
    found
}

pub fn inlay_hints(corpus: &Snapshot, brief: &Brief) -> Vec<InlayHint> {
    quotes::inlay_hints(corpus, brief)
}

/// Citation keys after `@`, else actor and event names.
pub fn completion(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Completions> {
    citations::completion(corpus, brief, offset).or_else(|| entities::completion(corpus, brief, offset))
}

/// Every finding of every check `config` leaves on, at its configured
/// severity, in text order.
pub fn diagnostics(corpus: &Snapshot, brief: &Brief, config: &CheckConfig) -> Vec<Finding> {
    let mut findings = citations::diagnostics(corpus, brief);
    findings.extend(quotes::diagnostics(corpus, brief));
    findings.extend(figures::diagnostics(corpus, brief));
    findings.retain_mut(|f| match config.level(f.code) {
        Some(severity) => {
            f.severity = severity;
            true
        }
        None => false,
    });
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    findings
}
