//! Figures: each quantity the brief states, checked against the corpus's
//! figures of the same unit in a matching context (`figures::verdict` says
//! how). Supported figures show their sources and draw no finding.
//!
//! Severities: a contradiction and a misattribution are warnings (the brief
//! says something its sources do not); "unsupported" stays info, because a
//! figure may come from outside the corpus and the check cannot tell a
//! missing source from a wrong figure.

use super::cited::{document_of, key_for};
use super::markdown::{passage, source_head, RULE};
use super::{Cancel, Cancelled, Code, Edit, Finding, Fix, Hover, Related, SourceLocation};
use crate::brief::{Brief, Citation};
use crate::corpus::DocId;
use crate::figures::{
    check_figure, extract_figures, ranges_inside, stretch_anchors, tail_within_reach, within_reach, Cited,
    Context, CorpusFigure, Figure, FigureCheck, FigureVerdict, UnitClass,
};
use crate::snapshot::Snapshot;
use crate::text::sentences::sentence_ranges;
use crate::text::TextRange;

/// A figure of the brief, with its context and the citation of its sentence.
pub(super) struct BriefFigure<'b> {
    pub figure: Figure,
    context: Context,
    citation: Option<&'b Citation>,
}

/// The checkable figures of the brief's prose: not in code, URLs, citations
/// or quotes (a quote's numbers are the quote check's), not years or dates.
pub(super) fn brief_figures(brief: &Brief) -> Vec<BriefFigure<'_>> {
    figures_of_paragraphs(brief, &brief.paragraphs)
}

fn figures_of_paragraphs<'b>(brief: &'b Brief, paragraphs: &[TextRange]) -> Vec<BriefFigure<'b>> {
    let mut out = Vec::new();
    for &p in paragraphs {
        // Soft line breaks are spaces to the sentence splitter.
        let text = brief.text[p.start..p.end].replace(['\n', '\r'], " ");
        let words = without_citations(brief, p, &text);
        let sentences = sentence_ranges(&text);
        let mut figures = extract_figures(&text);
        figures.retain(|f| UnitClass::checked(f).is_some());
        let ranges = stretch_anchors(&figures);
        for mut figure in figures {
            let local = figure.range;
            figure.range = local.shifted(p.start);
            let excluded = !brief.is_prose(figure.range.start) || brief.in_citation_or_quote(figure.range);
            if excluded {
                continue;
            }
            let at = Some(sentences.partition_point(|s| s.end < local.end))
                .filter(|&i| sentences.get(i).is_some_and(|s| s.contains_range(local)));
            let sentence = at.map_or(local, |i| sentences[i]);
            let previous = at.and_then(|i| i.checked_sub(1)).map(|i| sentences[i]);
            let citation = sentence_citation(brief, sentence.shifted(p.start), figure.range);
            let near = within_reach(&words, sentence, local);
            let own = TextRange::new(local.start - near.start, local.end - near.start);
            let previous = previous.map_or("", |r| {
                let tail = tail_within_reach(&words, r);
                &words[tail.start..tail.end]
            });
            let others: Vec<TextRange> = ranges_inside(&ranges, near)
                .iter()
                .map(|r| TextRange::new(r.start - near.start, r.end - near.start))
                .collect();
            out.push(BriefFigure {
                figure,
                context: Context::around(&words[near.start..near.end], own, &others, previous),
                citation,
            });
        }
    }
    out
}

/// The paragraph `text` (at `p` in the brief) with its citations blanked,
/// offsets kept: a key is no word of the claim. "lukin2020" would count
/// against every match as a word no source has, and a key made of a
/// title's words would count for its source alone.
fn without_citations(brief: &Brief, p: TextRange, text: &str) -> String {
    let mut out = text.to_string();
    for c in brief.citations.iter().filter(|c| p.contains_range(c.range)) {
        let r = (c.range.start - p.start)..(c.range.end - p.start);
        out.replace_range(r.clone(), &" ".repeat(r.len()));
    }
    out
}

/// The citation giving a figure's source: the first one after it in its
/// sentence ("$107 billion [@lukin2020]", "… in 2018 [@lukin2020]."), else
/// the last one before it ("@lukin2020 puts trade at $107 billion").
fn sentence_citation(brief: &Brief, sentence: TextRange, figure: TextRange) -> Option<&Citation> {
    // Citations are sorted: search, as a paragraph may hold thousands.
    let first = brief
        .citations
        .partition_point(|c| c.range.start < sentence.start);
    let mut inside = brief.citations[first..]
        .iter()
        .take_while(|c| c.range.start < sentence.end)
        .filter(|c| sentence.contains_range(c.range));
    let (before, after): (Vec<_>, Vec<_>) = inside.by_ref().partition(|c| c.range.end <= figure.start);
    after.into_iter().next().or(before.into_iter().next_back())
}

fn check<'a>(corpus: &'a Snapshot, brief: &Brief, bf: &BriefFigure) -> FigureCheck<'a> {
    let items = bf.citation.map_or(&[][..], |c| &c.items[..]);
    let docs: Vec<DocId> = items
        .iter()
        .filter_map(|item| document_of(corpus, brief, &item.key).map(|d| d.id))
        .collect();
    let cited = Cited {
        all_known: docs.len() == items.len(),
        docs,
    };
    check_figure(corpus.figure_index(), &bf.figure, &bf.context, &cited)
}

fn location(corpus: &Snapshot, f: &CorpusFigure) -> SourceLocation {
    SourceLocation {
        doc: f.doc,
        range: corpus.document(f.doc).to_original(f.figure.range),
    }
}

/// "$107 billion in 2018 [@lukin2020]": a corpus figure as a message cites it.
/// "$107 billion in 2018": a corpus figure as its source words it, with its year.
fn as_stated(corpus: &Snapshot, f: &CorpusFigure) -> String {
    let doc = corpus.document(f.doc);
    let year = f.figure.year.map(|y| format!(" in {y}")).unwrap_or_default();
    format!("{}{year}", doc.display(f.figure.range))
}

/// "$107 billion in 2018 [@lukin2020]": a corpus figure with its source.
fn cited(corpus: &Snapshot, brief: &Brief, f: &CorpusFigure) -> String {
    format!("{} [@{}]", as_stated(corpus, f), key_for(corpus, brief, f.doc))
}

pub(super) fn diagnostics(
    corpus: &Snapshot,
    brief: &Brief,
    cancel: Cancel,
) -> Result<Vec<Finding>, Cancelled> {
    let mut findings = Vec::new();
    for bf in brief_figures(brief) {
        cancel.check()?;
        findings.extend(finding(corpus, brief, &bf));
    }
    Ok(findings)
}

fn finding(corpus: &Snapshot, brief: &Brief, bf: &BriefFigure) -> Option<Finding> {
    let checked = check(corpus, brief, bf);
    let stated = &brief.text[bf.figure.range.start..bf.figure.range.end];
    let (code, message, related, fixes) = match checked.verdict {
        FigureVerdict::Supported => return None,
        FigureVerdict::Unsupported => (
            Code::FigureUnsupported,
            format!("no corpus figure backs “{stated}”"),
            Vec::new(),
            Vec::new(),
        ),
        FigureVerdict::Misattributed => {
            let f = checked.evidence[0].1;
            let key = key_for(corpus, brief, f.doc);
            let item = &bf.citation?.items[0];
            let fix = Fix::cite_instead(item.key_range, key);
            let related = Related {
                location: location(corpus, f),
                message: "the corpus figure".into(),
            };
            (
                Code::FigureMisattributed,
                format!(
                    "figure credited to @{}, but it is from @{key}: {}",
                    item.key,
                    as_stated(corpus, f)
                ),
                vec![related],
                vec![fix],
            )
        }
        FigureVerdict::Contradicted => {
            let f = checked.evidence[0].1;
            let source = corpus.document(f.doc).display(f.figure.range);
            // The right value of another year: the period is what is wrong,
            // and putting the same words in fixes nothing. A source's figure
            // of another form ("100%" for "tripled") does not fit the claim's
            // sentence.
            let same_form = UnitClass::of(&f.figure.kind) == UnitClass::of(&bf.figure.kind);
            let fixes = (source != stated && same_form)
                .then(|| Fix {
                    title: format!("Use the source’s figure: {source}"),
                    edits: vec![Edit {
                        range: bf.figure.range,
                        new_text: source,
                    }],
                    preferred: true,
                })
                .into_iter()
                .collect();
            let related = Related {
                location: location(corpus, f),
                message: "the corpus figure".into(),
            };
            (
                Code::FigureContradicted,
                format!("corpus: {}", cited(corpus, brief, f)),
                vec![related],
                fixes,
            )
        }
    };
    Some(Finding {
        range: bf.figure.range,
        code,
        severity: code.default_severity(),
        message,
        related,
        fixes,
    })
}

/// The figure at `offset`, found in its paragraph alone: a hover in a 2 MB
/// brief took 0.2 s when every figure of the brief was found first.
fn figure_at(brief: &Brief, offset: usize) -> Option<BriefFigure<'_>> {
    // Paragraphs are sorted and disjoint.
    let at = brief.paragraphs.partition_point(|p| p.end < offset);
    let paragraph = brief.paragraphs.get(at).filter(|p| p.touches(offset))?;
    figures_of_paragraphs(brief, std::slice::from_ref(paragraph))
        .into_iter()
        .find(|bf| bf.figure.range.touches(offset))
}

pub(super) fn hover(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Hover> {
    let bf = figure_at(brief, offset)?;
    let checked = check(corpus, brief, &bf);
    let mut md = match checked.verdict {
        FigureVerdict::Supported => format!("**Figure supported** by {} passage(s)", checked.evidence.len()),
        FigureVerdict::Contradicted => "**Figure contradicted** by the corpus".to_string(),
        FigureVerdict::Misattributed => {
            "**Figure misattributed**: the cited source does not state it".to_string()
        }
        FigureVerdict::Unsupported => {
            "**Figure unsupported**: no corpus figure of this kind in a matching context".into()
        }
    };
    for (_, f) in checked.evidence.iter().take(3) {
        let doc = corpus.document(f.doc);
        let quoted = passage(doc, f.sentence, f.figure.range);
        md.push_str(&format!("{RULE}{}\n\n{quoted}", source_head(doc)));
    }
    Some(Hover {
        range: bf.figure.range,
        markdown: md,
        pdf_pages: Vec::new(),
    })
}

pub(super) fn definition(corpus: &Snapshot, brief: &Brief, offset: usize) -> Vec<SourceLocation> {
    let Some(bf) = figure_at(brief, offset) else {
        return Vec::new();
    };
    check(corpus, brief, &bf)
        .evidence
        .iter()
        .map(|(_, f)| location(corpus, f))
        .collect()
}

/// The verdicts of a brief's figures, for the labelled-set evaluation.
#[cfg(test)]
pub(super) fn verdicts(corpus: &Snapshot, brief: &Brief) -> Vec<(TextRange, FigureVerdict)> {
    brief_figures(brief)
        .iter()
        .map(|bf| (bf.figure.range, check(corpus, brief, bf).verdict))
        .collect()
}

#[cfg(test)]
mod news3_tests;
#[cfg(test)]
mod news_tests;
#[cfg(test)]
mod tests;
