//! Numbers written in words: "twenty-four", "one hundred and two",
//! "twenty-one trillion three hundred", "a dozen", "half a dozen",
//! "two and a half", "a quarter of a million". Fractions ("two thirds") and "point" decimals are left
//! out: policy prose writes those in digits.
//!
//! `text2num` (MIT) parses the plain cardinals but none of "a dozen",
//! "half a …" or "and a half", and wants its own token stream, so these
//! forty words are read here on the extractor's tokens.

use super::lexicon::{scale_word, tens_word, unit_word};
use super::share::{fraction_word, of_a_scale};
use super::token::Sent;

pub(super) struct WordNumber {
    pub value: f64,
    /// Token index after the last word used.
    pub end: usize,
    /// Just the word "one": far more often a pronoun ("one of", "one issue") than a figure.
    pub lone_one: bool,
}

/// What the previous word was, which decides what may follow it.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    Unit,
    Tens,
    TensUnit,
    Hundred,
    Scale,
    Half,
}

/// The power of ten, or 12 for a dozen, that "a" or "half a" can multiply.
fn multipliable(s: &Sent, i: usize) -> Option<f64> {
    let w = s.lower(i)?;
    match w.as_str() {
        "hundred" => Some(100.0),
        "dozen" => Some(12.0),
        w => scale_word(w).map(|p| 10f64.powi(p)),
    }
}

pub(super) fn word_number(s: &Sent, i: usize) -> Option<WordNumber> {
    // "a quarter of a million", "three-quarters of a million": a fraction
    // of a scale is a number, not a share.
    if let Some((part, end)) = fraction_word(s, i).filter(|&(_, end)| of_a_scale(s, end)) {
        return Some(WordNumber {
            value: part * multipliable(s, end + 2)?,
            end: end + 3,
            lone_one: false,
        });
    }
    let first = s.lower(i)?;
    match first.as_str() {
        "half" if s.is(i + 1, "a") || s.is(i + 1, "an") => {
            let scale = multipliable(s, i + 2)?;
            return Some(WordNumber {
                value: scale / 2.0,
                end: i + 3,
                lone_one: false,
            });
        }
        "a" | "an" => {
            multipliable(s, i + 1)?;
        }
        _ => {}
    }
    let (mut total, mut cur, mut last) = (0.0, 0.0, Last::Start);
    let mut j = i;
    let mut words = 0;
    loop {
        // "twenty-four", "fifty - two"
        if last == Last::Tens
            && s.punct(j) == Some('-')
            && s.lower(j + 1)
                .and_then(|w| unit_word(w.as_str()))
                .is_some_and(|u| u > 0)
        {
            j += 1;
            continue;
        }
        let Some(w) = s.lower(j) else { break };
        let w = w.as_str();
        if matches!(w, "a" | "an") && last == Last::Start {
            cur = 1.0;
            last = Last::Unit;
        } else if let Some(u) = unit_word(w) {
            if !matches!(last, Last::Start | Last::Tens | Last::Hundred | Last::Scale) {
                break;
            }
            cur += f64::from(u);
            last = if last == Last::Tens {
                Last::TensUnit
            } else {
                Last::Unit
            };
        } else if let Some(t) = tens_word(w) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale) {
                break;
            }
            cur += f64::from(t);
            last = Last::Tens;
        } else if w == "hundred" {
            if !matches!(last, Last::Unit | Last::Tens | Last::TensUnit) {
                break;
            }
            cur *= 100.0;
            last = Last::Hundred;
        } else if let Some(p) = scale_word(w) {
            if matches!(last, Last::Start | Last::Scale) {
                break;
            }
            total += cur * 10f64.powi(p);
            cur = 0.0;
            last = Last::Scale;
        } else if matches!(w, "dozen" | "dozens") {
            if !matches!(
                last,
                Last::Unit | Last::Tens | Last::TensUnit | Last::Hundred | Last::Half
            ) {
                break;
            }
            cur *= 12.0;
            last = Last::Scale;
        } else if w == "and" {
            let next_is_number = s
                .lower(j + 1)
                .is_some_and(|n| unit_word(n.as_str()).or(tens_word(n.as_str())).is_some());
            if matches!(last, Last::Unit | Last::Tens | Last::TensUnit)
                && s.is(j + 1, "a")
                && s.is(j + 2, "half")
            {
                cur += 0.5;
                last = Last::Half;
                j += 3;
                words += 3;
                continue;
            } else if matches!(last, Last::Hundred | Last::Scale) && next_is_number {
                j += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        j += 1;
        words += 1;
    }
    if words == 0 || last == Last::Start {
        return None;
    }
    let lone_one = words == 1 && s.is(i, "one");
    Some(WordNumber {
        value: total + cur,
        end: j,
        lone_one,
    })
}
