//! Figures: each quantity the brief states, checked against the corpus's
//! figures of the same unit in a matching context (`figures::verdict` says
//! how). Supported figures show their sources and draw no finding.
//!
//! Severities: a contradiction and a misattribution are warnings (the brief
//! says something its sources do not); "unsupported" stays info, because a
//! figure may come from outside the corpus and the check cannot tell a
//! missing source from a wrong figure.

use super::cited::document_of;
use super::markdown::{passage, source_head, RULE};
use super::{Cancel, Cancelled, Code, Edit, Finding, Fix, Hover, Related, SourceLocation};
use crate::brief::{Brief, Citation};
use crate::corpus::DocId;
use crate::figures::{
    check_figure, extract_figures, Cited, Context, CorpusFigure, Figure, FigureCheck, FigureVerdict,
    UnitClass,
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
        let sentences = sentence_ranges(&text);
        let mut figures = extract_figures(&text);
        figures.retain(|f| UnitClass::of(&f.kind).is_some());
        let ranges: Vec<TextRange> = figures.iter().map(|f| f.range).collect();
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
            let own = TextRange::new(local.start - sentence.start, local.end - sentence.start);
            let previous = previous.map_or("", |r| &text[r.start..r.end]);
            let citation = sentence_citation(brief, sentence.shifted(p.start), figure.range);
            let others: Vec<TextRange> = ranges
                .iter()
                .filter(|r| sentence.contains_range(**r))
                .map(|r| TextRange::new(r.start - sentence.start, r.end - sentence.start))
                .collect();
            out.push(BriefFigure {
                figure,
                context: Context::around(&text[sentence.start..sentence.end], own, &others, previous),
                citation,
            });
        }
    }
    out
}

/// The citation giving a figure's source: the first one after it in its
/// sentence ("$107 billion [@lukin2020]", "… in 2018 [@lukin2020]."), else
/// the last one before it ("@lukin2020 puts trade at $107 billion").
fn sentence_citation(brief: &Brief, sentence: TextRange, figure: TextRange) -> Option<&Citation> {
    let mut inside = brief
        .citations
        .iter()
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
fn cited(corpus: &Snapshot, f: &CorpusFigure) -> String {
    format!(
        "{} [@{}]",
        as_stated(corpus, f),
        corpus.document(f.doc).reference.key
    )
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
            let key = &corpus.document(f.doc).reference.key;
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
            // and putting the same words in fixes nothing.
            let fixes = (source != stated)
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
                format!("corpus: {}", cited(corpus, f)),
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
mod tests {
    use super::super::fixture::{check_diagnostics, check_hover, seed_corpus};
    use super::*;

    use FigureVerdict::{Contradicted as C, Supported as S, Unsupported as U};

    /// A hover finds its figure in its own paragraph; it must be the one
    /// the whole brief's figures give at that place.
    #[test]
    fn the_figure_at_an_offset_is_the_one_of_the_whole_brief() {
        let brief = Brief::parse(
            "# Trade é 2018\n\nTrade reached $107 billion in 2018 [@lukin2020], and 40,000 students.\n\n> A quote of 12% here.\n\n- 3 ports\n- 5.5 million tonnes [@x]\n\nLast 9%.",
        );
        let all = brief_figures(&brief);
        assert!(all.len() >= 4, "{}", all.len());
        for offset in 0..=brief.text.len() {
            let expected = all
                .iter()
                .find(|bf| bf.figure.range.touches(offset))
                .map(|bf| bf.figure.range);
            assert_eq!(
                figure_at(&brief, offset).map(|bf| bf.figure.range),
                expected,
                "at {offset}"
            );
        }
    }

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

    /// Findings of `brief` against a small inline corpus, one line each.
    fn findings_in(docs: &[(&str, &str)], brief: &str) -> String {
        let corpus = crate::test_support::corpus_of(docs);
        let brief = Brief::parse(brief);
        diagnostics(&corpus, &brief, Cancel::NEVER)
            .unwrap_or_default()
            .iter()
            .map(|f| {
                let fixes: Vec<String> = f.fixes.iter().map(|x| x.title.clone()).collect();
                format!(
                    "{:?} {} {}: {} {fixes:?}",
                    &brief.text[f.range.start..f.range.end],
                    f.severity.as_str(),
                    f.code.as_str(),
                    f.message
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    const TRADE: (&str, &str) = (
        "trade",
        "In 2018 bilateral trade between the two countries exceeded $100 billion, reaching $107 billion for the first time.\n",
    );
    const PRICES: (&str, &str) = (
        "prices",
        "Food prices in the capital rose by 12 percent in 2019, the statistics office said.\n",
    );

    #[test]
    fn a_precise_figure_of_the_same_period_outranks_a_bound() {
        expect_test::expect![[r#"
            "$150 billion" warning figure-contradicted: corpus: $107 billion in 2018 [@trade] ["Use the source’s figure: $107 billion"]"#]]
        .assert_eq(&findings_in(
            &[TRADE],
            "In 2018 bilateral trade reached $150 billion [@trade].\n",
        ));
        // The bound alone still supports what it allows.
        expect_test::expect![[""]].assert_eq(&findings_in(
            &[TRADE],
            "In 2018 bilateral trade was more than $100 billion [@trade].\n",
        ));
    }

    #[test]
    fn the_cited_source_stating_another_value_is_a_contradiction() {
        expect_test::expect![[r#"
            "14 percent" warning figure-contradicted: corpus: 12 percent in 2019 [@prices] ["Use the source’s figure: 12 percent"]"#]]
        .assert_eq(&findings_in(
            &[TRADE, PRICES],
            "In 2019 the price of food in the capital went up by 14 percent [@prices].\n",
        ));
    }

    #[test]
    fn a_figure_found_only_in_another_source_is_misattributed() {
        expect_test::expect![[r#"
            "$107 billion" warning figure-misattributed: figure credited to @prices, but it is from @trade: $107 billion in 2018 ["Cite @trade instead"]"#]]
        .assert_eq(&findings_in(
            &[TRADE, PRICES],
            "In 2018 bilateral trade reached $107 billion [@prices].\n",
        ));
        // Uncited, the same sentence is simply supported.
        expect_test::expect![[""]].assert_eq(&findings_in(
            &[TRADE, PRICES],
            "In 2018 bilateral trade between the two countries reached $107 billion.\n",
        ));
    }

    const CLUB: (&str, &str) = (
        "club",
        "Two Irish investors own a 29% stake in the club. Its backers want the owners of at least 75% of the club's shares to agree.\n",
    );
    const GLAZER: (&str, &str) = (
        "glazer",
        "The Glazer family now holds a stake of 28.1% in the football club.\n",
    );

    #[test]
    fn another_threshold_in_the_same_direction_contradicts() {
        expect_test::expect![[r#"
            "at least 60%" warning figure-contradicted: corpus: at least 75% [@club] ["Use the source’s figure: at least 75%"]"#]]
        .assert_eq(&findings_in(
            &[CLUB, GLAZER],
            "The backers want owners of at least 60% of the club's shares to agree [@club].\n",
        ));
    }

    #[test]
    fn about_allows_only_what_rounds_to_its_figure() {
        let poll = (
            "poll",
            "Some 87% of voters said politicians broke their promises.\n",
        );
        expect_test::expect![[r#"
            "82%" warning figure-contradicted: corpus: Some 87% [@poll] ["Use the source’s figure: Some 87%"]"#]]
        .assert_eq(&findings_in(&[poll], "82% of voters said politicians broke their promises [@poll].\n"));
        expect_test::expect![[""]].assert_eq(&findings_in(
            &[poll],
            "86.6% of voters said politicians broke their promises [@poll].\n",
        ));
    }

    #[test]
    fn what_a_figure_measures_tells_subjects_apart() {
        // The cited source's 29% is another holder's stake; the 28.1% stake is the other article's.
        expect_test::expect![[r#"
            "28.1%" warning figure-misattributed: figure credited to @club, but it is from @glazer: 28.1% ["Cite @glazer instead"]"#]]
        .assert_eq(&findings_in(
            &[CLUB, GLAZER],
            "The Glazer family holds a 28.1% stake in the football club [@club].\n",
        ));
        // The same measure in the cited source: a different stake contradicts.
        expect_test::expect![[r#"
            "25%" warning figure-contradicted: corpus: 29% [@club] ["Use the source’s figure: 29%"]"#]]
        .assert_eq(&findings_in(
            &[CLUB, GLAZER],
            "Two Irish investors hold a 25% stake in the club [@club].\n",
        ));
    }

    #[test]
    fn the_right_value_of_another_year_contradicts_without_a_fix() {
        let growth = (
            "growth",
            "The economy grew by 3.1% in 2004, the statistics office said.\n",
        );
        expect_test::expect![[r#"
            "3.1%" warning figure-contradicted: corpus: 3.1% in 2004 [@growth] []"#]]
        .assert_eq(&findings_in(
            &[growth],
            "The economy grew by 3.1% in 2003 [@growth].\n",
        ));
        expect_test::expect![[""]].assert_eq(&findings_in(
            &[growth],
            "The economy grew by 3.1% in 2004 [@growth].\n",
        ));
    }

    #[test]
    fn support_needs_the_same_subject() {
        // 12 percent is in the corpus, but about food prices, not a budget.
        expect_test::expect![[r#"
            "12 percent" info figure-unsupported: no corpus figure backs “12 percent” []"#]]
        .assert_eq(&findings_in(
            &[TRADE, PRICES],
            "Defence took 12 percent of the agency's budget.\n",
        ));
    }

    const INDICES: (&str, &str) = (
        "indices",
        "In March the Kestrel index rose 2.4%, while the Osprey index rose 1.9%, the exchange said.\n",
    );

    #[test]
    fn the_same_value_of_another_subject_in_the_sentence_contradicts() {
        // 2.4% is the Kestrel index's; the Osprey index's own stretch of
        // the sentence gives 1.9%.
        expect_test::expect![[r#"
            "2.4%" warning figure-contradicted: corpus: 1.9% [@indices] ["Use the source’s figure: 1.9%"]"#]]
        .assert_eq(&findings_in(
            &[INDICES],
            "The Osprey index rose 2.4% [@indices].\n",
        ));
        expect_test::expect![[""]].assert_eq(&findings_in(
            &[INDICES],
            "The Kestrel index rose 2.4% [@indices].\n",
        ));
    }

    #[test]
    fn the_ends_of_a_from_to_range_share_their_subject() {
        // Both ends belong to the subject written before "from": the second
        // figure's stretch reaches back past the first.
        let rents = (
            "rents",
            "The average harbour rent fell from £1,250 in May to £1,180, the council said.\n",
        );
        expect_test::expect![[""]].assert_eq(&findings_in(
            &[rents],
            "The average harbour rent fell to £1,180 [@rents].\n",
        ));
    }

    #[test]
    fn a_value_stated_for_the_claimed_year_outranks_the_same_value_of_no_year() {
        let outlook = (
            "outlook",
            "The province's economy grew by 5.5% this year, the agency said. The agency forecasts growth of 4% for 2031.\n",
        );
        expect_test::expect![[r#"
            "5.5%" warning figure-contradicted: corpus: 4% in 2031 [@outlook] ["Use the source’s figure: 4%"]"#]]
        .assert_eq(&findings_in(
            &[outlook],
            "The agency forecasts the province's growth at 5.5% for 2031 [@outlook].\n",
        ));
    }
}
