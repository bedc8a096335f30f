//! Across the corpus: a body's name written short, by abbreviating its
//! words ("Man Utd" for "Manchester United") or without the corporate words
//! at its end ("Nortel" for "Nortel Networks", "Shanghai Automotive" for
//! "Shanghai Automotive Industry Corp").

use rustc_hash::{FxHashMap, FxHashSet};

use super::merge::Builder;
use crate::corpus::DocId;
use crate::entities::acronyms::known;
use crate::entities::names::key;
use crate::entities::{ActorType, EntityKind};

/// Words that name a firm's legal form or line of business and that news
/// prose drops after the first mention.
const CORPORATE: &[&str] = &[
    "group",
    "corp",
    "corporation",
    "inc",
    "plc",
    "ltd",
    "limited",
    "co",
    "company",
    "holdings",
    "industries",
    "industry",
    "networks",
    "systems",
    "technologies",
    "communications",
    "international",
];

/// The corpus's bodies (organizations, companies, institutions) with names
/// of two words or more, by what their short forms must share with them.
/// A short form is one only where a document names the body both ways
/// ("Lib Dems" beside "Liberal Democrats"): that keeps apart names that
/// merely look alike.
pub(super) struct Bodies {
    /// By the words' first letters ("mu" for "manchester united").
    by_initials: FxHashMap<String, Vec<String>>,
    /// By the name less its corporate words at the end ("nortel").
    by_stem: FxHashMap<String, Vec<String>>,
    /// The documents that name each.
    docs: FxHashMap<String, FxHashSet<DocId>>,
}

impl Bodies {
    pub fn of(builders: &FxHashMap<String, Builder>) -> Bodies {
        let mut bodies = Bodies {
            by_initials: FxHashMap::default(),
            by_stem: FxHashMap::default(),
            docs: FxHashMap::default(),
        };
        // Compared as keys, which fold spellings ("networks" is "networx").
        let corporate: Vec<String> = CORPORATE.iter().map(|w| key(w)).collect();
        for (k, b) in builders {
            if !k.contains(' ') || !is_body(b) {
                continue;
            }
            bodies.by_initials.entry(initials(k)).or_default().push(k.clone());
            bodies.docs.insert(k.clone(), b.docs());
            let words: Vec<&str> = k.split(' ').collect();
            let kept = words.len()
                - words
                    .iter()
                    .rev()
                    .take_while(|w| corporate.iter().any(|c| c == *w))
                    .count();
            if kept > 0 && kept < words.len() {
                bodies
                    .by_stem
                    .entry(words[..kept].join(" "))
                    .or_default()
                    .push(k.clone());
            }
        }
        bodies
    }

    /// The one body whose name `short` (an entity key, named in `docs`)
    /// shortens, if there is exactly one. Built-in names are never short
    /// forms.
    pub fn full_of(&self, short: &str, docs: &FxHashSet<DocId>) -> Option<String> {
        if known(short).is_some() {
            return None;
        }
        let beside = |full: &&String| self.docs.get(*full).is_some_and(|d| !d.is_disjoint(docs));
        let abbreviated: Vec<&String> = self
            .by_initials
            .get(&initials(short))
            .into_iter()
            .flatten()
            .filter(|full| short.contains(' ') && abbreviates(short, full))
            .filter(beside)
            .collect();
        // A name without its corporate words may as well be another thing's
        // ("Eton" the school, "Eton Corporation"): it is the firm's only if
        // the firm is named in half its documents or more.
        let mostly_beside = |full: &&String| {
            self.docs
                .get(*full)
                .is_some_and(|d| 2 * d.intersection(docs).count() >= docs.len())
        };
        let stems: Vec<&String> = self
            .by_stem
            .get(short)
            .into_iter()
            .flatten()
            .filter(mostly_beside)
            .collect();
        match (abbreviated.as_slice(), stems.as_slice()) {
            ([one], []) | ([], [one]) => Some((*one).clone()),
            _ => None,
        }
    }
}

fn is_body(b: &Builder) -> bool {
    matches!(
        b.kind(),
        Some(EntityKind::Actor(
            ActorType::Organization | ActorType::Company | ActorType::Institution
        ))
    )
}

fn initials(k: &str) -> String {
    k.split(' ').filter_map(|w| w.chars().next()).collect()
}

/// Whether each word of `short` abbreviates the word of `full` at its place
/// ("man" begins "manchester"; "utd" keeps the first and last letters of
/// "united" and some between), and one at least is shorter. A word cut by
/// a letter or two is a variant, not an abbreviation ("Court of Appeal",
/// "Court of Appeals").
fn abbreviates(short: &str, full: &str) -> bool {
    let (s, f): (Vec<&str>, Vec<&str>) = (short.split(' ').collect(), full.split(' ').collect());
    s.len() == f.len()
        && s != f
        && s.iter().zip(&f).all(|(a, b)| {
            a == b || (a.len() >= 3 && b.len() >= a.len() + 3 && b.starts_with(a)) || contracts(a, b)
        })
}

/// "utd" of "united", "intl" of "international": the same first and last
/// letters, the others in order, half the letters or fewer, and four at
/// most (a longer word is a word: "hills" is no contraction of
/// "hillbillies").
fn contracts(short: &str, full: &str) -> bool {
    let mut rest = full.chars();
    (2..=4).contains(&short.len())
        && short.len() * 2 <= full.len()
        && short.chars().next() == full.chars().next()
        && short.chars().last() == full.chars().last()
        && short.chars().all(|c| rest.any(|d| d == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviated_words_keep_their_first_letters_in_order() {
        assert!(abbreviates("man utd", "manchester united"));
        assert!(abbreviates("man city", "manchester city"));
        assert!(!abbreviates("manchester city", "manchester city"));
        assert!(!abbreviates("mu", "manchester united"));
        // "ud" keeps the ends but "united" is no contraction to "un".
        assert!(!abbreviates("man un", "manchester united"));
        assert!(!abbreviates("man utd fc", "manchester united"));
        assert!(!abbreviates("court of appeal", "court of appeals"));
        assert!(!abbreviates("natalie press", "nathalie press"));
        assert!(!abbreviates("beverly hills", "beverly hillbillies"));
    }
}
