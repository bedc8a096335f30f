//! The rules that find names the reader rules missed (issue 11, recall on
//! news text): each on a small text of its own.

use expect_test::expect;

use super::tests::{check_at, check_table};

#[test]
fn short_and_welsh_given_names_mark_persons() {
    // "Dick", "Jerry" and "Rhodri" are given names like "Richard": each
    // starts a person's name with nothing else around it.
    check_table(
        "The panel heard Dick Varrow, Jerry Holtam and Rhodri Penwyn.",
        expect![[r#"
            Dick Varrow [actor/person]
            Jerry Holtam [actor/person]
            Rhodri Penwyn [actor/person]"#]],
    );
}

#[test]
fn a_work_named_like_a_person_names_no_one() {
    // "Vera Drake" starts with a given name, but another document calls it
    // a film; its heroes ("the Vera Drakes") are no persons either.
    check_at(
        &[
            ("a", "Critics loved the film Vera Drake."),
            (
                "b",
                "The nominees include $0Vera Drake, and the young Vera Drakes loved it.",
            ),
        ],
        expect!["no entity"],
    );
}

#[test]
fn after_a_given_name_a_surname_may_be_a_word() {
    // "flowers" and "church" are words of this text, but after "Gary" and
    // "Thomas" they are surnames.
    check_table(
        "The flowers were sent to the church. Gary Flowers thanked Thomas Haden Church.",
        expect![[r#"
            Gary Flowers [actor/person]
            Thomas Haden Church [actor/person]"#]],
    );
}

#[test]
fn a_word_that_starts_only_firms_names_is_their_firm() {
    // "Vexon" starts two firms' names and is used alone in two documents;
    // "Harlow" starts a club's and a council's, and names a town.
    check_at(
        &[
            ("a", "Vexon Music Ltd and the Vexon Ericsson Corporation agreed. Harlow Town Council and Harlow United Club met."),
            ("b", "Rival $0Vexon said so, and Harlow was quiet."),
            ("c", "The gamers like Vexon, and Harlow too."),
        ],
        expect![[r#"
            Vexon [actor/company]
              b "Vexon"
              c "Vexon""#]],
    );
    check_at(
        &[
            ("a", "Vexon Music Ltd and the Vexon Ericsson Corporation agreed. Harlow Town Council and Harlow United Club met."),
            ("b", "Rival Vexon said so, and $0Harlow was quiet."),
            ("c", "The gamers like Vexon, and Harlow too."),
        ],
        expect!["no entity"],
    );
}

#[test]
fn an_occupation_before_one_word_makes_a_person() {
    // "singer" makes "Ruslava" a person, and "singers" both of a pair; not
    // "leaders" (a position), a given name alone, or an award's category.
    check_table(
        "The singer Ruslava won. The backing singers Pepsina and Marlo sang. League leaders \
         Barcova lost. His son Stephen came. She won the best actress Oscarine.",
        expect![[r#"
            Ruslava [actor/person]
            Pepsina [actor/person]
            Marlo [actor/person]"#]],
    );
}

#[test]
fn stars_hosts_and_conductors_are_people() {
    check_table(
        "The R&B star Ushane sang, the talk show host Kel Varga spoke, and the conductor \
         Viotta Marrel bowed.",
        expect![[r#"
            Ushane [actor/person]
            Kel Varga [actor/person]
            Viotta Marrel [actor/person]"#]],
    );
}

#[test]
fn festivals_contests_and_awards_are_events() {
    check_table(
        "The film opened the Varno Film Festival, before the Ostmark Song Contest and the \
         Golden Lyre Awards, and the side won the European Championship.",
        expect![[r#"
            Varno Film Festival [event/summit]
            Ostmark Song Contest [event/summit]
            Golden Lyre Awards [event/summit]
            European Championship [event/summit]"#]],
    );
}

#[test]
fn three_names_joined_by_commas_are_a_list_however_it_ends() {
    // "Steve Brook" is a person, so the other two of the three are too,
    // though the list ends with no name; two names and a comma are not.
    check_table(
        "Rowena Satch, Steve Brook, Tabby Callan and the trio remain. Orla Venn, \
         Steve Brook's agent, agreed.",
        expect![[r#"
            Rowena Satch [actor/person]
            Steve Brook [actor/person]
            Tabby Callan [actor/person]"#]],
    );
}

#[test]
fn orchestras_and_conservatories_are_bodies() {
    check_table(
        "He studied at the Varno Conservatory and led the Ostmark Philharmonic and the \
         English Chamber Orchestra.",
        expect![[r#"
            Varno Conservatory [actor/institution]
            Ostmark Philharmonic [actor/organization]
            English Chamber Orchestra [actor/organization]"#]],
    );
}

#[test]
fn fc_heads_a_club() {
    // "Varno" alone would be a town; "FC Varno" and "Ostmark FC" are clubs.
    check_table(
        "He coached FC Varno and then Ostmark FC.",
        expect![[r#"
            FC Varno [actor/organization]
            Ostmark FC [actor/organization]"#]],
    );
}

#[test]
fn a_league_with_its_clubs_and_a_side_are_bodies() {
    // "Varnership clubs", "the Ostvale side": bodies; "Olympic" is an
    // adjective, and its squad makes no body of it.
    check_table(
        "All the Varnership clubs met, the Ostvale side lost, and the Olympic squad flew home.",
        expect![[r#"
            Varnership [actor/organization]
            Ostvale [actor/organization]"#]],
    );
}

#[test]
fn particles_join_a_surname() {
    check_table(
        "Ruud van Nistrel scored, Edwin van der Saar saved, and Rodrigo de la Sernat watched.",
        expect![[r#"
            Ruud van Nistrel [actor/person]
            Edwin van der Saar [actor/person]
            Rodrigo de la Sernat [actor/person]"#]],
    );
}

#[test]
fn a_generic_word_before_a_descriptor_owns_no_name() {
    // "TV" is no name, so "TV station" introduces the firm after it, where
    // "Tory party" owns the "party" that "MPs" follows.
    check_table(
        "Viewers were polled by digital TV station Velo Choice, and Tory party MPs agreed.",
        expect![[r#"
            Velo Choice [actor/company]
            Tory party [actor/organization]"#]],
    );
}

#[test]
fn single_words_link_a_list_without_being_its_persons() {
    // "Abbo" and "Lulo" are no persons for being listed, but the list still
    // runs through them from "Celine Dionne" to "Nana Mouskar".
    check_table(
        "Past performers include Abbo, Celine Dionne, Lulo, Nana Mouskar and the rest.",
        expect![[r#"
            Celine Dionne [actor/person]
            Nana Mouskar [actor/person]"#]],
    );
}

#[test]
fn a_station_is_named_by_its_number() {
    check_table(
        "He told the Radio 4 programme, and Channel 5 showed it. Radio waves rose 4 times.",
        expect![[r#"
            Radio 4 [actor/company]
            Channel 5 [actor/company]"#]],
    );
}

#[test]
fn a_broadcaster_is_known_by_its_channel_and_its_soaps() {
    check_at(
        &[
            (
                "a",
                "The rival VTV soap drew viewers, and the VTV channel gained.",
            ),
            ("b", "The show was recommissioned by $0VTV."),
        ],
        expect![[r#"
            VTV [actor/company]; defined in a: "VTV"
              a "VTV"
              a "VTV"
              b "VTV""#]],
    );
}

#[test]
fn an_acronym_with_the_that_speaks_is_a_body() {
    // "the VRC welcomed" speaks as a body; "VRC" alone, the generic "MP"
    // and an acronym that does not speak ("the QXT rose") are not.
    check_table(
        "The freeze came, and the VRC welcomed the news. The MP said so. The QXT rose.",
        expect!["VRC [actor/organization]"],
    );
}

#[test]
fn proper_words_after_a_position_and_of_name_its_body() {
    // "Velo Computer Entertainment" has no head noun, but its president
    // is of it; "the Commons" has a leader, and one word names no body so.
    check_table(
        "The deal was signed by Kaz Hira, president of Velo Computer Entertainment. The leader \
         of the Commons agreed.",
        expect![[r#"
            Kaz Hira [actor/person]
            Velo Computer Entertainment [actor/company]"#]],
    );
}

#[test]
fn guards_regiments_and_corps_are_forces() {
    check_table(
        "The Royal Ostmark Dragoon Guards played, and the Varno Regiment marched with the Signal Corps.",
        expect![[r#"
            Royal Ostmark Dragoon Guards [actor/institution]
            Varno Regiment [actor/institution]
            Signal Corps [actor/institution]"#]],
    );
}

#[test]
fn a_disaster_is_named_by_its_region_or_its_people() {
    // "Asian" alone names nothing, but "the Asian tsunami" is an event.
    check_table(
        "Funds went to victims of the Asian tsunami, and Asian markets rose.",
        expect!["Asian tsunami [event/crisis]"],
    );
}
