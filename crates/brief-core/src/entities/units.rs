//! Tokens grouped into units (a word, or a hyphenated compound of words),
//! and the parenthesized citations of a sentence: the material runs of
//! names are built from.

use super::tokens::{Gap, Shape, WordToken};
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// Capitalized words or acronyms, hyphenated or not: a possible name part.
    Name,
    /// "Vostok-2018": a name and a year.
    Dated,
    /// "of", "and", "&", lowercase words.
    Lower,
    /// Numbers and codes ("S-400", "COVID-2019").
    Other,
}

/// A word, or a hyphenated compound of words.
#[derive(Clone, Copy, Debug)]
pub(super) struct WordGroup {
    pub first: usize,
    pub last: usize,
    pub class: Class,
    pub range: TextRange,
    /// Never part of a longer name: a part of "US-led", or "Russia-China"
    /// standing alone.
    pub isolated: bool,
}

/// Groups tokens into units, exploding adjective compounds ("US-led",
/// "post-Putin") and lone compounds of names ("Russia-China summits") into
/// isolated parts.
pub(super) fn units(text: &str, tokens: &[WordToken]) -> Vec<WordGroup> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j + 1 < tokens.len() && tokens[j + 1].gap == Gap::Hyphen {
            j += 1;
        }
        let parts = &tokens[i..=j];
        let range = TextRange::new(parts[0].range.start, parts[parts.len() - 1].range.end);
        let single = |t: usize, isolated| {
            let class = match tokens[t].shape {
                Shape::Cap | Shape::Upper => Class::Name,
                Shape::Lower => Class::Lower,
                _ if &text[tokens[t].range.start..tokens[t].range.end] == "&" => Class::Lower,
                _ => Class::Other,
            };
            WordGroup {
                first: t,
                last: t,
                class,
                range: tokens[t].range,
                isolated,
            }
        };
        let all_names = parts.iter().all(|t| matches!(t.shape, Shape::Cap | Shape::Upper));
        if parts.len() == 1 {
            out.push(single(i, false));
        } else if is_dated(text, parts) {
            out.push(WordGroup {
                first: i,
                last: j,
                class: Class::Dated,
                range,
                isolated: false,
            });
        } else if parts
            .iter()
            .any(|t| matches!(t.shape, Shape::Number | Shape::Other))
        {
            out.push(WordGroup {
                first: i,
                last: j,
                class: Class::Other,
                range,
                isolated: true,
            });
        } else if all_names && !stands_alone(text, tokens, i, j) {
            out.push(WordGroup {
                first: i,
                last: j,
                class: Class::Name,
                range,
                isolated: false,
            });
        } else {
            out.extend((i..=j).map(|t| single(t, true)));
        }
        i = j + 1;
    }
    out
}

/// "Vostok-2018", "Tsentr-2019": a capitalized word of three letters or more
/// and a year.
fn is_dated(text: &str, parts: &[WordToken]) -> bool {
    let [name, year] = parts else { return false };
    let year = &text[year.range.start..year.range.end];
    name.shape == Shape::Cap
        && name.range.len() >= 3
        && year.len() == 4
        && (year.starts_with("19") || year.starts_with("20"))
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// A compound of names with no name word or connector beside it:
/// "Russia-China" in "Russia-China summits", unlike "US-Japan Security Treaty".
fn stands_alone(text: &str, tokens: &[WordToken], i: usize, j: usize) -> bool {
    let joins = |t: &WordToken| {
        let w = &text[t.range.start..t.range.end];
        matches!(t.shape, Shape::Cap | Shape::Upper) || is_connector(w)
    };
    let before = i > 0 && tokens[i].gap == Gap::Space && joins(&tokens[i - 1]) && !tokens[i - 1].possessive;
    let after = tokens.get(j + 1).is_some_and(|t| t.gap == Gap::Space && joins(t)) && !tokens[j].possessive;
    !before && !after
}

pub(super) fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "and" | "&" | "the" | "for" | "in" | "on") || is_particle(w)
}

/// The lowercase particles of surnames: "Ruud van Nistelrooy", "Edwin van
/// der Sar", "Lula da Silva", "Rodrigo de la Serna" (with "la" only after
/// another), "Banque du Caire".
pub(super) fn is_particle(w: &str) -> bool {
    matches!(w, "de" | "van" | "von" | "der" | "den" | "da" | "dos" | "du")
}

/// Parenthesized groups that cite a source by year: "(Kashin 2019a)",
/// "(Putz 2015; Novichkov and Hardy 2014)", "(2016:3)".
pub(super) fn citations(sentence: &str, base: usize) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = sentence[from..].find('(').map(|i| i + from) {
        let Some(close) = sentence[open..].find(')').map(|i| i + open) else {
            break;
        };
        if has_year(&sentence[open + 1..close]) {
            out.push(TextRange::new(base + open, base + close + 1));
        }
        from = close + 1;
    }
    out
}

/// Whether `s` contains a year: four digits starting 19 or 20, alone or
/// followed by a letter ("2019a").
pub(super) fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).any(|i| {
        let alone_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let after = b.get(i + 4).copied();
        alone_before
            && (&b[i..i + 2] == b"19" || &b[i..i + 2] == b"20")
            && b[i + 2..i + 4].iter().all(u8::is_ascii_digit)
            && after.is_none_or(|c| !c.is_ascii_digit())
    })
}
