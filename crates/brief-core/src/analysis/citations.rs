//! Pandoc citation keys: hover shows the reference, definition opens the
//! document, completion offers keys after `@`, unknown keys are findings with
//! the nearest known keys as fixes.

use super::{
    Cancel, Cancelled, Code, CompletionItem, CompletionKind, Completions, Edit, Finding, Fix, Hover,
    SourceLocation,
};
use crate::brief::Brief;
use crate::corpus::Document;
use crate::snapshot::Snapshot;
use crate::text::TextRange;

/// The cited range: the `@` and the key.
fn cited_range(key_range: TextRange) -> TextRange {
    TextRange::new(key_range.start.saturating_sub(1), key_range.end)
}

pub(super) fn hover(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Hover> {
    let (_, item) = brief.citation_item_at(offset)?;
    let range = cited_range(item.key_range);
    let markdown = match corpus.by_key(&item.key) {
        Some(doc) => reference_markdown(doc),
        None => {
            let mut md = format!("Unknown citation key `{}`: no corpus document has it.", item.key);
            if let Some(best) = nearest_keys(corpus, &item.key).first() {
                md.push_str(&format!(" Did you mean `{best}`?"));
            }
            md
        }
    };
    Some(Hover {
        range,
        markdown,
        pdf_pages: Vec::new(),
    })
}

fn reference_markdown(doc: &Document) -> String {
    let r = &doc.reference;
    let path = doc.source_file();
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!(
        "**@{}** · {}\n\n{}\n\n`{file}`",
        r.key,
        r.author_year(),
        r.formatted()
    )
}

pub(super) fn definition(corpus: &Snapshot, brief: &Brief, offset: usize) -> Vec<SourceLocation> {
    let Some((_, item)) = brief.citation_item_at(offset) else {
        return Vec::new();
    };
    corpus
        .by_key(&item.key)
        .map(|doc| SourceLocation {
            doc: doc.id,
            range: doc.title_range.unwrap_or_default(),
        })
        .into_iter()
        .collect()
}

pub(super) fn completion(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Completions> {
    let prefix = brief.key_prefix_at(offset)?;
    let typed = prefix.typed.to_lowercase();
    let mut items: Vec<(bool, CompletionItem)> = corpus
        .documents
        .iter()
        .filter_map(|doc| {
            let r = &doc.reference;
            let haystack = format!(
                "{} {} {}",
                r.key,
                r.authors.join(" "),
                r.title.as_deref().unwrap_or("")
            )
            .to_lowercase();
            let key_match = r.key.to_lowercase().starts_with(&typed);
            (key_match || haystack.contains(&typed)).then(|| {
                let item = CompletionItem {
                    label: r.key.clone(),
                    kind: CompletionKind::CitationKey,
                    detail: r.author_year(),
                    documentation: r.formatted(),
                    insert: r.key.clone(),
                    filter: r.key.clone(),
                };
                (key_match, item)
            })
        })
        .collect();
    items.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
    Some(Completions {
        range: prefix.range,
        items: items.into_iter().map(|(_, item)| item).collect(),
        incomplete: false,
    })
}

pub(super) fn diagnostics(
    corpus: &Snapshot,
    brief: &Brief,
    cancel: Cancel,
) -> Result<Vec<Finding>, Cancelled> {
    let mut findings = Vec::new();
    for citation in &brief.citations {
        for item in &citation.items {
            if corpus.by_key(&item.key).is_some() {
                continue;
            }
            // Each unknown key is compared with every known one.
            cancel.check()?;
            let suggestions = nearest_keys(corpus, &item.key);
            let mut message = format!("unknown citation key `@{}`", item.key);
            if let Some(best) = suggestions.first() {
                message.push_str(&format!("; did you mean `@{best}`?"));
            }
            let fixes = suggestions
                .iter()
                .enumerate()
                .map(|(i, key)| Fix {
                    title: format!("Change to `@{key}`"),
                    edits: vec![Edit {
                        range: item.key_range,
                        new_text: key.to_string(),
                    }],
                    preferred: i == 0,
                })
                .collect();
            findings.push(Finding {
                range: cited_range(item.key_range),
                code: Code::CitationUnknown,
                severity: Code::CitationUnknown.default_severity(),
                message,
                related: Vec::new(),
                fixes,
            });
        }
    }
    Ok(findings)
}

/// Known keys close enough to `key` to be what the writer meant, best first.
fn nearest_keys<'a>(corpus: &'a Snapshot, key: &str) -> Vec<&'a str> {
    let key = key.to_lowercase();
    let mut scored: Vec<(f64, &str)> = corpus
        .keys()
        .filter_map(|known| {
            let lower = known.to_lowercase();
            let distance = strsim::damerau_levenshtein(&key, &lower);
            let similarity = strsim::jaro_winkler(&key, &lower);
            let close = distance <= (key.len().max(lower.len()) / 4).max(2) || similarity >= 0.88;
            close.then_some((similarity - distance as f64 * 0.01, known))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, key)| key).collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{check_completion, check_definition, check_diagnostics, check_hover};

    #[test]
    fn hover_on_a_key_shows_the_reference() {
        check_hover(
            "As Lukin argues [see @luk$0in2020, p. 374], the entente holds.",
            expect_test::expect![[r#"
                21..31 "@lukin2020"
                **@lukin2020** · Lukin 2020

                Artyom Lukin. 2020-06-13. “The Russia–China entente and its future.” *International Politics* 58: 363–380. Published online 2020-06-13; in print 2021. doi:10.1057/s41311-020-00251-7.

                `003_9556968063aa75cc.txt`"#]],
        );
    }

    #[test]
    fn hover_on_an_unknown_key_suggests_the_nearest() {
        check_hover(
            "Trenin’s view — “entente” [@tre$0nin2017].",
            expect_test::expect![[r#"
                35..46 "@trenin2017"
                Unknown citation key `trenin2017`: no corpus document has it. Did you mean `trenin2016`?"#]],
        );
    }

    #[test]
    fn definition_opens_the_document_at_its_title() {
        check_definition(
            "See @makocki$02016.",
            expect_test::expect![[
                r#"makocki2016 87..142 "China and Russia:: an Eastern partnership in the making""#
            ]],
        );
    }

    #[test]
    fn completion_after_at_offers_keys_by_prefix_then_by_author() {
        check_completion(
            "Russia’s “pivot” [@tre$0]",
            expect_test::expect![[r#"
                replace 25..28 "tre"
                trenin2016 · Trenin 2016
                trenin2019 · Trenin 2019"#]],
        );
        check_completion(
            "é [@popes$0",
            expect_test::expect![[r#"
                replace 5..10 "popes"
                makocki2016 · Makocki and Popescu 2016"#]],
        );
    }

    #[test]
    fn completion_on_a_large_corpus_is_capped_and_incomplete() {
        let texts: Vec<(String, String)> = (0..250)
            .map(|i| (format!("key{i:03}"), format!("Document number {i}.")))
            .collect();
        let docs: Vec<(&str, &str)> = texts.iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
        let corpus = crate::test_support::corpus_of(&docs);
        let (brief, offset) = super::super::fixture::cursor("See [@key$0]");
        let found = super::super::completion(&corpus, &brief, offset).unwrap();
        assert_eq!(
            (found.items.len(), found.incomplete),
            (super::super::MAX_COMPLETIONS, true)
        );
        assert_eq!(found.items[0].label, "key000");
        let (brief, offset) = super::super::fixture::cursor("See [@key24$0]");
        let found = super::super::completion(&corpus, &brief, offset).unwrap();
        assert_eq!((found.items.len(), found.incomplete), (10, false));
    }

    #[test]
    fn unknown_keys_are_findings_with_nearest_key_fixes() {
        check_diagnostics(
            "Café — “entente” [@lukin2021; @trenin2016] and @nobody.\n\n`@incode` and <https://x.org/@y>.\n",
            expect_test::expect![[r#"
                25..35 "@lukin2021" error citation-unknown: unknown citation key `@lukin2021`; did you mean `@lukin2020`?
                  fix (preferred): Change to `@lukin2020` [26..35 → "lukin2020"]
                54..61 "@nobody" error citation-unknown: unknown citation key `@nobody`"#]],
        );
    }
}
