//! `brief-bench generate --text zipf`: sentences made word by word, so that
//! a generated corpus looks like a real one to the indexes. Recombining the
//! seeds' sentences (the default) repeats each of them about 100 times per
//! 10 MB, which flatters the quote index and starves the vocabulary. Here:
//! - words are drawn from a Zipf distribution (exponent [`EXPONENT`]) over
//!   [`VOCABULARY`] ranks: the seeds' own lower-case words by frequency
//!   first, then made-up words of two to four syllables, so the vocabulary
//!   keeps growing with the corpus (about 35 k distinct words at 10 MB and
//!   several hundred thousand at 200 MB, as Heaps' law has it for news
//!   text);
//! - sentences carry the things the other indexes look for: names (first
//!   name and surname, some surnames shared with the seeds), acronyms, and
//!   figures with units and years;
//! - one sentence in [`REPEAT_ONE_IN`] is a copy of one of the last
//!   [`RECENT`] sentences (a quotation of another document), so a sentence
//!   occurs a few times at most, not hundreds.

use std::borrow::Cow;

use crate::generate::{Rng, Variation, SURNAMES};

const VOCABULARY: usize = 2_000_000;
/// Above 1 so that the tail is lighter than the head: with 1.2, the seeds'
/// few thousand words make about 85% of running words.
const EXPONENT: f64 = 1.2;
const REPEAT_ONE_IN: usize = 100;
const RECENT: usize = 2_000;

#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Irina", "James",
    "Kofi", "Li", "Maria", "Nikolai", "Olga", "Pavel", "Qiang", "Rosa", "Sergey", "Tomas",
    "Usman", "Vera", "Wei", "Xenia", "Yuri", "Zhang", "Amir", "Beatriz", "Carlos", "Dana",
];
#[rustfmt::skip]
const ACRONYMS: &[&str] = &[
    "SCO", "NATO", "WTO", "IMF", "OPEC", "ASEAN", "BRICS", "EU", "UN", "OECD", "EAEU", "G20",
];
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "percent", "billion dollars", "million tonnes", "million barrels a day", "billion cubic metres",
    "kilometres", "million people", "percent of GDP", "trillion roubles", "thousand troops",
];
const CONSONANTS: &[u8] = b"bcdfghjklmnprstvwxyz";
const VOWELS: &[u8] = b"aeiou";

pub struct ZipfText {
    /// The seeds' words, most frequent first; ranks past them are
    /// [`made_up`].
    head: Vec<String>,
    /// `cdf[r]`: the probability of a rank at most `r`.
    cdf: Vec<f64>,
    recent: Vec<String>,
}

impl ZipfText {
    /// `seed_words`: running words of the seeds, for the head of the
    /// vocabulary.
    pub fn new<'a>(seed_words: impl Iterator<Item = &'a str>) -> ZipfText {
        let mut counts = std::collections::HashMap::<String, usize>::new();
        for w in seed_words {
            // Not the stray letters of URLs and possessives ("s", "c").
            if w.chars().all(|c| c.is_lowercase()) && (w.len() > 1 || w == "a") {
                *counts.entry(w.to_owned()).or_default() += 1;
            }
        }
        let mut head: Vec<(String, usize)> = counts.into_iter().collect();
        head.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let head = head.into_iter().map(|(w, _)| w).collect();
        let mut cdf = Vec::with_capacity(VOCABULARY);
        let mut sum = 0.0;
        for r in 0..VOCABULARY {
            sum += ((r + 1) as f64).powf(-EXPONENT);
            cdf.push(sum);
        }
        for p in &mut cdf {
            *p /= sum;
        }
        ZipfText {
            head,
            cdf,
            recent: Vec::with_capacity(RECENT),
        }
    }

    fn word(&self, rng: &mut Rng) -> Cow<'_, str> {
        let u = rng.unit();
        let r = self.cdf.partition_point(|&p| p < u).min(VOCABULARY - 1);
        match self.head.get(r) {
            Some(w) => Cow::Borrowed(w),
            None => Cow::Owned(made_up(r - self.head.len())),
        }
    }

    fn name(&self, rng: &mut Rng) -> String {
        let surname = if rng.chance(0.3) {
            (*rng.pick(SURNAMES)).to_owned()
        } else {
            capitalized(&self.word(rng))
        };
        format!("{} {surname}", rng.pick(FIRST_NAMES))
    }

    fn figure(v: &Variation, rng: &mut Rng) -> String {
        let year = 2000 + rng.below(25) as i64 + v.year_shift;
        match rng.below(3) {
            0 => format!("{} {} in {year}", 1 + rng.below(999), rng.pick(UNITS)),
            1 => format!("{}.{} {}", 1 + rng.below(99), rng.below(10), rng.pick(UNITS)),
            _ => format!("since {year}"),
        }
    }

    /// A sentence of 6 to 35 words, or now and then a recent one again.
    pub fn sentence(&mut self, v: &Variation, rng: &mut Rng) -> String {
        if !self.recent.is_empty() && rng.below(REPEAT_ONE_IN) == 0 {
            return rng.pick(&self.recent).clone();
        }
        let n = 6 + rng.below(30);
        let mut parts: Vec<String> = Vec::with_capacity(n + 4);
        for i in 0..n {
            let w = self.word(rng);
            parts.push(if i == 0 { capitalized(&w) } else { w.into_owned() });
            if i + 1 < n && rng.chance(0.06) {
                parts.last_mut().unwrap().push(',');
            }
        }
        if rng.chance(0.35) {
            let at = 1 + rng.below(n);
            parts.insert(at.min(parts.len()), self.name(rng));
        }
        if rng.chance(0.1) {
            let at = 1 + rng.below(parts.len());
            parts.insert(at, format!("the {}", rng.pick(ACRONYMS)));
        }
        if rng.chance(0.25) {
            let at = 1 + rng.below(parts.len());
            parts.insert(at, Self::figure(v, rng));
        }
        let mut sentence = parts.join(" ");
        sentence.push('.');
        if self.recent.len() < RECENT {
            self.recent.push(sentence.clone());
        } else {
            let at = rng.below(RECENT);
            self.recent[at] = sentence.clone();
        }
        sentence
    }

    /// Three to eight words in title case.
    pub fn heading(&self, rng: &mut Rng) -> String {
        let n = 3 + rng.below(6);
        let words: Vec<String> = (0..n).map(|_| capitalized(&self.word(rng))).collect();
        words.join(" ")
    }
}

/// The made-up word of a rank: its digits in base 100, one consonant-vowel
/// syllable each (at least two), so that different ranks give different
/// words.
fn made_up(mut rank: usize) -> String {
    let mut word = String::new();
    let mut syllables = 0;
    while rank > 0 || syllables < 2 {
        let s = rank % 100;
        word.push(CONSONANTS[s / 5] as char);
        word.push(VOWELS[s % 5] as char);
        rank /= 100;
        syllables += 1;
    }
    word
}

fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_words_are_distinct_per_rank() {
        let words: std::collections::HashSet<String> = (0..20_000).map(made_up).collect();
        assert_eq!(words.len(), 20_000);
    }

    #[test]
    fn sentences_rarely_repeat_and_the_vocabulary_has_a_long_tail() {
        let mut text = ZipfText::new("the of the and a the of".split(' '));
        let v = Variation {
            year_shift: 0,
            name_shift: 0,
            curly: false,
        };
        let mut rng = Rng(7);
        let sentences: Vec<String> = (0..5_000).map(|_| text.sentence(&v, &mut rng)).collect();
        let distinct: std::collections::HashSet<&String> = sentences.iter().collect();
        // One in a hundred is a repeat, give or take.
        assert!(distinct.len() > 4_850, "{} distinct", distinct.len());
        let words: std::collections::HashSet<&str> = sentences.iter().flat_map(|s| s.split(' ')).collect();
        assert!(words.len() > 10_000, "{} distinct words", words.len());
        let the = sentences
            .iter()
            .flat_map(|s| s.split(' '))
            .filter(|w| *w == "the")
            .count();
        assert!(the > sentences.len() / 2, "the most frequent seed word: {the}");
    }
}
