//! Page locators of a quote's citation (`p. 366`, `pp. 366–367`): read from
//! the item, checked against the page the passage is on, and added or
//! corrected by a fix.

use super::super::cited::document_of;
use super::super::{Edit, Fix};
use crate::brief::{Brief, Citation, CiteItem};
use crate::quotes::QuoteMatch;
use crate::snapshot::Snapshot;
use crate::text::TextRange;

/// A page locator (`p. 366`, `pp. 366–367`) of the citation item naming the
/// passage's document: its range in the brief and its first and last page.
fn page_locator(brief: &Brief, item: &CiteItem) -> Option<(TextRange, u32, u32)> {
    let after = item.key_range.end;
    let text = &brief.text[after..item.range.end.max(after)];
    // "p." as a word of its own, not the end of "chap.".
    let (at, rest) = ["pp.", "p."].iter().find_map(|p| {
        let at = text
            .match_indices(p)
            .map(|(i, _)| i)
            .find(|&i| !text[..i].ends_with(char::is_alphanumeric))?;
        Some((at + p.len(), &text[at + p.len()..]))
    })?;
    let lead = rest.len() - rest.trim_start().len();
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let n = digits(&rest[lead..]);
    let first: u32 = rest[lead..lead + n].parse().ok()?;
    let mut end = lead + n;
    let mut last = first;
    if let Some(tail) = rest[end..].strip_prefix(['–', '-']) {
        let m = digits(tail);
        if m > 0 {
            last = tail[..m].parse().ok()?;
            end += rest[end..].len() - tail.len() + m;
        }
    }
    let start = after + at + lead;
    Some((TextRange::new(start, after + at + end), first, last))
}

/// The citation's item for a quoted passage's document, and the page the
/// passage starts on, where the document knows its pages.
fn cited_page<'a>(
    corpus: &'a Snapshot,
    brief: &'a Brief,
    citation: &'a Citation,
    m: &QuoteMatch,
) -> Option<(&'a CiteItem, u32)> {
    let doc = corpus.document(m.doc);
    let item = citation
        .items
        .iter()
        .find(|i| document_of(corpus, brief, &i.key).is_some_and(|d| d.id == doc.id))?;
    let page = doc.page_at(doc.to_original(m.normalized).start)?;
    Some((item, page))
}

fn cite_page(page: u32, range: TextRange, new_text: String) -> Fix {
    Fix {
        title: format!("Cite page {page}"),
        edits: vec![Edit { range, new_text }],
        preferred: true,
    }
}

/// `locator-wrong`: the cited pages do not hold the passage, which the
/// document's page marks place on another page.
pub(super) fn wrong_locator(
    corpus: &Snapshot,
    brief: &Brief,
    citation: &Citation,
    m: &QuoteMatch,
) -> Option<(String, Fix)> {
    let (item, page) = cited_page(corpus, brief, citation, m)?;
    let (range, first, last) = page_locator(brief, item)?;
    if (first..=last).contains(&page) {
        return None;
    }
    let cited = &brief.text[range.start..range.end];
    Some((
        format!("the passage is on p. {page} of @{}, not {cited}", item.key),
        cite_page(page, range, page.to_string()),
    ))
}

/// `locator-missing`: the citation item names no page, but the document
/// knows the passage's. The fix adds one after the key (`[@key, p. 367]`,
/// `@key [p. 367]`); an item with another locator or suffix is left alone.
pub(super) fn missing_locator(
    corpus: &Snapshot,
    brief: &Brief,
    citation: &Citation,
    m: &QuoteMatch,
) -> Option<(String, Fix)> {
    let (item, page) = cited_page(corpus, brief, citation, m)?;
    if !item.suffix.trim().is_empty() {
        return None;
    }
    let after_key = item.key_range.end + usize::from(brief.text[item.key_range.end..].starts_with('}'));
    let new_text = if citation.bracketed {
        format!(", p. {page}")
    } else {
        format!(" [p. {page}]")
    };
    Some((
        format!("the passage is on p. {page} of @{}; cite the page", item.key),
        cite_page(page, TextRange::empty(after_key), new_text),
    ))
}
