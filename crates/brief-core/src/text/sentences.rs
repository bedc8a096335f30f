//! Sentence segmentation of one normalized paragraph.
//!
//! UAX #29 (`unicode-segmentation`) proposes the bounds: it already keeps
//! decimals ("2.6"), dotted words ("U.S", "e.g"), ellipses and a period
//! followed by lowercase inside one sentence. It knows no abbreviations, so
//! each bound is then vetoed when the word before it is one.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::lexicon::{
    month_abbreviation, AMBIGUOUS_ABBREVIATIONS, NUMBER_ABBREVIATIONS, SENTENCE_STARTERS, TITLE_ABBREVIATIONS,
};
use crate::text::TextRange;

/// Sentence ranges of one normalized paragraph, in order, covering every non-space character; each range is trimmed of surrounding spaces.
pub fn sentence_ranges(text: &str) -> Vec<TextRange> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (bound, _) in text.split_sentence_bound_indices().skip(1) {
        if ends_sentence(&text[start..bound], &text[bound..]) {
            push_trimmed(&mut ranges, text, start, bound);
            start = bound;
        }
    }
    push_trimmed(&mut ranges, text, start, text.len());
    ranges
}

/// Whether the sentence so far, `before`, really ends at this UAX #29 bound.
fn ends_sentence(before: &str, after: &str) -> bool {
    // UAX #29 also breaks without a space ("version 1.B"); a sentence end needs one.
    // A list marker ("1.") or a lone ellipsis is no sentence of its own.
    if !before.ends_with(char::is_whitespace) || !before.contains(char::is_alphabetic) {
        return false;
    }
    let (next, next_rest) = next_word(after);
    // UAX #29 only looks for lowercase after '.': "Yahoo! in", `"Really?" she asked`.
    if next.starts_with(char::is_lowercase) {
        return false;
    }
    // The last word without its quotes and brackets: `"no."` -> "no.", "(Sino-U.S." -> "u.s.".
    let last = before.split_whitespace().next_back().unwrap_or("");
    let last = last.rsplit(['-', '/']).next().unwrap_or(last);
    let last = last.trim_matches(['(', ')', '[', ']', '"', '\'']).to_lowercase();
    // Only a final period can belong to an abbreviation; '!' and '?' always end a sentence.
    let Some(word) = last.strip_suffix('.') else {
        return true;
    };
    if TITLE_ABBREVIATIONS.contains(word) {
        return false;
    }
    if NUMBER_ABBREVIATIONS.contains(word) && next.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if AMBIGUOUS_ABBREVIATIONS.contains(word) || month_abbreviation(word) || is_initials(word) {
        // "A. A. Smith": a letter followed by a period is an initial, not the article.
        return SENTENCE_STARTERS.contains(next) && !next_rest.starts_with('.');
    }
    true
}

/// The first word after a bound, past opening quotes or brackets, and the text after it.
fn next_word(after: &str) -> (&str, &str) {
    let word = after.trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
    let rest = word.trim_start_matches(char::is_alphanumeric);
    (&word[..word.len() - rest.len()], rest)
}

/// Single letters separated by periods, final period removed: "a", "f.s", "u.s.a".
fn is_initials(word: &str) -> bool {
    word.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
    })
}

fn push_trimmed(ranges: &mut Vec<TextRange>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let (start, end) = (
        start + slice.len() - slice.trim_start().len(),
        end - (slice.len() - slice.trim_end().len()),
    );
    if start < end {
        ranges.push(TextRange::new(start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Each case is its expected sentences joined by " | "; the input joins them by " ".
    fn check(cases: &[&str]) {
        for case in cases {
            let text = case.replace(" | ", " ");
            let got: Vec<_> = sentence_ranges(&text)
                .iter()
                .map(|r| &text[r.start..r.end])
                .collect();
            assert_eq!(got.join(" | "), *case);
        }
    }

    #[test]
    fn rules() {
        assert_eq!(sentence_ranges("  "), []);
        assert_eq!(
            sentence_ranges(" One. Two. "),
            [TextRange::new(1, 5), TextRange::new(6, 10)]
        );
        check(&[
            "Copyright Date: Dec. 1, 2016",
            "It began in Sept. 2014 and ended in Oct. 2015.",
            "As Alexander Gabuev (2016:3) puts it, [i]t was hoped that China would become a major buyer.",
            "Since US President Barack Obama and then Secretary of State Hillary Clinton launched it almost a decade ago, America's 'pivot to Asia' has struggled.",
            "The U.S. President met him. | The meeting was short.",
            "Both the U.K. Government and the E.U. Commission agreed.",
            "Sino-U.S. Relations worsened. | Nobody was surprised.",
            "He moved to the U.S. | The move was hard.",
            "In 2018 Russia's Central Bank drastically reduced the share of its assets held in the USA from 29.9 to 9.7%. | At the same time, the Central Bank increased its Chinese holdings from 2.6 to 14.1%.",
            "He said \"no.\" | Then he left.",
            "He left (as planned.) | Others stayed.",
            "\"Really?\" she asked. | Yes!",
            "F.S. Gady wrote this. | Lukin disagreed.",
            "A. Lukin and George W. Bush met Dr. A. Smith.",
            "Mr. Putin, Mrs. May, Ms. Lee, Prof. Li, Gen. Mattis, Sen. McCain, Rep. Ryan, Gov. Brown, Pres. Xi, St. Petersburg, Jr. Staff and Sr. Fellows.",
            "Some states, e.g. Japan, i.e. The Japanese, cf. Korea, vs. China, etc. and so on.",
            "It sold oil, gas, etc. | Then prices fell.",
            "Smith et al. 2018 disagree. | Smith et al. | The authors disagree.",
            "See No. 5, p. 12, pp. 5-6 and vol. 3 in Smith (ed.) Asia, Smith (eds.) Russia.",
            "He said No. | Russia disagreed.",
            "Gazprom Inc. Rosneft Corp. Sinopec Ltd. Samsung Co. Ltd. all bid.",
            "Lukin, A. 2018. | Russia and the United States in the Asia Pacific.",
            "Growth was... slow. | Then it rose... | Quickly.",
            "Они ушли. | Затем А. Лукин пришёл. | Éric a dit «oui». | Über alles.",
            "Version 1.B shipped. | It worked.",
            "Was it 5? | 6 maybe. | 'Yes,' he said.",
        ]);
    }

    /// Cases from pySBD's English "Golden Rules" (benchmarks/english_golden_rules.py) that
    /// pass (38 of 48), quotes normalized. The 10 left out want "6 P.M. | Mr. Smith",
    /// `[...]" (Smith 55).` whole, a split inside or no split after ". . . " before a capital,
    /// and six inline list items split before their marker ("item | 2. The second item").
    #[test]
    fn golden_rules() {
        check(&[
            "Hello World. | My name is Jonas.",
            "What is your name? | My name is Jonas.",
            "There it is! | I found it.",
            "My name is Jonas E. Smith.",
            "Please turn to p. 55.",
            "Were Jane and co. at the party?",
            "They closed the deal with Pitt, Briggs & Co. at noon.",
            "Let's ask Jane and co. | They should know.",
            "They closed the deal with Pitt, Briggs & Co. | It closed yesterday.",
            "I can see Mt. Fuji from here.",
            "St. Michael's Church is on 5th st. near the light.",
            "That is JFK Jr.'s book.",
            "I visited the U.S.A. last year.",
            "I live in the E.U. | How about you?",
            "I live in the U.S. | How about you?",
            "I work for the U.S. Government in Virginia.",
            "I have lived in the U.S. for 20 years.",
            "She has $100.00 in her bag.",
            "She has $100.00. | It is in her bag.",
            "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
            "Her email is Jane.Doe@example.com. | I sent her an email.",
            "The site is: https://www.example.50.com/new-site/awesome_content.html. | Please check it out.",
            "She turned to him, 'This is great.' she said.",
            "She turned to him, \"This is great.\" she said.",
            "She turned to him, \"This is great.\" | She held the book out to show him.",
            "Hello!! | Long time no see.",
            "Hello?? | Who is there?",
            "Hello!? | Is that you?",
            "Hello?! | Is that you?",
            "1.) The first item. | 2.) The second item.",
            "1) The first item. | 2) The second item.",
            "1. The first item. | 2. The second item.",
            "You can find it at N°. 1026.253.553. | That is where the treasure is.",
            "She works at Yahoo! in the accounting department.",
            "We make a good team, you and I. | Did you see Albert I. Jones yesterday?",
            "Thoreau argues that by simplifying one's life, \"the laws of the universe will appear less complex. . . .\"",
            "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . | Next sentence.",
            "I never meant that.... | She left the store.",
        ]);
    }

    fn paragraph() -> impl Strategy<Value = String> {
        let token = prop::sample::select(vec![
            "U.S.", "Dec.", "A.", "e.g.", "No.", "5", "2.6", "the", "The", "It", "é", "Ж.", ".", "...", "!",
            "?", "\"", "'", "(", ")", " ", "  ", "\u{a0}",
        ]);
        let tokens = prop::collection::vec(token, 0..30).prop_map(|t| t.concat());
        prop_oneof![tokens, "\\PC{0,60}"]
    }

    proptest! {
        #[test]
        fn ranges_cover_the_text_in_order(text in paragraph()) {
            let ranges = sentence_ranges(&text);
            for pair in ranges.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start);
            }
            for r in &ranges {
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let s = &text[r.start..r.end];
                prop_assert!(!s.is_empty() && s.trim() == s);
            }
            for (i, c) in text.char_indices() {
                prop_assert!(c.is_whitespace() || ranges.iter().any(|r| r.start <= i && i < r.end));
            }
        }
    }
}
