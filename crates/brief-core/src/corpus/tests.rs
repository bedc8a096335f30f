//! The corpus on the real seed documents, and properties of the offset map.

use proptest::prelude::*;

use super::*;
use crate::text::TextRange;

fn build(folders: Vec<CorpusFolder>) -> Documents {
    Documents::build(folders, &|_, _| {})
}

const SEEDS: &[(&str, &str)] = &[
    (
        "000_4a4712e541d2533e.txt",
        include_str!("../../../../seeds/000_4a4712e541d2533e.txt"),
    ),
    (
        "001_7dc4b461ced45b39.txt",
        include_str!("../../../../seeds/001_7dc4b461ced45b39.txt"),
    ),
    (
        "002_985c93d49e2ec848.txt",
        include_str!("../../../../seeds/002_985c93d49e2ec848.txt"),
    ),
    (
        "003_9556968063aa75cc.txt",
        include_str!("../../../../seeds/003_9556968063aa75cc.txt"),
    ),
    (
        "004_0e5757dea85ff291.txt",
        include_str!("../../../../seeds/004_0e5757dea85ff291.txt"),
    ),
];

fn folder(files: &[(&str, &[u8])], manifest: Option<&str>) -> CorpusFolder {
    CorpusFolder {
        root: PathBuf::from("/c"),
        manifest: manifest.map(|m| (PathBuf::from("/c/corpus.toml"), m.to_string())),
        entities: None,
        files: files
            .iter()
            .map(|(name, bytes)| SourceFile {
                path: PathBuf::from(format!("/c/{name}")),
                rel_path: name.to_string(),
                bytes: bytes.to_vec(),
                extracted: None,
            })
            .collect(),
    }
}

fn seeds() -> Documents {
    let files: Vec<(&str, &[u8])> = SEEDS.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    build(vec![folder(
        &files,
        Some(include_str!("../../../../seeds/corpus.toml")),
    )])
}

/// The original text of the first occurrence of `needle` in the normalized view.
fn original_of<'a>(doc: &'a Document, needle: &str) -> &'a str {
    let start = doc
        .normalized
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    let r = doc.to_original(TextRange::new(start, start + needle.len()));
    &doc.original[r.start..r.end]
}

#[test]
fn seed_manifest_gives_every_document_its_key() {
    let corpus = seeds();
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let keys: Vec<&str> = corpus.keys().collect();
    assert_eq!(
        keys,
        [
            "trenin2016",
            "trenin2019",
            "carnegie2016",
            "lukin2020",
            "makocki2016"
        ]
    );
    assert!(corpus.documents.iter().all(|d| d.has_manifest_entry));
}

#[test]
fn lukin_pdf_text_is_cleaned_with_exact_map_back() {
    let corpus = seeds();
    let lukin = corpus.by_key("lukin2020").unwrap();
    assert_eq!(lukin.n_furniture_lines, 3);
    assert!(!lukin.normalized.contains("A. Lukin\n"));
    assert_eq!(
        original_of(lukin, "can be characterized as a quasi-alliance"),
        "can be charac-\nterized as a quasi-alliance"
    );
    assert_eq!(
        original_of(lukin, "Siberian hydrocarbons"),
        "Siberian hydro-\ncarbons"
    );
    // A paragraph broken by a page header is one paragraph again, and the
    // header lies inside the passage's original range.
    let passage = original_of(lukin, "balance-in Central Asia, whereby Beijing has emerged");
    assert!(
        passage.starts_with("balance—in") && passage.contains("374 A.\u{a0}Lukin"),
        "{passage:?}"
    );
    assert!(lukin.normalized.contains("Sino-Russian 'strategic partnership'"));
}

#[test]
fn web_scrape_blocks_are_classified() {
    let corpus = seeds();
    let trenin = corpus.by_key("trenin2016").unwrap();
    let kind_of = |needle: &str| {
        let at = trenin.normalized.find(needle).unwrap();
        trenin
            .paragraphs
            .iter()
            .find(|p| p.range.touches(at))
            .unwrap()
            .kind
    };
    assert_eq!(kind_of("\"authors\""), BlockKind::Metadata);
    assert_eq!(kind_of("Research"), BlockKind::ListItem);
    assert_eq!(
        kind_of("Russia-China Entente Must Move Past Rhetoric"),
        BlockKind::Heading
    );
    assert_eq!(kind_of("Since the signing in 2001"), BlockKind::Prose);
}

#[test]
fn sentences_do_not_break_at_abbreviations() {
    let corpus = seeds();
    let makocki = corpus.by_key("makocki2016").unwrap();
    let texts: Vec<&str> = makocki.sentences.iter().map(|&s| makocki.text(s)).collect();
    assert!(texts.contains(&"Copyright Date: Dec. 1, 2016"), "{texts:#?}");
}

#[test]
fn bad_files_are_reported_and_skipped() {
    let corpus = build(vec![folder(
        &[
            ("good.txt", b"Plain text here."),
            ("latin1.txt", b"Caf\xe9 society."),
            ("empty.txt", b"  \n"),
            ("blob.bin.txt", b"\x00\x01\x02"),
        ],
        Some("[[document]]\nfile = \"good.txt\"\nkey = \"good\"\n[[document]]\nfile = \"gone.txt\"\nkey = \"gone\"\n"),
    )]);
    let keys: Vec<&str> = corpus.keys().collect();
    assert_eq!(keys, ["good", "latin1"]);
    let messages: Vec<String> = corpus.problems.iter().map(ToString::to_string).collect();
    expect_test::expect![[r#"
        [
            "/c/blob.bin.txt: binary file (contains NUL bytes); skipped",
            "/c/corpus.toml:4: `gone.txt` (key `gone`) is not a readable file of the corpus folder",
            "/c/empty.txt: empty file; skipped",
            "/c/latin1.txt:1: not valid UTF-8 (first bad byte at offset 3); decoded with replacement characters",
        ]
    "#]]
    .assert_debug_eq(&messages);
}

#[test]
fn malformed_manifest_falls_back_to_file_names() {
    let corpus = build(vec![folder(&[("Some Doc.txt", b"Text.")], Some("[[document]\n"))]);
    assert_eq!(corpus.keys().collect::<Vec<_>>(), ["some-doc"]);
    assert_eq!(corpus.problems[0].line, Some(1));
}

/// Letters and digits, lower-cased, with ligatures spelled out.
fn word_chars(s: &str) -> String {
    normalize_str(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

proptest! {
    #[test]
    fn every_normalized_range_maps_inside_the_original(text in messy_text(), a in 0usize..400, b in 0usize..400) {
        let corpus = build(vec![folder(&[("p.txt", text.as_bytes())], None)]);
        prop_assume!(!corpus.documents.is_empty());
        let doc = &corpus.documents[0];
        let len = doc.normalized.len();
        let (mut s, mut e) = (a.min(b).min(len), a.max(b).min(len));
        while !doc.normalized.is_char_boundary(s) { s -= 1; }
        while !doc.normalized.is_char_boundary(e) { e -= 1; }
        let r = doc.to_original(TextRange::new(s, e));
        prop_assert!(r.start <= r.end && r.end <= doc.original.len());
        prop_assert!(doc.original.is_char_boundary(r.start) && doc.original.is_char_boundary(r.end));
        // What a range maps back to holds the same letters and digits,
        // plus whatever was dropped (page furniture) in between.
        let back = word_chars(&doc.original[r.start..r.end]);
        let norm = word_chars(&doc.normalized[s..e]);
        prop_assert!(back.contains(&norm) || is_subsequence(&norm, &back), "{norm:?} vs {back:?}");
    }

    #[test]
    fn every_original_word_survives(text in messy_text()) {
        let corpus = build(vec![folder(&[("p.txt", text.as_bytes())], None)]);
        prop_assume!(!corpus.documents.is_empty());
        let doc = &corpus.documents[0];
        prop_assume!(doc.n_furniture_lines == 0);
        prop_assert_eq!(word_chars(&doc.original), word_chars(&doc.normalized));
    }
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|c| hay.any(|h| h == c))
}

fn messy_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Russia",
        "China",
        "charac-",
        "terized",
        "Sino-",
        "Russian",
        "’s",
        "“entente”",
        "—",
        "–",
        "é",
        "vis-à-",
        "vis",
        "U.S.",
        "Dec.",
        "1995–96",
        "$107",
        "15%",
        "https ://www.rt.com/busin",
        "ess/4",
        "•",
        "ﬁne",
        "…",
        "\u{a0}",
        "日本",
        "😀",
    ]);
    let sep = prop::sample::select(vec![" ", " ", " ", "\n", " \n", "\n\n", "  ", "\t", "\r\n"]);
    prop::collection::vec((word, sep), 1..60)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

/// Issue 15, item 10: a manifest listing a file twice kept the last entry
/// silently, hiding a key clash with the dropped one.
#[test]
fn a_file_listed_twice_in_the_manifest_is_reported() {
    let corpus = build(vec![folder(
        &[("a.txt", b"Plain text here.")],
        Some("[[document]]\nfile = \"a.txt\"\nkey = \"first\"\n[[document]]\nfile = \"a.txt\"\nkey = \"second\"\n"),
    )]);
    assert_eq!(corpus.keys().collect::<Vec<_>>(), ["second"]);
    let messages: Vec<String> = corpus.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["/c/corpus.toml:4: `a.txt` is listed again (first at line 1, key `first`); this entry wins"]
    );
}

/// Issue 15, item 7: keys from the same file name in many folders are
/// numbered in order (the numbering used to retry every suffix from 2, which
/// made 20,000 `index.md` files take half a minute; the bench measures it).
#[test]
fn same_named_files_get_numbered_keys() {
    let files: Vec<(String, &[u8])> = (0..500)
        .map(|i| (format!("d{i}/index.md"), &b"Text."[..]))
        .collect();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let corpus = build(vec![folder(&files, None)]);
    let keys: Vec<&str> = corpus.keys().collect();
    assert_eq!(keys[..3], ["index", "index-2", "index-3"]);
    assert_eq!(keys[499], "index-500");
    assert_eq!(corpus.problems.len(), 499);
}

#[test]
fn a_markdown_source_without_a_manifest_entry_is_titled_by_its_heading_without_its_marks() {
    let corpus = crate::test_support::corpus_of(&[(
        "report",
        "# Report on the river basin\n\nThe treaty of 1959 divided the flow between two states.\n",
    )]);
    let doc = &corpus.documents[0];
    assert_eq!(doc.reference.title.as_deref(), Some("Report on the river basin"));
    let title = doc.title_range.unwrap();
    assert_eq!(&doc.original[title.start..title.end], "Report on the river basin");
}

#[test]
fn a_derived_title_wrapped_over_lines_is_joined_up_to_a_blank_line() {
    // A PDF's title set over two lines (pdf-extract ends each line, and
    // leaves a blank line only where the gap is wider than the lines'
    // spacing, as after a title), then a byline after a blank line.
    let title = |text: &str| {
        let corpus = crate::test_support::corpus_of(&[("compact", text)]);
        let doc = &corpus.documents[0];
        let range = doc.title_range.unwrap();
        let title = doc.reference.title.clone().unwrap();
        (title, doc.original[range.start..range.end].to_string())
    };
    let body = "\n\nB. Example\n\nIntroduction\n\nThe river compact was signed in 1998.\n";
    assert_eq!(
        title(&format!("The River Compact and\nIts Discontents{body}")),
        (
            "The River Compact and Its Discontents".to_string(),
            "The River Compact and\nIts Discontents".to_string()
        )
    );
    // Three lines, the limit between the third and the fourth.
    let long = "The Long Title Of A Study On\nThe Seasonal Floodwaters Of Three\nUpstream Provinces And Their Farmers\nAnd Cities In The Decade After";
    let (joined, _) = title(&format!("{long}{body}"));
    assert_eq!(
        joined,
        "The Long Title Of A Study On The Seasonal Floodwaters Of Three Upstream Provinces And Their Farmers"
    );
}
