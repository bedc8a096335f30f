//! A person named in full once and by a part of the name after: which
//! full name a bare word of the document belongs to, and when two proper
//! words are a person because the surname alone speaks later.

use rustc_hash::{FxHashMap, FxHashSet};

use super::PERSON;
use crate::corpus::Document;
use crate::entities::acronyms::Known;
use crate::entities::extract::{MaybePerson, NameCandidate};
use crate::entities::gazetteer::gazetteer;
use crate::entities::kinds::is_speech_verb;
use crate::entities::names::key;
use crate::entities::{EntityKind, EventType};
use crate::text::TextRange;

/// Whether the word at `r` is used as a person's name: after an honorific
/// or "said", or before a verb of speech ("Mr Murray", "Murray said",
/// "Zelensky agreed").
pub(super) fn named_as_person(text: &str, r: TextRange) -> bool {
    let before = &text[..r.start];
    let after = &text[r.end..];
    after_honorific(text, r)
        || ["said ", "says "].iter().any(|w| before.ends_with(w))
        || after
            .strip_prefix(' ')
            .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
            .is_some_and(is_speech_verb)
}

/// "Mr Ambani": only a person takes an honorific; a club may speak.
fn after_honorific(text: &str, r: TextRange) -> bool {
    let before = &text[..r.start];
    ["Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Sir ", "Dame "]
        .iter()
        .any(|w| before.ends_with(w))
}

/// News prose names a person in full once and by the surname alone after,
/// as the one who speaks or with an honorific ("Euan Murray … Murray said",
/// "… Mr McManus"); a club or firm is named by its last word too ("Manchester
/// United … United") but seldom so. So two words that may be a person are
/// one when their last word stands alone elsewhere in the document as a
/// speaker or after an honorific, their first word never stands alone, and
/// the last is no plural; after an honorific, the first may stand alone too
/// ("Anil Ambani … Mr Ambani … Anil, 45,"). They then replace their single
/// words in `found`.
/// Returns the names, and the runs left unconfirmed.
pub(super) fn surname_reused(
    doc: &Document,
    found: Vec<NameCandidate>,
    maybe: &[MaybePerson],
) -> (Vec<NameCandidate>, Vec<MaybePerson>) {
    if maybe.is_empty() {
        return (found, Vec::new());
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
    let alone: FxHashSet<String> = alone_words().map(|r| key(doc.text(r))).collect();
    let speaks: FxHashSet<String> = alone_words()
        .filter(|&r| named_as_person(&doc.normalized, r))
        .map(|r| key(doc.text(r)))
        .collect();
    let addressed: FxHashSet<String> = alone_words()
        .filter(|&r| after_honorific(&doc.normalized, r))
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
        let named = addressed.contains(&last) || (speaks.contains(&last) && !alone.contains(&first));
        if !m.parts.is_empty() && !generic && named {
            person_at.insert(m.parts.start, m);
        }
    }
    let unconfirmed = maybe
        .iter()
        .filter(|m| !m.parts.is_empty() && !person_at.contains_key(&m.parts.start))
        .cloned()
        .collect();
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
    (out, unconfirmed)
}

/// The words of the multi-word persons and dated events of a document,
/// where each is first named: "Putin" is part of "Vladimir Putin", "Vostok"
/// of "Vostok-2018".
pub(super) struct NameParts(FxHashMap<String, Vec<(usize, String)>>);

pub(super) fn name_parts(found: &[NameCandidate], keys: &[(String, Option<Known>)]) -> NameParts {
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
    pub(super) fn resolve(&self, part: &str, at: usize) -> Option<String> {
        let owners = self.0.get(part)?;
        owners
            .iter()
            .filter(|(start, _)| *start <= at)
            .max_by_key(|(start, _)| *start)
            .or_else(|| owners.iter().min_by_key(|(start, _)| *start))
            .map(|(_, owner)| owner.clone())
    }
}
