//! Actors and events: completion of their names as the corpus spells them,
//! hover, definition and references on a name in the brief, and a search
//! over them for workspace symbols.

use super::cited::key_for;
use super::markdown::{attribution, bold, passage};
use super::{CompletionItem, CompletionKind, Completions, Hover, SourceLocation};
use crate::brief::Brief;
use crate::corpus::DocId;
use crate::entities::{Entity, EntityId, EntityKind, Mention};
use crate::snapshot::Snapshot;
use crate::text::{counted, escape_markdown, TextRange};

/// The longest name, in words, looked for in a brief.
const MAX_NAME_WORDS: usize = 8;
/// Enough items for a completion list.
const MAX_ITEMS: usize = 50;

/// Words of a brief line as `(range, text)`: runs of letters, digits and
/// the joiners names contain ("Vostok-2018", "Belt & Road", "Xi’s").
fn words(text: &str, within: TextRange) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[within.start..within.end].char_indices() {
        let i = within.start + i;
        let part = c.is_alphanumeric() || matches!(c, '-' | '&' | '\'' | '’' | '.');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(TextRange::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(TextRange::new(s, within.end));
    }
    // Sentence punctuation and possessives are not part of a name.
    out.into_iter()
        .map(|r| {
            let w = &text[r.start..r.end];
            let trimmed = w.trim_end_matches(['.', '-', '\'', '’']);
            let trimmed = trimmed
                .strip_suffix("’s")
                .or_else(|| trimmed.strip_suffix("'s"))
                .unwrap_or(trimmed);
            TextRange::new(r.start, r.start + trimmed.len())
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The line of `text` around `offset`.
fn line_at(text: &str, offset: usize) -> TextRange {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    TextRange::new(start, end)
}

/// The longest run of words starting at word `i` that names an entity.
fn name_at<'c>(
    corpus: &'c Snapshot,
    text: &str,
    ws: &[TextRange],
    i: usize,
) -> Option<(TextRange, &'c Entity)> {
    if !text[ws[i].start..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    (i..ws.len().min(i + MAX_NAME_WORDS)).rev().find_map(|j| {
        let range = TextRange::new(ws[i].start, ws[j].end);
        corpus
            .entities()
            .find_by_alias(&text[range.start..range.end])
            .map(|e| (range, e))
    })
}

/// The entity named at `offset` in the brief, and the name's range.
fn entity_at<'c>(corpus: &'c Snapshot, brief: &Brief, offset: usize) -> Option<(TextRange, &'c Entity)> {
    if !brief.is_prose(offset.min(brief.text.len().saturating_sub(1)))
        || brief.citation_item_at(offset).is_some()
    {
        return None;
    }
    let text = &brief.text;
    let ws = words(text, line_at(text, offset));
    (0..ws.len())
        .filter_map(|i| name_at(corpus, text, &ws, i))
        .filter(|(r, _)| r.touches(offset))
        .max_by_key(|(r, _)| r.len())
}

/// Every name of an entity in the brief's prose, longest names first.
pub(super) fn brief_mentions(corpus: &Snapshot, brief: &Brief) -> Vec<(TextRange, EntityId)> {
    let text = &brief.text;
    let mut out = Vec::new();
    for &p in &brief.paragraphs {
        let ws = words(text, p);
        let mut i = 0;
        while i < ws.len() {
            match name_at(corpus, text, &ws, i).filter(|(r, _)| brief.is_prose(r.start)) {
                Some((range, entity)) => {
                    out.push((range, entity.id));
                    i = ws.partition_point(|w| w.start < range.end);
                }
                None => i += 1,
            }
        }
    }
    out
}

fn location(corpus: &Snapshot, m: &Mention) -> SourceLocation {
    SourceLocation {
        doc: m.doc,
        range: corpus.document(m.doc).to_original(m.range),
    }
}

fn sources(entity: &Entity) -> usize {
    let mut docs: Vec<_> = entity.mentions.iter().map(|m| m.doc).collect();
    docs.dedup();
    docs.sort();
    docs.dedup();
    docs.len()
}

/// "actor · person · 31 mentions in 5 sources".
fn detail(entity: &Entity) -> String {
    let side = match entity.kind {
        EntityKind::Actor(_) => "actor",
        EntityKind::Event(_) => "event",
    };
    format!(
        "{side} · {} · {} in {}",
        entity.kind.label(),
        counted(entity.mentions.len(), "mention"),
        counted(sources(entity), "source")
    )
}

/// The defining sentence, the name in bold, with its reference.
fn defining_markdown(corpus: &Snapshot, entity: &Entity) -> String {
    let Some(m) = entity.defining.or_else(|| entity.mentions.first().copied()) else {
        return String::new();
    };
    let doc = corpus.document(m.doc);
    let sentence = doc
        .sentences
        .iter()
        .copied()
        .find(|s| s.contains_range(m.range))
        .unwrap_or(m.range);
    format!("{}\n\n{}", passage(doc, sentence, m.range), attribution(doc))
}

pub(super) fn hover(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Hover> {
    let (range, entity) = entity_at(corpus, brief, offset)?;
    let mut md = format!("{} · {}", bold(&entity.name), detail(entity));
    if let Some(role) = &entity.role {
        md.push_str(&format!("\n\n{}", escape_markdown(role)));
    }
    if !entity.aliases.is_empty() {
        md.push_str(&format!(
            "\n\nAlso: {}",
            escape_markdown(&entity.aliases.join(", "))
        ));
    }
    md.push_str(&format!("\n\n{}", defining_markdown(corpus, entity)));
    let mut per_source: Vec<(DocId, usize)> = Vec::new();
    for m in &entity.mentions {
        match per_source.iter_mut().find(|(doc, _)| *doc == m.doc) {
            Some((_, n)) => *n += 1,
            None => per_source.push((m.doc, 1)),
        }
    }
    let list: Vec<String> = per_source
        .iter()
        .map(|&(doc, n)| format!("@{} {n}", key_for(corpus, brief, doc)))
        .collect();
    md.push_str(&format!("\n\nMentions: {}", list.join(", ")));
    Some(Hover {
        range,
        markdown: md,
        pdf_pages: Vec::new(),
    })
}

pub(super) fn definition(corpus: &Snapshot, brief: &Brief, offset: usize) -> Vec<SourceLocation> {
    entity_at(corpus, brief, offset)
        .and_then(|(_, e)| e.defining.or_else(|| e.mentions.first().copied()))
        .map(|m| location(corpus, &m))
        .into_iter()
        .collect()
}

/// The entity named at `offset` and its mentions in the corpus.
pub(super) fn references(
    corpus: &Snapshot,
    brief: &Brief,
    offset: usize,
) -> Option<(EntityId, Vec<SourceLocation>)> {
    let (_, entity) = entity_at(corpus, brief, offset)?;
    Some((
        entity.id,
        entity.mentions.iter().map(|m| location(corpus, m)).collect(),
    ))
}

/// Where the brief names entity `id`.
pub(super) fn mentions_in_brief(corpus: &Snapshot, brief: &Brief, id: EntityId) -> Vec<TextRange> {
    brief_mentions(corpus, brief)
        .into_iter()
        .filter(|&(_, e)| e == id)
        .map(|(r, _)| r)
        .collect()
}

/// Entities for a workspace-symbol query: every word of the query starts a
/// word of the name or an alias; an empty query lists the most mentioned.
pub fn symbols<'c>(corpus: &'c Snapshot, query: &str) -> Vec<(&'c Entity, Option<SourceLocation>)> {
    let table = corpus.entities();
    let found: Vec<&Entity> = if query.trim().is_empty() {
        let mut all: Vec<&Entity> = table.entities.iter().collect();
        all.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        all
    } else {
        let mut hits: Vec<&Entity> = table
            .complete(query.trim())
            .into_iter()
            .map(|(e, _, _)| e)
            .collect();
        hits.dedup_by_key(|e| e.id);
        hits
    };
    found
        .into_iter()
        .take(200)
        .map(|e| {
            (
                e,
                e.defining
                    .or_else(|| e.mentions.first().copied())
                    .map(|m| location(corpus, &m)),
            )
        })
        .collect()
}

/// The name being typed before `offset`, up to three words ("Xi J"), with
/// its range, if it starts with a capital.
fn typed_name(brief: &Brief, offset: usize) -> Vec<TextRange> {
    let text = &brief.text;
    let line = line_at(text, offset);
    let ws = words(text, TextRange::new(line.start, offset));
    let Some(last) = ws.last().filter(|w| w.end == offset) else {
        return Vec::new();
    };
    let mut spans = vec![*last];
    for w in ws.iter().rev().skip(1).take(2) {
        let first = spans.last().unwrap().start;
        // Only words next to each other, one space apart, make one name.
        if first - w.end != 1 {
            break;
        }
        spans.push(TextRange::new(w.start, offset));
    }
    spans
        .into_iter()
        .filter(|r| text[r.start..].starts_with(char::is_uppercase))
        .collect()
}

pub(super) fn completion(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Completions> {
    if offset == 0 || !brief.is_prose(offset - 1) {
        return None;
    }
    // The longest typed name that matches anything: "Xi J" before "J".
    typed_name(brief, offset).into_iter().rev().find_map(|range| {
        let typed = &brief.text[range.start..range.end];
        let mut matches = corpus.entities().complete(typed);
        matches.dedup_by_key(|(e, _, _)| e.id);
        if matches.is_empty() {
            return None;
        }
        let items = matches
            .into_iter()
            .take(MAX_ITEMS)
            .map(|(entity, _, alias)| CompletionItem {
                label: entity.name.clone(),
                kind: CompletionKind::Entity,
                detail: detail(entity),
                documentation: defining_markdown(corpus, entity),
                insert: entity.name.clone(),
                filter: alias.to_string(),
            })
            .collect();
        Some(Completions {
            range,
            items,
            incomplete: false,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{check_completion, check_definition, check_hover, seed_corpus};
    use super::*;

    /// One foundation named six times in one document; a senator (four
    /// mentions) and an institute (five) each named in three.
    const RANKING_CORPUS: &str = "\
//- /sources/a.txt
The Harlow Foundation met. The Harlow Foundation paid. The Harlow Foundation grew. The Harlow Foundation spoke. The Harlow Foundation left. The Harlow Foundation won.
//- /sources/b.txt
Senator Harlan Dobbs spoke at the Dobrovolsky Institute.
//- /sources/c.txt
Senator Harlan Dobbs wrote to the Dobrovolsky Institute, and the Dobrovolsky Institute replied.
//- /sources/d.txt
Senator Harlan Dobbs and the Dobrovolsky Institute agreed. The Dobrovolsky Institute paid, Dobbs said.
//- /brief.md
";

    #[test]
    fn completion_ranks_by_fit_and_usefulness_not_mentions_alone() {
        // Named across three documents outranks named six times in one.
        check_completion(
            &format!("{RANKING_CORPUS}As Harl$0"),
            expect_test::expect![[r#"
                replace 3..7 "Harl"
                Harlan Dobbs · actor · person · 4 mentions in 3 sources
                Harlow Foundation · actor · institution · 6 mentions in 1 source"#]],
        );
        // "Dob" is more of "Dobbs" than of "Dobrovolsky", mentioned more.
        check_completion(
            &format!("{RANKING_CORPUS}As Dob$0"),
            expect_test::expect![[r#"
                replace 3..6 "Dob"
                Harlan Dobbs · actor · person · 4 mentions in 3 sources
                Dobrovolsky Institute · actor · institution · 5 mentions in 3 sources"#]],
        );
    }

    #[test]
    fn completion_by_prefix_alias_and_several_words() {
        check_completion(
            "Moscow sent Lav$0",
            expect_test::expect![[r#"
            replace 12..15 "Lav"
            Sergey Lavrov · actor · person · 3 mentions in 2 sources"#]],
        );
        check_completion(
            "Both joined the SCO$0",
            expect_test::expect![[r#"
            replace 16..19 "SCO"
            Shanghai Cooperation Organization · actor · organization · 3 mentions in 2 sources"#]],
        );
        check_completion(
            "During Vos$0",
            expect_test::expect![[r#"
            replace 7..10 "Vos"
            Vostok-2018 · event · exercise · 3 mentions in 1 source"#]],
        );
        check_completion(
            "— é — Xi J$0",
            expect_test::expect![[r#"
            replace 11..15 "Xi J"
            Xi Jinping · actor · person · 14 mentions in 4 sources"#]],
        );
        check_completion("`Lav$0`", expect_test::expect!["no completion"]);
    }

    #[test]
    fn hover_and_definition_on_a_name() {
        check_hover(
            "As foreign minister Sergey La$0vrov said.",
            expect_test::expect![[r#"
                20..33 "Sergey Lavrov"
                **Sergey Lavrov** · actor · person · 3 mentions in 2 sources

                Russian minister of foreign affairs

                Also: Lavrov

                > For example, in October 2019 **Russian minister of foreign affairs Sergey Lavrov** emphasized that Russian–Chinese relations ‘have never been at such a high and trusting level in all spheres,’ but asserted at the same time that ‘neither Russia nor China are planning to set up a \[military\] alliance’ (TASS 2019b).

                — @lukin2020 · Lukin 2020

                Mentions: @lukin2020 2, @makocki2016 1"#]],
        );
        check_definition(
            "The Shanghai Cooperation Organi$0zation met.",
            expect_test::expect![[r#"trenin2016 3459..3492 "Shanghai Cooperation Organization""#]],
        );
    }

    #[test]
    fn names_in_a_brief_are_found_but_not_in_code_or_keys() {
        let brief =
            Brief::parse("Putin met Xi Jinping. `Putin` [@lukin2020] and the Eurasian Economic Union.\n");
        let corpus = seed_corpus();
        let found: Vec<String> = brief_mentions(corpus, &brief)
            .into_iter()
            .map(|(r, id)| {
                format!(
                    "{} → {}",
                    &brief.text[r.start..r.end],
                    corpus.entities().entity(id).name
                )
            })
            .collect();
        expect_test::expect![[r#"
            [
                "Putin → Vladimir Putin",
                "Xi Jinping → Xi Jinping",
                "Eurasian Economic Union → Eurasian Economic Union",
            ]
        "#]]
        .assert_debug_eq(&found);
        assert!(!symbols(corpus, "Vostok").is_empty());
    }
}
