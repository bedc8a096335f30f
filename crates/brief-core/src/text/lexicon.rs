//! The general word lists of English that more than one part of the core
//! needs: months and weekdays, function words, sentence starters and the
//! abbreviations that end with a period. Lists that belong to one feature
//! (currencies and number words for figures, states and given names for
//! names) stay with it. Lists are lower-case ASCII unless they say otherwise.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Words given as one space-separated list, hashed on first use.
pub struct WordSet {
    words: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static str) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.words.split_whitespace().collect())
            .contains(w)
    }

    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.words.split_whitespace()
    }
}

/// Each month's name and abbreviations, in calendar order.
const MONTHS: [(&str, &[&str]); 12] = [
    ("january", &["jan"]),
    ("february", &["feb"]),
    ("march", &["mar"]),
    ("april", &["apr"]),
    ("may", &[]),
    ("june", &["jun"]),
    ("july", &["jul"]),
    ("august", &["aug"]),
    ("september", &["sep", "sept"]),
    ("october", &["oct"]),
    ("november", &["nov"]),
    ("december", &["dec"]),
];

/// The lower-case English name of month `number` (1–12).
pub fn month_name(number: u32) -> Option<&'static str> {
    let index = usize::try_from(number.checked_sub(1)?).ok()?;
    MONTHS.get(index).map(|(name, _)| *name)
}

/// Month number (1–12) of a lower-case month name or abbreviation.
pub fn month_number(lower: &str) -> Option<u8> {
    let i = MONTHS
        .iter()
        .position(|(name, short)| *name == lower || short.contains(&lower))?;
    Some(i as u8 + 1)
}

/// Every month name and abbreviation.
pub fn month_words() -> impl Iterator<Item = &'static str> {
    MONTHS
        .iter()
        .flat_map(|(name, short)| std::iter::once(*name).chain(short.iter().copied()))
}

/// A month abbreviation ("Dec.", "Sept."), whose period may not end a sentence.
pub fn month_abbreviation(lower: &str) -> bool {
    MONTHS.iter().any(|(_, short)| short.contains(&lower))
}

pub static WEEKDAYS: WordSet = WordSet::new("monday tuesday wednesday thursday friday saturday sunday");

/// Articles, pronouns, prepositions, conjunctions, auxiliaries and the
/// commonest adverbs: words that say nothing of a subject.
pub static FUNCTION_WORDS: WordSet = WordSet::new(
    "a an the this that these those of to in on at by for from with without within into onto upon and \
     or but nor so yet as than then if when while where which who whom whose what is are was were be \
     been being am has have had do does did will would shall should can could may might must not no \
     its it their his her our your my we they he she you i more less most least over under about \
     around after before since until up down out off per via also only just even still both each \
     every all some any such other another very too ago later earlier between among against during \
     through across again",
);

/// Capitalized words that start sentences far more often than they continue
/// a name ("U.S. The", "A. However"). As written.
pub static SENTENCE_STARTERS: WordSet = WordSet::new(
    "A After Also Although An And As At Before But Did Does For He Her His \
     How However I If In Is It Its Meanwhile Moreover Nevertheless On Our She Since So Still That \
     The Their Then There These They This Those Though Thus We What When Where Which While Who \
     Why Yet",
);

/// Abbreviations whose period never ends a sentence: titles ("Mr.", "Gov.")
/// and "e.g.", "vs.".
pub static TITLE_ABBREVIATIONS: WordSet =
    WordSet::new("mr mrs ms dr prof gen sen rep gov pres st mt e.g i.e vs cf");

/// Abbreviations that stand before a number ("No. 5", "pp. 5-6").
pub static NUMBER_ABBREVIATIONS: WordSet = WordSet::new("no nos n° pp vol vols fig figs ch");

/// Abbreviations whose period ends a sentence only before a sentence
/// starter ("& Co. It closed", "et al. The"); month abbreviations too.
pub static AMBIGUOUS_ABBREVIATIONS: WordSet = WordSet::new("al ed eds inc corp ltd co jr sr");

/// Words that make a name an organisation's ("World Bank", "Kessel Harbour
/// Authority"), so that an author named so is never split into given and
/// family names.
static ORGANISATION_WORDS: WordSet = WordSet::new(
    "organization organisation union alliance association league coalition federation council bank \
     fund commission institute institution university college academy center centre endowment \
     foundation ministry department office committee agency administration authority parliament \
     government secretariat bureau directorate company corporation group ltd inc plc llc trust forum \
     network board service programme program partnership observatory news press media broadcasting \
     television radio",
);

/// A name with an organisation's word in it, compared in lower case.
pub fn is_organisation_name(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| ORGANISATION_WORDS.contains(w.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_number_in_calendar_order_with_their_abbreviations() {
        assert_eq!(month_number("january"), Some(1));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("maybe"), None);
        assert!(month_abbreviation("sep") && !month_abbreviation("may"));
        assert_eq!(month_words().count(), 24);
    }

    #[test]
    fn organisations_are_told_from_people_by_their_words() {
        for name in [
            "Kessel Harbour Authority",
            "World Bank",
            "International Energy Agency",
            "Chatham House Group",
        ] {
            assert!(is_organisation_name(name), "{name}");
        }
        assert!(is_organisation_name("BBC News"), "a newsroom");
        for name in ["Artyom Lukin", "Nicu Popescu", "Ngozi Okonjo-Iweala"] {
            assert!(!is_organisation_name(name), "{name}");
        }
    }
}
