//! Words of a normalized sentence, with what name extraction needs to know
//! of each: its shape, whether it starts the sentence, whether it carries a
//! possessive, and what separates it from the word before.
//!
//! Hyphenated words are split into their parts, each remembering that a
//! hyphen joined it to the previous one: "Vostok-2018", "Russia-China",
//! "US-led" and "post-Putin" are read part by part.

use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// Starts with a lowercase letter.
    Lower,
    /// Starts with a capital and has lowercase letters: "Russia", "McDonald".
    Cap,
    /// Capitals, maybe with digits, or initials: "NATO", "U.S.", "G20", "W.".
    Upper,
    /// Starts with a digit.
    Number,
    /// Anything else: a single capital without a period ("S" of "S-400"), "&".
    Other,
}

/// What stands between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    /// The token starts the sentence.
    Start,
    /// Spaces only.
    Space,
    /// A hyphen, without spaces: the token continues a compound.
    Hyphen,
    /// Punctuation: a comma, a bracket, a quote, a colon.
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct WordToken {
    /// In the document's normalized text, without a possessive "'s".
    pub range: TextRange,
    pub shape: Shape,
    pub gap: Gap,
    /// The first word of the sentence, or the first after a colon: its
    /// capital says nothing about it being a name.
    pub initial: bool,
    /// Followed by "'s" or, after a final s, by "'".
    pub possessive: bool,
}

/// The tokens of `sentence`, which starts at `base` in its document.
pub(super) fn tokenize(sentence: &str, base: usize) -> Vec<WordToken> {
    let bytes = sentence.as_bytes();
    let mut tokens: Vec<WordToken> = Vec::new();
    let mut i = 0;
    let mut prev_end = 0;
    while i < bytes.len() {
        let Some(c) = sentence[i..].chars().next() else {
            break;
        };
        if c == '&' {
            tokens.push(WordToken {
                range: TextRange::new(base + i, base + i + 1),
                shape: Shape::Other,
                gap: gap(&sentence[prev_end..i], tokens.is_empty()),
                initial: false,
                possessive: false,
            });
            i += 1;
            prev_end = i;
            continue;
        }
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = word_end(sentence, start);
        let word = &sentence[start..end];
        // "U.S." and "W." keep their final period: it is part of the initials.
        if is_initials(word) && sentence[end..].starts_with('.') {
            end += 1;
        }
        let mut range_end = end;
        let mut possessive = false;
        if let Some(stem) = sentence[start..end].strip_suffix("'s") {
            range_end = start + stem.len();
            possessive = true;
        } else if word.ends_with('s') && sentence[end..].starts_with('\'') {
            let after = sentence[end + 1..].chars().next();
            possessive = after.is_none_or(|c| !c.is_alphanumeric());
        }
        let gap = gap(&sentence[prev_end..start], tokens.is_empty());
        let initial = tokens.is_empty() || sentence[prev_end..start].contains(':');
        tokens.push(WordToken {
            range: TextRange::new(base + start, base + range_end),
            shape: shape(&sentence[start..range_end]),
            gap,
            initial,
            possessive,
        });
        prev_end = end;
        i = end;
    }
    tokens
}

/// The end of the word starting at `start`: letters and digits, with
/// apostrophes and periods inside ("don't", "Evraziya.Expert"). A hyphen
/// ends the word; the part after it is the next token.
fn word_end(s: &str, start: usize) -> usize {
    let mut chars = s[start..].char_indices().peekable();
    let mut end = start;
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = start + i + c.len_utf8();
        } else if matches!(c, '\'' | '.') && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    end
}

fn gap(between: &str, first: bool) -> Gap {
    if first {
        Gap::Start
    } else if between == "-" {
        Gap::Hyphen
    } else if !between.is_empty() && between.bytes().all(|b| b == b' ') {
        Gap::Space
    } else {
        Gap::Other
    }
}

/// Single capitals separated by periods: "U.S", "W", "F.S".
fn is_initials(word: &str) -> bool {
    word.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_uppercase()) && chars.next().is_none()
    })
}

/// A word ending in a clitic after an apostrophe: "I'm", "You'll", "Can't".
/// Not "O'Neill" or "D'Souza", whose part after the apostrophe is a name.
fn is_contraction(word: &str) -> bool {
    let word = word.replace('\u{2019}', "'");
    let Some((stem, clitic)) = word.rsplit_once('\'') else {
        return false;
    };
    !stem.is_empty()
        && (matches!(clitic, "m" | "d" | "ll" | "ve" | "re") || (clitic == "t" && stem.ends_with('n')))
}

fn shape(word: &str) -> Shape {
    let Some(first) = word.chars().next() else {
        return Shape::Other;
    };
    if first.is_ascii_digit() || first.is_numeric() {
        return Shape::Number;
    }
    // "I'm", "I'd", "We've", "Don't": a pronoun or verb with its clitic is
    // never part of a name, whatever its capital says.
    if first.is_lowercase() || is_contraction(word) {
        return Shape::Lower;
    }
    if !first.is_uppercase() {
        return Shape::Other;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let digits = word.chars().any(|c| c.is_ascii_digit());
    let initials = word.strip_suffix('.').is_some_and(is_initials);
    if word.chars().any(char::is_lowercase) {
        Shape::Cap
    } else if letters >= 2 || initials || (letters == 1 && digits) {
        Shape::Upper
    } else {
        Shape::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_parts_and_gaps() {
        let s =
            "The U.S.-China talks, Vostok-2018 and Russia's post-Putin G20 (CICIR) R&D. I'm O'Neill, Don't.";
        let out: Vec<String> = tokenize(s, 0)
            .iter()
            .map(|t| {
                format!(
                    "{}:{:?}:{:?}{}{}",
                    &s[t.range.start..t.range.end],
                    t.shape,
                    t.gap,
                    if t.initial { ":initial" } else { "" },
                    if t.possessive { ":poss" } else { "" }
                )
            })
            .collect();
        expect_test::expect![[r#"
            The:Cap:Start:initial
            U.S.:Upper:Space
            China:Cap:Hyphen
            talks:Lower:Space
            Vostok:Cap:Other
            2018:Number:Hyphen
            and:Lower:Space
            Russia:Cap:Space:poss
            post:Lower:Space
            Putin:Cap:Hyphen
            G20:Upper:Space
            CICIR:Upper:Other
            R:Other:Other
            &:Other:Other
            D.:Upper:Other
            I'm:Lower:Space
            O'Neill:Cap:Space
            Don't:Lower:Other"#]]
        .assert_eq(&out.join("\n"));
    }
}
