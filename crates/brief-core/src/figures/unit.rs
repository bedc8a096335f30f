//! What follows an amount: a percent sign or word, a currency, a multiplier
//! ("times larger", "-fold"), or the head noun of a count.

use super::lexicon::{
    change_verb, comparative, currency_adjective, currency_code, currency_symbol, currency_word, scale_word,
    Lower,
};
use super::quantity::quantity;
use super::token::Sent;
use crate::text::lexicon::FUNCTION_WORDS;

#[derive(Clone, PartialEq)]
pub(super) enum FigureUnit {
    None,
    Money(&'static str),
    Percent,
    Points,
    Times,
    Noun(String),
}

/// The unit after a quantity ending at `j` (an optional glued hyphen first:
/// "3.5-billion-yuan", "15-percent", "10-year").
pub(super) fn unit_after(s: &Sent, j: usize) -> (FigureUnit, usize) {
    if matches!(s.punct(j), Some('%' | '٪')) {
        return (FigureUnit::Percent, j + 1);
    }
    let hyphen = s.hyphen_joins(j);
    let k = if hyphen { j + 1 } else { j };
    let Some(w) = s.lower(k) else {
        // A symbol after the amount ("10 €"), unless it starts the next amount.
        return match s.punct(j).and_then(currency_symbol) {
            Some(code) if s.num(j + 1).is_none() => (FigureUnit::Money(code), j + 1),
            _ => (FigureUnit::None, j),
        };
    };
    match w.as_str() {
        "percentage" if s.is(k + 1, "point") || s.is(k + 1, "points") => return (FigureUnit::Points, k + 2),
        "percent" | "percentage" | "percents" | "pct" => return (FigureUnit::Percent, k + 1),
        "per" if s.is(k + 1, "cent") => return (FigureUnit::Percent, k + 2),
        "fold" if hyphen => return (FigureUnit::Times, k + 1),
        "times" if s.lower(k + 1).is_some_and(|n| comparative(n.as_str())) => {
            return (FigureUnit::Times, k + 1)
        }
        _ => {}
    }
    if let Some(found) = money_after(s, k) {
        return found;
    }
    if let Some(noun) = partitive(s, k) {
        return (FigureUnit::Noun(noun), j);
    }
    match head_noun(s, j) {
        Some((noun, end)) => (FigureUnit::Noun(noun), end),
        None => (FigureUnit::None, j),
    }
}

/// What a number "of the …" counts: the plural of the phrase, "20 of the
/// stations", "Thirty of the CBS network's stations" (the figure stays the
/// number). Nothing when another number comes first: "three of the five
/// members" counts as the second number says. Only after "the": the
/// labelled seed sentences read "two of its best weapons" as a plain number.
fn partitive(s: &Sent, k: usize) -> Option<String> {
    if !(s.is(k, "of") && s.is(k + 1, "the")) {
        return None;
    }
    (k + 2..k + 6)
        .take_while(|&i| s.word(i).is_some() && quantity(s, i, false).is_none())
        .map(|i| s.str(i))
        // A capitalized word is a name ("CBS"), not what is counted.
        .find(|w| w.starts_with(char::is_lowercase) && plural_like(w) && !FUNCTION_WORDS.contains(w))
        .map(str::to_lowercase)
}

/// "dollars", "US dollars", "Hong Kong dollars", "swiss francs", "RMB", "pounds sterling".
fn money_after(s: &Sent, k: usize) -> Option<(FigureUnit, usize)> {
    let w = s.lower(k)?;
    let two_word = match w.as_str() {
        "hong" if s.is(k + 1, "kong") => Some("HKD"),
        "new" if s.is(k + 1, "zealand") => Some("NZD"),
        _ => None,
    };
    let (adjective, name_at) = match two_word {
        Some(code) => (Some(code), k + 2),
        None => match currency_adjective(w.as_str()) {
            Some(code) => (Some(code), k + 1),
            None => (None, k),
        },
    };
    let name = s.lower(name_at)?;
    let franc = matches!(name.as_str(), "franc" | "francs") && adjective == Some("CHF");
    let code = match (adjective, currency_word(name.as_str())) {
        (Some(adj), Some(_)) => adj,
        (None, Some(code)) => code,
        _ if franc => "CHF",
        // A code after the amount: "40 rmb", "107 billion USD".
        _ if adjective.is_none() => {
            return s
                .word(k)
                .and_then(currency_code)
                .map(|code| (FigureUnit::Money(code), k + 1))
        }
        _ => return None,
    };
    let end = if name.as_str().starts_with("pound") && s.is(name_at + 1, "sterling") {
        name_at + 2
    } else {
        name_at + 1
    };
    Some((FigureUnit::Money(code), end))
}

/// "13 dollars and 45 cents", "3 dollars 50 cents".
pub(super) fn cents_after(s: &Sent, end: usize, value: f64) -> (f64, usize) {
    let at = if s.is(end, "and") { end + 1 } else { end };
    match quantity(s, at, false) {
        Some(q) if s.is(q.end, "cents") || s.is(q.end, "cent") => (value + q.value / 100.0, q.end + 1),
        _ => (value, end),
    }
}

/// The head noun counted by a number ending at `j`: "3200 troops",
/// "some 50 strategic partnerships", "300,000 Chinese", "a 10-year plan".
/// Returns it lower-cased with the token index after it.
fn head_noun(s: &Sent, j: usize) -> Option<(String, usize)> {
    if s.hyphen_joins(j) {
        return Some((s.word(j + 1)?.to_lowercase(), j + 2));
    }
    if s.glued(j) {
        return None;
    }
    // Up to three words; a plural among them is the head, else the last noun
    // before a function word or a mark ("30 aircraft."), else the first.
    // "three million more lives", "5,000 fewer jobs": the comparative says
    // how the count differs, the plural after it what is counted.
    let mut nouns = Vec::with_capacity(3);
    let more_or_fewer = ["more", "fewer", "less"].iter().any(|w| s.is(j, w)) && !s.glued(j);
    let mut k = if more_or_fewer && s.word(j + 1).is_some_and(plural_like) {
        j + 1
    } else {
        j
    };
    // Modifiers do not use up the three words: "eight fully-operational
    // Islamic banking groups".
    let mut words = 0;
    while words < 3 && k < j + 8 {
        let Some(w) = s.word(k) else { break };
        let l = Lower::new(w);
        let l = l.as_ref().map_or("", Lower::as_str);
        if w.chars().count() < 2 || s.glued(k) || FUNCTION_WORDS.contains(l) || scale_word(l).is_some() {
            break;
        }
        // "air-defence systems": a hyphenated compound is one word, headed by its last part.
        let first = k;
        let mut last = k;
        while s.hyphen_joins(last + 1) && s.word(last + 2).is_some() {
            last += 2;
        }
        k = last + 1;
        // "four US TV networks": an abbreviation before another word
        // modifies it, as a name does ("20 BBC staff").
        let abbreviation = last == first
            && (2..=4).contains(&w.len())
            && w.chars().all(|c| c.is_ascii_uppercase())
            && s.word(k)
                .is_some_and(|n| !FUNCTION_WORDS.contains(&n.to_lowercase()));
        if modifier(l) || abbreviation {
            continue;
        }
        words += 1;
        let word = s.str(last);
        if plural_like(word) {
            return Some((word.to_lowercase(), last + 1));
        }
        nouns.push(last);
    }
    let pick = if s.word(k).is_some() && nouns.len() == 3 {
        nouns[0]
    } else {
        *nouns.last()?
    };
    Some((s.str(pick).to_lowercase(), pick + 1))
}

/// What an amount with no unit counts, when its clause says it before it:
/// the plural noun before a change verb ("users grew by 1.4 million to 44.9
/// million"), or the plural after "the number of" ("the number of mobile
/// users from 95 million to 250 million"). A comma or a colon ends the search.
pub(super) fn counted_subject(s: &Sent, start: usize) -> Option<String> {
    let plural = |k: usize| {
        s.word(k)
            .filter(|w| plural_like(w) && !FUNCTION_WORDS.contains(&w.to_lowercase()))
    };
    for k in (start.saturating_sub(12)..start)
        .rev()
        .take_while(|&k| !matches!(s.punct(k), Some(',' | ';' | ':')))
    {
        if s.lower(k).is_some_and(|w| change_verb(w.as_str()).is_some()) {
            return plural(k.checked_sub(1)?).map(str::to_lowercase);
        }
        if s.is(k, "number") && s.is(k + 1, "of") {
            return (k + 2..start.min(k + 6)).find_map(plural).map(str::to_lowercase);
        }
    }
    None
}

/// Words after a number that modify rather than name what is counted:
/// adverbs, participles and superlatives ("two recently completed bridges",
/// "twenty declined", "the two largest").
fn modifier(w: &str) -> bool {
    let nouns = [
        "family", "assembly", "supply", "monopoly", "anomaly", "interest", "forest", "protest", "request",
        "contest", "harvest", "arrest",
    ];
    w.len() > 4 && (w.ends_with("ly") || w.ends_with("ed") || w.ends_with("est")) && !nouns.contains(&w)
}

/// Ends like an English plural ("troops", "partnerships"), not like "across",
/// "status", "this" or a possessive.
pub(super) fn plural_like(w: &str) -> bool {
    let ends = |e: &str| {
        w.len() >= e.len()
            && w.get(w.len() - e.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(e))
    };
    w.len() >= 3 && ends("s") && !["ss", "us", "is", "'s", "’s"].into_iter().any(ends)
}
