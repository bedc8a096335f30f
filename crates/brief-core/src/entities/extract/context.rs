//! What the words around a run say of it: a descriptor before it ("drugs
//! firm Pfizer"), an article, a "v" between two sides, a preposition of
//! place.

use super::Sentence;
use super::STATE;
use crate::entities::acronyms;
use crate::entities::kinds::{descriptor, is_position, is_work, member_noun};
use crate::entities::names::key;
use crate::entities::tokens::{Gap, Shape};
use crate::entities::{ActorType, EntityKind};

impl Sentence<'_> {
    /// "the film King Kong", "comedy series Early Doors", "the musical Billy
    /// Elliot": a lowercase noun for a work right before unit `a` makes the
    /// name a title, and works are no actors or events.
    pub(super) fn work_before(&self, a: usize) -> bool {
        let first = self.units[a].first;
        first > 0
            && self.tokens[first].gap == Gap::Space
            && self.tokens[first - 1].shape == Shape::Lower
            && self.tokens[first - 1].gap != Gap::Hyphen
            && is_work(self.token_text(first - 1))
    }

    /// The kind of body a noun for its people after unit `b - 1` says the
    /// name is: "Arsenal striker", "former Vodafone boss".
    pub(super) fn member_after(&self, a: usize, b: usize) -> Option<ActorType> {
        // The whole name only: not "Sport" of "BBC Sport chief", nor a common
        // word ("United boss" could be any United).
        let first = self.units[a].first;
        let last = self.units[b - 1].last;
        let name_before = first > 0
            && self.tokens[first].gap == Gap::Space
            && matches!(self.tokens[first - 1].shape, Shape::Cap | Shape::Upper);
        if self.tokens[last].possessive || name_before || self.is_common(b - 1) {
            return None;
        }
        self.next_lower(b).and_then(|(_, w)| member_noun(w))
    }

    /// What a firm's stock and trade around the run `a..b` say of it: "shares
    /// in Halifax", "a stake in Cairn", "Motorola's sales", "Wanadoo's chief
    /// executive". Only firms have these; a person's "shares" or "profits"
    /// stand apart from the name in news prose. Not a place: "shares in Hong
    /// Kong" are traded there.
    pub(super) fn firm_around(&self, a: usize, b: usize) -> Option<ActorType> {
        let first = self.units[a].first;
        let last = self.units[b - 1].last;
        // The whole name only: not "Telecom" of "Singapore Telecom's".
        let name_before = first > 0
            && self.tokens[first].gap == Gap::Space
            && matches!(self.tokens[first - 1].shape, Shape::Cap | Shape::Upper);
        if name_before {
            return None;
        }
        let word = |t: usize| self.tokens.get(t).map(|_| self.token_text(t));
        let held = first >= 2
            && self.tokens[first].gap == Gap::Space
            && matches!(
                (word(first - 2), word(first - 1)),
                (Some("shares" | "stake"), Some("in")) | (Some("shares"), Some("of"))
            );
        let next = self
            .tokens
            .get(last + 1)
            .filter(|t| t.gap == Gap::Space && t.shape == Shape::Lower);
        let traded = self.tokens[last].possessive
            && next.is_some()
            && match word(last + 1) {
                Some("shares" | "shareholders" | "profits" | "profit" | "sales" | "revenues" | "revenue")
                | Some("customers" | "subsidiary" | "stores" | "factories") => true,
                Some("chief") => word(last + 2) == Some("executive"),
                _ => false,
            };
        (held || traded).then_some(ActorType::Company)
    }

    /// "president of Sony Computer Entertainment America", "director of La
    /// Fenice": two proper words or more after a position and "of" (or "of
    /// the") name the body it is in. Not one word: "leader of the Commons"
    /// is of a chamber that has its own name.
    pub(super) fn position_of(&self, a: usize, b: usize) -> Option<ActorType> {
        let first = self.units[a].first;
        let word = |t: usize| self.tokens.get(t).map(|_| self.token_text(t));
        let mut t = first.checked_sub(1)?;
        if word(t) == Some("the") {
            t = t.checked_sub(1)?;
        }
        let position = t >= 1
            && word(t) == Some("of")
            && self.tokens[t - 1].shape == Shape::Lower
            && is_position(self.token_text(t - 1));
        (b - a >= 2 && position).then_some(ActorType::Company)
    }

    /// "a man from Leicester", "a school in Newcastle": one word after "in",
    /// "from" or "near" that no name goes on from is where something is, and
    /// names no club or firm of the same name.
    pub(super) fn place_after_preposition(&self, u: usize) -> bool {
        let first = self.units[u].first;
        let last = self.units[u].last;
        let after_preposition = first > 0
            && self.tokens[first].gap == Gap::Space
            && matches!(self.token_text(first - 1), "in" | "from" | "near");
        let name_goes_on = self
            .tokens
            .get(last + 1)
            .is_some_and(|t| t.gap == Gap::Space && matches!(t.shape, Shape::Cap | Shape::Upper));
        after_preposition && !self.tokens[last].possessive && !name_goes_on
    }

    /// The kind a lowercase noun right before unit `a` gives the name, as
    /// news prose introduces one: "drugs firm Pfizer", "investment bank
    /// Morgan Stanley", "rock band Duran Duran", "Spanish side Seville".
    pub(super) fn descriptor_before(&self, a: usize) -> Option<EntityKind> {
        let first = self.units[a].first;
        // A whole word: not the "band" of "broad-band TV".
        let before = self.tokens[first.checked_sub(1)?];
        if self.tokens[first].gap != Gap::Space || before.shape != Shape::Lower || before.gap == Gap::Hyphen {
            return None;
        }
        let noun = descriptor(self.token_text(first - 1))?;
        // "Tory party MPs": a noun that ends a name describes nothing after it.
        let owner = first.checked_sub(2).map(|t| (self.tokens[t], self.token_text(t)));
        // A capitalized common word starts the sentence ("Investment bank
        // Morgan Stanley"), and a generic word ("digital TV station Music
        // Choice") is no name either.
        let in_name = owner.is_some_and(|(t, w)| {
            let no_name = (t.shape == Shape::Cap && self.stats.is_common(w)) || self.gz.is_generic_name(w);
            matches!(t.shape, Shape::Cap | Shape::Upper)
                && !no_name
                && !self.gz.is_demonym(w)
                && acronyms::known(&key(w)).is_none_or(|k| k.kind != STATE)
        });
        (!in_name).then_some(EntityKind::Actor(noun))
    }

    /// Whether "the" stands right before unit `a`: "the Liberal Democrats",
    /// "the Victoria Palace". A person's name takes no article.
    pub(super) fn after_the(&self, a: usize) -> bool {
        let first = self.units[a].first;
        first > 0
            && self.tokens[first].gap == Gap::Space
            && self.token_text(first - 1).eq_ignore_ascii_case("the")
    }

    /// "Bolton v Arsenal", "Chelsea vs Porto": the run `a..b` on either side
    /// of a "v" between capitalized words is a side in a match.
    pub(super) fn beside_versus(&self, a: usize, b: usize) -> bool {
        let versus = |t: usize| {
            self.tokens
                .get(t)
                .is_some_and(|k| k.gap == Gap::Space && k.shape == Shape::Lower)
                && matches!(self.token_text(t), "v" | "vs")
        };
        let capital = |t: usize| {
            self.tokens
                .get(t)
                .is_some_and(|k| matches!(k.shape, Shape::Cap | Shape::Upper))
        };
        let (first, last) = (self.units[a].first, self.units[b - 1].last);
        let before =
            first >= 2 && self.tokens[first].gap == Gap::Space && versus(first - 1) && capital(first - 2);
        let after = versus(last + 1) && capital(last + 2) && self.tokens[last + 2].gap == Gap::Space;
        before || after
    }
}
