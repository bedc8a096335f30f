//! The figure check on wordings met in real news and policy text (issue 11):
//! each test an invented text of one class of error the labelled sets showed.

use super::tests::{findings_in, PRICES};
use super::*;

const RESERVES: (&str, &str) = (
    "oil-review",
    "The cartel published its annual review on Tuesday. Proven oil reserves were 20% smaller than a decade earlier, the review said. Output rose by 3% over the year, and prices by 30%.\n",
);
const BANK: (&str, &str) = (
    "bank",
    "The bank said profits were 20% higher in 2004 and its gold reserves rose 12%. Its shares rose 5%.\n",
);

#[test]
fn the_sentence_before_weighs_half_against_a_match() {
    // The sentence before the claim says nothing that a source says: its
    // words count against the match as much as they count for one, half.
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[RESERVES, BANK],
        "Analysts have worried for years about depletion. Reserves were 20% smaller.\n",
    ));
}

#[test]
fn a_citation_key_is_no_word_of_the_claim() {
    // "lukin" is in no source: as a word of the claim it would count
    // against every match; a key made of a title's words would count for
    // its own source alone.
    let brief = Brief::parse("Trade reached $107 billion [@lukin2020; @trade-with-china-booms].\n");
    let context = format!("{:?}", brief_figures(&brief)[0].context);
    for word in ["trade", "lukin", "china", "boom"] {
        assert_eq!(
            context.contains(&format!("\"{word}\"")),
            word == "trade",
            "{word}: {context}"
        );
    }
}

#[test]
fn a_year_of_the_figure_compared_with_is_not_the_first_figures() {
    // 2003 is the loss's year: the profit is the year's the article is about.
    let airline = (
        "airline",
        "The airline returned to profit in 2004. It announced net profits of 400m euros, compared with a loss of 984m euros in 2003.\n",
    );
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[airline],
        "The airline made a net profit of 400m euros in 2004 [@airline].\n",
    ));
    expect_test::expect![[r#"
        "984m euros" warning figure-contradicted: corpus: 984m euros in 2003 [@airline] []"#]]
    .assert_eq(&findings_in(
        &[airline],
        "The airline lost 984m euros in 2004 [@airline].\n",
    ));
}

#[test]
fn values_a_thousand_times_apart_measure_different_things() {
    let results = (
        "results",
        "The carrier lost money last year, and its board paid a dividend of 0.30 euros per share.\n",
    );
    expect_test::expect![[r#"
        "984m euros" info figure-unsupported: no corpus figure backs “984m euros” []"#]]
    .assert_eq(&findings_in(
        &[results],
        "The carrier lost 984m euros last year [@results].\n",
    ));
}

#[test]
fn a_vague_multiple_neither_backs_nor_belies_a_precise_figure() {
    let visit = (
        "visit",
        "The carrier said it may lose millions of euros because the airport closed for the visit.\n",
    );
    expect_test::expect![[r#"
        "984m euros" info figure-unsupported: no corpus figure backs “984m euros” []"#]]
    .assert_eq(&findings_in(
        &[visit],
        "The carrier may lose 984m euros because the airport closed for the visit [@visit].\n",
    ));
}

#[test]
fn a_number_of_the_things_counts_them() {
    let fines = (
        "fines",
        "The regulator fined 20 of the network's stations the lesser amount, and the rest more.\n",
    );
    expect_test::expect![[r#"
        "Thirty" warning figure-contradicted: corpus: 20 [@fines] ["Use the source’s figure: 20"]"#]]
    .assert_eq(&findings_in(
        &[fines],
        "Thirty of the network's stations were fined the lesser amount [@fines].\n",
    ));
}

#[test]
fn a_change_as_a_multiple_is_the_percentage_it_is() {
    let launch = (
        "launch",
        "Sales of the console rose 100% in the week after the launch, and its price fell 50%.\n",
    );
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[launch],
        "Sales of the console doubled in the week after the launch [@launch].\n\nIts price halved [@launch].\n",
    ));
    expect_test::expect![[r#""tripled" warning figure-contradicted: corpus: 100% [@launch] []"#]].assert_eq(
        &findings_in(
            &[launch],
            "Sales of the console tripled in the week after the launch [@launch].\n",
        ),
    );
}

#[test]
fn a_financial_year_and_a_year_a_conjunction_leads_into() {
    let pensions = (
        "pensions",
        "In 1998/99, for example, employer contributions rose by 4.7% and in 2002/03 by 8.6%.\n",
    );
    expect_test::expect![[r#"
        "4.7%" warning figure-contradicted: corpus: 8.6% in 2003 [@pensions] ["Use the source’s figure: 8.6%"]"#]]
    .assert_eq(&findings_in(
        &[pensions],
        "In 2002/03 employer contributions rose by 4.7% [@pensions].\n\nIn 2002/03 they rose by 8.6% [@pensions].\n",
    ));
}

#[test]
fn a_count_of_more_things_counts_the_things() {
    let fund = (
        "fund",
        "The vaccine fund could save five million lives by 2015, its backers say.\n",
    );
    expect_test::expect![[r#"
        "three million more lives" warning figure-contradicted: corpus: five million lives in 2015 [@fund] ["Use the source’s figure: five million lives"]"#]]
    .assert_eq(&findings_in(
        &[fund],
        "The vaccine fund could save three million more lives by 2015 [@fund].\n",
    ));
}

const PLAN: (&str, &str) = (
    "plan",
    "The state plan could raise as much as 25bn euros for the treasury, the minister said.\n",
);

#[test]
fn a_bound_in_another_source_names_no_source_of_a_value() {
    // 25bn euros at most allows 20bn, but does not state it: @plan is no
    // better source than the cited one.
    expect_test::expect![[r#"
        "20bn euros" info figure-unsupported: no corpus figure backs “20bn euros” []"#]]
    .assert_eq(&findings_in(
        &[PLAN, PRICES],
        "The state plan could raise 20bn euros for the treasury [@prices].\n",
    ));
}

#[test]
fn opposite_bounds_that_overlap_say_nothing_of_each_other() {
    expect_test::expect![[r#"
        "over 20bn euros" info figure-unsupported: no corpus figure backs “over 20bn euros” []"#]]
    .assert_eq(&findings_in(
        &[PLAN],
        "The state plan could raise over 20bn euros for the treasury [@plan].\n",
    ));
    expect_test::expect![[r#"
        "over 30bn euros" warning figure-contradicted: corpus: as much as 25bn euros [@plan] ["Use the source’s figure: as much as 25bn euros"]"#]]
    .assert_eq(&findings_in(
        &[PLAN],
        "The state plan could raise over 30bn euros for the treasury [@plan].\n",
    ));
}

#[test]
fn modifiers_do_not_hide_what_a_number_counts() {
    let banks = (
        "banks",
        "Regulators say there are now eight fully-operational Islamic banking groups in the country.\n",
    );
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[banks],
        "Regulators say the country has eight Islamic banking groups [@banks].\n",
    ));
}

#[test]
fn irregular_forms_and_their_nouns_are_one_subject() {
    // As the source would say it: "a rise in sales", "a loss of".
    let brief = Brief::parse("Sales rose as the carrier lost 984m euros.\n");
    let context = format!("{:?}", brief_figures(&brief)[0].context);
    for stem in ["sell", "rise", "lose"] {
        assert!(context.contains(&format!("\"{stem}\"")), "{stem}: {context}");
    }
}

#[test]
fn a_figure_in_parentheses_after_a_name_is_that_names() {
    let owners = (
        "owners",
        "The main shareholders of the aircraft maker are the French government (15%) and a German carmaker (30%).\n",
    );
    expect_test::expect![[r#"
        "30%" warning figure-contradicted: corpus: 15% [@owners] ["Use the source’s figure: 15%"]"#]]
    .assert_eq(&findings_in(
        &[owners],
        "The French government is a main shareholder of the aircraft maker with 30% [@owners].\n",
    ));
}

#[test]
fn a_conjunction_or_a_comparison_starts_the_next_figures_stretch() {
    let poll = (
        "poll",
        "Some 82% of voters said the minister had been right to go, but 42% backed his legal action compared to 45% who thought it unwise.\n",
    );
    expect_test::expect![[r#"
        "45%" warning figure-contradicted: corpus: 42% [@poll] ["Use the source’s figure: 42%"]"#]]
    .assert_eq(&findings_in(
        &[poll],
        "In the poll 45% backed the legal action [@poll].\n",
    ));
}

#[test]
fn the_cited_source_counting_the_same_things_supports_however_worded() {
    let family = (
        "family",
        "Anil, the younger of the two brothers in charge of the group, has resigned from its board.\n",
    );
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[family, PRICES],
        "The feud between the two brothers has dominated headlines for weeks [@family].\n",
    ));
}

#[test]
fn a_claims_bound_is_met_by_a_precise_value_near_it() {
    let pensions = (
        "pensions",
        "Employer contributions rose to £8.2bn a year, a rise of 49.7%. At the schemes with the biggest deficits, employer contributions rose by 100% or more.\n",
    );
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[pensions],
        "Employer contributions rose by almost 50% [@pensions].\n",
    ));
}

#[test]
fn a_bound_far_from_the_claim_neither_backs_nor_belies_it() {
    // "up to 30,000 jobs" caps the cuts; it does not say 6,000 of them.
    let cuts = (
        "cuts",
        "The carmaker could cut up to 30,000 jobs over the next four years, its chairman said.\n",
    );
    expect_test::expect![[r#"
        "6,000 jobs" info figure-unsupported: no corpus figure backs “6,000 jobs” []"#]]
    .assert_eq(&findings_in(
        &[cuts],
        "The carmaker plans to cut 6,000 jobs [@cuts].\n",
    ));
    // Near the bound, the bound backs the claim.
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[cuts],
        "The carmaker could cut 25,000 jobs [@cuts].\n",
    ));
}

#[test]
fn an_approximate_value_of_the_claims_subject_outranks_the_same_value_of_another() {
    // 55% answered another question of the same poll; "some 70%" is the
    // share of voters who backed the plan.
    let poll = (
        "poll",
        "Some 70% of voters in the city poll backed the tram plan and 55% that the mayor should resign.\n",
    );
    expect_test::expect![[
        r#""55%" warning figure-contradicted: corpus: Some 70% [@poll] ["Use the source’s figure: Some 70%"]"#
    ]]
    .assert_eq(&findings_in(
        &[poll],
        "55% of voters backed the tram plan [@poll].\n",
    ));
}

#[test]
fn the_words_between_a_count_and_its_noun_are_context() {
    // "fully licensed" is what the claim and the eight groups share; the
    // three groups only stand in the same sentence.
    let licences = (
        "licences",
        "The regulator has licensed three Gulf groups, which means there are eight fully licensed mutual insurance groups in the country.\n",
    );
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[licences],
        "Eight mutual insurance groups are fully licensed in the country [@licences].\n",
    ));
}

#[test]
fn an_amount_of_change_is_no_level() {
    // "£300m less debt" says by how much the debt falls, not what it is.
    let offer = (
        "offer",
        "The fans said the new offer differs from the old one only in leaving the club with £300m less debt.\n",
    );
    expect_test::expect![[r#"
        "£650m" info figure-unsupported: no corpus figure backs “£650m” []"#]]
    .assert_eq(&findings_in(
        &[offer],
        "The new offer would leave the club with £650m of debt [@offer].\n",
    ));
}

#[test]
fn the_sentence_stating_the_claims_figures_is_not_overturned_for_naming_the_year() {
    // The first sentence states both of the claim's values; the next one's
    // other figures name 2029 but are about sales, not profit.
    let results = (
        "results",
        "Net profit at the carmaker jumped 45% to 3.1bn euros ($4.02bn; £2.61bn) in the last three months of 2029 compared with 2.14bn euros a year earlier. Total sales were 42.6bn euros, up 19% from the same 2029 period.\n",
    );
    for claim in [
        "The carmaker's net profit jumped 45% to 3.1bn euros in the last three months of 2029 [@results].\n",
        "The carmaker's net profit jumped 45% in the last three months of 2029 [@results].\n",
    ] {
        expect_test::expect![[""]].assert_eq(&findings_in(&[results], claim));
    }
    let turnover = (
        "turnover",
        "The group's turnover rose $6.4bn to $151.9bn. Net income for 2031 was $2.7bn, helped by its lending arm.\n",
    );
    for claim in [
        "The group's turnover rose $6.4bn to $151.9bn in 2031 [@turnover].\n",
        "The group's turnover rose to $151.9bn in 2031 [@turnover].\n",
    ] {
        expect_test::expect![[""]].assert_eq(&findings_in(&[turnover], claim));
    }
}

#[test]
fn a_plain_number_is_checked_against_the_sources_numbers_and_counts() {
    // The claim leaves unsaid what the number counts; the source says
    // "staff" or says nothing either.
    let cuts = (
        "cuts",
        "The shipyard told investors it would shed 900 jobs a year. This could see its workforce trimmed from 12,400 to 8,600 staff by 2031.\n",
    );
    expect_test::expect![[r#"
        "from 12,400 to 7,600" warning figure-contradicted: corpus: from 12,400 to 8,600 staff in 2031 [@cuts] []"#]]
    .assert_eq(&findings_in(
        &[cuts],
        "The shipyard's workforce would fall from 12,400 to 7,600 by 2031 [@cuts].\n",
    ));
    let index = (
        "index",
        "The institute said its export index rose to 104.7 in the spring, its highest level in a decade.\n",
    );
    expect_test::expect![[r#"
        "101.3" warning figure-contradicted: corpus: 104.7 [@index] ["Use the source’s figure: 104.7"]"#]]
    .assert_eq(&findings_in(
        &[index],
        "The institute's export index rose to 101.3 in the spring [@index].\n",
    ));
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[index],
        "The institute's export index rose to 104.7 in the spring [@index].\n",
    ));
}

#[test]
fn a_plain_number_needs_more_than_the_citation_to_be_contradicted() {
    // The cited report's 12.6 million are subscribers; the claim's
    // downloads are in no source, and a plain number names no unit to tie
    // the two.
    let report = (
        "report",
        "A report on the region's telecoms market was published on Monday. Mobile phone users there grew to 12.6 million in March.\n",
    );
    expect_test::expect![[r#"
        "2 million" info figure-unsupported: no corpus figure backs “2 million” []"#]]
    .assert_eq(&findings_in(
        &[report],
        "Mobile game downloads in the region reached 2 million a month [@report].\n",
    ));
}

#[test]
fn a_span_of_time_needs_more_than_the_citation_to_be_contradicted() {
    // "the past four years" are the firm's record, not how long its new
    // chief has worked there; only the unit ties the two spans.
    let succession = (
        "succession",
        "The brewer named Anna Lindqvist as its next chief executive. Her appointment will ensure a smooth transition, the chairman said. \"We need leaders who can keep up the growth the brewer has shown over the past four years,\" he said.\n",
    );
    expect_test::expect![[r#"
        "19 years" info figure-unsupported: no corpus figure backs “19 years” []"#]]
    .assert_eq(&findings_in(
        &[succession],
        "Anna Lindqvist has been at the brewer for 19 years [@succession].\n",
    ));
    // Where the span's own words say it, the cited source still belies it.
    let tenure = (
        "tenure",
        "Anna Lindqvist has worked at the brewer for 17 years, most of them in Asia.\n",
    );
    expect_test::expect![[r#"
        "19 years" warning figure-contradicted: corpus: 17 years [@tenure] ["Use the source’s figure: 17 years"]"#]]
    .assert_eq(&findings_in(
        &[tenure],
        "Anna Lindqvist has worked at the brewer for 19 years [@tenure].\n",
    ));
}
