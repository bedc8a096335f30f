//! Acronyms: definitions in the text ("Shanghai Cooperation Organization
//! (SCO)"), found with the Schwartz–Hearst method, and a small built-in table
//! of names every brief in the field uses without defining them.
//!
//! Schwartz and Hearst (2003), "A simple algorithm for identifying
//! abbreviation definitions in biomedical text": for a short form in
//! parentheses, look at the few words before it and match the short form's
//! characters right to left, each at or before the previous match, the first
//! one at the start of a word. The shortest long form that matches wins.
//! Only capitalized long forms are kept here: "missile attack early warning
//! system (EWS)" defines a term, not a name.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::gazetteer::gazetteer;
use super::names::key;
use super::{ActorType, EntityKind};
use crate::text::TextRange;

/// "Long Form (SF)" or "SF (Long Form)" in a sentence; ranges are in the
/// document's normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Definition {
    pub short: TextRange,
    pub long: TextRange,
}

/// The definitions in one sentence, `text`, which starts at `base`.
pub(super) fn definitions(text: &str, base: usize) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| i + from) {
        let Some(close) = text[open..].find(')').map(|i| i + open) else {
            break;
        };
        from = close + 1;
        let raw = &text[open + 1..close];
        let inner = raw.trim();
        let inner_start = open + 1 + (raw.len() - raw.trim_start().len());
        let before = text[..open].trim_end();
        if is_short_form(inner) {
            let n_words = (inner.len() + 5).min(2 * inner.len());
            let window_start = nth_word_from_end(before, n_words);
            let window = &before[window_start..];
            if let Some(start) = initials_long_form(inner, window).or_else(|| best_long_form(inner, window)) {
                let long = &before[window_start + start..];
                if is_name_like(long) {
                    out.push(Definition {
                        short: TextRange::new(base + inner_start, base + inner_start + inner.len()),
                        long: TextRange::new(base + window_start + start, base + before.len()),
                    });
                }
            }
        } else {
            let sf_start = before.rfind(' ').map_or(0, |i| i + 1);
            let sf = &before[sf_start..];
            if is_short_form(sf) && inner.split(' ').count() > 2 {
                if let Some(start) = best_long_form(sf, inner) {
                    if is_name_like(&inner[start..]) {
                        out.push(Definition {
                            short: TextRange::new(base + sf_start, base + before.len()),
                            long: TextRange::new(
                                base + inner_start + start,
                                base + inner_start + inner.len(),
                            ),
                        });
                    }
                }
            }
        }
    }
    out
}

/// An acronym-like short form: one word of 2–10 characters, starting with a
/// letter or digit, with at least two capitals ("SCO", "EAEU", "CICIR").
fn is_short_form(s: &str) -> bool {
    (2..=10).contains(&s.len())
        && !s.contains(' ')
        && s.starts_with(|c: char| c.is_alphanumeric())
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A long form that is a name: every word but the connectors capitalized,
/// and at least two words.
fn is_name_like(long: &str) -> bool {
    let words: Vec<&str> = long.split(' ').filter(|w| !w.is_empty()).collect();
    words.len() >= 2
        && words.iter().all(|w| {
            matches!(*w, "of" | "and" | "the" | "for" | "on" | "in" | "de" | "&")
                || w.starts_with(|c: char| c.is_uppercase())
        })
}

/// The byte offset where the `n`th word from the end of `text` starts.
fn nth_word_from_end(text: &str, n: usize) -> usize {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| c != ' ' && (i == 0 || text.as_bytes()[i - 1] == b' '))
        .map(|(i, _)| i)
        .collect();
    starts.len().checked_sub(n).map_or(0, |i| starts[i])
}

/// Where the long form starts if the initials of the last words before
/// the parenthesis spell the short form, connectors skipped: "International
/// Institute for Strategic Studies (IISS)", which Schwartz–Hearst alone
/// would shorten to the first match from the right, "Institute for
/// Strategic Studies".
fn initials_long_form(short: &str, window: &str) -> Option<usize> {
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
    let mut need = letters.len();
    let words = window
        .char_indices()
        .filter(|&(i, c)| c != ' ' && (i == 0 || window.as_bytes()[i - 1] == b' '))
        .map(|(i, _)| (i, window[i..].split(' ').next().unwrap_or("")));
    for (start, word) in words.collect::<Vec<_>>().into_iter().rev() {
        if matches!(word, "of" | "and" | "the" | "for" | "on" | "in" | "de" | "&") {
            continue;
        }
        if !word.starts_with(letters[need - 1]) {
            return None;
        }
        need -= 1;
        if need == 0 {
            return Some(start);
        }
    }
    None
}

/// Where in `window` the long form of `short` starts, if its characters can
/// be matched right to left, the first one at a word start.
fn best_long_form(short: &str, window: &str) -> Option<usize> {
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let s: Vec<char> = short.chars().map(lower).collect();
    let l: Vec<(usize, char)> = window.char_indices().map(|(i, c)| (i, lower(c))).collect();
    let mut li = l.len();
    for si in (0..s.len()).rev() {
        let c = s[si];
        if !c.is_alphanumeric() {
            continue;
        }
        loop {
            if li == 0 {
                return None;
            }
            li -= 1;
            let at_word_start = li == 0 || !l[li - 1].1.is_alphanumeric();
            if l[li].1 == c && (si > 0 || at_word_start) {
                break;
            }
        }
    }
    l.get(li).map(|&(i, _)| i)
}

/// A well-known name: its kind, canonical name and other names.
#[derive(Clone, Copy, Debug)]
pub(super) struct Known {
    pub kind: EntityKind,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
}

/// Names briefs use without defining them. States come from the gazetteer.
const KNOWN: &[(&str, &str, &[&str])] = &[
    (
        "organization",
        "Eurasian Economic Union",
        &["EEU", "EAEU", "Eurasian Union"],
    ),
    (
        "organization",
        "Shanghai Cooperation Organization",
        &["SCO", "Shanghai Cooperation Organisation"],
    ),
    ("organization", "United Nations", &["UN", "U.N."]),
    (
        "organization",
        "United Nations Security Council",
        &["UNSC", "UN Security Council", "Security Council"],
    ),
    ("organization", "European Union", &["EU"]),
    (
        "organization",
        "NATO",
        &["North Atlantic Treaty Organization", "North Atlantic Alliance"],
    ),
    (
        "organization",
        "Chinese Communist Party",
        &["CCP", "CPC", "Communist Party of China"],
    ),
    ("organization", "G20", &["G-20", "Group of Twenty"]),
    ("organization", "G7", &["G-7", "Group of Seven"]),
    ("organization", "G8", &["G-8", "Group of Eight"]),
    ("organization", "BRICS", &[]),
    (
        "organization",
        "ASEAN",
        &["Association of Southeast Asian Nations"],
    ),
    (
        "organization",
        "Collective Security Treaty Organization",
        &["CSTO"],
    ),
    (
        "organization",
        "OSCE",
        &["Organization for Security and Co-operation in Europe"],
    ),
    ("organization", "World Trade Organization", &["WTO"]),
    ("organization", "International Monetary Fund", &["IMF"]),
    ("organization", "World Bank", &[]),
    ("organization", "Asian Infrastructure Investment Bank", &["AIIB"]),
    ("organization", "APEC", &["Asia-Pacific Economic Cooperation"]),
    ("organization", "African Union", &["AU"]),
    ("organization", "Arctic Council", &[]),
    ("institution", "Kremlin", &[]),
    ("institution", "White House", &[]),
    ("institution", "Pentagon", &[]),
    ("institution", "People's Liberation Army", &["PLA"]),
    (
        "institution",
        "Bank of Russia",
        &["Central Bank of Russia", "Russian Central Bank"],
    ),
    ("institution", "FSB", &["Federal Security Service"]),
    ("institution", "CIA", &["Central Intelligence Agency"]),
    (
        "project",
        "Belt and Road Initiative",
        &["BRI", "Belt and Road", "One Belt, One Road", "OBOR"],
    ),
    ("company", "Gazprom", &[]),
    ("company", "Rosneft", &[]),
    ("company", "Novatek", &[]),
    ("company", "Lukoil", &[]),
    ("company", "Transneft", &[]),
    ("company", "Rosatom", &[]),
    ("company", "Rostec", &[]),
    ("company", "Sberbank", &[]),
    ("company", "Huawei", &[]),
    ("company", "ZTE", &[]),
    ("company", "Alibaba", &[]),
    ("company", "Tencent", &[]),
    ("company", "Sinopec", &[]),
    ("company", "CNPC", &["China National Petroleum Corporation"]),
    ("company", "CNOOC", &[]),
    ("company", "Boeing", &[]),
    ("company", "Airbus", &[]),
    ("company", "TASS", &[]),
    ("company", "Xinhua", &[]),
    ("company", "Reuters", &[]),
    ("company", "Bloomberg", &[]),
];

/// The well-known entity a name (any of its spellings) refers to: a state
/// of the gazetteer or an entry of the table.
pub(super) fn known(name_key: &str) -> Option<Known> {
    static TABLE: OnceLock<FxHashMap<String, Known>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = FxHashMap::default();
        for &(kind, name, aliases) in KNOWN {
            let kind = EntityKind::parse(kind).expect("built-in kinds are valid");
            let known = Known { kind, name, aliases };
            for n in std::iter::once(&name).chain(aliases) {
                table.insert(key(n), known);
            }
        }
        let g = gazetteer();
        for (k, canonical) in &g.states {
            let aliases = g.state_aliases.get(canonical).map_or(&[][..], |a| a.as_slice());
            // The gazetteer lives for the program, so its alias lists can be
            // borrowed for as long as the table.
            table.insert(
                k.clone(),
                Known {
                    kind: EntityKind::Actor(ActorType::State),
                    name: canonical,
                    aliases,
                },
            );
        }
        table
    });
    table.get(name_key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(text: &str) -> Vec<String> {
        definitions(text, 0)
            .iter()
            .map(|d| {
                format!(
                    "{} = {}",
                    &text[d.short.start..d.short.end],
                    &text[d.long.start..d.long.end]
                )
            })
            .collect()
    }

    #[test]
    fn schwartz_hearst_finds_capitalized_long_forms() {
        assert_eq!(
            defs("Russia's response has been the Eurasian Economic Union (EEU), an integration project."),
            ["EEU = Eurasian Economic Union"]
        );
        assert_eq!(
            defs("He is at the China Institute of Contemporary International Relations (CICIR), where he works."),
            ["CICIR = China Institute of Contemporary International Relations"]
        );
        assert_eq!(
            defs("Analysts at the International Institute for Strategic Studies (IISS) disagree."),
            ["IISS = International Institute for Strategic Studies"]
        );
        assert_eq!(
            defs("the Eurasian Economic Union (EAEU) grew"),
            ["EAEU = Eurasian Economic Union"]
        );
        assert_eq!(
            defs("funded by the Russian Foundation for Basic Research (RFBR) and the Chinese Academy of Social Sciences (CASS), project"),
            [
                "RFBR = Russian Foundation for Basic Research",
                "CASS = Chinese Academy of Social Sciences"
            ]
        );
        assert_eq!(
            defs("the EEU (Eurasian Economic Union) grew"),
            ["EEU = Eurasian Economic Union"]
        );
        // Terms, years and citations define no names.
        assert!(defs("a 'missile attack early warning system' (EWS) that").is_empty());
        assert!(defs("liquefied natural gas (LNG) projects (Humpert 2019)").is_empty());
        assert!(defs("the Dokdo (Takeshima) islands").is_empty());
    }

    #[test]
    fn known_names_resolve_any_spelling() {
        assert_eq!(known(&key("PRC")).unwrap().name, "China");
        assert_eq!(known(&key("U.S.")).unwrap().name, "United States");
        assert_eq!(
            known(&key("Belt & Road")).unwrap().name,
            "Belt and Road Initiative"
        );
        assert_eq!(known(&key("EAEU")).unwrap().name, "Eurasian Economic Union");
        assert!(known(&key("Moscow")).is_none());
    }
}
