//! What the words around a name say about it: a title before it ("Russian
//! foreign minister Sergey Lavrov"), an appositive after it ("Barack Obama,
//! then US president,"; "Entente Cordiale, the 1904 Anglo-French
//! agreement"), or a predicate ("Paul Haenle is the director of the
//! Carnegie-Tsinghua Center for Global Policy").

use super::acronyms::known;
use super::extract::Sentence;
use super::gazetteer::gazetteer;
use super::kinds::{head, is_position, is_title, is_title_modifier, Head};
use super::names::key;
use super::tokens::{Gap, Shape};
use super::{ActorType, EntityKind};
use crate::text::TextRange;

/// The title right before unit `a`: title words, their modifiers, demonyms
/// and states, with at least one title word among them.
pub(super) fn lookback(s: &Sentence, a: usize) -> Option<TextRange> {
    let first = s.units[a].first;
    // "leader of the Labour party", "shadow leader of the Commons": a name
    // after the title's "of" or "the" is what the title is of, not who
    // holds it.
    if first > 0
        && matches!(
            s.token_text(first - 1).to_lowercase().as_str(),
            "of" | "the" | "to"
        )
    {
        return None;
    }
    let mut start = first;
    let mut titled = false;
    // "the King's Cup": a possessive owns the name, it is no title of it.
    while start > 0
        && matches!(s.tokens[start].gap, Gap::Space | Gap::Hyphen)
        && !s.tokens[start - 1].possessive
    {
        let word = s.token_text(start - 1);
        let lower = word.to_lowercase();
        if !(is_title_modifier(&lower) || gazetteer().is_demonym(word) || is_state(word)) {
            break;
        }
        titled |= is_title(&lower);
        start -= 1;
    }
    while start < first
        && matches!(
            s.token_text(start).to_lowercase().as_str(),
            "the" | "of" | "to" | "then"
        )
    {
        start += 1;
    }
    (titled && start < first)
        .then(|| TextRange::new(s.tokens[start].range.start, s.tokens[first - 1].range.end))
}

/// ", the 1904 Anglo-French agreement that …", ", then US president,",
/// ", head of the fund,": the head noun or title of an appositive right
/// after unit `b - 1`, and the appositive's range. The head comes before
/// any preposition ("head of the fund" is a position, not a fund).
pub(super) fn appositive(s: &Sentence, b: usize) -> Option<(Head, TextRange)> {
    let t = s.units[b - 1].last + 1;
    let first = s.tokens.get(t)?;
    if s.text[s.units[b - 1].range.end..first.range.start].trim() != "," {
        return None;
    }
    let mut start = None;
    for k in t..(t + 6).min(s.tokens.len()) {
        let tok = s.tokens[k];
        if k > t && !matches!(tok.gap, Gap::Space | Gap::Hyphen) {
            return None;
        }
        let word = s.token_text(k);
        let lower = word.to_lowercase();
        if start.is_none()
            && matches!(
                lower.as_str(),
                "the" | "a" | "an" | "then" | "its" | "his" | "her"
            )
        {
            continue;
        }
        let from = *start.get_or_insert(k);
        let found = match head(word, &[]) {
            Some(h @ (Head::Kind(_) | Head::Title)) => Some(h),
            _ if is_position(&lower) => Some(Head::Title),
            _ => None,
        };
        if let Some(h) = found {
            // A title's complement: ", the former secretary of state,".
            let mut end = k;
            if h == Head::Title
                && matches!(
                    s.tokens.get(k + 1).map(|_| s.token_text(k + 1)),
                    Some("of" | "at")
                )
            {
                while s
                    .tokens
                    .get(end + 1)
                    .is_some_and(|t| matches!(t.gap, Gap::Space | Gap::Hyphen))
                    && end < k + 6
                {
                    end += 1;
                }
            }
            let ends = s.tokens.get(end + 1).is_none_or(|next| {
                next.gap == Gap::Other || matches!(s.token_text(end + 1), "that" | "which" | "who" | "whose")
            });
            let range = TextRange::new(s.tokens[from].range.start, s.tokens[end].range.end);
            return ends.then_some((h, range));
        }
        let modifier = match tok.shape {
            Shape::Lower => !matches!(
                lower.as_str(),
                "of" | "at" | "for" | "in" | "on" | "to" | "with" | "from" | "by"
            ),
            Shape::Number => true,
            Shape::Cap | Shape::Upper => gazetteer().is_demonym(word) || is_state(word),
            Shape::Other => false,
        };
        if !modifier {
            return None;
        }
    }
    None
}

/// "X is the director of the Carnegie Moscow Center", "X was director of …",
/// "X has served as the deputy director-general of …": the position named
/// after unit `b - 1`, with the organization it is held at.
pub(super) fn predicate(s: &Sentence, b: usize) -> Option<TextRange> {
    let word = |k: usize| {
        s.tokens
            .get(k)
            .filter(|t| t.gap == Gap::Space)
            .map(|_| s.token_text(k))
    };
    let mut t = s.units[b - 1].last + 1;
    match word(t)? {
        "is" | "was" => t += 1,
        "has" if word(t + 1) == Some("served") && word(t + 2) == Some("as") => t += 3,
        "serves" if word(t + 1) == Some("as") => t += 2,
        _ => return None,
    }
    if matches!(word(t), Some("the" | "a" | "an")) {
        t += 1;
    }
    let lower = |k: usize| s.tokens.get(k).is_some_and(|tok| tok.shape == Shape::Lower);
    let position = (t..t + 3)
        .take_while(|&k| lower(k))
        .find(|&k| word(k).is_some_and(is_position))?;
    let mut end = position;
    while s.tokens.get(end + 1).is_some_and(|tok| tok.gap == Gap::Hyphen) {
        end += 1;
    }
    let mut k = end + 1;
    if matches!(word(k), Some("of" | "at")) {
        k += 1;
        if word(k) == Some("the") {
            k += 1;
        }
        if word(k).is_some() && matches!(s.tokens[k].shape, Shape::Cap | Shape::Upper) {
            end = name_end(s, k);
        }
    }
    Some(TextRange::new(s.tokens[t].range.start, s.tokens[end].range.end))
}

/// The last token of the capitalized name starting at token `k`, across
/// hyphens and connectors ("Carnegie-Tsinghua Center for Global Policy").
fn name_end(s: &Sentence, k: usize) -> usize {
    let capital = |j: usize| {
        s.tokens
            .get(j)
            .is_some_and(|t| t.gap == Gap::Space && matches!(t.shape, Shape::Cap | Shape::Upper))
    };
    let mut end = k;
    let mut j = k + 1;
    while j < s.tokens.len() && !s.tokens[end].possessive {
        let tok = s.tokens[j];
        if tok.gap == Gap::Hyphen || capital(j) {
            end = j;
            j += 1;
        } else if tok.gap == Gap::Space && matches!(s.token_text(j), "of" | "for" | "and" | "on") {
            let next = if j + 1 < s.tokens.len() && s.token_text(j + 1) == "the" {
                j + 2
            } else {
                j + 1
            };
            if !capital(next) {
                break;
            }
            j = next;
        } else {
            break;
        }
    }
    end
}

fn is_state(word: &str) -> bool {
    known(&key(word)).is_some_and(|k| k.kind == EntityKind::Actor(ActorType::State))
}
