//! What the words around a quantity say about it: numbers that are names,
//! labels or footnotes rather than figures; bounds ("more than", "or so");
//! changes ("rose by", "from … to", "an 8% increase"); parentheses.

use super::lexicon::{
    bound_word, change_noun, change_verb, currency_code, currency_word, locator, magnitude, month,
    year_prefix, Lower,
};
use super::token::{Kind, Sent};
use super::unit::plural_like;
use super::{Bound, Change};
use crate::text::lexicon::FUNCTION_WORDS;

/// If the number at `i` is no figure, the token index to resume after it.
///
/// Names carry digits ("G20", "Vostok-2018", "S-400", "Su-35s", "COVID-2019"),
/// labels follow a locator ("Article 5", "p. 374", "Paper 140", "No. 5"),
/// footnote markers are glued to a word ("policy.12", "[1]"), and fractions,
/// identifiers, times and formulas are glued chains ("1/4", "20-511-93005",
/// "192.168.1.2", "2 + 2"). Digits glued to letters after them ("5G",
/// "20th", "29km") are refused by the quantity grammar itself.
pub(super) fn not_a_figure(s: &Sent, i: usize) -> Option<usize> {
    let skip = Some(s.glued_run_end(i) + 1);
    let p = i.wrapping_sub(1);
    if i > 0 && s.glued(i) {
        let attached = s.glued(p);
        let word_before_mark = s.lower(p.wrapping_sub(1));
        let small_int = s.num(i).is_some_and(|n| n.is_int() && n.int_digits <= 2);
        let glued_to = match s.toks[p].kind {
            // "G20", "i7"
            Kind::Word => true,
            // "Vostok-2018", "S-400", but not "mid-1990s", "post-2014" nor a range "5-6".
            Kind::Punct('-' | '–' | '‐') => {
                attached && word_before_mark.is_some_and(|w| !year_prefix(w.as_str()))
            }
            // A footnote ("policy.12") or the page of "(2016:3)".
            Kind::Punct('.' | ':') => attached,
            // "’90s", "1/4", "#5", "@3"
            Kind::Punct('’' | '\'' | '/' | '_' | '#' | '№' | '@' | '^') => true,
            // "[1]", and the "(1)" of an enumeration
            Kind::Punct('[') => s.punct(i + 1) == Some(']'),
            Kind::Punct('(') => s.punct(i + 1) == Some(')') && s.glued(i + 1) && small_int,
            _ => false,
        };
        if glued_to {
            return skip;
        }
    }
    if numbered_name(s, i) {
        return skip;
    }
    // A locator word before, possibly abbreviated: "pp. 5-6", "No. 5", "Article 9".
    let word_before = if s.punct(p) == Some('.') {
        p.wrapping_sub(1)
    } else {
        p
    };
    if s.lower(word_before).is_some_and(|w| locator(w.as_str())) {
        return skip;
    }
    let next = s.punct(i + 1).filter(|_| s.glued(i + 1));
    let next_num = s.glued(i + 2) && s.num(i + 2).is_some();
    let chain = match next {
        Some('/') => !split_year(s, i),
        Some('.') => next_num,
        // "10:30", but "(2016:3)" is a year and its page.
        Some(':') => next_num && s.num(i).and_then(|n| n.year()).is_none(),
        Some('-' | '–') => {
            next_num && s.punct(i + 3).is_some_and(|c| c == '-' || c == '–') && s.glued(i + 3)
        }
        _ => false,
    };
    // "2 + 2", "2+2": a formula or a format ("2 + 2 talks").
    let formula = s.punct(i + 1) == Some('+') && s.num(i + 2).is_some();
    if chain {
        return skip;
    }
    formula.then_some(i + 3)
}

/// "2002/03", "1998/1999": a financial or academic year, the year at `i`
/// and the next one after a glued slash.
pub(super) fn split_year(s: &Sent, i: usize) -> bool {
    let Some(y) = s.num(i).and_then(|n| n.year()) else {
        return false;
    };
    let next = s
        .num(i + 2)
        .filter(|_| s.punct(i + 1) == Some('/') && s.glued(i + 1) && s.glued(i + 2));
    next.is_some_and(|n| match n.year() {
        Some(y2) => y2 == y + 1,
        None => n.is_int() && n.int_digits == 2 && n.mant as i32 == (y + 1) % 100,
    })
}

/// "the Sakhalin 3 agreement", "a Channel 4 programme": a small integer
/// after a capitalised word inside the sentence, before a singular word in
/// lower case, numbers a name; a count would have a plural ("Arsenal 2
/// goals") and a share its mark ("Labour 35%").
fn numbered_name(s: &Sent, i: usize) -> bool {
    let p = i.wrapping_sub(1);
    let small = s
        .num(i)
        .is_some_and(|n| n.is_int() && !n.grouped && n.int_digits <= 3);
    let named = p > 0
        && !s.glued(i)
        && s.word(p).is_some_and(|w| {
            w.starts_with(char::is_uppercase) && month(w).is_none() && currency_code(w).is_none()
        });
    let singular_after = s.word(i + 1).is_some_and(|w| {
        let l = w.to_lowercase();
        w.starts_with(char::is_lowercase)
            && !s.glued(i + 1)
            && !plural_like(w)
            && !FUNCTION_WORDS.contains(&l)
            && magnitude(&l, false, false).is_none()
            && currency_word(&l).is_none()
            && !matches!(l.as_str(), "percent" | "per" | "pc")
    });
    small && named && singular_after
}

/// A bound written before the figure starting at token `start`, and where
/// the figure then starts: "more than $100 billion", "some 50".
pub(super) fn bound_before(s: &Sent, start: usize) -> (Bound, usize) {
    let w = |back: usize| start.checked_sub(back).and_then(|k| s.lower(k));
    let w1 = w(1);
    let w2 = w(2);
    let w3 = w(3);
    let [a, b, c] = [&w3, &w2, &w1].map(|x| x.as_ref().map_or("", Lower::as_str));
    let three = match (a, b, c) {
        ("as", "many" | "much", "as") | ("no", "more" | "fewer", "than") => Some(Bound::AtMost),
        ("no", "less", "than") | ("in", "excess", "of") => Some(Bound::AtLeast),
        _ => None,
    };
    if let Some(bound) = three {
        return (bound, start - 3);
    }
    let two = match (b, c) {
        ("more" | "greater", "than")
        | ("just" | "well", "over" | "above")
        | ("upwards", "of")
        | ("at", "least") => Some(Bound::AtLeast),
        ("less" | "fewer", "than") | ("up", "to") | ("just", "under" | "below") | ("at", "most") => {
            Some(Bound::AtMost)
        }
        ("close", "to") | ("an", "estimated") => Some(Bound::About),
        _ => None,
    };
    if let Some(bound) = two {
        return (bound, start - 2);
    }
    match bound_word(c) {
        Some(bound) => (bound, start - 1),
        None => (Bound::Exact, start),
    }
}

/// A bound written after the figure ending at token `end`: "10 weeks or so", "50+".
pub(super) fn bound_after(s: &Sent, end: usize) -> Option<(Bound, usize)> {
    if s.punct(end) == Some('+') && s.glued(end) {
        return Some((Bound::AtLeast, end + 1));
    }
    if !s.is(end, "or") {
        return None;
    }
    let w = s.lower(end + 1)?;
    let bound = match w.as_str() {
        "so" => Bound::About,
        "more" => Bound::AtLeast,
        "less" | "fewer" => Bound::AtMost,
        _ => return None,
    };
    Some((bound, end + 2))
}

/// The change a figure at tokens `start..end` reports: "rose 17%",
/// "increased … by 60%", "an increase of 8%", "an 8% increase", "£200m less
/// debt", and for a "from … to" range after a change verb, [`Change::FromTo`].
pub(super) fn change_of(
    s: &Sent,
    start: usize,
    end: usize,
    from_range: bool,
    noun_after: bool,
) -> Option<Change> {
    // The verb may stand a clause away ("increased the oil exports to China by 60%");
    // "up" and "down" only count right before the figure ("up 5%"), being particles too.
    let verb_before = |at: usize| {
        (at.saturating_sub(16)..at)
            .rev()
            .take_while(|&k| !matches!(s.punct(k), Some(';' | ':')))
            .find_map(|k| {
                s.lower(k)
                    .filter(|w| !matches!(w.as_str(), "up" | "down"))
                    .and_then(|w| change_verb(w.as_str()))
            })
    };
    if from_range {
        return verb_before(start).map(|_| Change::FromTo);
    }
    let p = start.wrapping_sub(1);
    let before = s.lower(p);
    match before.as_ref().map(Lower::as_str) {
        Some("by") => return verb_before(p),
        Some("of") => {
            if let Some(c) = s.lower(p.wrapping_sub(1)).and_then(|w| change_noun(w.as_str())) {
                return Some(c);
            }
        }
        Some(w) => {
            if let Some(c) = change_verb(w) {
                return Some(c);
            }
        }
        None => {}
    }
    // "£200m less debt", "$2bn more than expected": a difference; but
    // "three times more" compares.
    let times = s.is(end.wrapping_sub(1), "times");
    let difference = match s.lower(end).as_ref().map(Lower::as_str) {
        Some("more") => Some(Change::Rise),
        Some("less" | "fewer") => Some(Change::Fall),
        _ => None,
    };
    if difference.is_some() && !times && s.word(end + 1).is_some() {
        return difference;
    }
    s.lower(end)
        .filter(|_| noun_after)
        .and_then(|w| change_noun(w.as_str()))
}

/// Whether token `i` sits inside parentheses or brackets opened in this sentence.
pub(super) fn in_parens(s: &Sent, i: usize) -> bool {
    let depth: i32 = (0..i.min(s.len()))
        .map(|k| match s.punct(k) {
            Some('(' | '[') => 1,
            Some(')' | ']') => -1,
            _ => 0,
        })
        .sum();
    depth > 0
}
