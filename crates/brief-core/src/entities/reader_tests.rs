//! The rules that keep only names a reader would accept (issue 11): each on
//! a small text of its own.

use expect_test::expect;

use super::tests::{check_at, check_table};

#[test]
fn titles_salutations_and_generic_words_are_never_entities_alone() {
    check_table(
        "Ladies and Gentlemen, Your Excellency, the President thanks you. President \
         Halvard Steen said the Republic and the Kingdom share one Agenda. She watched \
         cable TV firm broadcasts, bought a DVD project box and two DVDs, and MPs voted.",
        expect![[r#"
            Halvard Steen [actor/person]"#]],
    );
}

#[test]
fn a_word_mostly_written_in_lower_case_names_nothing_alone() {
    // "Trouble" is a band here, but the corpus writes "trouble" as a word:
    // alone it would match every "Trouble" of a sentence start.
    check_table(
        "The rock band Trouble played. There was trouble, more trouble and trouble again. \
         The rock band Glass Owls played too.",
        expect![[r#"
            Glass Owls [actor/organization]"#]],
    );
}

#[test]
fn a_chamber_is_named_without_house_of() {
    check_at(
        &[
            (
                "a",
                "The House of Commons voted on Monday, and the House of the Dead game sold.",
            ),
            (
                "b",
                "The bill went back to the $0Commons after the Lords amended it.",
            ),
        ],
        expect![[r#"
            House of Commons [actor/institution] aka Commons; defined in a: "House of Commons"
              a "House of Commons"
              b "Commons""#]],
    );
}

#[test]
fn a_head_noun_splits_off_the_state_or_person_after_it() {
    check_table(
        "Speakers at the Human Rights Council Iceland and Norway among them agreed, and \
         the Tarrow Football Club Dan Ferro said so.",
        expect![[r#"
            Human Rights Council [actor/institution]
            Iceland [actor/state]
            Norway [actor/state]
            Tarrow Football Club [actor/institution]
            Dan Ferro [actor/person]"#]],
    );
}

#[test]
fn descriptive_words_listed_with_commas_stay_in_the_name() {
    // The list of firms does not join across its comma ("Toshiba and
    // Hitachi Corporation" is the older rule joining at "and" before a head,
    // still wrong here; "Sony" alone has no kind).
    check_table(
        "The Federal Educational, Scientific and Cultural Agency met Sony, Toshiba and \
         Hitachi Corporation. Educational, scientific and cultural work grew: educational \
         budgets, scientific papers and cultural events.",
        expect![[r#"
            Federal Educational, Scientific and Cultural Agency [actor/institution]
            Toshiba and Hitachi Corporation [actor/company]"#]],
    );
}

#[test]
fn possessives_british_spellings_and_transliterations_merge() {
    check_at(
        &[
            (
                "a",
                "The World Health Organisation's report and Volodymyr Zelenskyy spoke.",
            ),
            (
                "b",
                "The $0World Health Organization said so, and Zelensky agreed.",
            ),
        ],
        expect![[r#"
            World Health Organisation [actor/organization] aka World Health Organization; defined in a: "World Health Organisation"
              a "World Health Organisation"
              b "World Health Organization""#]],
    );
    check_at(
        &[
            ("a", "Volodymyr Zelenskyy spoke."),
            ("b", "Later $0Zelensky agreed."),
        ],
        expect![[r#"
            Volodymyr Zelenskyy [actor/person] aka Zelensky; defined in a: "Volodymyr Zelenskyy"
              a "Volodymyr Zelenskyy"
              b "Zelensky""#]],
    );
}

#[test]
fn a_given_name_several_persons_share_is_no_alias() {
    check_at(
        &[
            (
                "a",
                "Coach Tony Marsh praised the squad. $0Tony said it was a good day.",
            ),
            ("b", "Tony Harlan scored twice, and Harlan celebrated."),
        ],
        expect![[r#"
            Tony Marsh [actor/person]; defined in a: "Tony Marsh"
              a "Tony Marsh"
              a "Tony""#]],
    );
    // A surname that is others' given name stays an alias.
    check_at(
        &[
            ("a", "Michael Howard spoke, and $0Howard was cheered."),
            ("b", "Howard Pike and Howard Lane disagreed."),
        ],
        expect![[r#"
            Michael Howard [actor/person] aka Howard; defined in a: "Michael Howard"
              a "Michael Howard"
              a "Howard""#]],
    );
    // With one Paula in the corpus, "Paula" stays hers.
    check_at(
        &[("a", "Paula Denton won. $0Paula said she was tired.")],
        expect![[r#"
            Paula Denton [actor/person] aka Paula; defined in a: "Paula Denton"
              a "Paula Denton"
              a "Paula""#]],
    );
}
