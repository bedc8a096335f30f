//! `brief-lsp names`: the corpus's actor and event names and their aliases as
//! a word list for spell checkers, so that the names a brief uses stop being
//! flagged as misspellings.
//!
//! Spell checkers check words, so names are split into words: "Sergey
//! Lavrov" gives "Sergey" and "Lavrov"; a hyphenated form is kept with its
//! parts ("Vostok-2018" gives "Vostok-2018" and "Vostok"); possessives are
//! dropped ("People's" gives "People"), and so are pure numbers, single
//! letters ("George W. Bush", "U.S."), words with no capital letter ("crisis"
//! in "Ukraine crisis") and the connectors "of", "and", "the", "for", "on",
//! "in", "de" in any case.
//!
//! Formats:
//! - `plain`: one word per line, sorted case-insensitively (LTeX's external
//!   dictionary files and most other tools).
//! - `harper`: harper-ls's user or workspace dictionary (`userDictPath`,
//!   `workspaceDictPath`, by default `.harper-dictionary.txt`): a plain line
//!   separated word list with no header and no comments; harper-ls takes
//!   every line, untrimmed, as a word, and writes the file back sorted by
//!   code point, so that is the order here.
//! - `typos`: a `_typos.toml` fragment. typos accepts a word mapped to
//!   itself; `[default.extend-words]` keys match words case-insensitively,
//!   `[default.extend-identifiers]` keys match whole identifiers exactly.
//!   typos splits identifiers at hyphens and apostrophes and words at digits
//!   and case changes, so the words table has the alphabetic words, and the
//!   identifiers table the ones with digits or inner capitals ("G20").

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::CorpusArgs;

#[derive(Args, Debug)]
pub struct NamesArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// The word list's format.
    #[arg(long, value_enum, default_value = "plain")]
    format: NamesFormat,
    /// Write the list to this file (creating its folder) instead of stdout.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamesFormat {
    /// A harper-ls user or workspace dictionary: one word per line, in code
    /// point order.
    Harper,
    /// A `_typos.toml` fragment: `[default.extend-words]` and
    /// `[default.extend-identifiers]`, each word mapped to itself.
    Typos,
    /// One word per line.
    Plain,
}

pub fn run(args: &NamesArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load(&args.corpus)?;
    let words = words_of(
        corpus
            .entities()
            .entities
            .iter()
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .map(String::as_str),
    );
    let mut out = String::new();
    match args.format {
        NamesFormat::Plain => {
            for word in &words {
                out_line!(out, "{word}");
            }
        }
        NamesFormat::Harper => {
            let mut by_code_point: Vec<&String> = words.iter().collect();
            by_code_point.sort_unstable();
            for word in by_code_point {
                out_line!(out, "{word}");
            }
        }
        NamesFormat::Typos => typos(&mut out, &words),
    }
    super::emit_to(
        args.output.as_deref(),
        &out,
        &format!("{} name words", words.len()),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Words that are not names even when a name holds them.
const CONNECTORS: &[&str] = &["of", "and", "the", "for", "on", "in", "de", "&"];

/// The spell-checkable words of some names: deduplicated, sorted
/// case-insensitively (then by code point).
fn words_of<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut set = BTreeSet::new();
    for name in names {
        for token in tokens(name) {
            if token.contains('-') {
                set.extend(token.split('-').filter(|p| keep(p)).map(str::to_owned));
            }
            if keep(&token) {
                set.insert(token);
            }
        }
    }
    let mut words: Vec<String> = set.into_iter().collect();
    words.sort_by_cached_key(|w| (w.to_lowercase(), w.clone()));
    words
}

/// Is a hyphen or apostrophe that joins the letters around it into one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}')
}

/// The words of one name, hyphens and apostrophes unified to `-` and `'`,
/// without possessive endings; anything else that is not a letter or digit
/// (spaces, dots, commas, `&`, `/`) separates words.
fn tokens(name: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for raw in name.split(|c: char| !c.is_alphanumeric() && !is_joiner(c)) {
        let mut token: String = raw
            .chars()
            .map(|c| match c {
                '\u{2010}' | '\u{2011}' => '-',
                '\u{2019}' => '\'',
                c => c,
            })
            .collect();
        if token.ends_with("'s") || token.ends_with("'S") {
            token.truncate(token.len() - 2);
        }
        let token = token.trim_matches(is_joiner);
        if ["--", "-'", "'-", "''"].iter().any(|j| token.contains(j)) {
            // "a--b", "a'-b": no word a spell checker sees whole; its parts.
            tokens.extend(
                token
                    .split(is_joiner)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned),
            );
        } else if !token.is_empty() {
            tokens.push(token.to_owned());
        }
    }
    tokens
}

/// Whether a word belongs in the list: two characters or more, a capital
/// letter (no pure numbers, no common lowercase words), not a connector.
fn keep(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().any(char::is_uppercase)
        && !CONNECTORS.iter().any(|c| word.eq_ignore_ascii_case(c))
}

/// The `_typos.toml` fragment.
fn typos(out: &mut String, words: &[String]) {
    // typos never sees a hyphen or an apostrophe inside a word: it checks the
    // parts.
    let mut parts: Vec<&str> = Vec::new();
    for word in words {
        parts.extend(word.split(['-', '\'']).filter(|p| keep(p)));
    }
    let mut seen_words = BTreeSet::new();
    let mut plain_words = Vec::new();
    let mut seen_identifiers = BTreeSet::new();
    let mut identifiers = Vec::new();
    for part in parts {
        if part.chars().all(char::is_alphabetic) && !has_inner_capital(part) {
            // Keys of extend-words match case-insensitively: one is enough.
            if seen_words.insert(part.to_lowercase()) {
                plain_words.push(part);
            }
        } else if seen_identifiers.insert(part) {
            identifiers.push(part);
        }
    }
    out_line!(
        out,
        "# Corpus names from `brief-lsp names --format typos`: a word mapped to itself is"
    );
    out_line!(
        out,
        "# always accepted. Merge these tables with any your _typos.toml already has."
    );
    out_line!(out, "[default.extend-words]");
    for word in &plain_words {
        out_line!(out, "{} = {}", toml_key(word), toml_string(word));
    }
    out_line!(out, "");
    out_line!(out, "[default.extend-identifiers]");
    for identifier in &identifiers {
        out_line!(out, "{} = {}", toml_key(identifier), toml_string(identifier));
    }
}

/// A capital after a lowercase letter ("McDonald"), where typos splits a word.
fn has_inner_capital(word: &str) -> bool {
    word.chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// A TOML key: bare when it can be, else a quoted string.
fn toml_key(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        s.to_owned()
    } else {
        toml_string(s)
    }
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut quoted = String::with_capacity(s.len() + 2);
    quoted.push('"');
    for c in s.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_spell_checkable_words() {
        let words = words_of([
            "Sergey Lavrov",
            "Vostok-2018",
            "Shanghai Cooperation Organization",
            "SCO",
            "People's Republic of China",
            "Ukraine crisis",
            "Belt & Road",
            "U.S.",
            "Center for U.S.-China Relations",
            "George W. Bush",
            "The Hague",
            "O’Brien’s",
            "2018-2019",
            "G-20",
            "Mid--Atlantic",
        ]);
        assert_eq!(
            words,
            [
                "Atlantic",
                "Belt",
                "Bush",
                "Center",
                "China",
                "Cooperation",
                "G-20",
                "George",
                "Hague",
                "Lavrov",
                "Mid",
                "O'Brien",
                "Organization",
                "People",
                "Relations",
                "Republic",
                "Road",
                "SCO",
                "Sergey",
                "Shanghai",
                "Ukraine",
                "Vostok",
                "Vostok-2018",
            ]
        );
    }

    #[test]
    fn typos_fragment_quotes_keys_that_need_it() {
        let mut out = String::new();
        typos(
            &mut out,
            &[
                "Žižek".to_owned(),
                "G20".to_owned(),
                "McDonald".to_owned(),
                "Lavrov".to_owned(),
                "LAVROV".to_owned(),
            ],
        );
        let value: toml::Value = toml::from_str(&out).unwrap();
        let words = &value["default"]["extend-words"];
        assert_eq!(words["Žižek"].as_str(), Some("Žižek"));
        assert_eq!(words["Lavrov"].as_str(), Some("Lavrov"));
        assert!(words.get("LAVROV").is_none());
        let identifiers = &value["default"]["extend-identifiers"];
        assert_eq!(identifiers["G20"].as_str(), Some("G20"));
        assert_eq!(identifiers["McDonald"].as_str(), Some("McDonald"));
    }
}
