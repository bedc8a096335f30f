//! The figure check on labelled seed sentences and on small inline corpora.

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
pub(super) fn findings_in(docs: &[(&str, &str)], brief: &str) -> String {
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
pub(super) const PRICES: (&str, &str) = (
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
    .assert_eq(&findings_in(
        &[poll],
        "82% of voters said politicians broke their promises [@poll].\n",
    ));
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

#[test]
fn every_figure_of_a_sentence_with_no_end_is_checked_at_its_own_characters() {
    // A brief typed or pasted without full stops is one sentence of
    // thousands of words; each figure reads only the words within its
    // reach, so a paragraph costs its length, not its square, and each
    // finding still lands on its own figure.
    let source = (
        "wheat",
        "Exports of wheat to Egypt rose to 4.2 million tonnes last year.\n",
    );
    let claims: Vec<String> = (0..300)
        .map(|i| {
            let value = if i % 3 == 0 { "5.1" } else { "4.2" };
            format!("exports of wheat to Egypt rose to {value} million tonnes [@wheat]")
        })
        .collect();
    let text = format!("Élan {}\n", claims.join(" and "));
    let corpus = crate::test_support::corpus_of(&[source]);
    let brief = Brief::parse(text.as_str());
    let found: Vec<usize> = diagnostics(&corpus, &brief, Cancel::NEVER)
        .unwrap_or_default()
        .iter()
        .filter(|f| f.code.as_str() == "figure-contradicted")
        .map(|f| {
            assert_eq!(&text[f.range.start..f.range.end], "5.1 million tonnes");
            f.range.start
        })
        .collect();
    let wrong: Vec<usize> = text.match_indices("5.1 million").map(|(at, _)| at).collect();
    assert_eq!(found, wrong);
}
