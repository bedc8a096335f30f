use expect_test::expect;

use super::*;

const BIB: &str = r#"
@article{lukin2020,
  author = {Lukin, Artyom},
  title = {The {Russia–China} entente and its future},
  journal = {International Politics},
  volume = {58},
  pages = {363--380},
  year = {2021},
  doi = {10.1057/s41311-020-00251-7},
  file = {/home/a/Zotero/storage/AB12/Lukin - 2021.pdf},
}

@report{gabuev2016,
  author = {Gabuev, Alexander},
  title = {Friends with Benefits? {Russian-Chinese} Relations After the {Ukraine} Crisis},
  institution = {Carnegie Moscow Center},
  date = {2016-06-29},
}
"#;

fn render(entry: &BibEntry) -> String {
    Style::default_style().render(entry).unwrap()
}

#[test]
fn a_bib_file_gives_entries_with_their_files_rendered_in_chicago_author_date() {
    let parsed = parse_bibliography(BIB, BibFormat::Biblatex, "refs.bib");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let keys: Vec<&str> = parsed.entries.iter().map(|e| e.key()).collect();
    assert_eq!(keys, ["lukin2020", "gabuev2016"]);
    let lukin = &parsed.entries[0];
    assert_eq!(lukin.files, ["/home/a/Zotero/storage/AB12/Lukin - 2021.pdf"]);
    assert_eq!(lukin.reference.author_year(), "Lukin 2021");
    expect!["Lukin, Artyom. 2021. “The Russia–China Entente and Its Future.” *International Politics* 58: 363–80. <https://doi.org/10.1057/s41311-020-00251-7>."]
        .assert_eq(&render(lukin));
    expect!["Gabuev, Alexander. 2016. *Friends with Benefits? Russian-Chinese Relations After the Ukraine Crisis*."]
        .assert_eq(&render(&parsed.entries[1]));
}

#[test]
fn a_reference_missing_fields_has_no_delimiters_left_for_them() {
    // From a new-user trial: "*Policy Review*,." for an article with a
    // journal but no volume or pages.
    let reference = crate::corpus::Reference {
        key: "mensah".into(),
        kind: Some("article-journal".into()),
        title: Some("Ports".into()),
        authors: vec!["Ama Mensah".into()],
        date: Some("2022".into()),
        container: Some("Policy Review".into()),
        ..Default::default()
    };
    expect!["Mensah, Ama. 2022. “Ports.” *Policy Review*."]
        .assert_eq(&render(&BibEntry::from_reference(&reference, "corpus.toml")));
    let with_pages = crate::corpus::Reference {
        volume: Some("12".into()),
        pages: Some("3–9".into()),
        ..reference
    };
    expect!["Mensah, Ama. 2022. “Ports.” *Policy Review* 12: 3–9."]
        .assert_eq(&render(&BibEntry::from_reference(&with_pages, "corpus.toml")));
}

#[test]
fn a_malformed_entry_is_reported_and_the_others_kept() {
    let text = format!("{BIB}\n@misc{{bad!, title = {{X}}}}\n");
    let parsed = parse_bibliography(&text, BibFormat::Biblatex, "refs.bib");
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert!(
        parsed.errors[0].contains("`bad!` is not a valid citation key"),
        "{:?}",
        parsed.errors
    );
    let broken = parse_bibliography("@article{x, title = {unclosed", BibFormat::Biblatex, "refs.bib");
    assert!(broken.entries.is_empty() && broken.errors.is_empty());
    let why = broken.unreadable.unwrap_or_default();
    assert!(why.starts_with("line 1:"), "{why}");
    let left_open = "@article{x,\n  title = {A},\n\n";
    let why = parse_bibliography(left_open, BibFormat::Biblatex, "refs.bib")
        .unreadable
        .unwrap_or_default();
    assert!(
        why.starts_with("line 2:"),
        "the last line with text, not past the end: {why}"
    );
}

#[test]
fn csl_json_and_csl_yaml_give_the_same_entry() {
    let json = r#"[{"id": "trenin2016", "type": "article-newspaper", "title": "Russia-China Entente Must Move Past Rhetoric",
        "author": [{"family": "Trenin", "given": "Dmitri"}], "container-title": "Global Times",
        "issued": {"date-parts": [[2016, 9, 8]]}}]"#;
    let yaml = "references:\n- id: trenin2016\n  type: article-newspaper\n  title: Russia-China Entente Must Move Past Rhetoric\n  author:\n  - family: Trenin\n    given: Dmitri\n  container-title: Global Times\n  issued:\n    date-parts: [[2016, 9, 8]]\n";
    let from_json = parse_bibliography(json, BibFormat::CslJson, "refs.json");
    let from_yaml = parse_bibliography(yaml, BibFormat::CslYaml, "refs.yaml");
    assert!(from_json.errors.is_empty() && from_yaml.errors.is_empty());
    assert_eq!(from_json.entries[0].reference, from_yaml.entries[0].reference);
    assert_eq!(from_json.entries[0].reference.date.as_deref(), Some("2016-09-08"));
    expect![
        "Trenin, Dmitri. 2016. “Russia-China Entente Must Move Past Rhetoric.” *Global Times*, September 8."
    ]
    .assert_eq(&render(&from_json.entries[0]));
    let bad = parse_bibliography("{\"id\": 1}", BibFormat::CslJson, "refs.json");
    assert!(bad.unreadable.unwrap_or_default().contains("CSL JSON"));
}

#[test]
fn front_matter_names_bibliographies_a_style_and_inline_references() {
    let yaml = "title: A brief\nbibliography:\n  - refs.bib\n  - more.json\ncsl: apa.csl\nreferences:\n- id: inline2020\n  title: Inline\n";
    let front = front_matter_of(yaml, 4);
    assert_eq!(front.bibliography, ["refs.bib", "more.json"]);
    assert_eq!(front.csl.as_deref(), Some("apa.csl"));
    assert_eq!(front.references.entries[0].key(), "inline2020");
    assert_eq!(
        &yaml[front.bibliography_line.start - 4..front.bibliography_line.end - 4],
        "bibliography:"
    );
    let one = front_matter_of("bibliography: refs.bib\n", 0);
    assert_eq!(one.bibliography, ["refs.bib"]);
    assert!(front_matter_of("a: [unclosed\n", 0).error.is_some());
}

#[test]
fn a_dependent_or_broken_style_is_refused_with_a_reason() {
    let dependent = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-US">
  <info><title>Some Journal</title><id>x</id>
  <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
  <updated>2020-01-01T00:00:00+00:00</updated></info>
</style>"#;
    assert!(Style::from_csl(dependent).unwrap_err().contains("styles/apa"));
    assert!(Style::from_csl("<nope")
        .unwrap_err()
        .starts_with("not a CSL style"));
}

#[test]
fn the_corpus_references_export_to_csl_json_and_bibtex_that_read_back() {
    let reference = Reference {
        key: "makocki2016".into(),
        kind: Some("report".into()),
        title: Some("China and Russia: an Eastern partnership in the making?".into()),
        authors: vec!["Michal Makocki".into(), "Nicu Popescu".into()],
        date: Some("2016-12-01".into()),
        container: Some("Chaillot Paper".into()),
        number: Some("140".into()),
        publisher: Some("EU Institute for Security Studies".into()),
        ..Reference::default()
    };
    let json = export_csl_json(&[&reference]);
    let back = parse_bibliography(&json, BibFormat::CslJson, "x.json");
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    let r = &back.entries[0].reference;
    assert_eq!(
        (r.title.as_deref(), r.date.as_deref()),
        (reference.title.as_deref(), Some("2016-12-01"))
    );
    assert_eq!(r.authors, reference.authors);
    let bib = export_bibtex(&[&reference]);
    let back = parse_bibliography(&bib, BibFormat::Biblatex, "x.bib");
    assert!(back.errors.is_empty(), "{bib}\n{:?}", back.errors);
    let r = &back.entries[0].reference;
    assert_eq!(r.title.as_deref(), reference.title.as_deref(), "{bib}");
    assert_eq!(r.authors, reference.authors, "{bib}");
    assert_eq!(r.date.as_deref(), Some("2016-12-01"), "the day is kept: {bib}");
    assert!(bib.contains("month = dec,"), "a month macro, not a number: {bib}");
}

#[test]
fn an_organisation_as_author_exports_as_one_name_and_reads_back_whole() {
    let reference = Reference {
        key: "harbour2023".into(),
        kind: Some("report".into()),
        title: Some("Annual Report".into()),
        authors: vec!["Kessel Harbour Authority".into()],
        date: Some("2023".into()),
        ..Reference::default()
    };
    let json = export_csl_json(&[&reference]);
    assert!(
        json.contains(r#""literal": "Kessel Harbour Authority""#),
        "{json}"
    );
    let bib = export_bibtex(&[&reference]);
    assert!(bib.contains("{Kessel Harbour Authority}"), "{bib}");
    for (text, format) in [(json, BibFormat::CslJson), (bib, BibFormat::Biblatex)] {
        let back = parse_bibliography(&text, format, "x");
        assert!(back.errors.is_empty(), "{text}\n{:?}", back.errors);
        let rendered = Style::default_style().render(&back.entries[0]).unwrap();
        assert!(
            rendered.starts_with("Kessel Harbour Authority. 2023"),
            "{rendered}"
        );
    }
}

/// hayagriva has panicked on CSL date ranges; whatever it does with one, a
/// hover gets a reference or a reason, never a panic.
#[test]
fn a_date_range_renders_or_gives_a_reason_without_panicking() {
    let json = r#"[{"id": "range2020", "type": "report", "title": "A range",
        "issued": {"date-parts": [[2020, 11], [2021, 2]]}},
        {"id": "open2020", "type": "report", "title": "Open", "issued": {"date-parts": [[2020], []]}}]"#;
    let parsed = parse_bibliography(json, BibFormat::CslJson, "refs.json");
    assert_eq!(
        parsed.entries.len() + parsed.errors.len(),
        2,
        "{:?}",
        parsed.errors
    );
    for entry in &parsed.entries {
        match Style::default_style().render(entry) {
            Ok(text) => assert!(text.contains(&entry.reference.title.clone().unwrap()), "{text}"),
            Err(why) => assert!(why.contains(entry.key()), "{why}"),
        }
    }
}
