//! Named entities of the corpus: actors (people, states, organizations,
//! companies, institutions) and events (exercises, crises, treaties,
//! summits, projects), each with its aliases, its mentions and, when the
//! corpus gives one, a role ("Russian foreign minister") and a defining
//! mention.
//!
//! Building the table ([`EntityTable::build`]):
//! 1. `stats`: over the prose and list items of all documents, how often each
//!    word is written in lower case and how often capitalized inside a
//!    sentence ("Economic" is a common word, "Lavrov" is not).
//! 2. `extract`, per sentence of prose and list items (headings, navigation,
//!    metadata and reference lists are skipped): runs of capitalized words
//!    become names with a kind (see that module for the rules), or bare words
//!    ("Putin", "Vostok") and acronyms left to resolution. Names inside
//!    author–date citations ("(Kashin 2019a)") can only attach to entities
//!    named elsewhere.
//! 3. `acronyms`: Schwartz–Hearst definitions ("Eurasian Economic Union
//!    (EEU)"; word initials are tried first, so that "International
//!    Institute for Strategic Studies (IISS)" keeps its first word), only
//!    with capitalized long forms, and a built-in table of standard names (EEU/EAEU, SCO, BRI,
//!    UN, EU, NATO, PRC = China, US/USA/U.S./America = United States, …).
//! 4. `resolve`, per document: a bare word that is part of a person's full
//!    name in the same document is that person (surname or given name, the
//!    nearest full mention before it, else after); "Vostok" is "Vostok-2018";
//!    an organization named by the start of a longer name ("Carnegie-Tsinghua
//!    Center" … "for Global Policy") or without its demonym ("Central Bank" /
//!    "Russian Central Bank") is the longer one; two words that may be a
//!    person are one when the last speaks alone later ("Euan Murray" …
//!    "Murray said"). Then across documents: names
//!    with the same key are one entity (`names`: case, punctuation, "&" =
//!    "and", and transliteration variants such as "Dmitri"/"Dmitry" fold
//!    together); bare words left over attach to the one person of the corpus
//!    they name where their document uses them as a person ("Mr Dunbar",
//!    "Dunbar said"), a titled one ("President Bush") to the namesake with
//!    that title; an acronym used alone in several documents that starts two
//!    or more organizations' names ("BBC" of "BBC News") is their body; one
//!    word that ends several bodies' names ("United") is none; the rest are
//!    dropped.
//!
//! Decisions: China and the PRC ("People's Republic of China") are one
//! state, Taiwan another; weapon systems ("S-400", "Su-35") and codes are
//! not entities; cities, regions and seas are places, not actors; demonyms
//! ("Russian", "the Chinese") are not entities; a forum that meets is a
//! summit ("… Forum"), but the G7 and G20 are organizations; news media are
//! companies; think tanks, universities, central banks, ministries, armed
//! forces and research programs are institutions.
//!
//! # `entities.toml`
//!
//! Corrections to the extracted table, applied by
//! [`EntityTable::apply_overrides`] in this order: renames, merges, entries,
//! suppressions.
//!
//! ```toml
//! # Add an entity the extractor missed, or adjust one it found (matched by
//! # its name or any alias): set its kind or role, add aliases.
//! [[entity]]
//! name = "Power of Siberia"
//! kind = "event/project"          # required when adding
//! aliases = ["PoS"]
//! role = "gas pipeline"           # optional
//!
//! # Fold entities into one; names that match no entity become aliases.
//! [[merge]]
//! into = "Eurasian Economic Union"
//! names = ["EEU", "EAEU"]
//!
//! # Change the canonical name; the old one stays an alias.
//! [[rename]]
//! from = "Dmitri Trenin"
//! to = "Dmitry Trenin"
//!
//! # Drop entities named so, and remove these aliases from all others.
//! # TOML reads a key after a table as part of it, so `suppress` belongs
//! # before the first table; written inside one, it still counts.
//! suppress = ["Link Copied", "Source"]
//! ```
//!
//! Kinds are `actor/person`, `actor/state`, `actor/organization`,
//! `actor/company`, `actor/institution`, `event/exercise`, `event/crisis`,
//! `event/treaty`, `event/summit` and `event/project`; the part after the
//! slash alone is accepted too.

mod acronyms;
mod extract;
mod gazetteer;
mod kinds;
mod lookup;
mod names;
mod overrides;
mod resolve;
mod roles;
mod stats;
mod tokens;
mod units;

#[cfg(test)]
mod quality;
#[cfg(test)]
mod reader_tests;
#[cfg(test)]
mod recall_tests;
#[cfg(test)]
mod tests;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub use stats::CaseCounts;

use crate::corpus::{DocId, Document};
use crate::text::TextRange;

#[cfg(feature = "schema")]
pub use overrides::entity_overrides_schema;
pub use overrides::{parse_entity_overrides, EntityOverride, EntityOverrides, Merge, Rename};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum ActorType {
    Person,
    State,
    Organization,
    Company,
    /// Think tanks, universities, central banks, ministries, armed forces.
    Institution,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum EventType {
    Exercise,
    /// Crises and wars.
    Crisis,
    /// Treaties and agreements.
    Treaty,
    /// Summits, meetings, forums, dialogues.
    Summit,
    /// Projects, initiatives, pipelines, routes.
    Project,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum EntityKind {
    Actor(ActorType),
    Event(EventType),
}

impl EntityKind {
    const ALL: [EntityKind; 10] = [
        EntityKind::Actor(ActorType::Person),
        EntityKind::Actor(ActorType::State),
        EntityKind::Actor(ActorType::Organization),
        EntityKind::Actor(ActorType::Company),
        EntityKind::Actor(ActorType::Institution),
        EntityKind::Event(EventType::Exercise),
        EntityKind::Event(EventType::Crisis),
        EntityKind::Event(EventType::Treaty),
        EntityKind::Event(EventType::Summit),
        EntityKind::Event(EventType::Project),
    ];

    /// "actor/person", "event/treaty": the form `entities.toml` uses.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Actor(ActorType::Person) => "actor/person",
            EntityKind::Actor(ActorType::State) => "actor/state",
            EntityKind::Actor(ActorType::Organization) => "actor/organization",
            EntityKind::Actor(ActorType::Company) => "actor/company",
            EntityKind::Actor(ActorType::Institution) => "actor/institution",
            EntityKind::Event(EventType::Exercise) => "event/exercise",
            EntityKind::Event(EventType::Crisis) => "event/crisis",
            EntityKind::Event(EventType::Treaty) => "event/treaty",
            EntityKind::Event(EventType::Summit) => "event/summit",
            EntityKind::Event(EventType::Project) => "event/project",
        }
    }

    /// "person", "treaty": the kind in a sentence.
    pub fn label(self) -> &'static str {
        self.as_str().split('/').nth(1).unwrap_or("")
    }

    /// Reads [`EntityKind::as_str`] or [`EntityKind::label`].
    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.label() == s)
    }

    fn index(self) -> usize {
        EntityKind::ALL.iter().position(|&k| k == self).unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct EntityId(pub u32);

/// Where the corpus names an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    pub doc: DocId,
    /// The name as written, in the document's normalized text.
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// The canonical name, as the corpus spells it most often (or the
    /// standard name of a built-in entity, when the corpus uses it).
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings in the corpus, short names ("Putin"), acronyms, and
    /// the standard names of built-in entities.
    pub aliases: Vec<String>,
    /// In document order.
    pub mentions: Vec<Mention>,
    /// The title or position the corpus gives most often: "Russian foreign
    /// minister", "director of the Carnegie Moscow Center".
    pub role: Option<String>,
    /// The mention that introduces the entity in running text: its acronym
    /// definition ("Eurasian Economic Union (EEU)"), else the first mention
    /// of its full name, with a title before it if there is one ("Russian
    /// foreign minister Sergey Lavrov"). The sentence around it is in the
    /// document's `sentences`.
    pub defining: Option<Mention>,
}

/// The entities of a corpus, with an index of their names and aliases.
#[derive(Clone, Debug, Default)]
pub struct EntityTable {
    pub entities: Vec<Entity>,
    index: lookup::Index,
}

impl EntityTable {
    /// Extracts the entities of `documents` (in parallel; see the module
    /// documentation for the steps).
    pub fn build(documents: &[Document]) -> EntityTable {
        let stats = documents
            .par_iter()
            .map(stats::CaseStats::count)
            .reduce(stats::CaseStats::default, stats::CaseStats::merge);
        let per_document: Vec<resolve::DocNames> = documents
            .par_iter()
            .map(|doc| resolve::document_names(doc, &stats))
            .collect();
        EntityTable::from_entities(resolve::merge(per_document))
    }

    /// The table of each document's names, in document order (what
    /// [`EntityTable::build`] gives when the parts are those of the same
    /// documents and counts).
    pub fn assemble<'a>(per_doc: impl IntoIterator<Item = (DocId, &'a DocEntities)>) -> EntityTable {
        let names = per_doc
            .into_iter()
            .map(|(doc, parts)| {
                let mut names = parts.names.clone();
                names.doc = doc;
                names
            })
            .collect();
        EntityTable::from_entities(resolve::merge(names))
    }

    /// A table of `entities`, numbered in order, with its name index.
    pub fn from_entities(mut entities: Vec<Entity>) -> EntityTable {
        for (i, e) in entities.iter_mut().enumerate() {
            e.id = EntityId(i as u32);
        }
        let index = lookup::Index::new(&entities);
        EntityTable { entities, index }
    }

    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// The entity a name or alias refers to: an exact match first, then one
    /// by key (case, punctuation and transliteration folded), where an
    /// acronym only matches a name written in capitals. Among several, the
    /// most mentioned.
    pub fn find_by_alias(&self, text: &str) -> Option<&Entity> {
        self.index.find(&self.entities, text).map(|id| self.entity(id))
    }

    /// Entities whose name or an alias has a word starting with `prefix`
    /// (several words match consecutive words: "Xi J" → "Xi Jinping"), best
    /// first: by how well the typed text fits (whole-name prefixes before
    /// inner words, more of the word typed, exact case before folded), then
    /// by how useful the entity is (how many documents name it, then how
    /// often). Each comes with its score (0 to 1) and the name or alias that
    /// matched.
    pub fn complete(&self, prefix: &str) -> Vec<(&Entity, f64, &str)> {
        lookup::complete(&self.entities, prefix)
    }
}

/// One document's part of the entity table: its names, resolved within the
/// document, and the case-count answers they depend on.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct DocEntities {
    names: resolve::DocNames,
    asked: Vec<(stats::Question, Box<str>, bool)>,
}

impl DocEntities {
    /// The names of `doc` under the corpus's `counts`.
    pub fn of(doc: &Document, counts: &CaseCounts) -> DocEntities {
        let asking = stats::Asking {
            counts,
            asked: Default::default(),
        };
        let names = resolve::document_names(doc, &asking);
        let mut asked = asking.asked.into_inner();
        asked.sort_unstable();
        asked.dedup();
        DocEntities { names, asked }
    }

    /// Whether `counts` give every answer these names were built on (so
    /// that building them again would give the same).
    pub fn still_hold(&self, counts: &CaseCounts) -> bool {
        use stats::CommonWords;
        self.asked
            .iter()
            .all(|(question, word, answer)| counts.answer(*question, word) == *answer)
    }
}

/// Kind votes: how many mentions, weighted by how sure each is, say each kind.
#[derive(Clone, Copy, Debug, Default, serde::Serialize, serde::Deserialize)]
struct Votes([u32; 10]);

impl Votes {
    fn add(&mut self, kind: EntityKind, weight: u32) {
        self.0[kind.index()] += weight;
    }

    fn merge(&mut self, other: &Votes) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    /// The kind with most votes; ties go to the earlier kind.
    fn winner(&self) -> Option<EntityKind> {
        let (i, &n) = self.0.iter().enumerate().rev().max_by_key(|&(_, n)| *n)?;
        (n > 0).then_some(EntityKind::ALL[i])
    }
}

/// Counts of the strings seen for one thing, remembering first-seen order.
/// Stored as its strings and counts in that order, so that equal tallies
/// store equal bytes whatever their map's history.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(into = "Vec<(String, u32)>", from = "Vec<(String, u32)>")]
struct Tally(FxHashMap<String, (u32, usize)>);

impl From<Tally> for Vec<(String, u32)> {
    fn from(tally: Tally) -> Self {
        let mut all: Vec<(String, (u32, usize))> = tally.0.into_iter().collect();
        all.sort_by_key(|&(_, (_, i))| i);
        all.into_iter().map(|(s, (n, _))| (s, n)).collect()
    }
}

impl From<Vec<(String, u32)>> for Tally {
    fn from(all: Vec<(String, u32)>) -> Self {
        let mut tally = Tally::default();
        for (s, n) in all {
            tally.add(&s, n);
        }
        tally
    }
}

impl Tally {
    fn add(&mut self, s: &str, n: u32) {
        let next = self.0.len();
        self.0.entry(s.to_string()).or_insert((0, next)).0 += n;
    }

    fn merge(&mut self, other: &Tally) {
        for s in other.in_order() {
            self.add(s, other.0[s].0);
        }
    }

    /// The most frequent, the first seen among equals, of those `keep` accepts.
    fn best(&self, keep: impl Fn(&str) -> bool) -> Option<&str> {
        self.0
            .iter()
            .filter(|(s, _)| keep(s))
            .max_by(|(_, (n1, i1)), (_, (n2, i2))| n1.cmp(n2).then(i2.cmp(i1)))
            .map(|(s, _)| s.as_str())
    }

    /// All strings, in first-seen order.
    fn in_order(&self) -> Vec<&str> {
        let mut all: Vec<(&str, usize)> = self.0.iter().map(|(s, &(_, i))| (s.as_str(), i)).collect();
        all.sort_by_key(|&(_, i)| i);
        all.into_iter().map(|(s, _)| s).collect()
    }
}
