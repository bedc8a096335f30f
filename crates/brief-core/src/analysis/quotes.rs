//! Quoted claims: each quote of the brief looked up in the corpus. Hover
//! shows the source passage and the verdict, definition jumps to it, and
//! findings flag misquotes, unfound quotes, wrong and missing citations.

use super::cited::document_of;
use super::markdown::{passage, sentences_around, source_head, RULE};
use super::{
    Cancel, Cancelled, Code, Edit, Finding, Fix, Hover, InlayHint, PdfPage, Related, SourceLocation,
};
use crate::brief::{Brief, Citation, Quote, QuoteSegment};
use crate::corpus::{DocId, Document};
use crate::quotes::{find_quote, QueryPart, QuoteLookup, QuoteMatch, QuoteVerdict, WordDiff};
use crate::snapshot::Snapshot;
use crate::text::{counted, escape_markdown, TextRange};

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
    if let Some(note) = attribution_note(corpus, &checked) {
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

fn attribution_note(corpus: &Snapshot, checked: &CheckedQuote) -> Option<String> {
    let first = checked.lookup.matches.first()?;
    let source = &corpus.document(first.doc).reference.key;
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

fn finding(corpus: &Snapshot, brief: &Brief, checked: &CheckedQuote) -> Option<Finding> {
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
            let wording = corpus.document(m.doc).display(m.normalized);
            let range = quoted_text(brief, quote);
            let fix = Fix {
                title: format!("Replace with the wording of @{key}"),
                edits: vec![Edit {
                    range,
                    new_text: with_initial_case_of(
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

/// A page locator (`p. 366`, `pp. 366–367`) of the citation item naming the
/// passage's document: its range in the brief and its first and last page.
fn page_locator(brief: &Brief, item: &crate::brief::CiteItem) -> Option<(TextRange, u32, u32)> {
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

/// The document of a quoted passage, the citation's item for it, and the
/// page the passage starts on, where the document knows its pages.
fn cited_page<'a>(
    corpus: &'a Snapshot,
    brief: &'a Brief,
    citation: &'a Citation,
    m: &QuoteMatch,
) -> Option<(&'a Document, &'a crate::brief::CiteItem, u32)> {
    let doc = corpus.document(m.doc);
    let item = citation
        .items
        .iter()
        .find(|i| document_of(corpus, brief, &i.key).is_some_and(|d| d.id == doc.id))?;
    let page = doc.page_at(doc.to_original(m.normalized).start)?;
    Some((doc, item, page))
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
fn wrong_locator(
    corpus: &Snapshot,
    brief: &Brief,
    citation: &Citation,
    m: &QuoteMatch,
) -> Option<(String, Fix)> {
    let (doc, item, page) = cited_page(corpus, brief, citation, m)?;
    let (range, first, last) = page_locator(brief, item)?;
    if (first..=last).contains(&page) {
        return None;
    }
    let cited = &brief.text[range.start..range.end];
    Some((
        format!(
            "the passage is on p. {page} of @{}, not {cited}",
            doc.reference.key
        ),
        cite_page(page, range, page.to_string()),
    ))
}

/// `locator-missing`: the citation item names no page, but the document
/// knows the passage's. The fix adds one after the key (`[@key, p. 367]`,
/// `@key [p. 367]`); an item with another locator or suffix is left alone.
fn missing_locator(
    corpus: &Snapshot,
    brief: &Brief,
    citation: &Citation,
    m: &QuoteMatch,
) -> Option<(String, Fix)> {
    let (doc, item, page) = cited_page(corpus, brief, citation, m)?;
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
        format!(
            "the passage is on p. {page} of @{}; cite the page",
            doc.reference.key
        ),
        cite_page(page, TextRange::empty(after_key), new_text),
    ))
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
                label: format!("@{}", corpus.document(m.doc).reference.key),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{check_definition, check_diagnostics, check_hover, check_inlay_hints};

    /// Two sources of the tests' own: one with a manifest entry and a title,
    /// one with an entry but no title.
    const CORPUS: &str = r#"
//- /sources/corpus.toml
[[document]]
file = "nile.txt"
key = "okafor2021"
title = "Sharing the Nile Basin"
authors = ["Ngozi Okafor"]
date = "2021"

[[document]]
file = "delta.txt"
key = "haddad2019"
authors = ["Samir Haddad"]
date = "2019"
//- /sources/nile.txt
Sharing the Nile Basin

The treaty of 1959 divided the flow between two states. Its critics call it a colonial bargain, or a quiet truce. Upstream states never signed it, and Ethiopia began to build its own dam in 2011.
//- /sources/delta.txt
The delta is sinking. Farmers there say the river no longer reaches the sea in summer, and the salt water now climbs twenty kilometres inland every year.
"#;

    fn with_brief(brief: &str) -> String {
        format!("{CORPUS}//- /brief.md\n{brief}")
    }

    #[test]
    fn hover_on_an_exact_quote_shows_the_passage_in_its_sentence() {
        check_hover(
            &with_brief("Okafor calls it “a colonial bargain, or a $0quiet truce” [@okafor2021]."),
            expect_test::expect![[r#"
                16..58 "“a colonial bargain, or a quiet truce”"
                **Quote found** in 1 passage

                ---

                **@okafor2021** · Okafor 2021 · *Sharing the Nile Basin*

                > Its critics call it **a colonial bargain, or a quiet truce**."#]],
        );
    }

    #[test]
    fn hover_on_a_quote_names_its_printed_page() {
        // Three PDF pages (form feeds between them) whose running heads,
        // each seen twice, give the printed numbers 366 to 368.
        let corpus = crate::test_support::corpus_of(&[(
            "compact",
            "366 B. Example\n\nThe compact was signed in 1998 by three provinces.\n\x0cThe compact and its discontents 367\n\nThe dispute panel met for the first time in its history.\n\x0c368 B. Example\n\nThe compact and its discontents\n",
        )]);
        let hover = |brief: &str| {
            let brief = crate::brief::Brief::parse(brief);
            super::super::hover(&corpus, &brief, 3).unwrap().markdown
        };
        let md = hover("“The dispute panel met for the first time” [@compact].");
        assert!(
            md.contains("**@compact** · ") && md.contains(" · p. 367\n"),
            "{md}"
        );
        let md = hover("“signed in 1998 by three provinces” [@compact].");
        assert!(md.contains(" · p. 366\n"), "{md}");
    }

    #[test]
    fn hover_on_a_pdf_quote_names_the_pdf_page_its_link_opens_where_it_differs() {
        // The pages of an article printed as 366–368, extracted from a PDF
        // whose own pages are 1–3.
        let text = "366 B. Example\n\nThe compact was signed in 1998 by three provinces.\n\x0cThe compact and its discontents 367\n\nThe dispute panel met for the first time in its history.\n\x0c368 B. Example\n\nThe compact and its discontents\n";
        let corpus = crate::snapshot::Snapshot::build(vec![crate::corpus::CorpusFolder {
            root: "/c".into(),
            manifest: None,
            entities: None,
            files: vec![crate::corpus::SourceFile {
                path: "/cache/compact.pdf.txt".into(),
                rel_path: "compact.pdf".into(),
                bytes: text.as_bytes().to_vec(),
                extracted: Some(crate::corpus::Extracted {
                    from: "/c/compact.pdf".into(),
                    metadata: None,
                }),
            }],
        }]);
        let hover = |brief: &str| {
            let brief = crate::brief::Brief::parse(brief);
            super::super::hover(&corpus, &brief, 3).unwrap()
        };
        let h = hover("“The dispute panel met for the first time” [@compact].");
        assert!(h.markdown.contains(" · p. 367 (PDF page 2)\n"), "{}", h.markdown);
        assert_eq!(h.pdf_pages[0].page, 2);
        let h = hover("“three provinces. The compact and its discontents The dispute panel met” [@compact].");
        assert!(
            h.markdown.contains(" · pp. 366–367 (PDF pages 1–2)\n"),
            "{}",
            h.markdown
        );
        // A text file with the same pages has no PDF page to name.
        let md = crate::test_support::corpus_of(&[("compact", text)]);
        let brief = crate::brief::Brief::parse("“The dispute panel met for the first time” [@compact].");
        let md = super::super::hover(&md, &brief, 3).unwrap().markdown;
        assert!(md.contains(" · p. 367\n"), "{md}");
    }

    #[test]
    fn a_page_locator_is_checked_against_the_passage_page() {
        let corpus = crate::test_support::corpus_of(&[(
            "compact",
            "366 B. Example\n\nThe compact was signed in 1998 by three provinces.\n\x0cThe compact and its discontents 367\n\nThe dispute panel met for the first time in its history.\n\x0c368 B. Example\n\nThe compact and its discontents\n",
        )]);
        let findings = |text: &str| {
            let brief = crate::brief::Brief::parse(text);
            let config = super::super::CheckConfig::default();
            super::super::diagnostics(&corpus, &brief, &config)
                .into_iter()
                .map(|f| format!("{} {}: {:?}", f.code.as_str(), f.message, f.fixes[0].edits))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            findings("“The dispute panel met for the first time” [@compact, p. 367]."),
            Vec::<String>::new()
        );
        assert_eq!(
            findings("“The dispute panel met for the first time” [@compact, pp. 366–367]."),
            Vec::<String>::new()
        );
        expect_test::expect![[r#"["locator-wrong the passage is on p. 367 of @compact, not 366: [Edit { range: 61..64, new_text: \"367\" }]"]"#]]
            .assert_eq(&format!("{:?}", findings("“The dispute panel met for the first time” [@compact, p. 366].")));
        expect_test::expect![[r#"["locator-wrong the passage is on p. 366 of @compact, not 33: [Edit { range: 16..18, new_text: \"366\" }]"]"#]]
            .assert_eq(&format!("{:?}", findings("As @compact [p. 33] says, “signed in 1998 by three provinces”.")));
    }

    #[test]
    fn a_missing_page_is_a_hint_only_when_asked_for() {
        let corpus = crate::test_support::corpus_of(&[(
            "compact",
            "366 B. Example\n\nThe compact was signed in 1998 by three provinces.\n\x0cThe compact and its discontents 367\n\nThe dispute panel met for the first time in its history.\n\x0c368 B. Example\n\nThe compact and its discontents\n",
        )]);
        let findings = |text: &str, config: &super::super::CheckConfig| {
            let brief = crate::brief::Brief::parse(text);
            super::super::diagnostics(&corpus, &brief, config)
                .into_iter()
                .map(|f| {
                    format!(
                        "{} {:?} {}: {:?}",
                        f.code.as_str(),
                        f.severity,
                        f.message,
                        f.fixes[0].edits
                    )
                })
                .collect::<Vec<_>>()
        };
        let quote = "“The dispute panel met for the first time” [@compact].";
        assert_eq!(findings(quote, &Default::default()), Vec::<String>::new());
        let mut on = super::super::CheckConfig::default();
        assert!(on.apply_names([("locator-missing", "hint")]).is_empty());
        expect_test::expect![[r#"["locator-missing Hint the passage is on p. 367 of @compact; cite the page: [Edit { range: 56..56, new_text: \", p. 367\" }]"]"#]]
            .assert_eq(&format!("{:?}", findings(quote, &on)));
        expect_test::expect![[r#"["locator-missing Hint the passage is on p. 366 of @compact; cite the page: [Edit { range: 11..11, new_text: \" [p. 366]\" }]"]"#]]
            .assert_eq(&format!("{:?}", findings("As @compact says, “signed in 1998 by three provinces”.", &on)));
        assert_eq!(
            findings(
                "“The dispute panel met for the first time” [@compact, chap. 2].",
                &on
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_fix_for_a_passage_the_source_itself_quotes_keeps_one_pair_of_marks() {
        let corpus = crate::test_support::corpus_of(&[(
            "accord",
            "Officials said the accord “would share the water fairly between the three states” and more.\n",
        )]);
        let brief = crate::brief::Brief::parse(
            "The accord “would share the water equally between the three states” [@accord].\n",
        );
        let findings = super::super::diagnostics(&corpus, &brief, &Default::default());
        let edit = &findings[0].fixes[0].edits[0];
        let mut fixed = brief.text.to_string();
        fixed.replace_range(edit.range.start..edit.range.end, &edit.new_text);
        assert_eq!(
            fixed,
            "The accord “would share the water fairly between the three states” [@accord].\n"
        );
    }

    #[test]
    fn a_fix_keeps_the_case_the_brief_gives_the_first_letter() {
        let corpus = crate::test_support::corpus_of(&[(
            "port",
            "Our ports were rebuilt after the storm, and the harbour reopened in spring.\n",
        )]);
        let fixed = |text: &str| {
            let brief = crate::brief::Brief::parse(text);
            let findings = super::super::diagnostics(&corpus, &brief, &Default::default());
            let edit = &findings[0].fixes[0].edits[0];
            let mut fixed = brief.text.to_string();
            fixed.replace_range(edit.range.start..edit.range.end, &edit.new_text);
            fixed
        };
        assert_eq!(
            fixed("The mayor said that “our ports were rebuilt after the flood, and the harbour reopened” [@port].\n"),
            "The mayor said that “our ports were rebuilt after the storm, and the harbour reopened” [@port].\n"
        );
        assert_eq!(
            fixed("“Our ports were rebuilt after the flood, and the harbour reopened” [@port].\n"),
            "“Our ports were rebuilt after the storm, and the harbour reopened” [@port].\n"
        );
    }

    #[test]
    fn hover_on_a_source_without_author_or_year_has_no_empty_part() {
        check_hover(
            r#"
            //- /sources/notes.txt
            Upstream states never signed it, and the dam went ahead.
            //- /brief.md
            “Upstream states never $0signed it, and the dam went ahead” [@notes].
            "#,
            expect_test::expect![[r#"
                0..61 "“Upstream states never signed it, and the dam went ahead”"
                **Quote found** in 1 passage

                ---

                **@notes** · *Upstream states never signed it, and the dam went ahead.*

                > **Upstream states never signed it, and the dam went ahead**."#]],
        );
    }

    #[test]
    fn a_misquote_names_the_changed_word_without_the_punctuation_around_it() {
        // From a new-user trial: the message said “demand".” for the
        // source's last word, closing quotation mark and full stop included.
        let corpus = crate::test_support::corpus_of(&[(
            "smith",
            "Smith said the bill was \"tantamount to abortion on demand\". Others, (\"quietly\"), disagreed with the whole plan.\n",
        )]);
        let message = |brief: &str| {
            let brief = crate::brief::Brief::parse(brief);
            let findings =
                super::super::diagnostics(&corpus, &brief, &crate::analysis::CheckConfig::default());
            findings
                .iter()
                .map(|f| f.message.clone())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let said = message("Smith called it “tantamount to abortion on request” [@smith].");
        assert!(
            said.contains("the source has “demand” where the brief has “request”"),
            "{said}"
        );
        let said = message("Smith said “Others disagreed with the whole plan” [@smith].");
        assert!(said.contains("the brief drops “quietly”"), "{said}");
    }

    #[test]
    fn a_block_quote_credited_on_its_last_line_is_checked_without_the_credit() {
        // From a new-user trial: the "— Gref" line was read as quoted, so the
        // quote was inexact and its fix would have deleted the credit.
        let corpus = crate::test_support::corpus_of(&[(
            "gref",
            "The minister spoke. Today our government is effective, and so is the market. He left.\n",
        )]);
        let brief = crate::brief::Brief::parse(
            "> Today our government is effective,\n> and so is the market.\n> — Gref [@gref]\n",
        );
        let findings = super::super::diagnostics(&corpus, &brief, &crate::analysis::CheckConfig::default());
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn hover_on_a_misquote_shows_the_word_differences() {
        check_hover(
            &with_brief("“Upstream states never $0accepted it” [@okafor2021]."),
            expect_test::expect![[r#"
                0..39 "“Upstream states never accepted it”"
                **Inexact quote**: the nearest passage matches 80% of its words

                ---

                **@okafor2021** · Okafor 2021 · *Sharing the Nile Basin*

                > **Upstream states never signed it**, and Ethiopia began to build its own dam in 2011.

                Differences: the source has “signed” where the brief has “accepted”."#]],
        );
    }

    #[test]
    fn definition_of_a_quote_is_the_exact_source_range() {
        check_definition(
            &with_brief("“Upstream states never signed it … Ethiopia $0began to build its own dam”"),
            expect_test::expect![[
                r#"okafor2021 138..210 "Upstream states never signed it, and Ethiopia began to build its own dam""#
            ]],
        );
        // A PDF line-break hyphen inside the passage, which the corpus's
        // own vocabulary ("hydrocarbons") joins again.
        check_definition(
            r#"
            //- /sources/gas.txt
            Pipelines carry hydrocarbons north.

            It was hoped that China would become a major buyer of Siberian hydro-
            carbons within the decade.
            //- /brief.md
            “[I]t was hoped that China would $0become a major buyer of Siberian hydrocarbons”
            "#,
            expect_test::expect![[
                r#"gas 37..114 "It was hoped that China would become a major buyer of Siberian hydro-\ncarbons""#
            ]],
        );
    }

    #[test]
    fn quote_findings_cover_each_verdict() {
        check_diagnostics(
            &with_brief(
                r#"# Brief — é

Exact and cited: “Its critics call it a colonial bargain” [@okafor2021].

Misquote: “Upstream states never accepted it, and Ethiopia began to build its own dam” [@okafor2021].

Wrong key: “the salt water now climbs twenty kilometres inland every year” [@okafor2021].

Uncited: “Farmers there say the river no longer reaches the sea in summer.”

Invented: “The moon is made of green cheese, as every analyst knows” [@okafor2021].

Scare quote: the “truce” is old. Code: `“Its critics call it a colonial bargain”`.
"#,
            ),
            expect_test::expect![[r#"
                104..184 "“Upstream states never accepted it, and Ethiopia began to build its own dam”" warning quote-inexact: inexact quote of @okafor2021 (92% of words match): the source has “signed” where the brief has “accepted”.
                  fix (preferred): Replace with the wording of @okafor2021 [107..181 → "Upstream states never signed it, and Ethiopia began to build its own dam"]
                212..279 "“the salt water now climbs twenty kilometres inland every year”" warning quote-misattributed: quote credited to @okafor2021, but it is from @haddad2019
                  fix (preferred): Cite @haddad2019 instead [282..292 → "haddad2019"]
                305..375 "“Farmers there say the river no longer reaches the sea in summer.”" hint quote-uncited: quote from @haddad2019 has no citation
                  fix (preferred): Cite @haddad2019 [375..375 → " [@haddad2019]"]
                387..449 "“The moon is made of green cheese, as every analyst knows”" warning quote-not-found: quote not found: no corpus passage contains these words"#]],
        );
    }

    #[test]
    fn inlay_hints_name_the_source_of_verified_quotes() {
        check_inlay_hints(
            &with_brief(
                "“Its critics call it a colonial bargain” and “The moon is made of green cheese today”.",
            ),
            expect_test::expect!["44 @okafor2021"],
        );
    }

    #[test]
    fn a_block_quote_fix_keeps_its_citation_and_messages_are_plain_text() {
        check_diagnostics(
            "> The Sino-Russian ‘strategic partnership’ was proclaimed in April 1996 as the mid-1960s marked a watershed [@lukin2020].\n\n“[I]t was hoped that China would become a major buyer of Russian hydrocarbons” [@lukin2020].\n",
            expect_test::expect![[r#"
                0..125 "> The Sino-Russian ‘strategic partnership’ was proclaimed in April 1996 as the mid-1960s marked a watershed [@lukin2020]." warning quote-inexact: inexact quote of @lukin2020 (93% of words match): the source has “mid-1990s” where the brief has “mid-1960s”.
                  fix (preferred): Replace with the wording of @lukin2020 [2..111 → "The Sino-Russian ‘strategic partnership’ was proclaimed in April 1996 as the mid-1990s marked a watershed"]
                127..209 "“[I]t was hoped that China would become a major buyer of Russian hydrocarbons”" warning quote-inexact: inexact quote of @lukin2020 (92% of words match): the source has “Siberian” where the brief has “Russian”.
                  fix (preferred): Replace with the wording of @lukin2020 [130..206 → "[I]t was hoped that China would become a major buyer of Siberian hydrocarbons"]"#]],
        );
    }
}
