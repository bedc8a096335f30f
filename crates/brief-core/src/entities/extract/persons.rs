//! Whether proper words are a person's name: titles, honorifics,
//! occupations, given names, lists that name persons, and where a person's
//! name starts inside a longer run.

use super::{NameCandidate, Sentence, STATE};
use crate::entities::kinds::{head, is_occupation, is_person_noun, is_title_modifier, Head};
use crate::entities::tokens::{Gap, Shape};
use crate::entities::units::{has_year, is_particle};
use crate::entities::{ActorType, EntityKind};
use crate::text::TextRange;

/// An item of a list, for [`Sentence::listed_with_persons`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Item {
    Person,
    Maybe(usize),
    Word,
}

impl Sentence<'_> {
    /// "Jon Dunbar, Allister Hogg and Jon Petrie", "goals from Noe Pamarot
    /// and Mido": runs that may be persons are persons when a list names
    /// them beside one. A list is names joined by commas and a last "and";
    /// two names joined by a comma alone are often an apposition ("Wayne
    /// Rooney, Manchester United's striker") and are no list, but three or
    /// more are one however they end: a team sheet or a cast list ("Jon
    /// Dunbar (Leeds Tykes), Iain Fullarton (Saracens), …"), or "Rowena
    /// Satch, Steve Brook, Tabby Callan and group G4". What the parentheses
    /// hold is no item.
    pub(super) fn listed_with_persons(&mut self) {
        if self.maybe.is_empty() {
            return;
        }
        // In text order: persons, runs that may be (by index) and single
        // words, which are no persons but link a list ("Abba, Celine Dion,
        // Bucks Fizz, Nana Mouskouri, Lulu and Julio Iglesias").
        let in_maybe = |r: TextRange| self.maybe.iter().any(|m| m.range.contains_range(r));
        let word =
            |f: &NameCandidate| f.kind.is_none() && !self.text[f.range.start..f.range.end].contains(' ');
        let mut items: Vec<(TextRange, Item)> = self
            .found
            .iter()
            .filter_map(|f| match f.kind {
                Some((EntityKind::Actor(ActorType::Person), _)) => Some((f.range, Item::Person)),
                _ if word(f) && !in_maybe(f.range) => Some((f.range, Item::Word)),
                _ => None,
            })
            .chain(
                self.maybe
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (m.range, Item::Maybe(i))),
            )
            .filter(|(r, _)| {
                let before = &self.text[..r.start];
                before
                    .rfind('(')
                    .is_none_or(|open| before.rfind(')').is_some_and(|close| close > open))
            })
            .collect();
        items.sort_by_key(|(r, _)| r.start);
        // Whether the link is "and", past a parenthesis before it.
        let link = |x: TextRange, y: TextRange| {
            let between = self.text.get(x.end..y.start)?;
            let rest = match between.strip_prefix(" (").and_then(|b| b.split_once(')')) {
                Some((inside, rest)) if !inside.contains('(') => rest,
                _ => between,
            };
            match rest {
                ", " => Some(false),
                " and " | ", and " | " & " => Some(true),
                _ => None,
            }
        };
        let mut confirmed = Vec::new();
        let mut start = 0;
        while start < items.len() {
            let mut end = start + 1;
            let mut last_and = false;
            while let Some(and) = items.get(end).and_then(|y| link(items[end - 1].0, y.0)) {
                last_and = and;
                end += 1;
            }
            let chain = &items[start..end];
            if (last_and || chain.len() >= 3) && chain.iter().any(|(_, m)| *m == Item::Person) {
                confirmed.extend(chain.iter().filter_map(|(_, m)| match m {
                    Item::Maybe(i) => Some(*i),
                    _ => None,
                }));
            }
            start = end;
        }
        self.confirm(confirmed);
    }

    /// "…," said Adrian Holt, a strategist': two or three proper words
    /// right after "said", "says" or "added", ending the clause, name who
    /// speaks, as news prose attributes a quote. Not "told Five Live": the
    /// one told may be a broadcaster.
    pub(super) fn quoted_speakers(&mut self) {
        let confirmed = (0..self.maybe.len())
            .filter(|&i| {
                let r = self.maybe[i].range;
                let before = &self.text[..r.start];
                let after = self.text[r.end..].chars().next();
                ["said ", "says ", "added "].iter().any(|v| before.ends_with(v))
                    && matches!(after, None | Some(',' | '.' | ';'))
            })
            .collect();
        self.confirm(confirmed);
    }

    /// Replaces the parts of the runs `confirmed` (indices into `maybe`) with
    /// the persons they name.
    fn confirm(&mut self, mut confirmed: Vec<usize>) {
        // Last first, so that the indices of the earlier ones still hold.
        confirmed.sort_unstable();
        confirmed.dedup();
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
    pub(super) fn introduced_as_person(&self, a: usize) -> bool {
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

    /// "singer Ruslana", "backing singers Pepsi and …": a person's
    /// occupation in lower case right before one word is that person's
    /// role. Not a title or position ("league leaders Barcelona", "fellow
    /// Bristol MPs"), nor a given name (alone it names no one: "his son
    /// Stephen"), nor after "best" ("best actress Oscar" is an award).
    pub(super) fn occupation_before(&self, u: usize) -> Option<TextRange> {
        let first = self.units[u].first;
        if first == 0
            || self.tokens[first].gap != Gap::Space
            || self.gz.given_names.contains(self.unit_text(u))
        {
            return None;
        }
        // "backing singers Pepsi and Shirlie": a plural's second one.
        let mut at = first - 1;
        if at >= 2
            && self.token_text(at) == "and"
            && self.tokens[at - 1].shape == Shape::Cap
            && self.tokens[at - 1].gap == Gap::Space
            && self.tokens[at - 2].shape == Shape::Lower
            && self.token_text(at - 2).ends_with('s')
        {
            at -= 2;
        }
        let before = &self.tokens[at];
        let award = at >= 1 && matches!(self.token_text(at - 1), "best" | "supporting");
        (before.shape == Shape::Lower && is_occupation(self.token_text(at)) && !award).then_some(before.range)
    }

    /// "US President Barack Obama", "Secretary of State Hillary Clinton",
    /// "NATO Secretary General Jens Stoltenberg": a title inside the run,
    /// then a name.
    pub(super) fn titled_person(&mut self, a: usize, b: usize) -> bool {
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

    /// Where a person's name starts inside a longer run that something else
    /// begins ("the Commons | Oliver Heald", "United States | Joe Biden"): at
    /// a given name, with two to four proper words from there to the end,
    /// when the run's own first word is not a given name.
    pub(super) fn person_tail(&self, a: usize, b: usize) -> Option<usize> {
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
    pub(super) fn name_after_head(&self, a: usize, b: usize) -> Option<usize> {
        (a + 1..b).find(|&m| {
            let after_head = matches!(head(self.unit_text(m - 1), &[]), Some(Head::Kind(_)));
            let state = self.known(m, b).is_some_and(|k| k.kind == STATE);
            let person = b - m >= 2 && self.person_like(m, b) && self.person_evidence(m, b);
            after_head && (m..b).all(|u| self.is_name(u)) && (state || person)
        })
    }

    /// Two to four proper words: capitalized, not common, not places,
    /// demonyms, states or heads; initials ("W.") only inside.
    pub(super) fn person_like(&self, a: usize, b: usize) -> bool {
        let given_first = self.gz.given_names.contains(self.unit_text(a));
        b - a <= 4
            && (a..b).all(|u| {
                let text = self.unit_text(u);
                let initial = text.len() == 2 && text.ends_with('.');
                let inside = u > a && u + 1 < b;
                (inside && is_particle(text) || inside && text == "la" && is_particle(self.unit_text(u - 1)))
                    || self.is_name(u)
                        && (initial && inside
                            || self.tokens[self.units[u].first].shape == Shape::Cap
                            // "Bill Owens": a given name first, though "bill"
                            // is a word; after one, a surname may be a word
                            // too ("Gary Flowers", "Thomas Haden Church").
                            && (!self.is_common(u) || given_first)
                            && !self.is_stop(u)
                            && !self.is_demonym(u)
                            && !self.is_state(u)
                            && head(text, &[]).is_none())
            })
    }

    /// A given name first, a Chinese surname first in a two-word name, or a
    /// citation year after the name: "Michael Kofman (2018)".
    pub(super) fn person_evidence(&self, a: usize, b: usize) -> bool {
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
