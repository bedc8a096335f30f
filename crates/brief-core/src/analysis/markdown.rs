//! The one Markdown renderer of hovers and completion documentation, with one
//! escaping policy: text taken from a source or a brief is escaped, so that it
//! shows as written; the renderer's own emphasis is the only markup.

use crate::corpus::{Document, Reference};
use crate::text::{escape_markdown as escape, TextRange};

/// `text` in bold, escaped.
pub fn bold(text: &str) -> String {
    format!("**{}**", escape(text))
}

/// A link whose text is escaped; `target` must be a URI.
pub fn link(text: &str, target: &str) -> String {
    format!("[{}]({target})", escape(text))
}

/// "**@key** · Author Year", the head of a passage's or a reference's block.
pub fn reference_head(key: &str, reference: &Reference) -> String {
    format!("**@{}**{}", escape(key), author_year_part(reference))
}

/// "— @key · Author Year": who says a passage quoted above it.
pub fn attribution(doc: &Document) -> String {
    let r = &doc.reference;
    format!("— @{}{}", escape(&r.key), author_year_part(r))
}

/// " · Author Year", or nothing for a source with neither (no manifest
/// entry): a hover showed "**@notes** ·  · *Title*".
fn author_year_part(reference: &Reference) -> String {
    match reference.author_year() {
        empty if empty.trim().is_empty() => String::new(),
        author_year => format!(" · {}", escape(&author_year)),
    }
}

/// The head of a block quoting `doc`.
pub fn source_head(doc: &Document) -> String {
    reference_head(&doc.reference.key, &doc.reference)
}

/// A block quote of `outer` from `doc`, with `marked` (inside it) in bold.
pub fn passage(doc: &Document, outer: TextRange, marked: TextRange) -> String {
    let text = |s, e| escape(&doc.display(TextRange::new(s, e)));
    format!(
        "> {}**{}**{}",
        text(outer.start, marked.start),
        text(marked.start, marked.end),
        text(marked.end, outer.end)
    )
}

/// The sentences of `doc` around `marked`: the passage a hover shows.
pub fn sentences_around(doc: &Document, marked: TextRange) -> TextRange {
    let first = doc.sentences.partition_point(|s| s.end <= marked.start);
    let last = doc.sentences.partition_point(|s| s.start < marked.end);
    match doc.sentences.get(first..last.max(first + 1)) {
        Some(s) if !s.is_empty() => {
            TextRange::new(s[0].start.min(marked.start), s[s.len() - 1].end.max(marked.end))
        }
        _ => marked,
    }
}

/// A horizontal rule between the blocks of a hover.
pub const RULE: &str = "\n\n---\n\n";
