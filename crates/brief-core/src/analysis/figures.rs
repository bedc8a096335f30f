//! Figures: each quantity the brief states, checked against the corpus's
//! figures of the same unit in a matching context. Supported figures show
//! their sources; a different value in a strongly matching context is a
//! contradiction; anything else is unsupported.

use super::{Code, Edit, Finding, Fix, Hover, Related, SourceLocation};
use crate::brief::Brief;
use crate::figures::{class, extract_figures, Bound, Context, CorpusFigure, Figure};
use crate::snapshot::Snapshot;
use crate::text::sentences::sentence_ranges;
use crate::text::TextRange;

/// Context agreement a supporting figure needs.
const SUPPORT_MIN: f64 = 0.3;
/// Context agreement a contradicting figure needs: strong, or the figure is
/// merely unsupported.
const CONTRADICT_MIN: f64 = 0.55;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureVerdict {
    Supported,
    Contradicted,
    Unsupported,
}

/// A figure of the brief, with its context.
pub(super) struct BriefFigure {
    pub figure: Figure,
    context: Context,
}

struct FigureCheck<'a> {
    verdict: FigureVerdict,
    /// Supporting figures, or the contradicting one; best first.
    evidence: Vec<(f64, &'a CorpusFigure)>,
}

/// The checkable figures of the brief's prose: not in code, URLs, citations
/// or quotes (a quote's numbers are the quote check's), not years or dates.
pub(super) fn brief_figures(brief: &Brief) -> Vec<BriefFigure> {
    let mut out = Vec::new();
    for &p in &brief.paragraphs {
        // Soft line breaks are spaces to the sentence splitter.
        let text = brief.text[p.start..p.end].replace(['\n', '\r'], " ");
        let sentences = sentence_ranges(&text);
        for mut figure in extract_figures(&text) {
            let local = figure.range;
            figure.range = local.shifted(p.start);
            let excluded = !brief.is_prose(figure.range.start) || brief.in_citation_or_quote(figure.range);
            if excluded || class(&figure.kind).is_none() {
                continue;
            }
            let at = Some(sentences.partition_point(|s| s.end < local.end))
                .filter(|&i| sentences.get(i).is_some_and(|s| s.contains_range(local)));
            let sentence = at.map_or(local, |i| sentences[i]);
            let previous = at.and_then(|i| i.checked_sub(1)).map(|i| sentences[i]);
            let own = TextRange::new(local.start - sentence.start, local.end - sentence.start);
            let mut words = text[sentence.start..sentence.end].to_string();
            words.replace_range(own.start..own.end, &" ".repeat(own.len()));
            let previous = previous.map_or("", |r| &text[r.start..r.end]);
            out.push(BriefFigure {
                figure,
                context: Context::new(&words, previous),
            });
        }
    }
    out
}

/// The value's precision: the place of its last significant digit.
fn precision(value: f64) -> f64 {
    let mut p = 10f64.powi(value.abs().log10().floor() as i32 + 1);
    while p > 1e-6 && ((value / p).round() * p - value).abs() > p * 1e-9 {
        p /= 10.0;
    }
    p
}

/// Equal once rounded to the finer of the two precisions: "$107 billion"
/// is "$107.0 billion", but "$100 billion" is not "$95 billion".
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= precision(a).min(precision(b)) / 2.0 + f64::EPSILON
}

/// How a corpus figure's value relates to the brief's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Agreement {
    /// The same value ("$107 billion", "about $110 billion" for 107).
    Same,
    /// Only within a bound: "$120 billion" is more than "exceeded $100
    /// billion", but says more than it does.
    WithinBound,
    Differs,
}

fn agreement(brief: &Figure, corpus: &Figure) -> Agreement {
    let (b, c) = (brief.value, corpus.value);
    let same = match (brief.upper, corpus.upper) {
        (Some(bu), Some(cu)) => close(b, c) && close(bu, cu),
        (Some(bu), None) => close(b, c) || close(bu, c),
        (None, Some(cu)) => close(b, c) || close(b, cu),
        (None, None) => close(b, c),
    };
    let about = matches!(brief.bound, Bound::About) || matches!(corpus.bound, Bound::About);
    if same || (about && (b - c).abs() <= 0.1 * b.abs().max(c.abs())) {
        return Agreement::Same;
    }
    let within = match (brief.bound, corpus.bound) {
        (Bound::AtLeast, _) => c >= b,
        (Bound::AtMost, _) => c <= b,
        (_, Bound::AtLeast) => b >= c,
        (_, Bound::AtMost) => b <= c,
        _ => false,
    };
    if within {
        Agreement::WithinBound
    } else {
        Agreement::Differs
    }
}

/// Years are strong context: the same year confirms, another year means
/// another fact.
fn year_adjusted(score: f64, brief: &Figure, corpus: &Figure) -> f64 {
    match (brief.year, corpus.year) {
        (Some(a), Some(b)) if a == b => (score + 0.2).min(1.0),
        (Some(_), Some(_)) => score * 0.4,
        _ => score,
    }
}

fn check<'a>(corpus: &'a Snapshot, bf: &BriefFigure) -> FigureCheck<'a> {
    let Some(class) = class(&bf.figure.kind) else {
        return FigureCheck {
            verdict: FigureVerdict::Unsupported,
            evidence: Vec::new(),
        };
    };
    let mut candidates: Vec<(f64, &CorpusFigure)> = corpus
        .figure_index()
        .candidates(&class, &bf.context)
        .into_iter()
        .map(|(score, f)| (year_adjusted(score, &bf.figure, &f.figure), f))
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let with = |wanted: Agreement, min: f64| -> Vec<(f64, &'a CorpusFigure)> {
        candidates
            .iter()
            .filter(|(s, f)| *s >= min && agreement(&bf.figure, &f.figure) == wanted)
            .copied()
            .collect()
    };
    // The same value wins; then a different one in a strong context; a
    // bound that merely allows the value comes last.
    let same = with(Agreement::Same, SUPPORT_MIN);
    if !same.is_empty() {
        return FigureCheck {
            verdict: FigureVerdict::Supported,
            evidence: same,
        };
    }
    if let Some(&best) = with(Agreement::Differs, CONTRADICT_MIN).first() {
        return FigureCheck {
            verdict: FigureVerdict::Contradicted,
            evidence: vec![best],
        };
    }
    let within = with(Agreement::WithinBound, SUPPORT_MIN);
    let verdict = if within.is_empty() {
        FigureVerdict::Unsupported
    } else {
        FigureVerdict::Supported
    };
    FigureCheck {
        verdict,
        evidence: within,
    }
}

fn location(corpus: &Snapshot, f: &CorpusFigure) -> SourceLocation {
    SourceLocation {
        doc: f.doc,
        range: corpus.document(f.doc).to_original(f.figure.range),
    }
}

/// "$107 billion in 2018 [@lukin2020]": a corpus figure as a message cites it.
fn cited(corpus: &Snapshot, f: &CorpusFigure) -> String {
    let doc = corpus.document(f.doc);
    let year = f.figure.year.map(|y| format!(" in {y}")).unwrap_or_default();
    format!("{}{year} [@{}]", doc.display(f.figure.range), doc.reference.key)
}

pub(super) fn diagnostics(corpus: &Snapshot, brief: &Brief) -> Vec<Finding> {
    brief_figures(brief)
        .iter()
        .filter_map(|bf| {
            let checked = check(corpus, bf);
            let stated = &brief.text[bf.figure.range.start..bf.figure.range.end];
            let (code, message, related, fixes) = match checked.verdict {
                FigureVerdict::Supported => return None,
                FigureVerdict::Unsupported => (
                    Code::FigureUnsupported,
                    format!("no corpus figure backs “{stated}”"),
                    Vec::new(),
                    Vec::new(),
                ),
                FigureVerdict::Contradicted => {
                    let f = checked.evidence[0].1;
                    let source = corpus.document(f.doc).display(f.figure.range);
                    let fix = Fix {
                        title: format!("Use the source’s figure: {source}"),
                        edits: vec![Edit {
                            range: bf.figure.range,
                            new_text: source,
                        }],
                        preferred: true,
                    };
                    let related = Related {
                        location: location(corpus, f),
                        message: "the corpus figure".into(),
                    };
                    (
                        Code::FigureContradicted,
                        format!("corpus: {}", cited(corpus, f)),
                        vec![related],
                        vec![fix],
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
        })
        .collect()
}

fn figure_at(brief: &Brief, offset: usize) -> Option<BriefFigure> {
    brief_figures(brief)
        .into_iter()
        .find(|bf| bf.figure.range.touches(offset))
}

pub(super) fn hover(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Hover> {
    let bf = figure_at(brief, offset)?;
    let checked = check(corpus, &bf);
    let mut md = match checked.verdict {
        FigureVerdict::Supported => format!("**Figure supported** by {} passage(s)", checked.evidence.len()),
        FigureVerdict::Contradicted => "**Figure contradicted** by the corpus".to_string(),
        FigureVerdict::Unsupported => {
            "**Figure unsupported**: no corpus figure of this kind in a matching context".into()
        }
    };
    for (_, f) in checked.evidence.iter().take(3) {
        let doc = corpus.document(f.doc);
        let before = doc.display(TextRange::new(f.sentence.start, f.figure.range.start));
        let figure = doc.display(f.figure.range);
        let after = doc.display(TextRange::new(f.figure.range.end, f.sentence.end));
        md.push_str(&format!(
            "\n\n---\n\n**@{}** · {}\n\n> {before}**{figure}**{after}",
            doc.reference.key,
            doc.reference.author_year()
        ));
    }
    Some(Hover {
        range: bf.figure.range,
        markdown: md,
    })
}

pub(super) fn definition(corpus: &Snapshot, brief: &Brief, offset: usize) -> Vec<SourceLocation> {
    let Some(bf) = figure_at(brief, offset) else {
        return Vec::new();
    };
    check(corpus, &bf)
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
        .map(|bf| (bf.figure.range, check(corpus, bf).verdict))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{check_diagnostics, check_hover, seed_corpus};
    use super::*;

    use FigureVerdict::{Contradicted as C, Supported as S, Unsupported as U};

    /// Brief sentences and the verdict of their (single) checked figure;
    /// `None`: nothing in the sentence is a figure to check.
    const LABELLED: &[(&str, Option<FigureVerdict>)] = &[
        ("In 2018 Russia–China trade reached $107 billion.", Some(S)),
        ("Bilateral trade reached US$107bn in 2018.", Some(S)),
        ("Russia–China trade exceeded $100 billion in 2018.", Some(S)),
        ("In 2018 Russia–China trade reached about $110 billion.", Some(S)),
        (
            "In 2018 bilateral trade between Russia and China reached $120 billion.",
            Some(C),
        ),
        ("Russia–China trade reached $95 billion in 2018.", Some(C)),
        (
            "China accounted for 15 percent of Russian exports and imports in 2018.",
            Some(S),
        ),
        (
            "China accounted for 25 percent of Russian exports and imports in 2018.",
            Some(C),
        ),
        (
            "From 2014 to 2019, Russia–China trade volume rose by 17%.",
            Some(S),
        ),
        (
            "From 2014 to 2019, Russia–China trade volume rose by 27%.",
            Some(C),
        ),
        (
            "Since 2015 Russia has increased its oil exports to China by 60%.",
            Some(S),
        ),
        (
            "Since 2015 Russia has increased its oil exports to China by 40 percent.",
            Some(C),
        ),
        (
            "In 2018 the Central Bank cut the share of its assets held in the USA from 29.9 to 9.7%.",
            Some(S),
        ),
        (
            "The Central Bank's yuan holdings jumped from 2.8 to 14.2%.",
            Some(S),
        ),
        (
            "The Central Bank's yuan holdings jumped from 2.8 to 18.2%.",
            Some(C),
        ),
        ("China sent a contingent of 3,200 troops to Vostok-2018.", Some(S)),
        (
            "China sent a contingent of 3200 troops with 30 aircraft.",
            Some(S),
        ),
        (
            "China sent a contingent of 5,000 troops to the Vostok exercise.",
            Some(C),
        ),
        (
            "North Korea depends on China for 90 percent of its trade.",
            Some(S),
        ),
        (
            "North Korea depends on China for 70 percent of its trade.",
            Some(C),
        ),
        (
            "China has some 50 strategic partnerships with countries and organisations.",
            Some(S),
        ),
        (
            "China has about 80 strategic partnerships with countries and organisations.",
            Some(C),
        ),
        (
            "The Russian Central Bank has tripled the share of its yuan holdings.",
            Some(S),
        ),
        ("Russia's arms sales to India grew by 35% in 2017.", Some(U)),
        (
            "About 40,000 Chinese students study in Russian universities.",
            Some(U),
        ),
        (
            "Gazprom expects to deliver 38 billion cubic meters of gas a year.",
            Some(U),
        ),
        ("The Arctic route cut shipping times by 12 percent.", Some(U)),
        (
            "Turkey bought four batteries of S-400 missiles for $2.5 billion.",
            Some(U),
        ),
        (
            "Moscow and Beijing held 11 rounds of talks on Central Asia in 2017.",
            Some(U),
        ),
        ("Xi Jinping visited Russia in June 2019.", None),
        ("The G20 met in Hangzhou in 2016.", None),
        ("Vostok-2018 was held in September 2018.", None),
        ("See pp. 5-6 of the Chaillot Paper 140.", None),
        ("The Su-35 and S-400 deals were signed in 2015.", None),
    ];

    fn precision_recall(
        pairs: &[(Option<FigureVerdict>, Option<FigureVerdict>)],
        v: FigureVerdict,
    ) -> (f64, f64) {
        let flagged = pairs.iter().filter(|(_, got)| *got == Some(v)).count();
        let relevant = pairs.iter().filter(|(want, _)| *want == Some(v)).count();
        let right = pairs
            .iter()
            .filter(|(want, got)| *want == Some(v) && *got == Some(v))
            .count();
        (
            right as f64 / flagged.max(1) as f64,
            right as f64 / relevant.max(1) as f64,
        )
    }

    #[test]
    fn labelled_sentences_get_their_verdicts() {
        let corpus = seed_corpus();
        let mut pairs = Vec::new();
        let mut wrong = Vec::new();
        for &(sentence, want) in LABELLED {
            let brief = Brief::parse(sentence);
            let got = verdicts(corpus, &brief);
            // The labelled figure is the sentence's first checked one.
            let got = got.first().map(|&(_, v)| v);
            if got != want {
                wrong.push(format!("{sentence:?}: want {want:?}, got {got:?}"));
            }
            pairs.push((want, got));
        }
        let (cp, cr) = precision_recall(&pairs, C);
        let (up, ur) = precision_recall(&pairs, U);
        let right = pairs.iter().filter(|(w, g)| w == g).count();
        println!(
            "figure verdicts on {} labelled sentences: {right} right; figure-contradicted precision {:.0}% recall {:.0}%; figure-unsupported precision {:.0}% recall {:.0}%",
            pairs.len(),
            cp * 100.0,
            cr * 100.0,
            up * 100.0,
            ur * 100.0
        );
        for w in &wrong {
            println!("  {w}");
        }
        assert!(cp >= 0.9 && up >= 0.8 && cr >= 0.8 && ur >= 0.8, "{wrong:#?}");
        // No false alarm at all on what is not a figure.
        assert!(
            pairs.iter().all(|(w, g)| w.is_some() || g.is_none()),
            "{wrong:#?}"
        );
    }

    #[test]
    fn contradicted_and_unsupported_figures_are_findings_with_a_fix() {
        check_diagnostics(
            "In 2018 bilateral trade between Russia and China — é — reached $120 billion [@lukin2020].\n\nAbout 40,000 Chinese students study in Russian universities.\n",
            expect_test::expect![[r#"
                68..80 "$120 billion" warning figure-contradicted: corpus: $107 billion in 2018 [@lukin2020]
                  fix (preferred): Use the source’s figure: $107 billion [68..80 → "$107 billion"]
                96..125 "About 40,000 Chinese students" info figure-unsupported: no corpus figure backs “About 40,000 Chinese students”"#]],
        );
    }

    #[test]
    fn hover_on_a_supported_figure_shows_the_source_passage() {
        check_hover(
            "In 2018 Russia–China trade reached $10$07 billion.",
            expect_test::expect![[r#"
            37..49 "$107 billion"
            **Figure supported** by 1 passage(s)

            ---

            **@lukin2020** · Lukin 2020

            > In 2018, for the first time, Russia–China trade exceeded $100 billion, reaching **$107 billion**, accounting for 15 percent of Russian exports and imports (RT 2019)."#]],
        );
    }
}
