//! Shares written in words, read as percentages: "a fifth of", "by a
//! quarter", "two-thirds of", "half of", "one in three", "7 in 10", "eight out of 10". Rounded
//! to whole percents, as a reader compares them ("a third" is "33%").

use super::lexicon::{scale_word, tens_word, unit_word};
use super::token::Sent;

/// A share starting at token `i`: its percentage and the token after it.
pub(super) fn share_at(s: &Sent, i: usize) -> Option<(f64, usize)> {
    one_in_n(s, i).or_else(|| fraction(s, i))
}

/// "one in three", "seven in ten", "1 in 5", "eight out of 10": a part of a whole.
fn one_in_n(s: &Sent, i: usize) -> Option<(f64, usize)> {
    let at = if s.is(i + 1, "in") {
        i + 2
    } else if s.is(i + 1, "out") && s.is(i + 2, "of") {
        i + 3
    } else {
        return None;
    };
    let part = small_number(s, i)?;
    let whole = small_number(s, at)?;
    // Not "Voyager 2 in 1979": a whole of at most a thousand.
    (part >= 1.0 && part < whole && whole <= 1000.0).then(|| ((100.0 * part / whole).round(), at + 1))
}

/// "a fifth of", "by a quarter", "two-thirds of", "half of": a fraction,
/// when "of" follows or "by" precedes it ("a third" alone is an ordinal:
/// "a third term"); not a fraction of a scale ("a quarter of a million"),
/// which is a number (`number`).
fn fraction(s: &Sent, i: usize) -> Option<(f64, usize)> {
    let (part, end) = fraction_word(s, i)?;
    let framed = s.is(end, "of") || s.is(i.wrapping_sub(1), "by");
    (framed && !of_a_scale(s, end)).then(|| ((100.0 * part).round(), end))
}

/// "of a million", "of a billion" at `i`.
pub(super) fn of_a_scale(s: &Sent, i: usize) -> bool {
    s.is(i, "of")
        && (s.is(i + 1, "a") || s.is(i + 1, "an"))
        && s.lower(i + 2).is_some_and(|w| scale_word(w.as_str()).is_some())
}

/// "a fifth", "two-thirds", "half" (before "of") at `i`: the fraction, in
/// 0..1, and the token after it.
pub(super) fn fraction_word(s: &Sent, i: usize) -> Option<(f64, usize)> {
    let (numerator, at) = match s.lower(i)?.as_str() {
        // "half of", and "grew by half", "cut by half": a change of 50%
        // (`share_figure` keeps it only where a change verb governs it).
        "half" if s.is(i + 1, "of") || s.is(i.wrapping_sub(1), "by") => (1.0, i),
        "a" | "an" | "one" => (1.0, i + 1),
        w => (f64::from(unit_word(w).filter(|&n| n >= 2)?), i + 1),
    };
    // "two-thirds", "one-fifth"
    let at = if at > i && s.hyphen_joins(at) { at + 1 } else { at };
    let word = s.lower(at)?;
    let denominator = denominator(word.as_str())?;
    // "a fifth", "two fifths"; not "two fifth", nor "a fifths".
    if word.as_str().ends_with('s') != (numerator > 1.0) {
        return None;
    }
    Some((numerator / denominator, at + 1))
}

fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// A whole number up to a thousand, in digits or in one word.
fn small_number(s: &Sent, i: usize) -> Option<f64> {
    if let Some(n) = s.num(i).filter(|n| n.is_int() && !n.grouped && n.int_digits <= 4) {
        return Some(n.scaled(0));
    }
    let w = s.lower(i)?;
    match w.as_str() {
        "hundred" => Some(100.0),
        "thousand" => Some(1000.0),
        w => unit_word(w).or_else(|| tens_word(w)).map(f64::from),
    }
}
