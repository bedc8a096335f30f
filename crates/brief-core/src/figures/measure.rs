//! What a figure measures, as one stemmed noun both sides can compare:
//! "15 percent of Russian exports" measures exports, "a 28.1% stake" and "a
//! stake of 28.1%" a stake. The context words say what a sentence is about;
//! the measure says which of its things the figure is the size of, so that
//! "at least 75% of the club's shares" and "a 29% stake" in one article are
//! not taken for the same fact.
//!
//! Read from the words as written, in this order (the first that applies):
//! - the head of the "of …" phrase right after the figure ("70% of sales",
//!   "at least 75% of the club's shares"): the last word of the noun phrase,
//!   or its first plural ("61% of respondents thought …");
//! - after an article, the head of the noun phrase the figure modifies ("a
//!   2.5% target for 2005", "an £800m bid");
//! - a plural noun right after "in" ("$25bn in damages");
//! - the noun the figure is "of" ("a stake of 28.1%"), unless it names a
//!   change ("an increase of 8%": that is the figure's change, not its
//!   subject);
//! - the subject of the verb stating the figure, a level or a change
//!   ("interest rates stood at 2%", "shares rose 15%"), which confirms the
//!   same measure but tells no other one.
//!
//! Counts have their noun in their unit class already and get no measure.

use super::index::stem;
use super::lexicon::{change_noun, change_verb};
use super::unit::plural_like;
use crate::text::lexicon::FUNCTION_WORDS;

/// What a figure measures: a stemmed noun, and whether it is only the
/// subject of the verb stating the figure. A subject confirms the same
/// measure but tells no other one: it may be far from the figure's own noun
/// ("a benefit carried by four networks after the attacks raised $150m").
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Measure {
    pub noun: String,
    pub subject: bool,
}

/// The measure of the figure at `own` (byte range) in `sentence`.
pub(super) fn measure(sentence: &str, own: std::ops::Range<usize>) -> Option<Measure> {
    let rest = &sentence[own.end..];
    // Only words that follow the figure without a mark between belong to it.
    let linked = rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with(char::is_alphabetic);
    let after = if linked { words(rest) } else { Vec::new() };
    let before = words(&sentence[..own.start]);
    let head = if after.first().is_some_and(|w| w.text.eq_ignore_ascii_case("of")) {
        noun_phrase_head(&after[1..])
    } else if before
        .last()
        .is_some_and(|w| w.spaced && ["a", "an", "the"].contains(&w.lower().as_str()))
    {
        noun_phrase_head(&after)
    } else {
        None
    };
    // "$25bn in damages", "£3m in fines": a plural noun right after "in"
    // names what the amount is made of ("in London", "in the US" do not).
    let head = head.or_else(|| match after.as_slice() {
        [within, noun, ..] if within.lower() == "in" && within.spaced => {
            let n = noun.lower();
            (noun.text.starts_with(char::is_lowercase) && plural_like(&n) && noun_like(&n)).then_some(n)
        }
        _ => None,
    });
    let head = head
        .or_else(|| match before.as_slice() {
            [.., noun, of] if of.lower() == "of" && of.spaced && noun.spaced => {
                let n = noun.lower();
                (noun_like(&n) && change_noun(&n).is_none()).then_some(n)
            }
            _ => None,
        })
        .map(|n| (n, false))
        .or_else(|| subject_of_verb(&before).map(|n| (n, true)))?;
    Some(Measure {
        noun: stem(&head.0),
        subject: head.1,
    })
}

/// The subject of the verb that states the figure: "interest rates stood at
/// 2%", "shares rose 15%", "exports fell by 3%".
fn subject_of_verb(before: &[Word]) -> Option<String> {
    let verb_at = match before {
        [.., _, _, p] if ["at", "to", "by"].contains(&p.lower().as_str()) => before.len() - 2,
        [.., _, _] => before.len() - 1,
        _ => return None,
    };
    let (noun, verb) = (&before[verb_at - 1], before[verb_at].lower());
    let states = LEVEL_VERBS.contains(&verb.as_str()) || change_verb(&verb).is_some();
    let linked = before[verb_at - 1..].iter().all(|w| w.spaced);
    let n = noun.lower();
    (states && linked && noun_like(&n)).then_some(n)
}

/// Verbs that state a level: "stood at 2%", "is 5%", "remained 10%".
const LEVEL_VERBS: &[&str] = &[
    "is", "are", "was", "were", "stood", "stands", "stand", "remained", "remains", "remain",
];

/// A word that may head a noun phrase: no function word, no participle.
fn noun_like(w: &str) -> bool {
    w.chars().count() >= 3 && !FUNCTION_WORDS.contains(w) && !participle(w)
}

/// A word as written, and whether only spaces stand between it and the next
/// word (no mark: a comma or a parenthesis ends a noun phrase).
struct Word<'a> {
    text: &'a str,
    spaced: bool,
}

impl Word<'_> {
    fn lower(&self) -> String {
        let w = self.text.to_lowercase();
        match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            Some(base) => base.to_string(),
            None => w,
        }
    }
}

/// The words of `text`, letters with inner apostrophes and hyphens, each
/// marked with whether only spaces follow it (up to the next word, or to
/// the end of `text`).
fn words(text: &str) -> Vec<Word<'_>> {
    let is_word = |c: char| c.is_alphabetic() || matches!(c, '\'' | '’' | '-');
    let mut out: Vec<Word> = Vec::new();
    let mut rest = text;
    loop {
        let start = rest.find(|c: char| c.is_alphabetic()).unwrap_or(rest.len());
        let spaces = rest[..start].chars().all(char::is_whitespace);
        if let Some(last) = out.last_mut() {
            last.spaced = spaces;
        }
        if start == rest.len() {
            return out;
        }
        let len = rest[start..]
            .find(|c: char| !is_word(c))
            .unwrap_or(rest.len() - start);
        out.push(Word {
            text: rest[start..start + len].trim_end_matches(['\'', '’', '-']),
            spaced: false,
        });
        rest = &rest[start + len..];
    }
}

/// The head of the noun phrase `words` start: determiners and possessives
/// skipped, the last word before a function word, a mark or a participle,
/// or the first plural.
fn noun_phrase_head(words: &[Word]) -> Option<String> {
    let mut head = None;
    for w in words {
        let l = w.lower();
        if FUNCTION_WORDS.contains(&l) {
            if head.is_some() {
                break;
            }
            // A determiner ("the", "its") before the phrase; nothing links past a mark.
            if !w.spaced {
                return None;
            }
            continue;
        }
        if participle(&l) || l.chars().count() < 3 {
            break;
        }
        // A plural heads the phrase: English puts singular modifiers
        // before it ("wine sales"), and what follows is a verb or a
        // clause ("respondents thought Mary Smith …").
        let plural = plural_like(w.text);
        head = Some(l);
        if !w.spaced || plural {
            break;
        }
    }
    head
}

/// "polled", "reported": a verb form that ends a noun phrase.
fn participle(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(sentence: &str, figure: &str) -> Option<String> {
        let start = sentence.find(figure).unwrap();
        measure(sentence, start..start + figure.len()).map(|m| m.noun)
    }

    #[test]
    fn the_of_phrase_after_the_figure_names_what_it_measures() {
        let s = "Domestic consumption, accounting for 70% of sales, has suffered.";
        assert_eq!(of(s, "70%").as_deref(), Some("sell"));
        let s = "backing from the owners of at least 75% of the club's shares.";
        assert_eq!(of(s, "at least 75%").as_deref(), Some("share"));
        let s = "Sales at home account for 60% of French wine sales.";
        assert_eq!(of(s, "60%").as_deref(), Some("sell"));
        let s = "China accounted for 15 percent of Russian exports and imports in 2018.";
        assert_eq!(of(s, "15 percent").as_deref(), Some("export"));
        // A plural ends the phrase: the verb after it is no noun of it.
        let s = "Some 61% of respondents thought Mary Smith acted wisely.";
        assert_eq!(of(s, "61%").as_deref(), Some("respond"));
    }

    #[test]
    fn a_figure_after_an_article_measures_the_noun_it_modifies() {
        assert_eq!(
            of("They own a 29% stake in the club.", "29%").as_deref(),
            Some("stake")
        );
        assert_eq!(of("He made an £800m bid.", "£800m").as_deref(), Some("bid"));
        assert_eq!(of("The 0.4% reported earlier.", "0.4%"), None);
    }

    #[test]
    fn a_plural_after_in_is_what_an_amount_is_made_of() {
        assert_eq!(
            of("Yukos wants $25bn in damages from the bank.", "$25bn").as_deref(),
            Some("damag")
        );
        assert_eq!(of("It raised £3m in London.", "£3m"), None);
        assert_eq!(of("It earned £3m in the US.", "£3m"), None);
    }

    #[test]
    fn a_noun_the_figure_is_of_is_its_measure_unless_it_names_a_change() {
        assert_eq!(
            of("They hold a stake of 28.1% in it.", "28.1%").as_deref(),
            Some("stake")
        );
        assert_eq!(of("Sales saw an increase of 8% in May.", "8%"), None);
    }

    #[test]
    fn the_subject_of_a_verb_stating_a_level_or_a_change_is_the_measure() {
        assert_eq!(
            of("Eurozone interest rates stood at 2%.", "2%").as_deref(),
            Some("rate")
        );
        assert_eq!(
            of("Shares rose 15%, the firm said.", "15%").as_deref(),
            Some("share")
        );
        assert_eq!(of("Exports fell by 3% in May.", "3%").as_deref(), Some("export"));
        // A function word or a mark in between: no subject.
        assert_eq!(of("It is 5% higher.", "5%"), None);
        assert_eq!(of("Profits, it said, rose 5%.", "5%"), None);
    }

    #[test]
    fn a_mark_or_a_verb_leaves_the_figure_without_a_measure() {
        assert_eq!(
            of("It hands the industry 70m euros ($91m) in aid.", "70m euros"),
            None
        );
        assert_eq!(of("Of those polled, 82% said no.", "82%"), None);
        assert_eq!(of("The firm said 82% agreed.", "82%"), None);
    }
}
