//! From the names found in sentences to entities: first within a document
//! (surnames, short organization names, acronyms defined there), then across
//! the corpus (one entity per key; leftover bare words and acronyms attach
//! where they can).

use rustc_hash::{FxHashMap, FxHashSet};

use super::acronyms::{known, Definition, Known};
use super::extract::{sentence_names, MaybePerson, NameCandidate};
use super::gazetteer::gazetteer;
use super::kinds::{head, Head};
use super::names::{is_acronym, key};
use super::stats::{running_text, CommonWords};
use super::{ActorType, Entity, EntityId, EntityKind, EventType, Mention, Tally, Votes};
use crate::corpus::{DocId, Document};
use crate::text::TextRange;

fn no_doc() -> DocId {
    DocId(0)
}

const PERSON: EntityKind = EntityKind::Actor(ActorType::Person);

/// One document's names, grouped by the entity key they resolved to.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct DocNames {
    /// Set as the table is assembled; not stored, as a kept document's
    /// number changes.
    #[serde(skip, default = "no_doc")]
    pub doc: DocId,
    entities: Vec<DocEntity>,
    /// Bare words and acronyms this document could not place.
    pending: Vec<DocEntity>,
    /// Acronyms defined here: short form key → long form's entity key.
    acronyms: Vec<(String, String)>,
}

/// What one document says about one entity (or one unplaced word).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
struct DocEntity {
    key: String,
    surfaces: Tally,
    mentions: Vec<TextRange>,
    votes: Votes,
    roles: Tally,
    /// (priority, range): 0 an acronym definition, 1 the full name, 2 any
    /// other mention; lower is better, then earlier.
    defining: Option<(u8, TextRange)>,
    /// Named outside citations with a kind, so it may found an entity.
    creates: bool,
    /// An unplaced single word with a title ("President Putin"): a person
    /// even if the corpus never gives the full name.
    titled: bool,
}

impl DocEntity {
    fn add(&mut self, doc: &Document, f: &NameCandidate, defining_priority: u8) {
        self.surfaces.add(doc.text(f.range), 1);
        self.mentions.push(f.range);
        if let Some(role) = f.role {
            self.roles.add(doc.text(role), 1);
        }
        if !f.cite {
            if let Some((kind, sure)) = f.kind {
                self.votes.add(kind, u32::from(sure));
                self.creates = true;
            }
            let range = match f.role {
                Some(role) if role.end <= f.range.start => TextRange::new(role.start, f.range.end),
                _ => f.range,
            };
            let candidate = (defining_priority, range);
            if self
                .defining
                .is_none_or(|d| (d.0, d.1.start) > (candidate.0, candidate.1.start))
            {
                self.defining = Some(candidate);
            }
        }
    }
}

/// The entity key of a name: that of its built-in entity if it has one.
fn entity_key(name: &str) -> (String, Option<Known>) {
    let k = key(name);
    match known(&k) {
        Some(known) => (key(known.name), Some(known)),
        None => (k, None),
    }
}

/// Extracts and resolves the names of one document.
pub(super) fn document_names(doc: &Document, stats: &dyn CommonWords) -> DocNames {
    let mut found = Vec::new();
    let mut maybe = Vec::new();
    let mut definitions = Vec::new();
    for sentence in running_text(doc) {
        let (f, m, d) = sentence_names(&doc.normalized, sentence, stats);
        let offset = found.len();
        maybe.extend(m.into_iter().map(|m| MaybePerson {
            parts: m.parts.start + offset..m.parts.end + offset,
            ..m
        }));
        found.extend(f);
        definitions.extend(d);
    }
    let mut found = surname_reused(doc, found, &maybe);
    let mut out = DocNames {
        doc: doc.id,
        entities: Vec::new(),
        pending: Vec::new(),
        acronyms: Vec::new(),
    };
    let mut slots: FxHashMap<String, usize> = FxHashMap::default();
    let mut pending: FxHashMap<String, usize> = FxHashMap::default();
    let mut add = |out: &mut DocNames, target: String, f: &NameCandidate, priority: u8| {
        let slot = *slots.entry(target.clone()).or_insert_with(|| {
            out.entities.push(DocEntity {
                key: target,
                ..DocEntity::default()
            });
            out.entities.len() - 1
        });
        out.entities[slot].add(doc, f, priority);
    };

    let mut keys: Vec<(String, Option<Known>)> =
        found.iter().map(|f| entity_key(doc.text(f.range))).collect();
    let aliases = organization_aliases(doc, &found, &keys);
    // Long forms the extractor missed are added to `found`; key them too.
    let local_acronyms = acronym_definitions(doc, &definitions, &mut found);
    keys.extend(found[keys.len()..].iter().map(|f| entity_key(doc.text(f.range))));
    let parts = name_parts(&found, &keys);

    for (f, (k, known)) in found.iter().zip(&keys) {
        let name = doc.text(f.range);
        let single = !name.contains(' ') && known.is_none();
        // A title, a salutation or a generic word names no one ("President",
        // "Ladies", "TV"), and a word the corpus mostly writes in lower case
        // ("State") is no alias: neither makes or joins an entity.
        if known.is_none() && (gazetteer().is_generic_name(name) || (single && stats.is_common(name))) {
            continue;
        }
        let part_of = || parts.resolve(&key(name), f.range.start);
        let target = if let Some(longer) = aliases.get(k) {
            longer.clone()
        } else if f.kind.is_some() {
            // "the Putin regime", "the Vostok exercise": part of a full name.
            let part = if single { part_of() } else { None };
            part.unwrap_or_else(|| k.clone())
        } else if let Some(long) = local_acronyms.get(k).filter(|_| is_acronym(name)) {
            long.clone()
        } else if let Some(person) = part_of() {
            person
        } else {
            let slot = *pending.entry(k.clone()).or_insert_with(|| {
                out.pending.push(DocEntity {
                    key: k.clone(),
                    ..DocEntity::default()
                });
                out.pending.len() - 1
            });
            let p = &mut out.pending[slot];
            p.add(doc, f, 2);
            p.titled |= f.role.is_some() && !f.cite && !is_acronym(name);
            continue;
        };
        let priority = if key(name) == target { 1 } else { 2 };
        add(&mut out, target, f, priority);
    }
    out.acronyms.extend(local_acronyms);
    // Definitions come first among defining mentions.
    for (target, range) in definition_ranges(doc, &definitions) {
        if let Some(&slot) = slots.get(&target) {
            out.entities[slot].defining = Some((0, range));
        }
    }
    out
}

/// News prose names a person in full once and by the surname alone after,
/// as the one who speaks or with an honorific ("Euan Murray … Murray said",
/// "… Mr McManus"); a club or firm is named by its last word too ("Manchester
/// United … United") but seldom so. So two words that may be a person are
/// one when their last word stands alone elsewhere in the document as a
/// speaker or after an honorific, their first word never stands alone, and
/// the last is no plural: they then replace their single words in `found`.
fn surname_reused(doc: &Document, found: Vec<NameCandidate>, maybe: &[MaybePerson]) -> Vec<NameCandidate> {
    if maybe.is_empty() {
        return found;
    }
    let mut in_maybe = vec![false; found.len()];
    for m in maybe {
        in_maybe[m.parts.clone()].iter_mut().for_each(|x| *x = true);
    }
    let alone_words = || {
        found
            .iter()
            .zip(&in_maybe)
            .filter(|(f, inside)| !**inside && f.kind.is_none())
            .map(|(f, _)| f.range)
    };
    let text = &doc.normalized;
    let as_person = |r: TextRange| {
        let before = &text[..r.start];
        let after = &text[r.end..];
        [
            "Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Sir ", "Dame ", "said ", "says ",
        ]
        .iter()
        .any(|w| before.ends_with(w))
            || [
                " said",
                " says",
                " added",
                " told",
                " admitted",
                " insisted",
                " explained",
            ]
            .iter()
            .any(|w| after.starts_with(w))
    };
    let alone: FxHashSet<String> = alone_words().map(|r| key(doc.text(r))).collect();
    let speaks: FxHashSet<String> = alone_words()
        .filter(|&r| as_person(r))
        .map(|r| key(doc.text(r)))
        .collect();
    let mut person_at: FxHashMap<usize, &MaybePerson> = FxHashMap::default();
    for m in maybe {
        let name = doc.text(m.range);
        let Some((first, last)) = name.split_once(' ').filter(|(_, l)| !l.contains(' ')) else {
            continue;
        };
        // A plural that speaks is a club or a band ("Rangers said"), as
        // after "the" (`plural_group`).
        let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
        let generic = plural || gazetteer().is_generic_name(first) || gazetteer().is_generic_name(last);
        let (first, last) = (key(first), key(last));
        // A run whose words made no candidate has none to replace.
        if !m.parts.is_empty() && !generic && speaks.contains(&last) && !alone.contains(&first) {
            person_at.insert(m.parts.start, m);
        }
    }
    let mut out = Vec::with_capacity(found.len());
    let mut skip_to = 0;
    for (i, f) in found.into_iter().enumerate() {
        if let Some(m) = person_at.get(&i) {
            out.push(m.person());
            skip_to = m.parts.end;
        } else if i >= skip_to {
            out.push(f);
        }
    }
    out
}

/// "Carnegie-Tsinghua Center" for "Carnegie-Tsinghua Center for Global
/// Policy", "Central Bank" for "Russian Central Bank": organization names
/// that a longer one in the same document completes, mapped to its key.
fn organization_aliases(
    doc: &Document,
    found: &[NameCandidate],
    keys: &[(String, Option<Known>)],
) -> FxHashMap<String, String> {
    let organizations: Vec<(String, &str, &str)> = found
        .iter()
        .zip(keys)
        .filter(|(f, _)| {
            matches!(
                f.kind,
                Some((
                    EntityKind::Actor(ActorType::Organization | ActorType::Institution | ActorType::Company),
                    _
                ))
            )
        })
        .map(|(f, (target, _))| (key(doc.text(f.range)), doc.text(f.range), target.as_str()))
        .collect();
    let mut out = FxHashMap::default();
    for (short, _, short_target) in &organizations {
        if !short.contains(' ') {
            continue;
        }
        let longer = organizations.iter().find(|(long, written, _)| {
            let rest = long.strip_prefix(short.as_str());
            let completes = rest.is_some_and(|r| r.starts_with(" for ") || r.starts_with(" of "));
            let demonym = long
                .strip_suffix(short.as_str())
                .is_some_and(|r| r.ends_with(' ') && !r[..r.len() - 1].contains(' '))
                && written
                    .split(' ')
                    .next()
                    .is_some_and(|w| gazetteer().is_demonym(w));
            completes || demonym
        });
        if let Some((_, _, long_target)) = longer {
            out.insert(short_target.to_string(), long_target.to_string());
        }
    }
    out
}

/// Registers the document's acronym definitions: short form key → long
/// form's entity key. A long form the extractor did not find as a name is
/// added as one, with the kind of its head noun (an organization if none).
fn acronym_definitions(
    doc: &Document,
    definitions: &[Definition],
    found: &mut Vec<NameCandidate>,
) -> FxHashMap<String, String> {
    let mut local = FxHashMap::default();
    for d in definitions {
        let (long, _) = entity_key(doc.text(d.long));
        if !found.iter().any(|f| f.range == d.long) {
            let words: Vec<&str> = doc.text(d.long).split(' ').collect();
            let kind = words
                .iter()
                .rev()
                .find_map(|w| match head(w, &words) {
                    Some(Head::Kind(k)) => Some(k),
                    _ => None,
                })
                .unwrap_or(EntityKind::Actor(ActorType::Organization));
            found.push(NameCandidate {
                range: d.long,
                kind: Some((kind, 2)),
                role: None,
                cite: false,
            });
        }
        local.insert(key(doc.text(d.short)), long);
    }
    local
}

/// Where each acronym definition stands, "Long Form (SF)" with its
/// parenthesis, keyed by the long form's entity.
fn definition_ranges(doc: &Document, definitions: &[Definition]) -> Vec<(String, TextRange)> {
    definitions
        .iter()
        .map(|d| {
            let mut range = TextRange::new(d.long.start.min(d.short.start), d.long.end.max(d.short.end));
            if doc.normalized[range.end..].starts_with(')') {
                range.end += 1;
            }
            (entity_key(doc.text(d.long)).0, range)
        })
        .collect()
}

/// The words of the multi-word persons and dated events of a document,
/// where each is first named: "Putin" is part of "Vladimir Putin", "Vostok"
/// of "Vostok-2018".
struct NameParts(FxHashMap<String, Vec<(usize, String)>>);

fn name_parts(found: &[NameCandidate], keys: &[(String, Option<Known>)]) -> NameParts {
    let mut parts: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
    for (f, (k, _)) in found.iter().zip(keys) {
        let person = matches!(f.kind, Some((PERSON, _)));
        let dated = matches!(f.kind, Some((EntityKind::Event(EventType::Exercise), _))) && k.contains(' ');
        if (person || dated) && k.contains(' ') && !f.cite {
            for part in k.split(' ').filter(|p| p.len() > 1) {
                let list = parts.entry(part.to_string()).or_default();
                if !list.iter().any(|(_, owner)| owner == k) {
                    list.push((f.range.start, k.clone()));
                }
            }
        }
    }
    NameParts(parts)
}

impl NameParts {
    /// The owner of a part: the nearest full name before `at`, else after.
    fn resolve(&self, part: &str, at: usize) -> Option<String> {
        let owners = self.0.get(part)?;
        owners
            .iter()
            .filter(|(start, _)| *start <= at)
            .max_by_key(|(start, _)| *start)
            .or_else(|| owners.iter().min_by_key(|(start, _)| *start))
            .map(|(_, owner)| owner.clone())
    }
}

/// An entity being assembled from documents.
#[derive(Default)]
struct Builder {
    known: Option<Known>,
    surfaces: Tally,
    mentions: Vec<Mention>,
    votes: Votes,
    roles: Tally,
    defining: Option<(u8, Mention)>,
}

impl Builder {
    fn merge(&mut self, other: Builder) {
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

    fn absorb(&mut self, doc: DocId, e: DocEntity) {
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
pub(super) fn merge(docs: Vec<DocNames>) -> Vec<Entity> {
    let mut acronyms: FxHashMap<String, String> = FxHashMap::default();
    for d in &docs {
        for (short, long) in &d.acronyms {
            acronyms.entry(short.clone()).or_insert_with(|| long.clone());
        }
    }
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
    // Titled words first, so that the same word elsewhere attaches to the
    // person they make whatever the order of the documents.
    pending.sort_by_key(|(_, e)| !e.titled);
    let mut unplaced = Vec::new();
    for (doc, e) in pending {
        let target = acronyms
            .get(&e.key)
            .cloned()
            .or_else(|| full_form(&builders, &e.key))
            .or_else(|| match parts.get(&e.key).map(Vec::as_slice) {
                Some([one]) => Some(one.clone()),
                _ => None,
            })
            .or_else(|| builders.contains_key(&e.key).then(|| e.key.clone()));
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
        .keys()
        .filter_map(|k| Some((k.clone(), full_form(&builders, k)?)))
        .collect();
    for (short, full) in short {
        if let (Some(b), true) = (builders.remove(&short), builders.contains_key(&full)) {
            builders.entry(full).or_default().merge(b);
        }
    }
    let mut entities: Vec<Entity> = builders.into_iter().filter_map(|(k, b)| build(&k, b)).collect();
    entities.sort_by_key(|e| e.mentions.first().copied());
    drop_shared_given_names(&mut entities);
    entities
}

/// "BBC" alone, never defined, beside "BBC News", "BBC Television" and "BBC
/// World Service": an acronym that several documents use alone and that
/// starts two or more of the corpus's organizations, companies or
/// institutions is the body they belong to, of the kind most of them have.
/// Only acronyms: a capitalized word that starts such names is as often a
/// city ("Manchester University", "Manchester City Council").
fn heads_of_their_names(builders: &mut FxHashMap<String, Builder>, unplaced: Vec<(DocId, DocEntity)>) {
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
        if e.surfaces.best(is_acronym).is_some() {
            by_key.entry(e.key.clone()).or_default().push((doc, e));
        }
    }
    let mut made = Vec::new();
    for (k, docs) in by_key {
        let Some(votes) = starts.get(k.as_str()) else {
            continue;
        };
        let names: u32 = votes.0.iter().sum();
        let Some(kind) = votes.winner() else {
            continue;
        };
        let distinct_docs = docs.iter().map(|(d, _)| *d).collect::<FxHashSet<_>>().len();
        if names >= 2 && distinct_docs >= 2 {
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
fn full_form(builders: &FxHashMap<String, Builder>, short: &str) -> Option<String> {
    if short.contains(' ') {
        return None;
    }
    [format!("{short} party"), format!("house of {short}")]
        .into_iter()
        .map(|f| key(&f))
        .find(|f| builders.contains_key(f))
}

/// A given name alone ("Tony") is no alias of a person when several persons
/// of the corpus have it: it would find or complete to any of them. Its
/// mentions stay, since each document resolved them to its own person.
fn drop_shared_given_names(entities: &mut [Entity]) {
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

fn build(entity_key: &str, mut b: Builder) -> Option<Entity> {
    let kind = b.known.map(|k| k.kind).or_else(|| b.votes.winner())?;
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
