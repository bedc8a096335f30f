//! `brief-lsp names` as a user runs it: the real binary, from a folder that
//! is not the project (so the embedded seed corpus), writing the corpus's
//! names as word lists for spell checkers.

mod common;
use common::brief_lsp;

use std::collections::BTreeSet;
use std::path::Path;

/// Runs `brief-lsp names --format FORMAT` and returns its stdout.
fn names(cwd: &Path, format: &str) -> String {
    let out = brief_lsp(cwd)
        .args(["names", "--format", format])
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// A dictionary file read the way harper-ls reads its user and workspace
/// dictionaries (`dict_from_word_list`): every line, untrimmed, is a word.
fn harper_dictionary(text: &str) -> BTreeSet<String> {
    text.lines().map(str::to_owned).collect()
}

#[test]
fn plain_lists_name_words_without_connectors_or_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let text = names(dir.path(), "plain");
    let words: Vec<&str> = text.lines().collect();
    for name in [
        "Lavrov",
        "Sergey",
        "Xi",
        "Jinping",
        "Vostok-2018",
        "Vostok",
        "SCO",
        "EAEU",
        "Sino-Russian",
        "Sino",
        "People", // "People's Liberation Army", possessive-free
    ] {
        assert!(words.contains(&name), "{name} missing from:\n{text}");
    }
    for word in &words {
        assert!(
            !word.is_empty() && !word.contains(char::is_whitespace),
            "{word:?}"
        );
        assert!(word.chars().any(char::is_uppercase), "{word:?} is all lowercase");
        assert!(!word.chars().all(|c| c.is_ascii_digit()), "{word:?} is a number");
        assert!(!word.contains(['.', ',', '&', '’']), "{word:?}");
        assert!(!word.ends_with("'s"), "{word:?} is a possessive");
        for connector in ["of", "and", "the", "for", "on", "in", "de"] {
            assert!(!word.eq_ignore_ascii_case(connector), "{word:?}");
        }
    }
    let unique: BTreeSet<&str> = words.iter().copied().collect();
    assert_eq!(unique.len(), words.len(), "duplicates in:\n{text}");
    let mut sorted = words.clone();
    sorted.sort_by_key(|w| (w.to_lowercase(), w.to_string()));
    assert_eq!(words, sorted, "not sorted case-insensitively");
}

#[test]
fn typos_output_is_toml_accepting_each_word() {
    let dir = tempfile::tempdir().unwrap();
    let text = names(dir.path(), "typos");
    let value: toml::Value = toml::from_str(&text).unwrap();
    let words = value["default"]["extend-words"].as_table().unwrap();
    assert_eq!(words["Lavrov"].as_str(), Some("Lavrov"));
    assert_eq!(words["Jinping"].as_str(), Some("Jinping"));
    assert_eq!(words["EAEU"].as_str(), Some("EAEU"));
    // typos splits "Vostok-2018" at the hyphen and checks "Vostok".
    assert_eq!(words["Vostok"].as_str(), Some("Vostok"));
    assert!(words.get("Vostok-2018").is_none());
    for (key, accepted) in words {
        assert_eq!(accepted.as_str(), Some(key.as_str()));
        assert!(key.chars().all(char::is_alphabetic), "{key:?}");
    }
    let identifiers = value["default"]["extend-identifiers"].as_table().unwrap();
    assert_eq!(identifiers["G20"].as_str(), Some("G20"));
    for (key, accepted) in identifiers {
        assert_eq!(accepted.as_str(), Some(key.as_str()));
    }
}

#[test]
fn harper_output_is_a_plain_word_list_in_code_point_order() {
    let dir = tempfile::tempdir().unwrap();
    let text = names(dir.path(), "harper");
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.lines().collect();
    // No header, no comments, no blank lines: harper-ls takes every line as
    // a word.
    for line in &lines {
        assert!(!line.is_empty(), "blank line");
        assert_eq!(*line, line.trim(), "{line:?} has spaces around it");
        assert!(!line.contains(char::is_whitespace), "{line:?} is not one word");
        assert!(!line.starts_with('#'), "{line:?} looks like a comment");
    }
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(lines, sorted, "harper-ls writes its dictionaries sorted");
    // The same words as the plain list.
    let plain: BTreeSet<String> = names(dir.path(), "plain").lines().map(str::to_owned).collect();
    assert_eq!(harper_dictionary(&text), plain);
}

#[test]
fn output_writes_the_file_and_creates_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/dict/.harper-dictionary.txt");
    brief_lsp(dir.path())
        .args(["names", "--format", "harper", "--output"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, names(dir.path(), "harper"));
    assert!(harper_dictionary(&written).contains("Lavrov"));
    // A relative path is relative to the current folder.
    brief_lsp(dir.path())
        .args(["names", "--format", "typos", "--output", "_typos.toml"])
        .assert()
        .success();
    let typos = std::fs::read_to_string(dir.path().join("_typos.toml")).unwrap();
    toml::from_str::<toml::Value>(&typos).unwrap();
}

#[test]
fn corpus_folder_names_and_their_quoting() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("sources");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("note.txt"),
        "Slavoj Žižek wrote about the Nord Stream 2 pipeline and Zapad-2021.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("entities.toml"),
        "[[entity]]\nname = \"Slavoj Žižek\"\nkind = \"person\"\naliases = [\"Žižek\"]\n\n\
         [[entity]]\nname = \"Nord Stream 2\"\nkind = \"project\"\naliases = [\"NS2\"]\n\n\
         [[entity]]\nname = \"Zapad-2021\"\nkind = \"exercise\"\n",
    )
    .unwrap();
    let out = brief_lsp(dir.path())
        .args(["names", "--format", "typos", "--corpus", "sources"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let words = &value["default"]["extend-words"];
    assert_eq!(words["Žižek"].as_str(), Some("Žižek"), "{text}");
    assert_eq!(words["Slavoj"].as_str(), Some("Slavoj"));
    assert_eq!(words["Nord"].as_str(), Some("Nord"));
    assert_eq!(
        value["default"]["extend-identifiers"]["NS2"].as_str(),
        Some("NS2")
    );
    assert!(text.contains("\"Žižek\" = \"Žižek\""), "{text}");
    let plain = brief_lsp(dir.path())
        .args(["names", "--corpus", "sources"])
        .assert()
        .success();
    let plain = String::from_utf8(plain.get_output().stdout.clone()).unwrap();
    let plain: BTreeSet<&str> = plain.lines().collect();
    assert!(plain.is_superset(&BTreeSet::from(["Zapad-2021", "Zapad", "Stream", "Nord", "NS2"])));
    assert!(!plain.contains("Lavrov"), "the seed corpus is not used");
}

/// The example brief's capitalized words that the corpus knows as (part of)
/// an actor's or event's name or alias.
fn brief_name_words(cwd: &Path) -> BTreeSet<String> {
    let out = brief_lsp(cwd)
        .args(["entities", "--format", "json"])
        .assert()
        .success();
    let entities: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let mut corpus_words = BTreeSet::new();
    for e in entities.as_array().unwrap() {
        let aliases = e["aliases"].as_array().unwrap().iter();
        for name in std::iter::once(&e["name"]).chain(aliases) {
            corpus_words.extend(name.as_str().unwrap().split_whitespace().map(str::to_owned));
        }
    }
    let brief =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/brief.md")).unwrap();
    brief
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.starts_with(char::is_uppercase) && corpus_words.contains(*w))
        .flat_map(|w| {
            // A spell checker that splits at hyphens checks the parts.
            std::iter::once(w.to_owned()).chain(
                w.split('-')
                    .filter(|p| w.contains('-') && p.starts_with(char::is_uppercase))
                    .map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn harper_dictionary_accepts_the_example_briefs_corpus_names() {
    let dir = tempfile::tempdir().unwrap();
    let expected = brief_name_words(dir.path());
    // Trenin is an entity's alias; Makocki, Popescu and Lukin are authors
    // the seed corpus's entities do not include.
    for word in [
        "Trenin",
        "Russia",
        "China",
        "USA",
        "Sino-Russian",
        "Sino",
        "Central",
        "Bank",
    ] {
        assert!(expected.contains(word), "{word} not found: {expected:?}");
    }
    let path = dir.path().join(".harper-dictionary.txt");
    brief_lsp(dir.path())
        .args(["names", "--format", "harper", "--output"])
        .arg(&path)
        .assert()
        .success();
    let dictionary = harper_dictionary(&std::fs::read_to_string(&path).unwrap());
    let missing: Vec<&String> = expected.difference(&dictionary).collect();
    assert!(missing.is_empty(), "not in the dictionary: {missing:?}");
}
