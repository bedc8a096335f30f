//! Quoted claims: each quote of the brief looked up in the corpus. Hover
//! shows the source passage and the verdict, definition jumps to it, and
//! findings flag misquotes, unfound quotes, wrong and missing citations.

mod locator;
#[cfg(test)]
mod tests;

use super::cited::{document_of, key_for};
use super::markdown::{passage, sentences_around, source_head, RULE};
use super::{
    Cancel, Cancelled, Code, Edit, Finding, Fix, Hover, InlayHint, PdfPage, Related, SourceLocation,
};
use crate::brief::{Brief, Citation, Quote, QuoteKind, QuoteSegment};
use crate::corpus::{DocId, Document};
use crate::quotes::{find_quote, QueryPart, QuoteLookup, QuoteMatch, QuoteVerdict, WordDiff};
use crate::snapshot::Snapshot;
use crate::text::{counted, escape_markdown, TextRange};
use locator::{missing_locator, wrong_locator};

/// Shorter quotes (scare quotes: "entente") are looked up and cited, but
/// never reported.
const MIN_REPORTED_WORDS: usize = 4;

fn query<'a>(brief: &'a Brief, quote: &Quote) -> Vec<QueryPart<'a>> {
    quote
        .segments
        .iter()
        .map(|segment| match *segment {
            QuoteSegment::Text(r) => QueryPart::Text(&brief.text[r.start..r.end]),
            QuoteSegment::Elision(_) => QueryPart::Elision,
            QuoteSegment::Editorial { inner, .. } => {
                QueryPart::Editorial(&brief.text[inner.start..inner.end])
            }
        })
        .collect()
}

/// A quote with its lookup, the cited documents first among the matches.
struct CheckedQuote<'a> {
    quote: &'a Quote,
    citation: Option<&'a Citation>,
    /// The documents of the citation's keys that have one.
    cited: Vec<DocId>,
    lookup: QuoteLookup,
}

fn check<'a>(corpus: &Snapshot, brief: &'a Brief, quote: &'a Quote) -> CheckedQuote<'a> {
    let citation = brief.citation_for_quote(quote);
    let mut lookup = find_quote(&corpus.quote_sources(), &query(brief, quote));
    let cited = cited_docs(corpus, brief, citation);
    lookup.matches.sort_by_key(|m| !cited.contains(&m.doc));
    CheckedQuote {
        cited,
        quote,
        citation,
        lookup,
    }
}

fn cited_docs(corpus: &Snapshot, brief: &Brief, citation: Option<&Citation>) -> Vec<DocId> {
    citation
        .into_iter()
        .flat_map(|c| &c.items)
        .filter_map(|item| document_of(corpus, brief, &item.key).map(|d| d.id))
        .collect()
}

fn location(corpus: &Snapshot, m: &QuoteMatch) -> SourceLocation {
    SourceLocation {
        doc: m.doc,
        range: corpus.document(m.doc).to_original(m.normalized),
    }
}

pub(super) fn hover(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Hover> {
    let quote = brief.quote_at(offset)?;
    let checked = check(corpus, brief, quote);
    let lookup = &checked.lookup;
    let mut md = match lookup.verdict {
        QuoteVerdict::Exact => {
            let n = lookup.matches.len();
            format!("**Quote found** in {}", counted(n, "passage"))
        }
        QuoteVerdict::Inexact => format!(
            "**Inexact quote**: the nearest passage matches {:.0}% of its words",
            lookup.matches[0].similarity * 100.0
        ),
        QuoteVerdict::NotFound => {
            format!(
                "**Quote not found** in the corpus ({})",
                counted(corpus.documents.len(), "document")
            )
        }
    };
    if let Some(note) = attribution_note(corpus, brief, &checked) {
        md.push_str(&format!("\n\n{note}"));
    }
    for m in lookup.matches.iter().take(3) {
        let doc = corpus.document(m.doc);
        md.push_str(&format!(
            "{RULE}{}{}\n\n{}",
            reference_line(doc),
            page_note(doc, m.normalized),
            passage(doc, sentences_around(doc, m.normalized), m.normalized)
        ));
        if lookup.verdict == QuoteVerdict::Inexact {
            md.push_str(&format!("\n\n{}", diff_markdown(&m.diff)));
        }
    }
    if lookup.matches.len() > 3 {
        md.push_str(&format!("\n\n…and {} more", lookup.matches.len() - 3));
    }
    let pdf_pages = lookup
        .matches
        .iter()
        .take(3)
        .filter_map(|m| pdf_page(corpus.document(m.doc), m.normalized))
        .collect();
    Some(Hover {
        range: quote.range,
        markdown: md,
        pdf_pages,
    })
}

fn attribution_note(corpus: &Snapshot, brief: &Brief, checked: &CheckedQuote) -> Option<String> {
    let first = checked.lookup.matches.first()?;
    let source = key_for(corpus, brief, first.doc);
    match misattributed(checked) {
        Some(cited) => Some(format!("Cited as `@{cited}`, but the passage is in `@{source}`.")),
        None if checked.citation.is_none() && checked.lookup.verdict == QuoteVerdict::Exact => {
            Some(format!("Not cited; the source is `@{source}`."))
        }
        None => None,
    }
}

fn reference_line(doc: &Document) -> String {
    let r = &doc.reference;
    let title = r
        .title
        .as_deref()
        .map(|t| format!(" · *{}*", escape_markdown(t)))
        .unwrap_or_default();
    format!("{}{title}", source_head(doc))
}

/// " · p. 366" or " · pp. 366–367": the printed pages a passage stands on,
/// where the document knows them. For a PDF whose printed numbers are not
/// its own page numbers (an article on pages 366–367 of a journal), its PDF
/// pages too, the ones the hover's link opens: " · p. 366 (PDF page 1)".
fn page_note(doc: &Document, normalized: TextRange) -> String {
    let range = doc.to_original(normalized);
    let last = range.end.saturating_sub(1).max(range.start);
    let printed = pages(doc.page_at(range.start), doc.page_at(last));
    let in_pdf =
        pdf_file(doc).and_then(|_| pages(doc.physical_page_at(range.start), doc.physical_page_at(last)));
    match (printed, in_pdf) {
        (Some(printed), Some(pdf)) if printed != pdf => format!(
            " · {} (PDF {})",
            pages_label(printed, "p.", "pp."),
            pages_label(pdf, "page", "pages")
        ),
        (Some(printed), _) => format!(" · {}", pages_label(printed, "p.", "pp.")),
        (None, Some(pdf)) => format!(" · PDF {}", pages_label(pdf, "page", "pages")),
        (None, None) => String::new(),
    }
}

/// The first and last page of a passage, when its first is known.
fn pages(first: Option<u32>, last: Option<u32>) -> Option<(u32, u32)> {
    first.map(|a| (a, last.unwrap_or(a)))
}

/// "p. 366", "pp. 366–367".
fn pages_label((first, last): (u32, u32), one: &str, several: &str) -> String {
    if first == last {
        format!("{one} {first}")
    } else {
        format!("{several} {first}–{last}")
    }
}

/// The PDF a document was extracted from, if it was.
fn pdf_file(doc: &Document) -> Option<&std::path::Path> {
    let file = doc.extracted_from.as_deref()?;
    file.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        .then_some(file)
}

/// The PDF page a passage starts on, if its document was extracted from a PDF.
fn pdf_page(doc: &Document, normalized: TextRange) -> Option<PdfPage> {
    let file = pdf_file(doc)?;
    let page = doc.physical_page_at(doc.to_original(normalized).start)?;
    Some(PdfPage {
        file: file.to_path_buf(),
        page,
    })
}

fn diff_markdown(diff: &[WordDiff]) -> String {
    format!("Differences: {}.", describe_diff(diff, escape_markdown))
}

/// The changes of a word diff as a sentence, each quoted text passed
/// through `show` (Markdown escaping for hovers, nothing for messages).
fn describe_diff(diff: &[WordDiff], show: impl Fn(&str) -> String) -> String {
    let changes: Vec<String> = diff
        .iter()
        .filter_map(|d| match d {
            WordDiff::Same(_) => None,
            WordDiff::Changed { brief, source } => Some(format!(
                "the source has “{}” where the brief has “{}”",
                show(source),
                show(brief)
            )),
            WordDiff::Added(words) => Some(format!("the brief adds “{}”", show(words))),
            WordDiff::Dropped(words) => Some(format!("the brief drops “{}”", show(words))),
        })
        .collect();
    changes.join("; ")
}

pub(super) fn definition(corpus: &Snapshot, brief: &Brief, offset: usize) -> Vec<SourceLocation> {
    let Some(quote) = brief.quote_at(offset) else {
        return Vec::new();
    };
    check(corpus, brief, quote)
        .lookup
        .matches
        .iter()
        .map(|m| location(corpus, m))
        .collect()
}

/// The cited key when every key the quote cites is known and none of their
/// documents holds the quote.
fn misattributed(checked: &CheckedQuote) -> Option<String> {
    let citation = checked.citation?;
    if checked.lookup.verdict != QuoteVerdict::Exact {
        return None;
    }
    let cited = &checked.cited;
    let all_known = cited.len() == citation.items.len();
    let holds = checked.lookup.matches.iter().any(|m| cited.contains(&m.doc));
    (all_known && !holds).then(|| citation.items[0].key.clone())
}

pub(super) fn diagnostics(
    corpus: &Snapshot,
    brief: &Brief,
    cancel: Cancel,
) -> Result<Vec<Finding>, Cancelled> {
    let mut findings = Vec::new();
    for quote in brief
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && q.n_words >= MIN_REPORTED_WORDS)
    {
        cancel.check()?;
        findings.extend(finding(corpus, brief, &check(corpus, brief, quote)));
    }
    Ok(findings)
}

/// What the quote's words span: its content without a citation or
/// attribution line that a block quote carries after them.
fn quoted_text(brief: &Brief, quote: &Quote) -> TextRange {
    let (Some(first), Some(last)) = (quote.segments.first(), quote.segments.last()) else {
        return quote.content;
    };
    let span = TextRange::new(first.range().start, last.range().end);
    let text = &brief.text[span.start..span.end];
    let lead = text.len() - text.trim_start().len();
    TextRange::new(span.start + lead, span.start + text.trim_end().len())
}

/// The source's own wording less the quotation marks around it, where the
/// source quoted the passage too: the fix replaces the text inside the
/// brief's marks, which stay.
fn without_quote_marks(wording: &str) -> &str {
    const OPENING: &[char] = &['“', '„', '«', '"', '‘', '‚', '\''];
    const CLOSING: &[char] = &['”', '»', '"', '’', '\''];
    match wording.strip_prefix(OPENING) {
        Some(inner) => inner.strip_suffix(CLOSING).unwrap_or(inner),
        None => wording,
    }
}

/// The source's wording with the first letter cased as the brief has it: a
/// quotation may change the case of its first letter to fit the sentence
/// it stands in ("she said that “our ports…”" of a source's "Our ports…"),
/// so a fix that capitalised it would put a new error in the brief.
fn with_initial_case_of(quoted: &str, wording: &str) -> String {
    let first_letter = |text: &str| text.char_indices().find(|(_, c)| c.is_alphabetic());
    let (Some((at, ours)), Some((theirs_at, theirs))) = (first_letter(quoted), first_letter(wording)) else {
        return wording.to_string();
    };
    let same_letter = ours != theirs && ours.to_lowercase().eq(theirs.to_lowercase());
    if !same_letter || quoted[..at] != wording[..theirs_at] {
        return wording.to_string();
    }
    let rest = &wording[theirs_at + theirs.len_utf8()..];
    format!("{}{ours}{rest}", &wording[..theirs_at])
}

/// The source's wording to put in place of the brief's quoted words: its
/// first letter cased as the brief has it, and ending in the brief's own
/// closing punctuation. The source's comma or full stop after the passage
/// (or a closing quotation mark of its own) is the source's sentence, not
/// the quotation's; the brief punctuates where the quotation ends.
fn as_the_brief_punctuates(quoted: &str, wording: &str) -> String {
    let wording = with_initial_case_of(quoted, wording);
    let words = |text: &str| text.trim_end_matches(CLOSING_PUNCTUATION).len();
    let (ours, theirs) = (&quoted[words(quoted)..], &wording[words(&wording)..]);
    if ours == theirs {
        return wording;
    }
    format!("{}{ours}", &wording[..words(&wording)])
}

/// Punctuation that may close a quoted passage; brackets and ellipses are
/// the brief's own segments, never trimmed.
const CLOSING_PUNCTUATION: &[char] = &['.', ',', ';', ':', '!', '?', '"', '”', '’', '\'', '»'];

/// Where a quote's finding is shown: the whole quote, marks included, but
/// for a block quote not the line after its words that credits them (the
/// brief's attribution, not the source's words).
fn finding_range(quote: &Quote) -> TextRange {
    match quote.kind {
        QuoteKind::Block => TextRange::new(quote.range.start, quote.content.end),
        QuoteKind::Double | QuoteKind::Single => quote.range,
    }
}

fn finding(corpus: &Snapshot, brief: &Brief, checked: &CheckedQuote) -> Option<Finding> {
    let quote = checked.quote;
    let best = checked.lookup.matches.first();
    let source_key = |m: &QuoteMatch| key_for(corpus, brief, m.doc).to_string();
    let related = |m: &QuoteMatch, message: &str| {
        vec![Related {
            location: location(corpus, m),
            message: message.to_string(),
        }]
    };
    let finding = |code: Code, message: String, related: Vec<Related>, fixes: Vec<Fix>| Finding {
        range: finding_range(quote),
        code,
        severity: code.default_severity(),
        message,
        related,
        fixes,
    };
    match checked.lookup.verdict {
        QuoteVerdict::NotFound => Some(finding(
            Code::QuoteNotFound,
            "quote not found: no corpus passage contains these words".into(),
            Vec::new(),
            Vec::new(),
        )),
        QuoteVerdict::Inexact => {
            let m = best?;
            let key = source_key(m);
            let wording = corpus.document(m.doc).display(m.normalized);
            let range = quoted_text(brief, quote);
            let fix = Fix {
                title: format!("Replace with the wording of @{key}"),
                edits: vec![Edit {
                    range,
                    new_text: as_the_brief_punctuates(
                        &brief.text[range.start..range.end],
                        without_quote_marks(&wording),
                    ),
                }],
                preferred: true,
            };
            let message = format!(
                "inexact quote of @{key} ({:.0}% of words match): {}.",
                m.similarity * 100.0,
                describe_diff(&m.diff, str::to_string)
            );
            Some(finding(
                Code::QuoteInexact,
                message,
                related(m, "the source passage"),
                vec![fix],
            ))
        }
        QuoteVerdict::Exact => {
            let m = best?;
            let key = source_key(m);
            if let Some(cited) = misattributed(checked) {
                let fix = Fix::cite_instead(checked.citation?.items[0].key_range, &key);
                let message = format!("quote credited to @{cited}, but it is from @{key}");
                return Some(finding(
                    Code::QuoteMisattributed,
                    message,
                    related(m, "the quoted passage"),
                    vec![fix],
                ));
            }
            if let Some(citation) = checked.citation {
                let (code, (message, fix)) = match wrong_locator(corpus, brief, citation, m) {
                    Some(wrong) => (Code::LocatorWrong, wrong),
                    None => (Code::LocatorMissing, missing_locator(corpus, brief, citation, m)?),
                };
                return Some(finding(
                    code,
                    message,
                    related(m, "the quoted passage"),
                    vec![fix],
                ));
            }
            let fix = Fix {
                title: format!("Cite @{key}"),
                edits: vec![Edit {
                    range: TextRange::empty(quote.range.end),
                    new_text: format!(" [@{key}]"),
                }],
                preferred: true,
            };
            Some(finding(
                Code::QuoteUncited,
                format!("quote from @{key} has no citation"),
                related(m, "the quoted passage"),
                vec![fix],
            ))
        }
    }
}

pub(super) fn inlay_hints(corpus: &Snapshot, brief: &Brief) -> Vec<InlayHint> {
    brief
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && q.n_words >= MIN_REPORTED_WORDS)
        .filter_map(|quote| {
            let checked = check(corpus, brief, quote);
            let m = checked
                .lookup
                .matches
                .first()
                .filter(|_| checked.lookup.verdict == QuoteVerdict::Exact)?;
            Some(InlayHint {
                offset: quote.range.end,
                label: format!("@{}", key_for(corpus, brief, m.doc)),
            })
        })
        .collect()
}
