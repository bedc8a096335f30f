//! The figure check on wordings of the third development part (issue 11):
//! spans of time, counts and periods, each test an invented text of one
//! class of error.

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
