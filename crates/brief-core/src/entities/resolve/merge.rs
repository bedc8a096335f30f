//! Across the corpus: one entity per key, leftover bare words and
//! acronyms attached where they can, and the entities built.

use rustc_hash::{FxHashMap, FxHashSet};

use super::shortened::Bodies;
use super::{DocEntity, DocNames, PERSON};
use crate::corpus::DocId;
use crate::entities::acronyms::{known, Known};
use crate::entities::gazetteer::gazetteer;
use crate::entities::names::{is_acronym, key};
use crate::entities::{ActorType, Entity, EntityId, EntityKind, Mention, Tally, Votes};

const COMPANY: EntityKind = EntityKind::Actor(ActorType::Company);

/// An entity being assembled from documents.
#[derive(Default)]
pub(super) struct Builder {
    known: Option<Known>,
    surfaces: Tally,
    mentions: Vec<Mention>,
    votes: Votes,
    roles: Tally,
    defining: Option<(u8, Mention)>,
}

impl Builder {
    pub(in crate::entities) fn merge(&mut self, other: Builder) {
        self.surfaces.merge(&other.surfaces);
        self.roles.merge(&other.roles);
        self.votes.merge(&other.votes);
        self.mentions.extend(other.mentions);
        if let Some(d) = other.defining {
            if self.defining.is_none_or(|mine| (mine.0, mine.1) > (d.0, d.1)) {
                self.defining = Some(d);
            }
        }
    }

    /// The documents that name it.
    pub(super) fn docs(&self) -> FxHashSet<DocId> {
        self.mentions.iter().map(|m| m.doc).collect()
    }

    /// The kind it will have: a built-in entity's, else the votes' winner.
    pub(super) fn kind(&self) -> Option<EntityKind> {
        self.known.map(|k| k.kind).or_else(|| self.votes.winner())
    }

    pub(super) fn absorb(&mut self, doc: DocId, e: DocEntity) {
        self.surfaces.merge(&e.surfaces);
        self.roles.merge(&e.roles);
        self.votes.merge(&e.votes);
        self.mentions
            .extend(e.mentions.iter().map(|&range| Mention { doc, range }));
        if let Some((priority, range)) = e.defining {
            let candidate = (priority, Mention { doc, range });
            if self
                .defining
                .is_none_or(|d| (d.0, d.1) > (candidate.0, candidate.1))
            {
                self.defining = Some(candidate);
            }
        }
    }
}

/// Merges the documents' names into the corpus's entities, ordered by first
/// mention.
pub(in crate::entities) fn merge(docs: Vec<DocNames>) -> Vec<Entity> {
    let mut acronyms: FxHashMap<String, String> = FxHashMap::default();
    for d in &docs {
        for (short, long) in &d.acronyms {
            acronyms.entry(short.clone()).or_insert_with(|| long.clone());
        }
    }
    let works: FxHashSet<String> = docs.iter().flat_map(|d| d.works.iter().cloned()).collect();
    let mut builders: FxHashMap<String, Builder> = FxHashMap::default();
    let mut attach_only = Vec::new();
    let mut pending = Vec::new();
    for d in docs {
        for e in d.entities {
            if e.creates {
                let b = builders.entry(e.key.clone()).or_default();
                b.known = known(&e.key);
                b.absorb(d.doc, e);
            } else {
                attach_only.push((d.doc, e));
            }
        }
        pending.extend(d.pending.into_iter().map(|e| (d.doc, e)));
    }
    for (doc, e) in attach_only {
        if let Some(b) = builders.get_mut(&e.key) {
            b.absorb(doc, DocEntity { defining: None, ..e });
        }
    }
    // "Vera Drake" read as a person where the corpus also says "the film
    // Vera Drake": a work named like its hero names no one, and nor do its
    // heroes ("the young Billy Elliots" of "the musical Billy Elliot").
    let work = |k: &str| works.contains(k) || k.strip_suffix('s').is_some_and(|w| works.contains(w));
    builders.retain(|k, b| !(work(k) && b.known.is_none() && b.kind() == Some(PERSON)));
    // Parts of the corpus's persons' names: a leftover "Trenin" is the one
    // person of the corpus so named, if there is only one. A given name
    // alone ("Andy") names someone else in another document, so only the
    // other parts count there.
    let given: FxHashSet<String> = gazetteer().given_names.iter().map(|g| key(g)).collect();
    let mut parts: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for (k, b) in &builders {
        if b.votes.winner() == Some(PERSON) && k.contains(' ') {
            for part in k.split(' ').filter(|p| p.len() > 1 && !given.contains(*p)) {
                parts.entry(part.to_string()).or_default().push(k.clone());
            }
        }
    }
    let bodies = Bodies::of(&builders);
    // The documents that use each leftover word.
    let mut pending_docs: FxHashMap<String, FxHashSet<DocId>> = FxHashMap::default();
    for (doc, e) in &pending {
        pending_docs.entry(e.key.clone()).or_default().insert(*doc);
    }
    // Titled words first, so that the same word elsewhere attaches to the
    // person they make whatever the order of the documents.
    pending.sort_by_key(|(_, e)| !e.titled);
    let mut unplaced = Vec::new();
    // A titled word placed by its title ("President Bush"), for the same
    // word without one.
    let mut by_title: FxHashMap<String, String> = FxHashMap::default();
    for (doc, e) in pending {
        let target = acronyms
            .get(&e.key)
            .cloned()
            .or_else(|| full_form(&builders, &e.key))
            // "Mr Kessing" is no short form of "Kessing Group".
            .or_else(|| {
                bodies
                    .full_of(&e.key, &pending_docs[&e.key])
                    .filter(|_| !e.titled && !e.as_person)
            })
            .or_else(|| match parts.get(&e.key).map(Vec::as_slice) {
                Some([one]) if e.titled || e.as_person => Some(one.clone()),
                Some(several) if e.titled => same_title(&builders, several, &e),
                _ => None,
            })
            .or_else(|| by_title.get(&e.key).cloned())
            .or_else(|| builders.contains_key(&e.key).then(|| e.key.clone()));
        if let Some(t) = target.as_ref().filter(|t| e.titled && **t != e.key) {
            by_title.entry(e.key.clone()).or_insert_with(|| t.clone());
        }
        match target {
            Some(t) => {
                if let Some(b) = builders.get_mut(&t) {
                    b.absorb(doc, DocEntity { defining: None, ..e });
                }
            }
            None if e.titled => {
                let mut e = e;
                e.votes.add(PERSON, 1);
                builders.entry(e.key.clone()).or_default().absorb(doc, e);
            }
            None => unplaced.push((doc, e)),
        }
    }
    heads_of_their_names(&mut builders, unplaced);
    let short: Vec<(String, String)> = builders
        .iter()
        .filter_map(|(k, b)| {
            let full = full_form(&builders, k).or_else(|| {
                let person_or_state = matches!(
                    b.kind(),
                    Some(EntityKind::Actor(ActorType::Person | ActorType::State))
                );
                bodies.full_of(k, &b.docs()).filter(|_| !person_or_state)
            })?;
            Some((k.clone(), full))
        })
        .collect();
    for (short, full) in short {
        if let (Some(b), true) = (builders.remove(&short), builders.contains_key(&full)) {
            builders.entry(full).or_default().merge(b);
        }
    }
    let mut entities: Vec<Entity> = builders.into_iter().filter_map(|(k, b)| build(&k, b)).collect();
    entities.sort_by_key(|e| e.mentions.first().copied());
    drop_shared_given_names(&mut entities);
    drop_shared_last_words(&mut entities);
    entities
}

/// "President Bush" where the corpus names several Bushes in full: the
/// best-known of those who hold that title (named in the most documents),
/// if one is.
fn same_title(builders: &FxHashMap<String, Builder>, persons: &[String], e: &DocEntity) -> Option<String> {
    let title = title_of(e.roles.best(|_| true)?);
    let documents = |b: &Builder| b.mentions.iter().map(|m| m.doc).collect::<FxHashSet<_>>().len();
    let mut holders: Vec<(usize, &String)> = persons
        .iter()
        .filter_map(|k| {
            let b = builders.get(k)?;
            (b.roles.best(|_| true).map(title_of) == Some(title.clone())).then(|| (documents(b), k))
        })
        .collect();
    holders.sort_unstable_by(|a, b| b.cmp(a));
    match holders.as_slice() {
        [(n, k), rest @ ..] if rest.first().is_none_or(|(m, _)| m < n) => Some((*k).clone()),
        _ => None,
    }
}

/// A role without the state or people it is of: "US President" and
/// "President" are one title.
fn title_of(role: &str) -> String {
    let is_state = |w: &str| known(&key(w)).is_some_and(|k| k.kind == EntityKind::Actor(ActorType::State));
    let words: Vec<&str> = role
        .split(' ')
        .skip_while(|w| is_state(w) || gazetteer().is_demonym(w))
        .collect();
    words.join(" ").to_lowercase()
}

/// "BBC" alone, never defined, beside "BBC News", "BBC Television" and "BBC
/// World Service": an acronym that several documents use alone and that
/// starts two or more of the corpus's organizations, companies or
/// institutions is the body they belong to, of the kind most of them have.
/// A capitalized word only when all of them are firms: one that starts
/// other names is as often a city ("Manchester University", "Manchester City
/// Council").
pub(super) fn heads_of_their_names(
    builders: &mut FxHashMap<String, Builder>,
    unplaced: Vec<(DocId, DocEntity)>,
) {
    let mut starts: FxHashMap<&str, Votes> = FxHashMap::default();
    for (k, b) in builders.iter() {
        let (Some((first, _)), Some(kind @ EntityKind::Actor(actor))) = (k.split_once(' '), b.votes.winner())
        else {
            continue;
        };
        if actor != ActorType::Person && actor != ActorType::State {
            starts.entry(first).or_default().add(kind, 1);
        }
    }
    let mut by_key: FxHashMap<String, Vec<(DocId, DocEntity)>> = FxHashMap::default();
    for (doc, e) in unplaced {
        by_key.entry(e.key.clone()).or_default().push((doc, e));
    }
    let gz = gazetteer();
    let mut made = Vec::new();
    for (k, docs) in by_key {
        let Some(votes) = starts.get(k.as_str()) else {
            continue;
        };
        let names: u32 = votes.0.iter().sum();
        let Some(kind) = votes.winner() else {
            continue;
        };
        // A word ("Sony" of "Sony Ericsson" and "Sony BMG") only when every
        // name it starts is a firm's, and it is no place or given name:
        // towns start clubs and councils, given names start firms named
        // after their founders.
        let acronym = docs.iter().any(|(_, e)| e.surfaces.best(is_acronym).is_some());
        let word = docs[0].1.surfaces.best(|_| true).unwrap_or_default();
        let firm_word = names == votes.0[COMPANY.index()]
            && !gz.is_place(&k)
            && !gz.given_names.contains(word)
            && !gz.is_demonym(word);
        let distinct_docs = docs.iter().map(|(d, _)| *d).collect::<FxHashSet<_>>().len();
        if (acronym || firm_word) && names >= 2 && distinct_docs >= 2 {
            made.push((k, kind, docs));
        }
    }
    for (k, kind, docs) in made {
        let b = builders.entry(k).or_default();
        for (doc, mut e) in docs {
            e.votes.add(kind, 1);
            b.absorb(doc, DocEntity { defining: None, ..e });
        }
    }
}

/// The entity a one-word name is the short form of, when the corpus has it:
/// a party named without its head ("Labour" for "Labour Party"), a chamber
/// without "House of" ("the Commons").
pub(super) fn full_form(builders: &FxHashMap<String, Builder>, short: &str) -> Option<String> {
    if short.contains(' ') {
        return None;
    }
    [format!("{short} party"), format!("house of {short}")]
        .into_iter()
        .map(|f| key(&f))
        .find(|f| builders.contains_key(f))
}

/// "United" alone, beside "Manchester United" and "Leeds United": one word
/// that ends two or more of the corpus's bodies is a short form of any of
/// them, and no body of its own. Built-in names stay.
fn drop_shared_last_words(entities: &mut Vec<Entity>) {
    let body = |e: &Entity| matches!(e.kind, EntityKind::Actor(a) if a != ActorType::Person && a != ActorType::State);
    let mut last_words: FxHashMap<String, u32> = FxHashMap::default();
    for e in entities.iter().filter(|e| body(e) && e.name.contains(' ')) {
        if let Some(last) = e.name.rsplit(' ').next() {
            *last_words.entry(key(last)).or_default() += 1;
        }
    }
    entities.retain(|e| {
        let shared = !e.name.contains(' ') && last_words.get(&key(&e.name)).is_some_and(|&n| n >= 2);
        !(body(e) && shared && known(&key(&e.name)).is_none())
    });
}

/// A given name alone ("Tony") is no alias of a person when several persons
/// of the corpus have it: it would find or complete to any of them. Its
/// mentions stay, since each document resolved them to its own person.
pub(super) fn drop_shared_given_names(entities: &mut [Entity]) {
    let mut firsts: FxHashMap<String, u32> = FxHashMap::default();
    for e in entities
        .iter()
        .filter(|e| e.kind == PERSON && e.name.contains(' '))
    {
        if let Some(first) = e.name.split(' ').next() {
            *firsts.entry(key(first)).or_default() += 1;
        }
    }
    for e in entities
        .iter_mut()
        .filter(|e| e.kind == PERSON && e.name.contains(' '))
    {
        // Only the person's own given name: "Howard" stays the surname of
        // "Michael Howard" however many Howards there are.
        let own = e.name.split(' ').next().map(key).unwrap_or_default();
        e.aliases
            .retain(|a| key(a) != own || firsts.get(&own).is_none_or(|&n| n < 2));
    }
}

pub(super) fn build(entity_key: &str, mut b: Builder) -> Option<Entity> {
    let kind = b.kind()?;
    // One word whose event noun follows it in few of its mentions ("the
    // Premiership initiative" among 90 "Premiership"s) is what the event is
    // about, not the event's name: an event named by one word is mostly
    // named with its noun ("the Vostok exercise").
    let votes: u32 = b.votes.0.iter().sum();
    let one_word_event =
        b.known.is_none() && matches!(kind, EntityKind::Event(_)) && !entity_key.contains(' ');
    if one_word_event && (votes as usize) * 5 < b.mentions.len() {
        return None;
    }
    let name = match b.known {
        Some(known) if b.surfaces.best(|s| s == known.name).is_some() => known.name.to_string(),
        Some(_) => b
            .surfaces
            .best(|s| !is_acronym(s))
            .or_else(|| b.surfaces.best(|_| true))?
            .to_string(),
        None => b
            .surfaces
            .best(|s| key(s) == entity_key)
            .or_else(|| b.surfaces.best(|_| true))?
            .to_string(),
    };
    let mut aliases: Vec<String> = Vec::new();
    let known_names = b
        .known
        .iter()
        .flat_map(|k| std::iter::once(&k.name).chain(k.aliases));
    for alias in b.surfaces.in_order().into_iter().chain(known_names.copied()) {
        if alias != name && !aliases.iter().any(|a| a == alias) {
            aliases.push(alias.to_string());
        }
    }
    b.mentions.sort();
    b.mentions.dedup();
    Some(Entity {
        id: EntityId(0),
        name,
        kind,
        aliases,
        mentions: b.mentions,
        role: b.roles.best(|_| true).map(str::to_string),
        defining: b.defining.map(|(_, m)| m),
    })
}
