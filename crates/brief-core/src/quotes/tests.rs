//! Quote lookup on the seed corpus: each way a faithful quote differs from
//! its source, and misquotes.

use super::*;
use crate::test_support::{corpus_of, seed_corpus};

/// A quote written with `...` for elisions and `[x]` for editorial brackets.
fn parts(quote: &str) -> Vec<QueryPart<'_>> {
    let mut out = Vec::new();
    let mut rest = quote;
    while !rest.is_empty() {
        let next = [rest.find("..."), rest.find('[')].into_iter().flatten().min();
        match next {
            Some(i) => {
                out.push(QueryPart::Text(&rest[..i]));
                if rest[i..].starts_with("...") {
                    out.push(QueryPart::Elision);
                    rest = &rest[i + 3..];
                } else {
                    let close = rest[i..].find(']').unwrap() + i;
                    out.push(QueryPart::Editorial(&rest[i + 1..close]));
                    rest = &rest[close + 1..];
                }
            }
            None => {
                out.push(QueryPart::Text(rest));
                rest = "";
            }
        }
    }
    out
}

/// The verdict and each match as `key: original text`.
fn lookup(corpus: &crate::snapshot::Snapshot, quote: &str) -> String {
    let found = find_quote(&corpus.quote_sources(), &parts(quote));
    let mut out = format!("{:?}", found.verdict);
    for m in &found.matches {
        let doc = corpus.document(m.doc);
        let r = doc.to_original(m.normalized);
        out.push_str(&format!(
            "\n{}: {:?}",
            doc.reference.key,
            &doc.original[r.start..r.end]
        ));
        if !m.diff.is_empty() {
            let changes: Vec<String> = m
                .diff
                .iter()
                .filter(|d| !matches!(d, WordDiff::Same(_)))
                .map(|d| format!("{d:?}"))
                .collect();
            out.push_str(&format!(
                "\n  similarity {:.2}; {}",
                m.similarity,
                changes.join(", ")
            ));
        }
    }
    out
}

#[test]
fn quote_across_a_hyphenated_line_break() {
    expect_test::expect![[r#"
        Exact
        lukin2020: "Its current state can be charac-\nterized as a quasi-alliance, or entente""#]]
    .assert_eq(&lookup(
        seed_corpus(),
        "Its current state can be characterized as a quasi-alliance, or entente",
    ));
}

#[test]
fn quote_across_a_page_header() {
    let found = lookup(seed_corpus(), "strike a rather stable balance — in Central Asia, whereby Beijing has emerged as the main economic force");
    assert!(found.starts_with("Exact\nlukin2020: \"strike a rather stable balance—in Central Asia, \\n\\n\\n\\n374 A.\\u{a0}Lukin \\n\\nwhereby Beijing"), "{found}");
}

#[test]
fn quote_with_elision_dashes_and_curly_marks() {
    expect_test::expect![[r#"
        Exact
        trenin2019: "Russia and China will never be against each other, but they will not necessarily always be with each other""#]]
    .assert_eq(&lookup(seed_corpus(), "Russia and China will never be against each other ... they will not necessarily always be with each other"));
    expect_test::expect![[r#"
        Exact
        lukin2020: "Sino-Russian ‘strategic partnership’ was proclaimed in April \n1996""#]]
    .assert_eq(&lookup(
        seed_corpus(),
        "Sino–Russian “strategic partnership” was proclaimed in April 1996",
    ));
}

#[test]
fn editorial_brackets_match_present_absent_or_changed_text() {
    expect_test::expect![[r#"
        Exact
        lukin2020: "[i]t was hoped that China would become a major buyer of Siberian hydro-\ncarbons""#]]
    .assert_eq(&lookup(
        seed_corpus(),
        "[I]t was hoped that China would become a major buyer of Siberian hydrocarbons",
    ));
    expect_test::expect![[r#"
        Exact
        lukin2020: "Russia needed a strong external partner""#]]
    .assert_eq(&lookup(
        seed_corpus(),
        "Russia needed a strong [economic] external partner",
    ));
}

#[test]
fn a_changed_word_is_an_inexact_match_with_a_word_diff() {
    expect_test::expect![[r#"
        Inexact
        lukin2020: "the mid-1990s marked a watershed both in Russia and China’s foreign poli-\ncies"
          similarity 0.92; Changed { brief: "mid-1960s", source: "mid-1990s" }"#]]
    .assert_eq(&lookup(
        seed_corpus(),
        "the mid-1960s marked a watershed both in Russia and China's foreign policies",
    ));
}

#[test]
fn unrelated_text_is_not_found_and_a_scare_quote_is_found_everywhere() {
    assert_eq!(
        lookup(
            seed_corpus(),
            "The moon is made of green cheese, as every analyst knows"
        ),
        "NotFound"
    );
    let found = find_quote(&seed_corpus().quote_sources(), &parts("entente"));
    assert_eq!(found.verdict, QuoteVerdict::Exact);
    assert!(found.matches.len() >= 5, "{}", found.matches.len());
}

#[test]
fn the_same_sentence_in_two_documents_gives_both() {
    let corpus = corpus_of(&[
        (
            "a",
            "Intro.\n\nThe partnership is a marriage of convenience, not an alliance.\n",
        ),
        (
            "b",
            "Other text. The partnership is a marriage of convenience, not an alliance. End.\n",
        ),
    ]);
    expect_test::expect![[r#"
        Exact
        a: "partnership is a marriage of convenience, not an alliance"
        b: "partnership is a marriage of convenience, not an alliance""#]]
    .assert_eq(&lookup(
        &corpus,
        "partnership is a marriage of convenience, not an alliance",
    ));
}

#[test]
fn an_elision_does_not_bridge_paragraphs() {
    let found = lookup(
        seed_corpus(),
        "Its current state can be characterized as a quasi-alliance ... The contemporary quasi-alliance between Moscow and Beijing is already more than two decades old",
    );
    assert!(!found.starts_with("Exact"), "{found}");
}

#[test]
fn a_changed_word_at_either_end_takes_no_extra_source_words() {
    expect_test::expect![[r#"
        Inexact
        lukin2020: "Its current state can be charac-\nterized as a quasi-alliance, or entente"
          similarity 0.91; Changed { brief: "ententes", source: "entente" }"#]]
    .assert_eq(&lookup(
        seed_corpus(),
        "Its current state can be characterized as a quasi-alliance, or ententes",
    ));
    expect_test::expect![[r#"
        Inexact
        lukin2020: "Its current state can be charac-\nterized as a quasi-alliance, or entente"
          similarity 0.91; Changed { brief: "Their", source: "Its" }"#]]
    .assert_eq(&lookup(
        seed_corpus(),
        "Their current state can be characterized as a quasi-alliance, or entente",
    ));
}

#[test]
fn a_common_word_at_either_end_does_not_pull_the_passage_outward() {
    // Myers' diff may match the quote's first "the" to the "the" three words
    // earlier (and its last "of" to one three words later): the same number of
    // words match either way, so the passage must be the tighter one.
    let corpus = corpus_of(&[(
        "turnout",
        "In 2019 turnout fell to the historical minimum, the percentages of young voters dropped in every region of the north of the country.\n",
    )]);
    expect_test::expect![[r#"
        Inexact
        turnout: "the percentages of young voters dropped in every region of"
          similarity 0.90; Changed { brief: "fell", source: "dropped" }"#]]
    .assert_eq(&lookup(
        &corpus,
        "the percentages of young voters fell in every region of",
    ));
    expect_test::expect![[r#"
        Inexact
        turnout: "young voters dropped in every region of the north of"
          similarity 0.90; Changed { brief: "fell", source: "dropped" }"#]]
    .assert_eq(&lookup(
        &corpus,
        "young voters fell in every region of the north of",
    ));
}
