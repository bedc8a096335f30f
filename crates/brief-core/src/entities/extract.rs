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
use super::kinds::{descriptor, event_noun, head, is_contest, is_person_noun, is_title_modifier, Head};
use super::names::key;
use super::roles;
use super::stats::CommonWords;
use super::tokens::{tokenize, Gap, Shape, WordToken};
use super::units::{citations, has_year, is_connector, units, Class, WordGroup};
use super::{ActorType, EntityKind, EventType};
use crate::text::TextRange;

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
}

/// The names of one sentence, with the runs that may still prove persons, of `doc_text` and its acronym definitions.
pub(super) fn sentence_names(
    doc_text: &str,
    range: TextRange,
    stats: &dyn CommonWords,
) -> (Vec<NameCandidate>, Vec<MaybePerson>, Vec<Definition>) {
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
    };
    s.runs();
    s.listed_with_persons();
    (s.found, s.maybe, acronyms::definitions(sentence, range.start))
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

    /// The end of the run of names starting at unit `start`; a dated name
    /// ends it ("Joint Sea-2021").
    fn run_end(&self, start: usize) -> usize {
        let mut end = start + 1;
        loop {
            let last = end - 1;
            let dated = self.units[last].class == Class::Dated;
            if self.units[last].isolated || self.ends_run(last) || dated {
                return end;
            }
            if end < self.units.len()
                && matches!(self.units[end].class, Class::Name | Class::Dated)
                && !self.units[end].isolated
                && self.gap(end) == Gap::Space
            {
                end += 1;
            } else if let Some(next) = self.join(start, end) {
                end = next;
            } else {
                return end;
            }
        }
    }

    /// Whether the run `start..end` continues across a connector, and where
    /// it then ends: "Bank of Russia", "Belt and Road Initiative", "Treaty of
    /// Good-Neighborliness and Friendly Cooperation", "Russia in the
    /// Asia-Pacific Program"; not "China and Russia".
    fn join(&self, start: usize, end: usize) -> Option<usize> {
        let n = self.units.len();
        if end < n && self.gap(end) == Gap::Other {
            return self.descriptive_list(end);
        }
        if end >= n || !self.is_connector(end) || self.gap(end) != Gap::Space {
            return None;
        }
        let connector = self.unit_text(end);
        if connector == "the" {
            return None;
        }
        let mut r = end + 1;
        if matches!(connector, "of" | "for" | "in" | "on") && r < n && self.unit_text(r) == "the" {
            r += 1;
        }
        if r >= n || !self.is_name(r) || self.units[r].isolated || self.gap(r) != Gap::Space {
            return None;
        }
        let mut run = r + 1;
        while run < n
            && self.is_name(run)
            && !self.units[run].isolated
            && self.gap(run) == Gap::Space
            && !self.ends_run(run - 1)
        {
            run += 1;
        }
        let event_follows = self.event_after(run).is_some();
        if self.known(start, run).is_some() || (event_follows && connector != "in") {
            return Some(run);
        }
        // A head whose complement already started: "Treaty on … Forces".
        let complement = self.has_head(start, end)
            && (start..end).any(|u| self.is_connector(u) && self.unit_text(u) != "and");
        let joins = match connector {
            "of" if self.is_house(end - 1) => self.unit_text(end + 1) != "the",
            "of" | "for" | "on" => self.has_head(start, end),
            "de" => true,
            // "the Russia in the Asia-Pacific Program": a state with "the"
            // is part of a longer name; "… Armed Forces in Europe".
            "in" => {
                let before_the = start > 0 && self.unit_text(start - 1) == "the";
                (end - start == 1 && self.is_state(start) && before_the && self.has_kind_head(r, run))
                    || (complement && self.gz.is_region(&key(self.span_text(r, run))))
            }
            _ => {
                let next_known = self.known(r, run).is_some();
                !next_known
                    && (complement
                        || (self.has_kind_head(r, run)
                            && !self.has_head(start, end)
                            && self.known(start, end).is_none()))
            }
        };
        joins.then_some(run)
    }

    /// Where a name goes on across commas: "United Nations Educational,
    /// Scientific and Cultural Organization". The words before "and" are
    /// common words written with capitals, as the descriptors of one name
    /// are, and a head noun ends it; a list of names ("Sony, Toshiba and
    /// Hitachi Corporation") is proper words and does not join.
    fn descriptive_list(&self, end: usize) -> Option<usize> {
        let n = self.units.len();
        let comma_before =
            |u: usize| &self.text[self.units[u - 1].range.end..self.units[u].range.start] == ", ";
        let descriptor = |u: usize| self.is_name(u) && self.is_common(u) && !self.units[u].isolated;
        if !descriptor(end - 1) {
            return None;
        }
        let mut u = end;
        loop {
            if u >= n || !comma_before(u) || !descriptor(u) {
                return None;
            }
            u += 1;
            if u < n && self.is_connector(u) && self.unit_text(u) == "and" && self.gap(u) == Gap::Space {
                break;
            }
        }
        let from = u + 1;
        let mut run = from;
        while run < n && self.is_name(run) && !self.units[run].isolated && self.gap(run) == Gap::Space {
            run += 1;
        }
        (run > from && self.has_kind_head(from, run)).then_some(run)
    }

    /// Turns the run `a..b` into names, following the rules in the module
    /// documentation.
    fn evaluate(&mut self, mut a: usize, mut b: usize) {
        while a < b
            && (self.is_connector(a)
                || self.is_stop(a)
                || (self.is_month(a) && !self.starts_paper(a, b))
                || (self.tokens[self.units[a].first].initial
                    && self.is_common(a)
                    && self.head(a, a + 1).is_none()))
        {
            a += 1;
        }
        while b > a && (self.is_connector(b - 1) || self.is_stop(b - 1) || self.is_month(b - 1)) {
            b -= 1;
        }
        if a >= b {
            return;
        }
        if let Some(m) = (a + 1..b - 1).find(|&m| self.is_month(m) || self.is_stop(m)) {
            self.evaluate(a, m);
            self.evaluate(m + 1, b);
            return;
        }
        let range = self.span_range(a, b);
        if self.units[b - 1].class == Class::Dated {
            self.push(range, Some((EntityKind::Event(EventType::Exercise), 2)), None);
            return;
        }
        let noun = self.event_after(b);
        if let Some(known) = self.known(a, b) {
            match noun {
                Some((_, t, EventType::Crisis)) => {
                    let range = TextRange::new(range.start, self.tokens[t].range.end);
                    self.push(range, Some((EntityKind::Event(EventType::Crisis), 2)), None);
                }
                _ => self.push(range, Some((known.kind, 3)), None),
            }
            return;
        }
        if let Some(kind) = self.descriptor_before(a) {
            self.push(range, Some((kind, 2)), None);
            return;
        }
        if self.titled_person(a, b) {
            return;
        }
        if let Some(m) = self.person_tail(a, b).or_else(|| self.name_after_head(a, b)) {
            self.evaluate(a, m);
            self.evaluate(m, b);
            return;
        }
        // "the Labour party", "a Green party candidate": the name of a party,
        // the same as "the Labour Party".
        if let Some((t, "party")) = self.next_lower(b) {
            let range = TextRange::new(range.start, self.tokens[t].range.end);
            self.push(range, Some((EntityKind::Actor(ActorType::Organization), 2)), None);
            return;
        }
        let head = self.head(a, b);
        if let Some(Head::Kind(kind)) = head {
            // A head alone ("Treaty", "Conflict") names nothing.
            if b - a > 1 || self.units[a].first != self.units[a].last {
                self.push(range, Some((kind, 2)), None);
            }
            return;
        }
        // A place is no entity, but names an event with the noun after it
        // ("Taiwan Strait crisis", "Central Asia-China summit"); other names
        // are events without it ("Power of Siberia pipeline").
        let place_word = |t: usize| self.gz.is_place(&key(self.token_text(t)));
        let parts = |u: usize| self.units[u].first..=self.units[u].last;
        let has_place = head == Some(Head::Place)
            || self.gz.is_place(&key(self.span_text(a, b)))
            || (a..b).any(|u| {
                self.is_name(u) && (self.gz.is_place(&key(self.unit_text(u))) || parts(u).any(place_word))
            });
        // Only places, states and regional adjectives, not only adjectives:
        // "Central Asia-China", not "Anglo-French".
        let state_word =
            |t: usize| acronyms::known(&key(self.token_text(t))).is_some_and(|k| k.kind == STATE);
        let name_parts = || (a..b).filter(|&u| self.is_name(u)).flat_map(parts);
        let place_like = head == Some(Head::Place)
            || (name_parts()
                .all(|t| place_word(t) || state_word(t) || self.gz.is_demonym(self.token_text(t)))
                && name_parts().any(|t| place_word(t) || state_word(t)));
        let all_demonyms = (a..b).all(|u| !self.is_name(u) || self.is_demonym(u));
        match noun {
            Some((_, t, event)) if place_like => {
                let range = TextRange::new(range.start, self.tokens[t].range.end);
                self.push(range, Some((EntityKind::Event(event), 2)), None);
                return;
            }
            // "the London marathon" names a race, "the Olympic marathon"
            // none: a contest's noun names an event only after a place.
            Some((name_end, t, event)) if !all_demonyms && !is_contest(self.token_text(t)) => {
                let range = TextRange::new(range.start, name_end);
                self.push(range, Some((EntityKind::Event(event), 2)), None);
                return;
            }
            _ if has_place => return,
            _ => {}
        }
        let appositive = roles::appositive(self, b);
        if let Some((Head::Kind(kind), _)) = appositive {
            self.push(range, Some((kind, 2)), None);
            return;
        }
        if all_demonyms {
            return;
        }
        if self.is_demonym(a) || (b - a > 1 && self.is_state(a)) {
            if self.is_state(a) {
                self.evaluate(a, a + 1);
            }
            self.evaluate(a + 1, b);
            return;
        }
        let role = roles::lookback(self, a)
            .or(appositive.map(|(_, r)| r))
            .or_else(|| roles::predicate(self, b));
        if b - a >= 2 && !self.after_the(a) && self.person_like(a, b) {
            if role.is_some() || self.person_evidence(a, b) || self.introduced_as_person(a) {
                let sure = if role.is_some() { 2 } else { 1 };
                self.push(range, Some((EntityKind::Actor(ActorType::Person), sure)), role);
                return;
            }
            // Only words the corpus never writes in lower case: the words of
            // a person's name are names only, a club's or a product's often
            // are not ("a united front", "park rangers", "windows").
            let names_only = (a..b).all(|u| !self.stats.is_written_lower(self.unit_text(u)));
            if b - a <= 3 && names_only {
                let from = self.found.len();
                for u in a..b {
                    self.evaluate(u, u + 1);
                }
                self.maybe.push(MaybePerson {
                    range,
                    parts: from..self.found.len(),
                    cite: self.in_citation(range),
                });
                return;
            }
        }
        if b - a == 1 {
            self.bare(a, role);
            return;
        }
        if self.plural_group(a, b) {
            self.push(range, Some((EntityKind::Actor(ActorType::Organization), 1)), None);
            return;
        }
        // No kind: split at common words and connectors ("How Far Can
        // Russian Arms Help Iran"), or else into single words that
        // resolution may place.
        let breaks: Vec<usize> = (a..b)
            .filter(|&u| self.is_common(u) || !self.is_name(u))
            .collect();
        if breaks.is_empty() {
            for u in a..b {
                self.evaluate(u, u + 1);
            }
        } else {
            let mut from = a;
            for &at in breaks.iter().chain([b].iter()) {
                if at > from {
                    self.evaluate(from, at);
                }
                from = at + 1;
            }
        }
    }

    /// "Jon Dunbar, Allister Hogg and Jon Petrie", "goals from Noe Pamarot
    /// and Mido": runs that may be persons are persons when a list names
    /// them beside one. A list is names joined by commas and a last "and";
    /// two names joined by a comma alone are often an apposition ("Wayne
    /// Rooney, Manchester United's striker") and are no list.
    fn listed_with_persons(&mut self) {
        if self.maybe.is_empty() {
            return;
        }
        // (range, maybe index or None for a person), in text order.
        let mut items: Vec<(TextRange, Option<usize>)> = self
            .found
            .iter()
            .filter(|f| matches!(f.kind, Some((EntityKind::Actor(ActorType::Person), _))))
            .map(|f| (f.range, None))
            .chain(self.maybe.iter().enumerate().map(|(i, m)| (m.range, Some(i))))
            .collect();
        items.sort_by_key(|(r, _)| r.start);
        let link = |x: TextRange, y: TextRange| match self.text.get(x.end..y.start) {
            Some(", ") => Some(false),
            Some(" and " | ", and " | " & ") => Some(true),
            _ => None,
        };
        let mut confirmed = Vec::new();
        let mut start = 0;
        while start < items.len() {
            let mut end = start + 1;
            let mut last_and = false;
            while end < items.len() {
                match link(items[end - 1].0, items[end].0) {
                    Some(and) => {
                        last_and = and;
                        end += 1;
                    }
                    None => break,
                }
            }
            let chain = &items[start..end];
            if last_and && chain.iter().any(|(_, m)| m.is_none()) {
                confirmed.extend(chain.iter().filter_map(|(_, m)| *m));
            }
            start = end;
        }
        // Replace the parts of each confirmed run, last first, so that the
        // indices of the earlier ones still hold.
        confirmed.sort_unstable();
        for &i in confirmed.iter().rev() {
            let m = self.maybe.remove(i);
            let removed = m.parts.len();
            self.found.splice(m.parts.clone(), [m.person()]);
            for later in &mut self.maybe[i..] {
                later.parts = later.parts.start + 1 - removed..later.parts.end + 1 - removed;
            }
        }
    }

    /// An honorific ("Sir Elton John", "Mrs Negar Khan") or a person's
    /// occupation ("analyst Kobita Desai", "chief executive Fred Goodwin")
    /// right before unit `a`, maybe with a demonym between ("champion
    /// Briton Hayley Yelling").
    fn introduced_as_person(&self, a: usize) -> bool {
        let mut first = self.units[a].first;
        if first >= 2
            && self.tokens[first - 1].gap == Gap::Space
            && self.gz.is_demonym(self.token_text(first - 1))
        {
            first -= 1;
        }
        if first == 0 || self.tokens[first].gap != Gap::Space {
            return false;
        }
        let before = self.token_text(first - 1);
        match self.tokens[first - 1].shape {
            Shape::Lower => is_person_noun(before),
            Shape::Cap => matches!(before, "Sir" | "Dame" | "Mr" | "Mrs" | "Ms" | "Miss" | "Dr"),
            _ => false,
        }
    }

    /// A single word: an acronym or a bare word for resolution, unless it is
    /// common, a demonym or a place. "X regime" makes X a person.
    fn bare(&mut self, u: usize, role: Option<TextRange>) {
        if !self.is_name(u) || self.is_common(u) || self.is_demonym(u) {
            return;
        }
        // "chairman Labour MP Jean Corston": a title before a word that a
        // longer name follows is that name's.
        let name_follows = self
            .units
            .get(u + 1)
            .is_some_and(|n| n.class == Class::Name && self.gap(u + 1) == Gap::Space);
        let role = role.filter(|_| !name_follows);
        let range = self.units[u].range;
        if self.next_lower(u + 1).is_some_and(|(_, w)| w == "regime") {
            self.push(range, Some((EntityKind::Actor(ActorType::Person), 1)), role);
        } else {
            self.push(range, None, role);
        }
    }

    /// "US President Barack Obama", "Secretary of State Hillary Clinton",
    /// "NATO Secretary General Jens Stoltenberg": a title inside the run,
    /// then a name.
    fn titled_person(&mut self, a: usize, b: usize) -> bool {
        let is_title = |u: usize| self.is_name(u) && head(self.unit_text(u), &[]) == Some(Head::Title);
        let Some(t) = (a..b).find(|&u| is_title(u)) else {
            return false;
        };
        let before_title = |u: usize| {
            self.is_demonym(u)
                || self.known(u, u + 1).is_some()
                || is_title_modifier(&self.unit_text(u).to_lowercase())
        };
        if !(a..t).all(before_title) {
            return false;
        }
        let mut p = t + 1;
        while p < b && is_title(p) {
            p += 1;
        }
        // The title's complement: "of State", "of Foreign Affairs".
        if p < b && self.is_connector(p) && matches!(self.unit_text(p), "of" | "for") {
            p += 1;
            while p < b && (self.unit_text(p) == "the" || self.is_common(p) || self.is_state(p)) {
                p += 1;
            }
        }
        let proper = |u: usize| {
            self.is_name(u)
                && !self.is_common(u)
                && !self.is_stop(u)
                && !self.is_demonym(u)
                && !self.is_state(u)
                && head(self.unit_text(u), &[]).is_none()
        };
        if p >= b || !(p..b).all(proper) {
            return false;
        }
        let mut role = self.span_range(a, p);
        // "Presidents Vladimir Putin and …": the role of one is "President".
        if p == t + 1 && a == t && self.unit_text(t).ends_with('s') {
            role.end -= 1;
        }
        // "NATO" and "US" before a title are mentions of their own.
        for u in a..t {
            if self.known(u, u + 1).is_some() {
                self.evaluate(u, u + 1);
            }
        }
        let range = self.span_range(p, b);
        if b - p >= 2 {
            self.push(range, Some((EntityKind::Actor(ActorType::Person), 2)), Some(role));
        } else {
            self.push(range, None, Some(role));
        }
        true
    }

    /// The kind a lowercase noun right before unit `a` gives the name, as
    /// news prose introduces one: "drugs firm Pfizer", "investment bank
    /// Morgan Stanley", "rock band Duran Duran", "Spanish side Seville".
    fn descriptor_before(&self, a: usize) -> Option<EntityKind> {
        let first = self.units[a].first;
        // A whole word: not the "band" of "broad-band TV".
        let before = self.tokens[first.checked_sub(1)?];
        if self.tokens[first].gap != Gap::Space || before.shape != Shape::Lower || before.gap == Gap::Hyphen {
            return None;
        }
        let noun = descriptor(self.token_text(first - 1))?;
        // "Tory party MPs": a noun that ends a name describes nothing after it.
        let owner = first.checked_sub(2).map(|t| (self.tokens[t], self.token_text(t)));
        let in_name = owner.is_some_and(|(t, w)| {
            matches!(t.shape, Shape::Cap | Shape::Upper)
                && !self.gz.is_demonym(w)
                && acronyms::known(&key(w)).is_none_or(|k| k.kind != STATE)
        });
        (!in_name).then_some(EntityKind::Actor(noun))
    }

    /// Whether "the" stands right before unit `a`: "the Liberal Democrats",
    /// "the Victoria Palace". A person's name takes no article.
    fn after_the(&self, a: usize) -> bool {
        let first = self.units[a].first;
        first > 0
            && self.tokens[first].gap == Gap::Space
            && self.token_text(first - 1).eq_ignore_ascii_case("the")
    }

    /// "the Liberal Democrats", "the Leeds Tykes": proper words after "the"
    /// ending in a plural name a party, club or band, not a person.
    fn plural_group(&self, a: usize, b: usize) -> bool {
        let last = self.unit_text(b - 1);
        self.after_the(a)
            && last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !self.tokens[self.units[b - 1].last].possessive
            && (a..b).all(|u| self.is_name(u) && !self.is_common(u))
    }

    /// Where a person's name starts inside a longer run that something else
    /// begins ("the Commons | Oliver Heald", "United States | Joe Biden"): at
    /// a given name, with two to four proper words from there to the end,
    /// when the run's own first word is not a given name.
    fn person_tail(&self, a: usize, b: usize) -> Option<usize> {
        let given = |u: usize| self.gz.given_names.contains(self.token_text(self.units[u].first));
        if b - a < 3 || given(a) {
            return None;
        }
        (a + 1..b - 1).find(|&m| given(m) && self.person_like(m, b))
    }

    /// Where a second name starts right after an organization's head noun
    /// ("Human Rights Council | Iceland", "the Senate | Oliver Marsh"): a
    /// state or a person's name, neither of which an organization's name
    /// goes on with.
    fn name_after_head(&self, a: usize, b: usize) -> Option<usize> {
        (a + 1..b).find(|&m| {
            let after_head = matches!(head(self.unit_text(m - 1), &[]), Some(Head::Kind(_)));
            let state = self.known(m, b).is_some_and(|k| k.kind == STATE);
            let person = b - m >= 2 && self.person_like(m, b) && self.person_evidence(m, b);
            after_head && (m..b).all(|u| self.is_name(u)) && (state || person)
        })
    }

    /// Two to four proper words: capitalized, not common, not places,
    /// demonyms, states or heads; initials ("W.") only inside.
    fn person_like(&self, a: usize, b: usize) -> bool {
        b - a <= 4
            && (a..b).all(|u| {
                let text = self.unit_text(u);
                let initial = text.len() == 2 && text.ends_with('.');
                self.is_name(u)
                    && (initial && u > a && u + 1 < b
                        || self.tokens[self.units[u].first].shape == Shape::Cap
                            // "Bill Owens": a given name first, though "bill" is a word.
                            && (!self.is_common(u) || (u == a && self.gz.given_names.contains(text)))
                            && !self.is_stop(u)
                            && !self.is_demonym(u)
                            && !self.is_state(u)
                            && head(text, &[]).is_none())
            })
    }

    /// A given name first, a Chinese surname first in a two-word name, or a
    /// citation year after the name: "Michael Kofman (2018)".
    fn person_evidence(&self, a: usize, b: usize) -> bool {
        let first = self.token_text(self.units[a].first);
        let after = &self.text[self.units[b - 1].range.end..];
        self.gz.given_names.contains(first)
            || (b - a == 2 && self.gz.chinese_surnames.contains(first))
            || after
                .strip_prefix(" (")
                .and_then(|rest| rest.get(..4))
                .is_some_and(has_year)
    }
}
