//! Names in one sentence: runs of capitalized words (with "of", "and",
//! "the", "for", "in", "on", "de" inside when the name needs them), turned
//! into mentions with a kind, or into bare words that later resolution may
//! tie to a full name ("Putin" → "Vladimir Putin").
//!
//! The rules, in the order `evaluate` applies them to a run:
//! 1. trim sentence-initial common words, stop words, months and days;
//! 2. a name ending with a year is an exercise ("Vostok-2018", "Joint Sea-2021");
//! 3. a built-in name (a state, "NATO", "Belt & Road") is that entity, and a
//!    state before "crisis" or "war" names one ("Ukraine crisis");
//! 4. a title splits a run into a role and a person ("US President | Barack
//!    Obama", "NATO Secretary General | Jens Stoltenberg"), and so does a
//!    given name after words that are not one ("the Commons | Oliver
//!    Heald"); a name before a lowercase "party" is a party ("the Labour
//!    party");
//! 5. a head noun gives the kind ("… Organization", "… Treaty", "… Center");
//! 6. a lowercase event noun after the name gives it a kind: with the noun
//!    after a place ("Taiwan Strait crisis"), without it otherwise ("Power of
//!    Siberia pipeline", "Nord Stream 2 pipeline"); other places (cities,
//!    regions, "… Sea") are dropped;
//! 7. an appositive gives a kind ("Entente Cordiale, the 1904 Anglo-French
//!    agreement") or a role ("Barack Obama, then US president,");
//! 8. demonyms are dropped, and a leading state is split off ("US | Vladimir Putin");
//! 9. two to four proper words are a person if a given name, a Chinese
//!    surname, a title, a citation year ("Michael Kofman (2018)"), an
//!    honorific or an occupation before them ("Sir Elton John", "analyst
//!    Kobita Desai") says so, unless "the" stands before them ("the Victoria
//!    Palace"); two or three that nothing says so of, made of words the
//!    corpus never writes in lower case, may still be a person
//!    ([`MaybePerson`]: listed beside one, or named later by the surname
//!    alone); after "the", proper words ending in a plural are a group ("the
//!    Liberal Democrats");
//! 10. a single word is a bare word or an acronym, left for resolution ("X
//!     regime" makes X a person); longer runs without a kind are split at
//!     their common words.
//!
//! A name with no kind is not an entity: precision comes from that rule.

use super::acronyms::{self, Definition};
use super::gazetteer::{gazetteer, Gazetteer};
use super::kinds::{event_noun, head, Head};
use super::names::key;
use super::stats::CommonWords;
use super::tokens::{tokenize, Gap, Shape, WordToken};
use super::units::{citations, is_connector, units, Class, WordGroup};
use super::{ActorType, EntityKind, EventType};
use crate::text::TextRange;

mod context;
mod evaluate;
mod join;
mod persons;

const STATE: EntityKind = EntityKind::Actor(ActorType::State);

/// A name found in a sentence.
#[derive(Clone, Debug)]
pub(super) struct NameCandidate {
    /// The name in the document's normalized text.
    pub range: TextRange,
    /// The kind and how sure it is (1 to 3); `None` for a bare word or an
    /// acronym that only resolution can place.
    pub kind: Option<(EntityKind, u8)>,
    /// A title or position, in the document's normalized text.
    pub role: Option<TextRange>,
    /// Inside an author–date citation: such a mention can attach to an
    /// entity named elsewhere but never makes one.
    pub cite: bool,
}

/// Two or three proper words that read as a person's name but that nothing
/// in their own words or right before them shows to be one ("Euan Murray",
/// no given name, no title), and that the corpus never writes in lower case. Their single words are in `found` at `parts`,
/// as bare words; the sentence (a list with a person in it) or the document
/// (the surname alone elsewhere) may still show them to be a person, and
/// then they replace those parts.
#[derive(Clone, Debug)]
pub(super) struct MaybePerson {
    pub range: TextRange,
    /// Indices into the sentence's (later the document's) names.
    pub parts: std::ops::Range<usize>,
    pub cite: bool,
}

impl MaybePerson {
    /// The candidate that replaces its parts once it is shown to be a person.
    pub fn person(&self) -> NameCandidate {
        NameCandidate {
            range: self.range,
            kind: Some((EntityKind::Actor(ActorType::Person), 1)),
            role: None,
            cite: self.cite,
        }
    }
}

/// Extraction state for one sentence.
pub(super) struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: Vec<WordToken>,
    pub units: Vec<WordGroup>,
    /// Parenthesized author–date citations, in document coordinates.
    cites: Vec<TextRange>,
    stats: &'a dyn CommonWords,
    gz: &'static Gazetteer,
    found: Vec<NameCandidate>,
    maybe: Vec<MaybePerson>,
    /// Names of works ("the film Vera Drake"), in document coordinates.
    works: Vec<TextRange>,
}

/// The names of one sentence: its mentions, the runs that may still prove
/// persons, the works it names and its acronym definitions.
pub(super) struct SentenceNames {
    pub found: Vec<NameCandidate>,
    pub maybe: Vec<MaybePerson>,
    pub works: Vec<TextRange>,
    pub definitions: Vec<Definition>,
}

/// The names of the sentence at `range` of `doc_text`.
pub(super) fn sentence_names(doc_text: &str, range: TextRange, stats: &dyn CommonWords) -> SentenceNames {
    let sentence = &doc_text[range.start..range.end];
    let tokens = tokenize(sentence, range.start);
    let mut s = Sentence {
        text: doc_text,
        units: units(doc_text, &tokens),
        tokens,
        cites: citations(sentence, range.start),
        stats,
        gz: gazetteer(),
        found: Vec::new(),
        maybe: Vec::new(),
        works: Vec::new(),
    };
    s.runs();
    s.listed_with_persons();
    s.quoted_speakers();
    SentenceNames {
        found: s.found,
        maybe: s.maybe,
        works: s.works,
        definitions: acronyms::definitions(sentence, range.start),
    }
}

impl<'a> Sentence<'a> {
    fn unit_text(&self, u: usize) -> &'a str {
        let r = self.units[u].range;
        &self.text[r.start..r.end]
    }

    pub fn token_text(&self, t: usize) -> &'a str {
        let r = self.tokens[t].range;
        &self.text[r.start..r.end]
    }

    fn span_range(&self, a: usize, b: usize) -> TextRange {
        TextRange::new(self.units[a].range.start, self.units[b - 1].range.end)
    }

    fn span_text(&self, a: usize, b: usize) -> &'a str {
        let r = self.span_range(a, b);
        &self.text[r.start..r.end]
    }

    fn gap(&self, u: usize) -> Gap {
        self.tokens[self.units[u].first].gap
    }

    fn is_name(&self, u: usize) -> bool {
        self.units[u].class == Class::Name
    }

    fn is_connector(&self, u: usize) -> bool {
        self.units[u].class == Class::Lower && is_connector(self.unit_text(u))
    }

    fn is_common(&self, u: usize) -> bool {
        self.tokens[self.units[u].first].shape == Shape::Cap && self.stats.is_common(self.unit_text(u))
    }

    fn is_stop(&self, u: usize) -> bool {
        self.is_name(u) && self.gz.stop_words.contains(self.unit_text(u))
    }

    fn is_month(&self, u: usize) -> bool {
        self.gz.months.contains(self.unit_text(u))
    }

    /// A day or month that starts a newspaper's name: "Sunday Times",
    /// "Sunday Telegraph" (a company's head follows), not "Monday" alone.
    fn starts_paper(&self, a: usize, b: usize) -> bool {
        a + 1 < b
            && self.is_month(a)
            && self.head(a + 1, b) == Some(Head::Kind(EntityKind::Actor(ActorType::Company)))
    }

    fn is_state(&self, u: usize) -> bool {
        acronyms::known(&key(self.unit_text(u))).is_some_and(|k| k.kind == STATE)
    }

    fn is_demonym(&self, u: usize) -> bool {
        self.gz.is_demonym(self.unit_text(u))
    }

    /// A possessive ends a name ("Russia's Central Bank"), except in
    /// "People's Republic" and "People's Liberation Army".
    fn ends_run(&self, u: usize) -> bool {
        self.tokens[self.units[u].last].possessive && self.unit_text(u) != "People"
    }

    fn in_citation(&self, range: TextRange) -> bool {
        self.cites.iter().any(|c| c.contains_range(range))
    }

    /// The head of the name `a..b`: the last head word before the first
    /// "of", "for", "in" or "on" ("Bank of Russia"), else the last one after.
    fn head(&self, a: usize, b: usize) -> Option<Head> {
        if self.is_house(a) && a + 1 < b && self.unit_text(a + 1) == "of" {
            return Some(Head::Kind(EntityKind::Actor(ActorType::Institution)));
        }
        let words: Vec<&str> = (a..b)
            .filter(|&u| self.is_name(u))
            .map(|u| self.unit_text(u))
            .collect();
        let split = (a..b)
            .find(|&u| self.is_connector(u) && matches!(self.unit_text(u), "of" | "for" | "in" | "on"))
            .unwrap_or(b);
        let last_head = |from: usize, to: usize| {
            (from..to)
                .rev()
                .filter(|&u| self.is_name(u))
                .find_map(|u| head(self.unit_text(u), &words))
        };
        last_head(a, split).or_else(|| last_head(split, b))
    }

    /// "House" before "of" heads a chamber: "House of Commons", "House of
    /// Representatives".
    fn is_house(&self, u: usize) -> bool {
        self.is_name(u) && self.unit_text(u) == "House"
    }

    fn has_head(&self, a: usize, b: usize) -> bool {
        self.head(a, b).is_some()
    }

    fn has_kind_head(&self, a: usize, b: usize) -> bool {
        matches!(self.head(a, b), Some(Head::Kind(_)))
    }

    fn known(&self, a: usize, b: usize) -> Option<acronyms::Known> {
        acronyms::known(&key(self.span_text(a, b)))
    }

    /// The lowercase word right after unit `b - 1`, with its token index.
    fn next_lower(&self, b: usize) -> Option<(usize, &'a str)> {
        let t = self.units[b - 1].last + 1;
        let tok = self.tokens.get(t)?;
        (tok.gap == Gap::Space && tok.shape == Shape::Lower).then(|| (t, self.token_text(t)))
    }

    /// A lowercase event noun after unit `b - 1`, maybe after a short
    /// number ("Power of Siberia 2 pipeline"): where the name ends (with the
    /// number), the noun's token, and the kind of event.
    fn event_after(&self, b: usize) -> Option<(usize, usize, EventType)> {
        let mut t = self.units[b - 1].last + 1;
        let mut name_end = self.units[b - 1].range.end;
        let number = self.tokens.get(t)?;
        if number.gap == Gap::Space && number.shape == Shape::Number && number.range.len() <= 2 {
            name_end = number.range.end;
            t += 1;
        }
        let noun = self.tokens.get(t)?;
        if noun.gap != Gap::Space || noun.shape != Shape::Lower {
            return None;
        }
        Some((name_end, t, event_noun(self.token_text(t))?))
    }

    fn push(&mut self, range: TextRange, kind: Option<(EntityKind, u8)>, role: Option<TextRange>) {
        let cite = self.in_citation(range);
        self.found.push(NameCandidate {
            range,
            kind,
            role,
            cite,
        });
    }

    /// Walks the units, evaluating each run of names.
    fn runs(&mut self) {
        let mut i = 0;
        while i < self.units.len() {
            match self.units[i].class {
                Class::Name | Class::Dated => {
                    let end = self.run_end(i);
                    self.evaluate(i, end);
                    i = end;
                }
                _ => i += 1,
            }
        }
    }
}
