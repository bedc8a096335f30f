//! The features, as plain functions of a corpus, a brief and a byte offset.
//! Results are plain data with byte ranges; the Markdown shown to the user is
//! rendered here so that every client and the CLI show the same text.

mod accept;
mod accepted_file;
mod actions;
mod cancel;
mod citations;
mod cited;
mod entities;
mod figures;
mod findings;
#[cfg(test)]
mod fixture;
pub mod markdown;
mod outline;
mod quotes;

pub use accept::{acceptance_for, apply_acceptances, inline_acceptance_edit, Acceptance};
pub use accepted_file::{parse_accepted, record_acceptance, render_acceptance, AcceptedFileEdit};
pub use actions::{
    check, check_cancellable, code_actions, AcceptTarget, ActionEdit, BriefRules, Checked, CodeAction,
};
pub use cancel::{Cancel, Cancelled};
pub use entities::symbols;
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
    /// PDF pages the hover's passages stand on, for a client that can open
    /// the PDF itself there (the adapter turns them into links).
    pub pdf_pages: Vec<PdfPage>,
}

/// A page of a PDF source: the file, and its 1-based physical page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfPage {
    pub file: std::path::PathBuf,
    pub page: u32,
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
    /// More matched than `items` holds: typing on should ask again.
    pub incomplete: bool,
}

/// At most this many completion items: a corpus of ten thousand keys would
/// otherwise send megabytes after `[@`. The best matches come first, so
/// the cap keeps them.
pub const MAX_COMPLETIONS: usize = 200;

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

/// The hints placed in `range` (its end included).
pub fn inlay_hints(corpus: &Snapshot, brief: &Brief, range: TextRange) -> Vec<InlayHint> {
    let mut hints = quotes::inlay_hints(corpus, brief);
    hints.retain(|h| range.touches(h.offset));
    hints
}

/// Citation keys after `@`, else actor and event names; the best
/// [`MAX_COMPLETIONS`] of them.
pub fn completion(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Completions> {
    let mut found = citations::completion(corpus, brief, offset)
        .or_else(|| entities::completion(corpus, brief, offset))?;
    if found.items.len() > MAX_COMPLETIONS {
        found.items.truncate(MAX_COMPLETIONS);
        found.incomplete = true;
    }
    Some(found)
}

/// Where the name under the cursor is mentioned: in the corpus, and in each
/// of `open` (every open brief, this one included), by index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct References {
    pub in_corpus: Vec<SourceLocation>,
    pub in_briefs: Vec<(usize, TextRange)>,
}

pub fn references(corpus: &Snapshot, brief: &Brief, offset: usize, open: &[&Brief]) -> Option<References> {
    let (id, in_corpus) = entities::references(corpus, brief, offset)?;
    let in_briefs = open
        .iter()
        .enumerate()
        .flat_map(|(i, b)| {
            entities::mentions_in_brief(corpus, b, id)
                .into_iter()
                .map(move |r| (i, r))
        })
        .collect();
    Some(References { in_corpus, in_briefs })
}

/// Every finding of every check `config` leaves on, at its configured
/// severity, in text order.
/// The largest brief whose quotes and figures are checked: the resource
/// budget in the README. Real briefs are a few hundred KB at most; a larger
/// text gets its citations checked and one finding that says why the rest
/// is not, rather than a minute of work on every keystroke.
pub const MAX_CHECKED_BRIEF_BYTES: usize = 2 << 20;

fn too_large(brief: &Brief) -> Finding {
    let first_line = brief.text.find(['\n', '\r']).unwrap_or(brief.text.len());
    Finding {
        range: TextRange::new(0, first_line),
        code: Code::BriefTooLarge,
        severity: Code::BriefTooLarge.default_severity(),
        message: format!(
            "this brief is {:.1} MB; quotes and figures are checked in briefs up to {} MB (citations still are): split it into several files",
            brief.text.len() as f64 / 1e6,
            MAX_CHECKED_BRIEF_BYTES >> 20
        ),
        related: Vec::new(),
        fixes: Vec::new(),
    }
}

pub fn diagnostics(corpus: &Snapshot, brief: &Brief, config: &CheckConfig) -> Vec<Finding> {
    diagnostics_cancellable(corpus, brief, config, Cancel::NEVER).unwrap_or_default()
}

/// [`diagnostics`], stopping with [`Cancelled`] soon after `cancel` is set.
pub fn diagnostics_cancellable(
    corpus: &Snapshot,
    brief: &Brief,
    config: &CheckConfig,
    cancel: Cancel,
) -> Result<Vec<Finding>, Cancelled> {
    let mut findings = citations::diagnostics(corpus, brief, cancel)?;
    if brief.text.len() > MAX_CHECKED_BRIEF_BYTES {
        findings.push(too_large(brief));
    } else {
        findings.extend(quotes::diagnostics(corpus, brief, cancel)?);
        findings.extend(figures::diagnostics(corpus, brief, cancel)?);
    }
    findings.retain_mut(|f| match config.level(f.code) {
        Some(severity) => {
            f.severity = severity;
            true
        }
        None => false,
    });
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    Ok(findings)
}

#[cfg(test)]
mod budget_tests {
    use super::*;
    use crate::test_support::corpus_of;

    /// Issue 15, item 11: a 5 MB brief took seconds per check; over the
    /// budget its citations are still checked, and one finding says why its
    /// quotes and figures are not.
    #[test]
    fn a_brief_over_the_budget_gets_one_finding_and_its_citations_checked() {
        let corpus = corpus_of(&[("a", "Trade reached $107 billion in 2018, the ministry said.")]);
        let paragraph =
            "Trade reached $150 billion in 2018, “the ministry said nothing of the kind at all” [@a].\n\n";
        let small = format!("# Brief\n\n{paragraph}[@nobody]\n");
        let codes = |text: &str| -> Vec<&str> {
            let findings = diagnostics(&corpus, &Brief::parse(text.to_string()), &CheckConfig::default());
            let mut codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
            codes.dedup();
            codes
        };
        let checked = codes(&small);
        assert!(
            checked.contains(&"figure-contradicted") && checked.contains(&"quote-not-found"),
            "{checked:?}"
        );
        let large = format!(
            "# Brief\n\n{}[@nobody]\n",
            paragraph.repeat(MAX_CHECKED_BRIEF_BYTES / paragraph.len() + 1)
        );
        assert_eq!(codes(&large), ["brief-too-large", "citation-unknown"]);
    }
}

#[cfg(test)]
mod cancel_tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::test_support::corpus_of;

    /// A brief with `n` paragraphs, each with a misquote, a contradicted
    /// figure and an unknown key: three findings and three checks each.
    fn brief_of(n: usize) -> Brief {
        let paragraph =
            "Trade reached $150 billion in 2018, and “the ministry said nothing of the kind at all” [@a; @nobody].\n\n";
        Brief::parse(format!("# Brief\n\n{}", paragraph.repeat(n)))
    }

    #[test]
    fn an_uncancelled_check_finds_what_diagnostics_finds() {
        let corpus = corpus_of(&[("a", "Trade reached $107 billion in 2018, the ministry said.")]);
        let brief = brief_of(5);
        let config = CheckConfig::default();
        let found = diagnostics_cancellable(&corpus, &brief, &config, Cancel::new(&|| false)).unwrap();
        assert_eq!(found, diagnostics(&corpus, &brief, &config));
        assert_eq!(found.len(), 15, "{found:#?}");
    }

    /// Issue 15, item 8: a cancelled request kept computing. The check asks
    /// before each item and stops at the first "yes", not at the end.
    #[test]
    fn a_cancelled_check_stops_at_the_next_item() {
        let corpus = corpus_of(&[("a", "Trade reached $107 billion in 2018, the ministry said.")]);
        let brief = brief_of(200);
        let asked = AtomicUsize::new(0);
        let stop = || asked.fetch_add(1, Ordering::Relaxed) >= 3;
        let result = diagnostics_cancellable(&corpus, &brief, &CheckConfig::default(), Cancel::new(&stop));
        assert_eq!(result, Err(Cancelled));
        // Asked four times: three items checked, the fourth question said stop.
        assert_eq!(asked.load(Ordering::Relaxed), 4);
    }
}
