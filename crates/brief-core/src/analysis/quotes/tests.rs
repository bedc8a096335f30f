//! Quote checks as a user meets them: briefs with a `$0` cursor over a
//! small corpus of the tests' own.

use crate::analysis::fixture::{check_definition, check_diagnostics, check_hover, check_inlay_hints};

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

/// The brief `text` after the first fix of its first finding.
fn with_first_fix(corpus: &crate::snapshot::Snapshot, text: &str) -> String {
    let brief = crate::brief::Brief::parse(text);
    let findings = super::super::diagnostics(corpus, &brief, &Default::default());
    let edit = &findings[0].fixes[0].edits[0];
    let mut fixed = brief.text.to_string();
    fixed.replace_range(edit.range.start..edit.range.end, &edit.new_text);
    fixed
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
    assert_eq!(
        with_first_fix(
            &corpus,
            "The accord “would share the water equally between the three states” [@accord].\n"
        ),
        "The accord “would share the water fairly between the three states” [@accord].\n"
    );
}

#[test]
fn a_fix_keeps_the_case_the_brief_gives_the_first_letter() {
    let corpus = crate::test_support::corpus_of(&[(
        "port",
        "Our ports were rebuilt after the storm, and the harbour reopened in spring.\n",
    )]);
    let fixed = |text: &str| with_first_fix(&corpus, text);
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
fn a_fix_ends_with_the_punctuation_the_brief_gives_its_quote() {
    // From a new-user trial: the fix put the source's closing mark and
    // comma inside the brief's quotation.
    let corpus = crate::test_support::corpus_of(&[(
        "smith",
        "Smith said the bill was \"tantamount to abortion on demand\", and left. Our ports were rebuilt after the storm, and the harbour reopened.\n",
    )]);
    let fixed = |text: &str| with_first_fix(&corpus, text);
    assert_eq!(
        fixed("He called it “tantamount to abortion on request.” [@smith]\n"),
        "He called it “tantamount to abortion on demand.” [@smith]\n"
    );
    assert_eq!(
        fixed("He called it “tantamount to abortion on request” [@smith].\n"),
        "He called it “tantamount to abortion on demand” [@smith].\n"
    );
    assert_eq!(
        fixed("“Our ports were rebuilt after the flood,” she said [@smith].\n"),
        "“Our ports were rebuilt after the storm,” she said [@smith].\n"
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
        let findings = super::super::diagnostics(&corpus, &brief, &crate::analysis::CheckConfig::default());
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
fn a_misquoted_block_quotes_finding_ends_before_its_credit_line() {
    // From a new-user trial: the warning underlined the "— Gref" line too.
    let corpus = crate::test_support::corpus_of(&[(
        "gref",
        "The minister spoke. Today our government is effective, and so is the market. He left.\n",
    )]);
    let text = "> Today our government is efficient,\n> and so is the market.\n> — Gref [@gref]\n";
    let brief = crate::brief::Brief::parse(text);
    let findings = super::super::diagnostics(&corpus, &brief, &crate::analysis::CheckConfig::default());
    let shown: Vec<_> = findings
        .iter()
        .map(|f| &text[f.range.start..f.range.end])
        .collect();
    assert_eq!(
        shown,
        ["> Today our government is efficient,\n> and so is the market."]
    );
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
        &with_brief("“Its critics call it a colonial bargain” and “The moon is made of green cheese today”."),
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
