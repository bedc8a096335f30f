//! A run of names turned into mentions with a kind, or bare words, by the
//! rules listed in the parent module's documentation.

use super::{MaybePerson, Sentence, STATE};
use crate::entities::acronyms;
use crate::entities::kinds::{is_contest, is_disaster, is_speech_verb, Head};
use crate::entities::names::{is_acronym, key};
use crate::entities::roles;
use crate::entities::tokens::{Gap, Shape};
use crate::entities::units::Class;
use crate::entities::{ActorType, EntityKind, EventType};
use crate::text::TextRange;

impl Sentence<'_> {
    /// Turns the run `a..b` into names, following the rules in the module
    /// documentation.
    pub(super) fn evaluate(&mut self, mut a: usize, mut b: usize) {
        while a < b
            && (self.is_connector(a)
                || (self.is_stop(a) && !self.counts_members(a, b))
                || (self.is_month(a) && !self.starts_paper(a, b))
                // A side in a fixture line starts it: "Man Utd v Chelsea".
                || (self.tokens[self.units[a].first].initial
                    && self.is_common(a)
                    && self.head(a, a + 1).is_none()
                    && !(a + 1 < b && self.beside_versus(a, b))))
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
        if let Some(end) = self.channel_number(b) {
            let range = TextRange::new(range.start, end);
            self.push(range, Some((EntityKind::Actor(ActorType::Company), 2)), None);
            return;
        }
        let noun = self.event_after(b);
        if let Some(known) = self.known(a, b) {
            match noun {
                Some((_, t, EventType::Crisis)) => {
                    let range = TextRange::new(range.start, self.tokens[t].range.end);
                    self.push(range, Some((EntityKind::Event(EventType::Crisis), 2)), None);
                }
                // "an EU summit": the EU, and a summit of its own.
                Some((_, t, EventType::Summit)) => {
                    self.push(range, Some((known.kind, 3)), None);
                    let summit = TextRange::new(range.start, self.tokens[t].range.end);
                    self.push(summit, Some((EntityKind::Event(EventType::Summit), 2)), None);
                }
                _ => self.push(range, Some((known.kind, 3)), None),
            }
            return;
        }
        if self.work_before(a) {
            // Not "to play Roger Federer": there the noun is a verb.
            if self.token_text(self.units[a].first - 1) != "play" {
                self.works.push(range);
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
            Some((_, t, event)) if place_like || (all_demonyms && is_disaster(self.token_text(t))) => {
                let range = TextRange::new(range.start, self.tokens[t].range.end);
                self.push(range, Some((EntityKind::Event(event), 2)), None);
                return;
            }
            // "the London marathon" names a race, "the Olympic marathon"
            // none: a contest's noun names an event only after a place.
            // A summit or a crisis is of its name, not named it: the
            // "Premiership summit" is no summit called "Premiership", where
            // the "Vostok exercise" and the "Nabucco pipeline" are so called.
            Some((name_end, t, event)) if !all_demonyms && !is_contest(self.token_text(t)) => {
                let end = match event {
                    EventType::Summit | EventType::Crisis => self.tokens[t].range.end,
                    _ => name_end,
                };
                let range = TextRange::new(range.start, end);
                self.push(range, Some((EntityKind::Event(event), 2)), None);
                return;
            }
            // "Everton v Manchester United": a side, though named by its
            // town. Elsewhere such a name only joins the entity the corpus
            // has of it.
            _ if has_place => {
                if self.beside_versus(a, b) {
                    self.push(range, Some((EntityKind::Actor(ActorType::Organization), 1)), None);
                } else if let Some(body) = self.member_after(a, b) {
                    // "Nottingham Forest boss", "Newcastle striker".
                    self.push(range, Some((EntityKind::Actor(body), 1)), None);
                } else if head == Some(Head::Place)
                    && !self.person_evidence(a, b)
                    && self.next_lower(b).is_some_and(|(_, w)| is_speech_verb(w))
                {
                    // "Downing Street said": the place stands for those who
                    // work there.
                    self.push(range, Some((EntityKind::Actor(ActorType::Institution), 1)), None);
                } else if b - a > 1 {
                    self.push(range, None, None);
                }
                return;
            }
            _ => {}
        }
        // Proper words joined by "&" name a firm: "Tate & Lyle".
        if (a..b).any(|u| self.is_connector(u) && self.unit_text(u) == "&") {
            self.push(range, Some((EntityKind::Actor(ActorType::Company), 1)), None);
            return;
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
        let named_person = b - a >= 2
            && self.person_like(a, b)
            && (role.is_some() || self.person_evidence(a, b) || self.introduced_as_person(a));
        let body = self
            .member_after(a, b)
            .or_else(|| self.firm_around(a, b))
            .or_else(|| self.position_of(a, b));
        if let Some(body) = body.filter(|_| !named_person) {
            self.push(range, Some((EntityKind::Actor(body), 1)), None);
            return;
        }
        if self.beside_versus(a, b) && !named_person {
            self.push(range, Some((EntityKind::Actor(ActorType::Organization), 1)), None);
            return;
        }
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
        // No kind: the whole may still be an entity the corpus names with a
        // kind elsewhere ("a stake in Manchester United" beside "Everton v
        // Manchester United"); then split at common words and connectors
        // ("How Far Can Russian Arms Help Iran"), or else into single words
        // that resolution may place.
        self.push(range, None, None);
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

    /// "Radio 4", "BBC Radio 1", "Channel 4": a broadcaster's station named
    /// by its number; where the name ends, with the number.
    fn channel_number(&self, b: usize) -> Option<usize> {
        let last = &self.units[b - 1];
        if last.first != last.last || !matches!(self.unit_text(b - 1), "Radio" | "Channel") {
            return None;
        }
        let number = self.tokens.get(last.last + 1)?;
        (number.gap == Gap::Space && number.shape == Shape::Number && number.range.len() <= 2)
            .then_some(number.range.end)
    }

    /// "the Six Nations", "the Big Four Banks": a number word before a
    /// head noun counts the body's members and is part of its name.
    fn counts_members(&self, a: usize, b: usize) -> bool {
        let number = matches!(
            self.unit_text(a),
            "Two" | "Three" | "Four" | "Five" | "Six" | "Seven" | "Eight" | "Nine" | "Ten" | "Twelve"
        );
        number && a + 1 < b && self.has_kind_head(a + 1, b)
    }

    /// A single word: an acronym or a bare word for resolution, unless it is
    /// common, a demonym or a place. "X regime" makes X a person.
    pub(super) fn bare(&mut self, u: usize, role: Option<TextRange>) {
        if !self.is_name(u) || self.is_common(u) || self.is_demonym(u) {
            return;
        }
        // "chairman Labour MP Jean Corston": a title before a word that a
        // longer name follows is that name's.
        let name_follows = self
            .units
            .get(u + 1)
            .is_some_and(|n| n.class == Class::Name && self.gap(u + 1) == Gap::Space);
        let role = role
            .filter(|_| !name_follows)
            .or_else(|| self.occupation_before(u).filter(|_| !name_follows));
        let range = self.units[u].range;
        if role.is_none() && self.place_after_preposition(u) {
            return;
        }
        if self.next_lower(u + 1).is_some_and(|(_, w)| w == "regime") {
            self.push(range, Some((EntityKind::Actor(ActorType::Person), 1)), role);
        } else if self.acronym_that_speaks(u) {
            self.push(range, Some((EntityKind::Actor(ActorType::Organization), 1)), None);
        } else {
            self.push(range, None, role);
        }
    }

    /// "the RAC welcomed the news", "the ATP said": an acronym with "the"
    /// that speaks is a body. A person takes no article, and the generic
    /// acronyms ("the MP said") never get here.
    fn acronym_that_speaks(&self, u: usize) -> bool {
        let speaks =
            |w: &str| is_speech_verb(w) || matches!(w, "welcomed" | "announced" | "confirmed" | "urged");
        is_acronym(self.unit_text(u))
            && self.after_the(u)
            && self.next_lower(u + 1).is_some_and(|(_, w)| speaks(w))
    }

    /// "the Liberal Democrats", "the Leeds Tykes": proper words after "the"
    /// ending in a plural name a party, club or band, not a person.
    pub(super) fn plural_group(&self, a: usize, b: usize) -> bool {
        let last = self.unit_text(b - 1);
        self.after_the(a)
            && last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !self.tokens[self.units[b - 1].last].possessive
            && (a..b).all(|u| self.is_name(u) && !self.is_common(u))
    }
}
