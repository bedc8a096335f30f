//! From the names found in sentences to entities: first within a document
//! (surnames, short organization names, acronyms defined there), then across
//! the corpus (one entity per key; leftover bare words and acronyms attach
//! where they can).

use rustc_hash::FxHashMap;

use super::acronyms::{known, Known};
use super::extract::{sentence_names, MaybePerson, NameCandidate};
use super::gazetteer::gazetteer;
use super::names::{is_acronym, key};
use super::stats::{running_text, CommonWords};
use super::{ActorType, EntityKind, Tally, Votes};
use crate::corpus::{DocId, Document};
use crate::text::TextRange;

mod merge;
mod short_forms;
mod shortened;
mod surnames;

pub(super) use merge::merge;
use short_forms::{acronym_definitions, definition_ranges, organization_aliases};
use surnames::{name_parts, named_as_person, surname_reused};

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
    /// The keys of the works named here ("the film Vera Drake").
    works: Vec<String>,
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
    /// An unplaced single word used as a person's name ("Mr Dunbar",
    /// "Dunbar said"): only such a word is the surname of a person whom
    /// another document names in full.
    #[serde(default)]
    as_person: bool,
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
    let mut works = Vec::new();
    for sentence in running_text(doc) {
        let names = sentence_names(&doc.normalized, sentence, stats);
        let offset = found.len();
        maybe.extend(names.maybe.into_iter().map(|m| MaybePerson {
            parts: m.parts.start + offset..m.parts.end + offset,
            ..m
        }));
        found.extend(names.found);
        definitions.extend(names.definitions);
        works.extend(names.works.iter().map(|&r| key(doc.text(r))));
    }
    let (mut found, unconfirmed) = surname_reused(doc, found, &maybe);
    let mut out = DocNames {
        doc: doc.id,
        entities: Vec::new(),
        pending: Vec::new(),
        acronyms: Vec::new(),
        works,
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
    // Longer names with no kind, made of words that are no titles ("Labour
    // MP" is Labour's).
    let kindless: Vec<TextRange> = found
        .iter()
        .filter(|f| {
            let name = doc.text(f.range);
            f.kind.is_none() && name.contains(' ') && name.split(' ').all(|w| !gazetteer().is_generic_name(w))
        })
        .map(|f| f.range)
        .collect();

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
        } else if (unconfirmed.iter().any(|m| m.range.contains_range(f.range))
            || kindless
                .iter()
                .any(|w| *w != f.range && w.contains_range(f.range)))
            && !named_as_person(&doc.normalized, f.range)
        {
            // A word of two or three proper words that may be a person's
            // name ("Vera Drake", "Jon Dunbar (Leeds Tykes)"), or of a longer
            // name with no kind ("Manchester United" where "united" is a
            // word), names nothing alone unless it speaks ("Later Zelensky
            // agreed"): the whole is placed.
            continue;
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
            p.as_person |= !f.cite && named_as_person(&doc.normalized, f.range);
            continue;
        };
        let priority = if key(name) == target { 1 } else { 2 };
        add(&mut out, target, f, priority);
    }
    // Such a run is the entity of the corpus that has its name, if any
    // ("Spain's Pedro Almodovar" beside "director Pedro Almodovar").
    for m in &unconfirmed {
        let k = key(doc.text(m.range));
        let slot = *pending.entry(k.clone()).or_insert_with(|| {
            out.pending.push(DocEntity {
                key: k,
                ..DocEntity::default()
            });
            out.pending.len() - 1
        });
        let whole = NameCandidate {
            kind: None,
            ..m.person()
        };
        out.pending[slot].add(doc, &whole, 2);
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
