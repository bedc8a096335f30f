//! Entity extraction on small inline corpora and on the seeds. Fixtures put
//! `$0` on a mention; the snapshot shows the entity it belongs to.

use expect_test::{expect, Expect};

use super::*;
use crate::snapshot::Snapshot;
use crate::test_support::{corpus_of, seed_corpus};

/// An entity as one compact line, plus its mentions as `key "text"`.
fn render(corpus: &Snapshot, e: &Entity) -> String {
    let mut out = format!("{} [{}]", e.name, e.kind.as_str());
    if !e.aliases.is_empty() {
        out.push_str(&format!(" aka {}", e.aliases.join(", ")));
    }
    if let Some(role) = &e.role {
        out.push_str(&format!("; role: {role}"));
    }
    if let Some(d) = e.defining {
        let doc = corpus.document(d.doc);
        out.push_str(&format!(
            "; defined in {}: {:?}",
            doc.reference.key,
            doc.text(d.range)
        ));
    }
    for m in &e.mentions {
        let doc = corpus.document(m.doc);
        out.push_str(&format!("\n  {} {:?}", doc.reference.key, doc.text(m.range)));
    }
    out
}

/// Builds a table from documents `(key, text)`, one of which holds `$0` on
/// a mention, and renders the entity mentioned there.
pub(super) fn check_at(docs: &[(&str, &str)], expect: Expect) {
    let (key, cursor) = docs
        .iter()
        .find_map(|(k, t)| Some((*k, t.find("$0")?)))
        .expect("a document holds $0");
    let texts: Vec<String> = docs.iter().map(|(_, t)| t.replacen("$0", "", 1)).collect();
    let docs: Vec<(&str, &str)> = docs
        .iter()
        .zip(&texts)
        .map(|((k, _), t)| (*k, t.as_str()))
        .collect();
    let corpus = corpus_of(&docs);
    let table = EntityTable::build(&corpus.documents);
    let doc = corpus.by_key(key).unwrap();
    // The cursor is an offset in the original text; mentions are normalized.
    let hit = table.entities.iter().find(|e| {
        e.mentions
            .iter()
            .any(|m| m.doc == doc.id && doc.to_original(m.range).touches(cursor))
    });
    let actual = hit.map_or("no entity".to_string(), |e| render(&corpus, e));
    expect.assert_eq(&actual);
}

/// All entities of a one-document corpus, one line each.
pub(super) fn check_table(text: &str, expect: Expect) {
    let corpus = corpus_of(&[("doc", text)]);
    let table = EntityTable::build(&corpus.documents);
    let lines: Vec<String> = table
        .entities
        .iter()
        .map(|e| format!("{} [{}]", e.name, e.kind.as_str()))
        .collect();
    expect.assert_eq(&lines.join("\n"));
}

#[test]
fn acronym_definitions_make_aliases() {
    check_at(
        &[(
            "a",
            "Kazakhstan hosted the Collective Security Treaty Organization (CSTO) summit. \
             Members of the $0CSTO disagreed. The Eastern Economic Forum (EEF) met in Vladivostok, \
             and the Digital Silk Road (DSR) was discussed.",
        )],
        expect![[r#"
            Collective Security Treaty Organization [actor/organization] aka CSTO; defined in a: "Collective Security Treaty Organization (CSTO)"
              a "Collective Security Treaty Organization"
              a "CSTO"
              a "CSTO""#]],
    );
    check_at(
        &[(
            "a",
            "The Eastern Economic Forum (EEF) met in Vladivostok. Putin spoke at the $0EEF.",
        )],
        expect![[r#"
            Eastern Economic Forum [event/summit] aka EEF; defined in a: "Eastern Economic Forum (EEF)"
              a "Eastern Economic Forum"
              a "EEF"
              a "EEF""#]],
    );
    // An acronym defined in one document is known in the others.
    check_at(
        &[
            ("a", "The Digital Silk Road (DSR) links China to Africa."),
            ("b", "Critics of the $0DSR point to surveillance."),
        ],
        expect![[r#"
            Digital Silk Road [event/project] aka DSR; defined in a: "Digital Silk Road (DSR)"
              a "Digital Silk Road"
              a "DSR"
              b "DSR""#]],
    );
}

#[test]
fn surnames_and_given_names_refer_to_the_full_name() {
    check_at(
        &[(
            "a",
            "Kazakh President Kassym-Jomart Tokayev met Vladimir Putin in Astana. \
             $0Tokayev later said that Putin had agreed.",
        )],
        expect![[r#"
            Kassym-Jomart Tokayev [actor/person] aka Tokayev; role: Kazakh President; defined in a: "Kazakh President Kassym-Jomart Tokayev"
              a "Kassym-Jomart Tokayev"
              a "Tokayev""#]],
    );
    // The nearest full name before the surname wins; a surname before any
    // full name looks ahead.
    check_at(
        &[(
            "a",
            "$0Medvedev was president before Putin returned. Dmitry Medvedev now chairs the \
             Security Council, and Vladimir Putin the country.",
        )],
        expect![[r#"
            Dmitry Medvedev [actor/person] aka Medvedev; role: president; defined in a: "Dmitry Medvedev"
              a "Medvedev"
              a "Dmitry Medvedev""#]],
    );
    // A surname with no full name anywhere, but a title, is still a person.
    check_at(
        &[("a", "President $0Tokayev announced reforms.")],
        expect![[r#"
            Tokayev [actor/person]; role: President; defined in a: "President Tokayev"
              a "Tokayev""#]],
    );
}

#[test]
fn transliterations_are_one_entity() {
    check_at(
        &[
            ("a", "Russian foreign minister Sergei Lavrov spoke first."),
            ("b", "Then $0Sergey Lavrov met Wang Yi, and Lavrov left."),
        ],
        expect![[r#"
            Sergei Lavrov [actor/person] aka Sergey Lavrov, Lavrov; role: Russian foreign minister; defined in a: "Russian foreign minister Sergei Lavrov"
              a "Sergei Lavrov"
              b "Sergey Lavrov"
              b "Lavrov""#]],
    );
    check_at(
        &[(
            "a",
            "The $0Belt & Road initiative and the Belt and Road Initiative are one project.",
        )],
        expect![[r#"
            Belt and Road Initiative [event/project] aka Belt & Road, BRI, Belt and Road, One Belt, One Road, OBOR; defined in a: "Belt and Road Initiative"
              a "Belt & Road"
              a "Belt and Road Initiative""#]],
    );
}

#[test]
fn reference_lists_and_navigation_make_no_entities() {
    check_table(
        "• Research\n• Government Resources\n• Annual Reports\n\nBy Dmitri Trenin\n\n\
         The Kremlin hosted the talks in Moscow.\n\n\
         References\n\n\
         Associated Press. 2018. Retired US general says war with China likely in 15 years. NBC News, 25 Octo-\n\
         ber. https ://www.nbcne ws.com/news/us-news/retir ed-u-s-gener al-says-war-china -likel y-15-years \n\n\
         Kashin, V. 2019b. Tacit alliance: Russia and China take military partnership to new level. Carnegie Moscow \n\
         Center, 22 October. https ://carne gie.ru/comme ntary /80136 .\n",
        expect![[r#"Kremlin [actor/institution]"#]],
    );
}

#[test]
fn sentence_initial_and_common_words_are_not_names() {
    check_table(
        "However, Moscow disagreed. The Kremlin said so. In October Beijing answered. \
         Moreover, Chinese and Russian officials met. Technology is a weak link. \
         Official Chinese involvement grew. How Far Can Russian Arms Help Iran? \
         Technology firms and technology policy matter.",
        expect![[r#"
            Kremlin [actor/institution]
            Iran [actor/state]"#]],
    );
}

#[test]
fn places_codes_and_citations_are_not_entities() {
    check_table(
        "Russia sold S-400 and Su-35 systems in the South China Sea and the Russian Far East, \
         after the Zapad-2021 drills near Hong Kong (Kashin 2019a; Reuters 2016). \
         As Bendett (2019) notes, the Nord Stream pipeline and the Crimea crisis matter.",
        expect![[r#"
            Russia [actor/state]
            Zapad-2021 [event/exercise]
            Nord Stream [event/project]
            Crimea crisis [event/crisis]"#]],
    );
}

#[test]
fn kinds_come_from_heads_titles_and_appositives() {
    check_table(
        "The Asian Infrastructure Investment Bank and the Valdai Discussion Club met at \
         Moscow State University. Gazprom and the Wall Street Journal reported on the \
         Minsk Agreement, the Syrian Civil War and the Eastern Economic Forum. \
         Ayatollah Ali Khamenei and Chancellor Olaf Scholz spoke. \
         The Treaty of Westphalia, the 1648 peace agreement that ended the war, was cited.",
        expect![[r#"
            Asian Infrastructure Investment Bank [actor/organization]
            Valdai Discussion Club [actor/institution]
            Moscow State University [actor/institution]
            Gazprom [actor/company]
            Wall Street Journal [actor/company]
            Minsk Agreement [event/treaty]
            Syrian Civil War [event/crisis]
            Eastern Economic Forum [event/summit]
            Ali Khamenei [actor/person]
            Olaf Scholz [actor/person]
            Treaty of Westphalia [event/treaty]"#]],
    );
}

#[test]
fn seed_mentions_resolve() {
    let corpus = seed_corpus();
    let table = EntityTable::build(&corpus.documents);
    let show = |name: &str| {
        let e = table.find_by_alias(name).unwrap();
        format!("{name} → {} [{}] {:?}", e.name, e.kind.as_str(), e.role)
    };
    let actual = [
        "Lavrov",
        "Dmitry Trenin",
        "PRC",
        "EEU",
        "Vostok",
        "the Kremlin",
        "Carnegie-Tsinghua Center",
    ]
    .map(show)
    .join("\n");
    expect![[r#"
        Lavrov → Sergey Lavrov [actor/person] Some("Russian minister of foreign affairs")
        Dmitry Trenin → Dmitri Trenin [actor/person] Some("director of the Carnegie Moscow Center")
        PRC → China [actor/state] None
        EEU → Eurasian Economic Union [actor/organization] None
        Vostok → Vostok-2018 [event/exercise] None
        the Kremlin → Kremlin [actor/institution] None
        Carnegie-Tsinghua Center → Carnegie-Tsinghua Center for Global Policy [actor/institution] None"#]]
    .assert_eq(&actual);
    // "us" is a pronoun; only "US" is the state.
    assert!(table.find_by_alias("us").is_none());
    assert_eq!(table.find_by_alias("US").unwrap().name, "United States");
}

/// Completion on the seeds: `$0` ends the typed prefix; the snapshot shows
/// the best three with the name or alias matched.
fn check_completion(fixture: &str, expect: Expect) {
    let prefix = &fixture[..fixture.find("$0").expect("fixture has no $0")];
    let table = EntityTable::build(&seed_corpus().documents);
    let lines: Vec<String> = table
        .complete(prefix)
        .iter()
        .take(3)
        .map(|(e, score, matched)| format!("{} [{}] via {matched:?} {score:.2}", e.name, e.kind.label()))
        .collect();
    expect.assert_eq(&lines.join("\n"));
}

#[test]
fn completion_matches_word_prefixes() {
    check_completion("Lav$0", expect![[r#"Sergey Lavrov [person] via "Lavrov" 0.76"#]]);
    check_completion(
        "SCO$0",
        expect![[r#"Shanghai Cooperation Organization [organization] via "SCO" 0.87"#]],
    );
    check_completion(
        "Vos$0",
        expect![[r#"Vostok-2018 [exercise] via "Vostok-2018" 0.72"#]],
    );
    check_completion(
        "Xi J$0",
        expect![[r#"Xi Jinping [person] via "Xi Jinping" 0.81"#]],
    );
    check_completion(
        "carn$0",
        expect![[r#"
            Carnegie Moscow Center [institution] via "Carnegie Moscow Center" 0.71
            Carnegie-Tsinghua Center for Global Policy [institution] via "Carnegie-Tsinghua Center for Global Policy" 0.64
            Carnegie Endowment for International Peace [institution] via "Carnegie Endowment for International Peace" 0.64"#]],
    );
}

#[test]
fn overrides_add_merge_rename_and_suppress() {
    let corpus = seed_corpus();
    let mut table = EntityTable::build(&corpus.documents);
    let overrides = parse_entity_overrides(
        r#"
suppress = ["Global Times"]

[[entity]]
name = "Zarubino port"
kind = "event/project"
aliases = ["Zarubino"]

[[entity]]
name = "Assad"
kind = "person"
role = "President of Syria"
aliases = ["Bashar al-Assad"]

[[merge]]
into = "Treaty of Good-Neighborliness and Friendly Cooperation"
names = ["China-Russia Treaty of Good-Neighborliness and Friendly Cooperation", "Sino-Russian Treaty", "2001 treaty"]

[[rename]]
from = "Dmitri Trenin"
to = "Dmitry Trenin"

[[merge]]
into = "Nobody"
names = ["Nothing"]

[[entity]]
name = "Somebody"
"#,
    )
    .unwrap();
    let problems = table.apply_overrides(&overrides);
    let show = |name: &str| match table.find_by_alias(name) {
        Some(e) => format!(
            "{name} → {} [{}] aka {:?}, {} mentions, role {:?}",
            e.name,
            e.kind.as_str(),
            e.aliases,
            e.mentions.len(),
            e.role
        ),
        None => format!("{name} → none"),
    };
    let mut lines: Vec<String> = [
        "Zarubino",
        "Bashar al-Assad",
        "Sino-Russian Treaty",
        "Dmitri Trenin",
        "Global Times",
    ]
    .map(show)
    .to_vec();
    lines.extend(problems.iter().map(|p| format!("line {}: {}", p.line, p.message)));
    expect![[r#"
        Zarubino → Zarubino port [event/project] aka ["Zarubino"], 0 mentions, role None
        Bashar al-Assad → Assad [actor/person] aka ["Bashar al-Assad"], 1 mentions, role Some("President of Syria")
        Sino-Russian Treaty → Treaty of Good-Neighborliness and Friendly Cooperation [event/treaty] aka ["China-Russia Treaty of Good-Neighborliness and Friendly Cooperation", "Sino-Russian Treaty", "2001 treaty"], 2 mentions, role None
        Dmitri Trenin → Dmitry Trenin [actor/person] aka ["Trenin", "Dmitri Trenin"], 4 mentions, role Some("director of the Carnegie Moscow Center")
        Global Times → none
        line 23: merge: no entity is named `Nobody` or any of its names
        line 27: entity `Somebody` is not in the corpus; give its `kind` to add it"#]]
    .assert_eq(&lines.join("\n"));
    // Ids follow positions after the changes.
    assert!(table
        .entities
        .iter()
        .enumerate()
        .all(|(i, e)| e.id == EntityId(i as u32)));
}

#[test]
fn malformed_overrides_name_their_line() {
    let errors = [
        "[[entity]]\nname = \"Power of Siberia\"\nkind = \"event/projekt\"\n",
        "[[merge]]\ninto = \"EEU\"\nnames = \"EAEU\"\n",
        "[[rename]]\nfrom = \"a\"\nto = \"b\"\ncolour = \"red\"\n",
        "suppress = [\"Source\"\n",
        "\n\n[[entity]]\nname = \"\"\nkind = \"actor/state\"\n",
    ]
    .map(|text| {
        let err = parse_entity_overrides(text).unwrap_err();
        format!("line {}: {}", err.line, err.message)
    });
    expect![[r#"
        line 3: unknown kind `event/projekt`; expected one of actor/person, actor/state, actor/organization, actor/company, actor/institution, event/exercise, event/crisis, event/treaty, event/summit, event/project
        line 3: invalid type: string "EAEU", expected a sequence
        line 4: unknown field `colour`, expected one of `from`, `to`, `suppress`
        line 1: unclosed array, expected `]`
        line 4: `name` is empty"#]]
    .assert_eq(&errors.join("\n"));
    // `suppress` after a table, as TOML would read it, still counts.
    let o =
        parse_entity_overrides("[[rename]]\nfrom = \"a\"\nto = \"b\"\nsuppress = [\"Source\"]\n").unwrap();
    assert_eq!(o.suppress, ["Source"]);
}

/// Unseen text in the genre: names the seeds never use, each kind of rule.
#[test]
fn unseen_text_extracts_actors_and_events() {
    let text = "In September 2022, Chinese leader Xi Jinping travelled to Samarkand for the summit of the \
        Shanghai Cooperation Organisation, his first trip abroad since the COVID-19 pandemic. There he met \
        Vladimir Putin. Uzbek President Shavkat Mirziyoyev hosted the meeting.\n\n\
        Meanwhile, the Power of Siberia 2 pipeline through Mongolia remained stalled. Gazprom and China \
        National Petroleum Corporation (CNPC) failed to agree on prices, according to Reuters. The Russian \
        Direct Investment Fund and the Silk Road Fund announced a platform. Kirill Dmitriev, head of the \
        fund, said the deal was worth $1 billion.\n\n\
        The Joint Sea-2021 naval drills and the Zapad-2021 exercise showed growing interoperability. \
        Analysts at the International Institute for Strategic Studies (IISS) and at RAND Corporation \
        disagree. According to Alexander Korolev of the Higher School of Economics, the militaries train \
        together routinely. Korolev added that the People's Liberation Army Navy learned from the Russian \
        Pacific Fleet, and that the Putin regime values the link.\n\n\
        The Treaty on Conventional Armed Forces in Europe collapsed long ago, and the New START treaty \
        expires in 2026. At the Munich Security Conference, NATO Secretary General Jens Stoltenberg warned \
        that Moscow and Beijing were drawing closer. However, Kazakhstan and Turkmenistan hedge, as the \
        Central Asia-China summit in Xi'an showed. Henry Kissinger, the former secretary of state, made \
        the same point in 2017.";
    let corpus = corpus_of(&[("doc", text)]);
    let table = EntityTable::build(&corpus.documents);
    let lines: Vec<String> = table
        .entities
        .iter()
        .map(|e| {
            let role = e.role.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
            format!("{} [{}]{role} ×{}", e.name, e.kind.label(), e.mentions.len())
        })
        .collect();
    expect![[r#"
        Xi Jinping [person] (Chinese leader) ×1
        Shanghai Cooperation Organisation [organization] ×1
        Vladimir Putin [person] ×2
        Shavkat Mirziyoyev [person] (Uzbek President) ×1
        Power of Siberia 2 [project] ×1
        Mongolia [state] ×1
        Gazprom [company] ×1
        CNPC [company] ×2
        Reuters [company] ×1
        Russian Direct Investment Fund [institution] ×1
        Silk Road Fund [institution] ×1
        Kirill Dmitriev [person] (head of the fund) ×1
        Joint Sea-2021 [exercise] ×1
        Zapad-2021 [exercise] ×1
        International Institute for Strategic Studies [institution] ×2
        RAND Corporation [company] ×1
        Alexander Korolev [person] ×2
        Higher School of Economics [institution] ×1
        People's Liberation Army Navy [institution] ×1
        Russian Pacific Fleet [institution] ×1
        Treaty on Conventional Armed Forces in Europe [treaty] ×1
        New START [treaty] ×1
        Munich Security Conference [summit] ×1
        NATO [organization] ×1
        Jens Stoltenberg [person] (NATO Secretary General) ×1
        Kazakhstan [state] ×1
        Turkmenistan [state] ×1
        Central Asia-China summit [summit] ×1
        Henry Kissinger [person] (former secretary of state) ×1"#]]
    .assert_eq(&lines.join("\n"));
}

#[test]
fn contractions_never_start_or_join_a_name() {
    check_table(
        "The mayor said: \"I'm sure Harriet Quell will win.\" Later he added that I'd rather \
         Dan Ferro stayed, and We've asked Sally Brant to stay too.",
        expect![[r#"
            Harriet Quell [actor/person]
            Dan Ferro [actor/person]
            Sally Brant [actor/person]"#]],
    );
}

#[test]
fn a_sentence_first_word_needs_a_capital_inside_some_sentence() {
    // "Trophy" is written in lower case and never capitalized inside a
    // sentence: at a sentence start its capital says nothing.
    check_table(
        "Trophy winners Tom Pellow and Marlow met. Trophy holders were pleased, and \
         the trophy was shown. Marlow said he was happy.",
        expect![[r#"
            Tom Pellow [actor/person]"#]],
    );
}

#[test]
fn an_institution_before_a_person_splits_from_the_name() {
    check_table(
        "The deputy leader of the Senate Oliver Marsh said the vote would wait, and \
         chairman Labour MP Sue Darrow agreed.",
        expect![[r#"
            Oliver Marsh [actor/person]
            Sue Darrow [actor/person]"#]],
    );
    // The title of "leader of the Greens" is not the Greens'.
    check_at(
        &[(
            "a",
            "Mrs Gwen Ashby is the leader of the $0Greens party. The Greens party grew, and \
             the leader of the Greens spoke.",
        )],
        expect![[r#"
            Greens party [actor/organization] aka Greens; defined in a: "Greens party"
              a "Greens party"
              a "Greens party"
              a "Greens""#]],
    );
}

#[test]
fn articles_plurals_and_nations_give_kinds() {
    check_table(
        "The Free Democrats won in Wales, where the Victoria Theatre hosted Dan Ferro. \
         Scotland and Northern Ireland voted later.",
        expect![[r#"
            Free Democrats [actor/organization]
            Wales [actor/state]
            Dan Ferro [actor/person]
            Scotland [actor/state]
            Northern Ireland [actor/state]"#]],
    );
}

#[test]
fn a_given_name_alone_is_no_alias_in_another_document() {
    check_at(
        &[
            ("a", "Coach Andy Pelham praised the squad on Sunday."),
            ("b", "The new signing, known to fans as $0Andy, scored twice."),
        ],
        expect!["no entity"],
    );
}

#[test]
fn a_descriptor_before_a_name_gives_its_kind() {
    check_table(
        "Shares in drugs firm Norvale rose after investment bank Harlow Brick upgraded them. \
         The bill was passed, and Bill Tarrant said the rock band Glass Owls would play. \
         Green party MPs and US firm Delbray agreed.",
        expect![[r#"
            Norvale [actor/company]
            Harlow Brick [actor/company]
            Bill Tarrant [actor/person]
            Glass Owls [actor/organization]
            Green party [actor/organization]
            US [actor/state]
            Delbray [actor/company]"#]],
    );
}
