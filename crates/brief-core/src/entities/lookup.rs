//! Finding entities by what a writer types: a name or alias (exact, or
//! folded by key), or the start of one for completion.

use rustc_hash::FxHashMap;

use super::names::{fold, is_acronym, key};
use super::{Entity, EntityId};
use crate::corpus::normalize_str;

/// Names and aliases, as written and by key.
#[derive(Clone, Debug, Default)]
pub(super) struct Index {
    exact: FxHashMap<String, Vec<Entry>>,
    by_key: FxHashMap<String, Vec<Entry>>,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    id: EntityId,
    /// The canonical name rather than an alias.
    is_name: bool,
    /// Written as an acronym: found by key only from a query in capitals.
    acronym: bool,
}

impl Index {
    pub fn new(entities: &[Entity]) -> Index {
        let mut index = Index::default();
        for e in entities {
            let names =
                std::iter::once((e.name.as_str(), true)).chain(e.aliases.iter().map(|a| (a.as_str(), false)));
            for (name, is_name) in names {
                let entry = Entry {
                    id: e.id,
                    is_name,
                    acronym: is_acronym(name),
                };
                index.exact.entry(name.to_string()).or_default().push(entry);
                index.by_key.entry(key(name)).or_default().push(entry);
            }
        }
        index
    }

    pub fn find(&self, entities: &[Entity], text: &str) -> Option<EntityId> {
        let text = normalize_str(text);
        let best = |entries: &[Entry]| {
            entries
                .iter()
                .max_by_key(|e| {
                    (
                        e.is_name,
                        entities[e.id.0 as usize].mentions.len(),
                        std::cmp::Reverse(e.id),
                    )
                })
                .map(|e| e.id)
        };
        if let Some(found) = self.exact.get(&text).and_then(|entries| best(entries)) {
            return Some(found);
        }
        let capitals = is_acronym(&text);
        let entries: Vec<Entry> = self
            .by_key
            .get(&key(&text))?
            .iter()
            .copied()
            .filter(|e| capitals || !e.acronym)
            .collect();
        best(&entries)
    }
}

/// Entities with a name or alias whose consecutive words start with the
/// words of `prefix`, scored and sorted best first: three parts how well the
/// typed text fits the name ([`match_quality`]), one part how useful the
/// entity is ([`usefulness`]).
pub(super) fn complete<'a>(entities: &'a [Entity], prefix: &str) -> Vec<(&'a Entity, f64, &'a str)> {
    let query: Vec<&str> = prefix.split_whitespace().collect();
    let folded: Vec<String> = query.iter().map(|w| fold(w)).collect();
    let most_mentions = entities.iter().map(|e| e.mentions.len()).max().unwrap_or(0);
    let most_sources = entities.iter().map(sources).max().unwrap_or(0);
    let mut out: Vec<(&Entity, f64, &str)> = entities
        .iter()
        .filter_map(|e| {
            let names = std::iter::once(&e.name).chain(&e.aliases);
            let (quality, matched) = names
                .filter_map(|n| match_quality(n, &query, &folded).map(|q| (q, n.as_str())))
                .fold(None, |best: Option<(f64, &str)>, c| match best {
                    Some(b) if b.0 >= c.0 => Some(b),
                    _ => Some(c),
                })?;
            let useful = usefulness(e, most_mentions, most_sources);
            Some((e, 0.75 * quality + 0.25 * useful, matched))
        })
        .collect();
    out.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then(b.0.mentions.len().cmp(&a.0.mentions.len()))
            .then(a.0.name.cmp(&b.0.name))
    });
    out
}

/// How many documents mention the entity.
fn sources(e: &Entity) -> usize {
    let mut docs: Vec<_> = e.mentions.iter().map(|m| m.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// How useful an entity is to a writer (0 to 1): chiefly how many documents
/// name it, so that one document repeating a name does not outrank one the
/// whole corpus discusses, then how often it is mentioned, both on a log
/// scale against the corpus's most named entity.
fn usefulness(e: &Entity, most_mentions: usize, most_sources: usize) -> f64 {
    let scale = |n: usize, most: usize| ((1 + n) as f64).ln() / ((2 + most) as f64).ln();
    0.7 * scale(sources(e), most_sources) + 0.3 * scale(e.mentions.len(), most_mentions)
}

/// How well `name` matches the typed words (0 to 1), if it does: from its
/// first word better than from an inner one, more of the matched words
/// typed better than fewer ("Bla" fits "Blair" better than "Blackburn"),
/// exact case better than folded, and all of it best.
fn match_quality(name: &str, query: &[&str], folded: &[String]) -> Option<f64> {
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if query.is_empty() {
        return Some(0.5);
    }
    let at = (0..words.len().saturating_sub(query.len() - 1)).find(|&i| {
        folded
            .iter()
            .enumerate()
            .all(|(j, q)| fold(words[i + j]).starts_with(q.as_str()))
    })?;
    let mut quality = if at == 0 { 0.7 } else { 0.5 };
    let typed: usize = folded.iter().map(|q| q.chars().count()).sum();
    let matched: usize = words[at..at + query.len()]
        .iter()
        .map(|w| w.chars().count())
        .sum();
    quality += 0.1 * typed as f64 / matched.max(1) as f64;
    if query
        .iter()
        .enumerate()
        .all(|(j, q)| words[at + j].starts_with(q))
    {
        quality += 0.1;
    }
    if fold(name) == folded.join(" ") {
        quality += 0.1;
    }
    Some(quality)
}
