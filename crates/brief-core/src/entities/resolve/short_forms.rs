//! Short forms a document defines: an organization's name that a longer
//! one completes, and acronyms defined in parentheses.

use rustc_hash::FxHashMap;

use super::entity_key;
use crate::corpus::Document;
use crate::entities::acronyms::{Definition, Known};
use crate::entities::extract::NameCandidate;
use crate::entities::gazetteer::gazetteer;
use crate::entities::kinds::{head, Head};
use crate::entities::names::key;
use crate::entities::{ActorType, EntityKind};
use crate::text::TextRange;

/// "Carnegie-Tsinghua Center" for "Carnegie-Tsinghua Center for Global
/// Policy", "Central Bank" for "Russian Central Bank": organization names
/// that a longer one in the same document completes, mapped to its key.
pub(super) fn organization_aliases(
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
/// form's entity key. A long form the extractor did not find as a name with a kind is
/// added as one, with the kind of its head noun (an organization if none).
pub(super) fn acronym_definitions(
    doc: &Document,
    definitions: &[Definition],
    found: &mut Vec<NameCandidate>,
) -> FxHashMap<String, String> {
    let mut local = FxHashMap::default();
    for d in definitions {
        let (long, _) = entity_key(doc.text(d.long));
        if !found.iter().any(|f| f.range == d.long && f.kind.is_some()) {
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
pub(super) fn definition_ranges(doc: &Document, definitions: &[Definition]) -> Vec<(String, TextRange)> {
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
