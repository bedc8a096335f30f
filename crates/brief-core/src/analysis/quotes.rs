//! Quoted claims: each quote of the brief looked up in the corpus. Hover
//! shows the source passage and the verdict, definition jumps to it, and
//! findings flag misquotes, unfound quotes, wrong and missing citations.

use super::{Code, Edit, Finding, Fix, Hover, InlayHint, Related, SourceLocation};
use crate::brief::{Brief, Citation, Quote, QuoteSegment};
use crate::corpus::{Corpus, DocId, Document};
use crate::quotes::{find_quote, QueryPart, QuoteLookup, QuoteMatch, QuoteVerdict, WordDiff};
use crate::text::TextRange;

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
    lookup: QuoteLookup,
}

fn check<'a>(corpus: &Corpus, brief: &'a Brief, quote: &'a Quote) -> CheckedQuote<'a> {
    let citation = brief.citation_for_quote(quote);
    let mut lookup = find_quote(corpus, &query(brief, quote));
    let cited = |m: &QuoteMatch| cited_docs(corpus, citation).contains(&m.doc);
    lookup.matches.sort_by_key(|m| !cited(m));
    CheckedQuote {
        quote,
        citation,
        lookup,
    }
}

fn cited_docs(corpus: &Corpus, citation: Option<&Citation>) -> Vec<DocId> {
    citation
        .into_iter()
        .flat_map(|c| &c.items)
        .filter_map(|item| corpus.by_key(&item.key).map(|d| d.id))
        .collect()
}

fn location(corpus: &Corpus, m: &QuoteMatch) -> SourceLocation {
    SourceLocation {
        doc: m.doc,
        range: corpus.document(m.doc).to_original(m.normalized),
    }
}

pub(super) fn hover(corpus: &Corpus, brief: &Brief, offset: usize) -> Option<Hover> {
    let quote = brief.quote_at(offset)?;
    let checked = check(corpus, brief, quote);
    let lookup = &checked.lookup;
    let mut md = match lookup.verdict {
        QuoteVerdict::Exact => {
            let n = lookup.matches.len();
            format!("**Quote found** in {n} passage{}", if n == 1 { "" } else { "s" })
        }
        QuoteVerdict::Inexact => format!(
            "**Inexact quote**: the nearest passage matches {:.0}% of its words",
            lookup.matches[0].similarity * 100.0
        ),
        QuoteVerdict::NotFound => {
            format!(
                "**Quote not found** in the corpus ({} documents)",
                corpus.documents.len()
            )
        }
    };
    if let Some(note) = attribution_note(corpus, &checked) {
        md.push_str(&format!("\n\n{note}"));
    }
    for m in lookup.matches.iter().take(3) {
        let doc = corpus.document(m.doc);
        md.push_str(&format!(
            "\n\n---\n\n{}\n\n{}",
            reference_line(doc),
            passage_markdown(doc, m.normalized)
        ));
        if lookup.verdict == QuoteVerdict::Inexact {
            md.push_str(&format!("\n\n{}", diff_markdown(&m.diff)));
        }
    }
    if lookup.matches.len() > 3 {
        md.push_str(&format!("\n\n…and {} more", lookup.matches.len() - 3));
    }
    Some(Hover {
        range: quote.range,
        markdown: md,
    })
}

fn attribution_note(corpus: &Corpus, checked: &CheckedQuote) -> Option<String> {
    let first = checked.lookup.matches.first()?;
    let source = &corpus.document(first.doc).reference.key;
    match misattributed(corpus, checked) {
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
        .map(|t| format!(" · *{}*", escape(t)))
        .unwrap_or_default();
    format!("**@{}** · {}{title}", r.key, r.author_year())
}

/// The sentences around a match, the matched words in bold.
fn passage_markdown(doc: &Document, m: TextRange) -> String {
    let first = doc.sentences.partition_point(|s| s.end <= m.start);
    let last = doc.sentences.partition_point(|s| s.start < m.end);
    let (start, end) = match doc.sentences.get(first..last.max(first + 1)) {
        Some(s) if !s.is_empty() => (s[0].start.min(m.start), s[s.len() - 1].end.max(m.end)),
        _ => (m.start, m.end),
    };
    let text = &doc.normalized;
    format!(
        "> {}**{}**{}",
        escape(&text[start..m.start]),
        escape(&text[m.start..m.end]),
        escape(&text[m.end..end])
    )
}

fn diff_markdown(diff: &[WordDiff]) -> String {
    let changes: Vec<String> = diff
        .iter()
        .filter_map(|d| match d {
            WordDiff::Same(_) => None,
            WordDiff::Changed { brief, source } => Some(format!(
                "the source has “{}” where the brief has “{}”",
                escape(source),
                escape(brief)
            )),
            WordDiff::Added(words) => Some(format!("the brief adds “{}”", escape(words))),
            WordDiff::Dropped(words) => Some(format!("the brief drops “{}”", escape(words))),
        })
        .collect();
    format!("Differences: {}.", changes.join("; "))
}

/// Markdown's inline punctuation, so that source text shows as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn definition(corpus: &Corpus, brief: &Brief, offset: usize) -> Vec<SourceLocation> {
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
fn misattributed(corpus: &Corpus, checked: &CheckedQuote) -> Option<String> {
    let citation = checked.citation?;
    if checked.lookup.verdict != QuoteVerdict::Exact {
        return None;
    }
    let cited = cited_docs(corpus, Some(citation));
    let all_known = cited.len() == citation.items.len();
    let holds = checked.lookup.matches.iter().any(|m| cited.contains(&m.doc));
    (all_known && !holds).then(|| citation.items[0].key.clone())
}

pub(super) fn diagnostics(corpus: &Corpus, brief: &Brief) -> Vec<Finding> {
    brief
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && q.n_words >= MIN_REPORTED_WORDS)
        .filter_map(|quote| finding(corpus, &check(corpus, brief, quote)))
        .collect()
}

fn finding(corpus: &Corpus, checked: &CheckedQuote) -> Option<Finding> {
    let quote = checked.quote;
    let best = checked.lookup.matches.first();
    let source_key = |m: &QuoteMatch| corpus.document(m.doc).reference.key.clone();
    let related = |m: &QuoteMatch, message: &str| {
        vec![Related {
            location: location(corpus, m),
            message: message.to_string(),
        }]
    };
    let finding = |code: Code, message: String, related: Vec<Related>, fixes: Vec<Fix>| Finding {
        range: quote.range,
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
            let wording = corpus.document(m.doc).text(m.normalized).to_string();
            let fix = Fix {
                title: format!("Replace with the wording of @{key}"),
                edits: vec![Edit {
                    range: quote.content,
                    new_text: wording,
                }],
                preferred: true,
            };
            let message = format!(
                "inexact quote of @{key} ({:.0}% of words match): {}",
                m.similarity * 100.0,
                diff_markdown(&m.diff).trim_start_matches("Differences: ")
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
            if let Some(cited) = misattributed(corpus, checked) {
                let item = &checked.citation?.items[0];
                let fix = Fix {
                    title: format!("Cite @{key} instead"),
                    edits: vec![Edit {
                        range: item.key_range,
                        new_text: key.clone(),
                    }],
                    preferred: true,
                };
                let message = format!("quote credited to @{cited}, but it is from @{key}");
                return Some(finding(
                    Code::QuoteMisattributed,
                    message,
                    related(m, "the quoted passage"),
                    vec![fix],
                ));
            }
            if checked.citation.is_some() {
                return None;
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

pub(super) fn inlay_hints(corpus: &Corpus, brief: &Brief) -> Vec<InlayHint> {
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
                label: format!("@{}", corpus.document(m.doc).reference.key),
            })
        })
        .collect()
}
