//! The figure check on wordings of the third development part (issue 11,
//! dev3): each test an invented text of one class of error.

use super::tests::findings_in;

#[test]
fn a_near_span_of_the_cited_source_is_the_same_stretch_misstated() {
    // "the past four months" and "the past six months": one stretch of
    // time, misstated; the context is the citation's, not the elsewhere bar's.
    let rollout = (
        "rollout",
        "The operator said its latest half a million customers had joined in the past four months, as prices fell.\n",
    );
    expect_test::expect![[r#"
        "six months" warning figure-contradicted: corpus: four months [@rollout] ["Use the source’s figure: four months"]"#]]
    .assert_eq(&findings_in(
        &[rollout],
        "The operator's latest customers joined in the past six months [@rollout].\n",
    ));
    // In a weaker context, a span far from the source's is another
    // stretch of time; a near one is still the same stretch.
    expect_test::expect![[r#"
        "30 months" info figure-unsupported: no corpus figure backs “30 months” []"#]]
    .assert_eq(&findings_in(
        &[rollout],
        "The operator has kept its latest customers for 30 months [@rollout].\n",
    ));
    expect_test::expect![[r#"
        "five months" warning figure-contradicted: corpus: four months [@rollout] ["Use the source’s figure: four months"]"#]]
    .assert_eq(&findings_in(
        &[rollout],
        "The operator has kept its latest customers for five months [@rollout].\n",
    ));
}

#[test]
fn an_amount_in_a_plural_is_measured_by_it() {
    // "$25bn in damages" and "damages of $20bn" measure the same thing,
    // which is what ties them in a context that shares few other words.
    let suit = (
        "suit",
        "The oil firm filed its claim in Texas on Friday. It is seeking damages of $20bn from the buyer, its lawyers said.\n",
    );
    expect_test::expect![[r#"
        "$25bn" warning figure-contradicted: corpus: $20bn [@suit] ["Use the source’s figure: $20bn"]"#]]
    .assert_eq(&findings_in(
        &[suit],
        "The firm wants $25bn in damages, arguing its pipeline unit went far too cheaply at auction [@suit].\n",
    ));
}

#[test]
fn the_one_count_a_cited_source_gives_of_a_thing_belies_another() {
    // The article counts the tour's dates once: "28 dates" is another
    // value of that count, even in a context that shares few words.
    let tour = (
        "tour",
        "The singer has sued her insurers. She missed several shows on the 82-date tour after a fall on stage in Ohio.\n",
    );
    expect_test::expect![[r#"
        "28 dates" warning figure-contradicted: corpus: 82-date [@tour] ["Use the source’s figure: 82-date"]"#]]
    .assert_eq(&findings_in(
        &[tour],
        "The Glass Palace tour had been planned at 28 dates [@tour].\n",
    ));
    // Two counts of the thing: which one the claim means is not said.
    let tours = (
        "tours",
        "The singer has sued her insurers. She missed several shows on the 82-date tour after a fall, and 12 dates in Asia were cancelled.\n",
    );
    expect_test::expect![[r#"
        "28 dates" info figure-unsupported: no corpus figure backs “28 dates” []"#]]
    .assert_eq(&findings_in(
        &[tours],
        "The Glass Palace tour had been planned at 28 dates [@tours].\n",
    ));
}

#[test]
fn an_abbreviation_before_the_counted_noun_modifies_it() {
    // "four primary US TV networks" counts networks, as "three US
    // networks" does.
    let benefit = (
        "benefit",
        "A similar benefit carried by all four primary US TV networks after the floods raised $40m.\n",
    );
    expect_test::expect![[r#"
        "three US networks" warning figure-contradicted: corpus: four primary US TV networks [@benefit] ["Use the source’s figure: four primary US TV networks"]"#]]
    .assert_eq(&findings_in(
        &[benefit],
        "The flood benefit was carried by three US networks [@benefit].\n",
    ));
}

#[test]
fn a_value_the_next_sentence_borrows_the_subject_of_is_not_its_own() {
    // The 22% takes the 25%'s sentence as its sentence before, and so its
    // words; the 25% is of the claim's measure (shoppers) and closer.
    let survey = (
        "survey",
        "The poll asked people about their plans. Only 25% of shoppers said a laptop would be their top purchase of the year. Almost a quarter, 22%, said they would buy a phone.\n",
    );
    expect_test::expect![[r#"
        "22%" warning figure-contradicted: corpus: 25% [@survey] ["Use the source’s figure: 25%"]"#]]
    .assert_eq(&findings_in(
        &[survey],
        "Only 22% of shoppers picked a laptop as their top purchase of the year [@survey].\n",
    ));
    // Of the phone, the 22% stands.
    expect_test::expect![[""]].assert_eq(&findings_in(
        &[survey],
        "Some 22% of shoppers said they would buy a phone [@survey].\n",
    ));
}

#[test]
fn the_subject_of_a_verb_confirms_a_measure_but_tells_no_other() {
    // "the attacks raised" and "the telethon raised": the verb's subject
    // may be far from what the amount is, so another one does not make
    // the two figures two facts.
    let telethon = (
        "telethon",
        "The singers will appear on Saturday. A similar TV benefit carried by four networks after the 2001 terror attacks raised more than $150m for victims.\n",
    );
    expect_test::expect![[r#"
        "over $105m" warning figure-contradicted: corpus: more than $150m in 2001 [@telethon] ["Use the source’s figure: more than $150m"]"#]]
    .assert_eq(&findings_in(
        &[telethon],
        "The earlier telethon raised over $105m for the victims, singers said [@telethon].\n",
    ));
}
