//! Pandoc citation keys: hover shows the reference, definition opens the
//! document, completion offers keys after `@`, unknown keys are findings with
//! the nearest known keys as fixes.

use std::collections::HashSet;

use super::cited::{resolve, Cited};
use super::markdown::reference_head;
use super::{
    Cancel, Cancelled, Code, CompletionItem, CompletionKind, Completions, Edit, Finding, Fix, Hover,
    SourceLocation, MAX_COMPLETIONS,
};
use crate::bibliography::BibEntry;
use crate::brief::{Brief, CiteItem};
use crate::corpus::Reference;
use crate::snapshot::Snapshot;
use crate::text::{escape_markdown, TextRange};

/// The cited range: the `@` and the key.
fn cited_range(key_range: TextRange) -> TextRange {
    TextRange::new(key_range.start.saturating_sub(1), key_range.end)
}

pub(super) fn hover(corpus: &Snapshot, brief: &Brief, offset: usize) -> Option<Hover> {
    let (_, item) = brief.citation_item_at(offset)?;
    let range = cited_range(item.key_range);
    let markdown = match resolve(corpus, brief, &item.key) {
        Some(cited) => reference_markdown(brief, &cited),
        None if corpus.unreadable_source(&item.key).is_some() => {
            unreadable_message(corpus, &item.key, escape_markdown).unwrap_or_default()
        }
        None => {
            let mut md = format!(
                "Unknown citation key `{}`: no corpus document or bibliography entry has it.",
                item.key
            );
            if let Some(best) = nearest_keys(corpus, brief, &item.key).first() {
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

/// The reference in the brief's CSL style: the bibliography's entry, else
/// the document's `corpus.toml` reference, through the same processor.
fn rendered(brief: &Brief, cited: &Cited) -> String {
    let style = &brief.references.style;
    let result = match cited.entry {
        Some(entry) => style.render(entry),
        None => style.render(&BibEntry::from_reference(cited.reference(), "corpus.toml")),
    };
    result.unwrap_or_else(|why| format!("({why})"))
}

fn reference_markdown(brief: &Brief, cited: &Cited) -> String {
    let mut md = format!(
        "{}\n\n{}\n\n",
        reference_head(cited.key, cited.reference()),
        rendered(brief, cited)
    );
    match cited.doc {
        Some(doc) => {
            let path = doc.source_file();
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            md.push_str(&format!("`{}`", file.replace('`', "'")));
        }
        None => md.push_str("No corpus document: quotes from it cannot be checked."),
    }
    if let Some(entry) = cited.entry {
        md.push_str(&format!(" · from {}", escape_markdown(&entry.origin)));
    }
    if let Some(mismatch) = cited.mismatch() {
        md.push_str(&format!("\n\n**Note:** {}.", escape_markdown(&mismatch)));
    }
    md
}

pub(super) fn definition(corpus: &Snapshot, brief: &Brief, offset: usize) -> Vec<SourceLocation> {
    let Some((_, item)) = brief.citation_item_at(offset) else {
        return Vec::new();
    };
    resolve(corpus, brief, &item.key)
        .and_then(|cited| cited.doc)
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
    let bibliography = brief.references.entries().iter().map(|e| e.key());
    let corpus_only = corpus.keys().filter(|k| brief.references.get(k).is_none());
    let mut matched: Vec<(bool, Cited)> = bibliography
        .chain(corpus_only)
        .filter_map(|key| resolve(corpus, brief, key))
        .filter_map(|cited| {
            let r = cited.reference();
            let haystack = format!(
                "{} {} {}",
                r.key,
                r.authors.join(" "),
                r.title.as_deref().unwrap_or("")
            )
            .to_lowercase();
            let key_match = r.key.to_lowercase().starts_with(&typed);
            (key_match || haystack.contains(&typed)).then_some((key_match, cited))
        })
        .collect();
    matched.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.key.cmp(b.1.key)));
    let incomplete = matched.len() > MAX_COMPLETIONS;
    // The CSL processor renders only the items sent.
    let items = matched
        .into_iter()
        .take(MAX_COMPLETIONS)
        .map(|(_, cited)| CompletionItem {
            label: cited.key.to_string(),
            kind: CompletionKind::CitationKey,
            detail: detail(cited.reference()),
            documentation: rendered(brief, &cited),
            insert: cited.key.to_string(),
            filter: cited.key.to_string(),
        })
        .collect();
    Some(Completions {
        range: prefix.range,
        items,
        incomplete,
    })
}

/// A key's completion detail: its author and year, or, for a source no
/// manifest describes, its title, so that the key is never offered bare.
fn detail(reference: &Reference) -> String {
    match reference.author_year() {
        none if none.trim().is_empty() => reference.title.clone().unwrap_or_default(),
        author_year => author_year,
    }
}

pub(super) fn diagnostics(
    corpus: &Snapshot,
    brief: &Brief,
    cancel: Cancel,
) -> Result<Vec<Finding>, Cancelled> {
    let mut findings = reference_problems(brief);
    let mut mismatched = HashSet::new();
    for citation in &brief.citations {
        for item in &citation.items {
            if let Some(cited) = resolve(corpus, brief, &item.key) {
                if let Some(message) = cited.mismatch().filter(|_| mismatched.insert(&item.key)) {
                    findings.push(Finding {
                        range: cited_range(item.key_range),
                        code: Code::ReferenceMismatch,
                        severity: Code::ReferenceMismatch.default_severity(),
                        message,
                        related: Vec::new(),
                        fixes: Vec::new(),
                    });
                }
                continue;
            }
            // Each unknown key is compared with every known one.
            cancel.check()?;
            findings.push(unknown_key(corpus, brief, item));
        }
    }
    Ok(findings)
}

/// What to say of a key whose source is in a corpus folder but could not
/// be read: which file, and why (the corpus problem without its "; skipped":
/// the citation is what is flagged). The key is written as code, which reads
/// in a diagnostic and renders in a hover; the file and reason go through
/// `escape`, which a hover sets to Markdown's.
fn unreadable_message(corpus: &Snapshot, key: &str, escape: fn(&str) -> String) -> Option<String> {
    let problem = corpus.unreadable_source(key)?;
    let file = problem.path.file_name().unwrap_or_default().to_string_lossy();
    let reason = problem.message.replacen("; skipped", "", 1);
    Some(format!(
        "`@{key}` is the corpus file {}, which could not be read: {}",
        escape(&file),
        escape(&reason)
    ))
}

fn unknown_key(corpus: &Snapshot, brief: &Brief, item: &CiteItem) -> Finding {
    let suggestions = nearest_keys(corpus, brief, &item.key);
    let message = match unreadable_message(corpus, &item.key, str::to_string) {
        Some(unreadable) => unreadable,
        None => {
            let mut message = format!("unknown citation key `@{}`", item.key);
            if let Some(best) = suggestions.first() {
                message.push_str(&format!("; did you mean `@{best}`?"));
            }
            message
        }
    };
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
    Finding {
        range: cited_range(item.key_range),
        code: Code::CitationUnknown,
        severity: Code::CitationUnknown.default_severity(),
        message,
        related: Vec::new(),
        fixes,
    }
}

/// `bibliography-invalid`: a bibliography or style that could not be read,
/// at its front matter line, or at the first line for the project's.
fn reference_problems(brief: &Brief) -> Vec<Finding> {
    let first_line = TextRange::new(0, brief.text.find(['\n', '\r']).unwrap_or(brief.text.len()));
    brief
        .references
        .problems
        .iter()
        .map(|p| Finding {
            range: p.at.unwrap_or(first_line),
            code: Code::BibliographyInvalid,
            severity: Code::BibliographyInvalid.default_severity(),
            message: p.message.clone(),
            related: Vec::new(),
            fixes: Vec::new(),
        })
        .collect()
}

/// Known keys close enough to `key` to be what the writer meant, best first.
fn nearest_keys<'a>(corpus: &'a Snapshot, brief: &'a Brief, key: &str) -> Vec<&'a str> {
    let key = key.to_lowercase();
    let bibliography = brief.references.entries().iter().map(|e| e.key());
    let mut scored: Vec<(f64, &str)> = corpus
        .keys()
        .chain(bibliography)
        .filter_map(|known| {
            let lower = known.to_lowercase();
            let distance = strsim::damerau_levenshtein(&key, &lower);
            let similarity = strsim::jaro_winkler(&key, &lower);
            let close = distance <= (key.len().max(lower.len()) / 4).max(2) || similarity >= 0.88;
            close.then_some((similarity - distance as f64 * 0.01, known))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, key)| key).collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{check_completion, check_definition, check_diagnostics, check_hover};

    /// Three sources of the tests' own, two of them by one author.
    const CORPUS: &str = r#"
//- /sources/corpus.toml
[[document]]
file = "ports.txt"
key = "mensah2022"
type = "report"
title = "Ports of the Gulf of Guinea"
authors = ["Ama Mensah"]
date = "2022-05"
publisher = "Coastal Policy Institute"

[[document]]
file = "ports-2023.txt"
key = "mensah2023"
title = "Ports, Revisited"
authors = ["Ama Mensah"]
date = "2023"

[[document]]
file = "rail.txt"
key = "ito2020"
title = "Rail Gauges and Trade"
authors = ["Kenji Ito"]
date = "2020"
//- /sources/ports.txt
Report

Ports of the Gulf of Guinea

Tema and Lomé compete for the transit trade of the landlocked north.
//- /sources/ports-2023.txt
Ports, Revisited

Two years on, Lomé has pulled ahead.
//- /sources/rail.txt
Rail Gauges and Trade

A break of gauge at every border adds a day to each journey.
"#;

    fn with_brief(brief: &str) -> String {
        format!("{CORPUS}//- /brief.md\n{brief}")
    }

    #[test]
    fn hover_on_a_key_shows_the_reference() {
        check_hover(
            &with_brief("As Mensah argues [see @men$0sah2022, p. 4], Lomé leads."),
            expect_test::expect![[r#"
                22..33 "@mensah2022"
                **@mensah2022** · Mensah 2022

                Mensah, Ama. 2022. *Ports of the Gulf of Guinea*. Coastal Policy Institute.

                `ports.txt`"#]],
        );
    }

    #[test]
    fn hover_on_an_unknown_key_suggests_the_nearest() {
        check_hover(
            &with_brief("Ito’s view — “entente” [@it$0o2021]."),
            expect_test::expect![[r#"
                32..40 "@ito2021"
                Unknown citation key `ito2021`: no corpus document or bibliography entry has it. Did you mean `ito2020`?"#]],
        );
    }

    #[test]
    fn definition_opens_the_document_at_its_title() {
        check_definition(
            &with_brief("See @mensah$02022."),
            expect_test::expect![[r#"mensah2022 8..35 "Ports of the Gulf of Guinea""#]],
        );
    }

    #[test]
    fn completion_after_at_offers_keys_by_prefix_then_by_author() {
        check_completion(
            &with_brief("Lomé’s “lead” [@men$0]"),
            expect_test::expect![[r#"
                replace 23..26 "men"
                mensah2022 · Mensah 2022
                mensah2023 · Mensah 2023"#]],
        );
        check_completion(
            &with_brief("é [@kenj$0"),
            expect_test::expect![[r#"
            replace 5..9 "kenj"
            ito2020 · Ito 2020"#]],
        );
    }

    #[test]
    fn a_key_no_manifest_describes_is_detailed_by_its_title() {
        let corpus =
            crate::test_support::corpus_of(&[("memo", "Arctic shipping outlook\n\nThe ice thinned.")]);
        let (brief, offset) = super::super::fixture::cursor("See [@me$0]");
        let found = super::super::completion(&corpus, &brief, offset).unwrap();
        assert_eq!(found.items[0].detail, "Arctic shipping outlook");
    }

    #[test]
    fn a_manifest_entry_without_a_title_is_shown_with_the_documents_own() {
        // From a new-user trial: an entry with authors and a date but no
        // title showed none in hovers and completion.
        let fixture = r#"
            //- /sources/corpus.toml
            [[document]]
            file = "ice.txt"
            key = "berg2021"
            authors = ["Liv Berg"]
            date = "2021"
            //- /sources/ice.txt
            Arctic shipping outlook

            The ice thinned.
            //- /brief.md
            "#;
        check_hover(
            &format!("{fixture}See [@berg20$021]."),
            expect_test::expect![[r#"
                5..14 "@berg2021"
                **@berg2021** · Berg 2021

                Berg, Liv. 2021. “Arctic Shipping Outlook.”

                `ice.txt`"#]],
        );
        check_completion(
            &format!("{fixture}See [@berg$0]."),
            expect_test::expect![[r#"
                replace 6..10 "berg"
                berg2021 · Berg 2021"#]],
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
            &with_brief("Café — “entente” [@mensah2021; @ito2020] and @nobody.\n\n`@incode` and <https://x.org/@y>.\n"),
            expect_test::expect![[r#"
                25..36 "@mensah2021" error citation-unknown: unknown citation key `@mensah2021`; did you mean `@mensah2022`?
                  fix (preferred): Change to `@mensah2022` [26..36 → "mensah2022"]
                  fix: Change to `@mensah2023` [26..36 → "mensah2023"]
                52..59 "@nobody" error citation-unknown: unknown citation key `@nobody`"#]],
        );
    }

    #[test]
    fn citing_a_source_that_could_not_be_read_says_so_and_why() {
        // From a new-user trial: citing the empty (or broken) file's key
        // said only "unknown citation key".
        let fixture = r#"
            //- /sources/Blank Memo.txt
            //- /sources/rail.txt
            A break of gauge at every border adds a day to each journey.
            //- /brief.md
            As the memo says [@blank-memo$0].
            "#;
        check_diagnostics(
            &fixture.replace("$0", ""),
            expect_test::expect![[r#"
                18..29 "@blank-memo" error citation-unknown: `@blank-memo` is the corpus file Blank Memo.txt, which could not be read: empty file"#]],
        );
        check_hover(
            fixture,
            expect_test::expect![[r#"
                18..29 "@blank-memo"
                `@blank-memo` is the corpus file Blank Memo.txt, which could not be read: empty file"#]],
        );
        // A manifest's key names its entry's file.
        check_diagnostics(
            r#"
            //- /sources/corpus.toml
            [[document]]
            file = "Blank Memo.txt"
            key = "okafor2021"
            //- /sources/Blank Memo.txt
            //- /brief.md
            As the memo says [@okafor2021].
            "#,
            expect_test::expect![[r#"
                18..29 "@okafor2021" error citation-unknown: `@okafor2021` is the corpus file Blank Memo.txt, which could not be read: empty file"#]],
        );
    }

    mod with_a_bibliography {
        use std::collections::BTreeMap;
        use std::sync::Arc;

        use crate::analysis::fixture::{check_completion_at, check_diagnostics_of, check_hover_at, cursor};
        use crate::bibliography::{parse_bibliography, BibFormat, BibSource, BriefReferences};
        use crate::brief::Brief;

        /// `lukin2020` is the seed corpus's key, with another year;
        /// `gabuev2016` has no document; `trenin:entente` is linked to a
        /// seed document by its Zotero attachment's file name.
        const REFS_BIB: &str = r#"
@article{lukin2020, author = {Lukin, Artyom}, title = {The Russia–China entente and its future},
  journal = {International Politics}, volume = {58}, pages = {363--380}, year = {2021}}
@report{gabuev2016, author = {Gabuev, Alexander}, title = {Friends with Benefits?},
  institution = {Carnegie Moscow Center}, date = {2016-06-29}}
@article{trenin:entente, author = {Trenin, Dmitri}, title = {Russia-China Entente Must Move Past Rhetoric},
  journaltitle = {Global Times}, date = {2016-09-08},
  file = {Full Text:files/7/000_4a4712e541d2533e.txt:text/plain}}
"#;

        /// The fixture's brief, citing from `refs.bib` as the adapter
        /// assembles it for `bibliography: refs.bib`.
        fn citing_refs_bib(fixture: &str) -> (Brief, usize) {
            let (brief, offset) = cursor(fixture);
            let source = BibSource {
                origin: "refs.bib".into(),
                parsed: Ok(parse_bibliography(REFS_BIB, BibFormat::Biblatex, "refs.bib")),
                at: None,
            };
            let references = BriefReferences::assemble(vec![source], Ok(None), &BTreeMap::new());
            (brief.with_references(Arc::new(references)), offset)
        }

        const FRONT: &str = "---\nbibliography: refs.bib\n---\n\n";

        #[test]
        fn an_entry_without_a_document_hovers_in_the_style_and_says_quotes_cannot_be_checked() {
            check_hover_at(
                citing_refs_bib(&format!("{FRONT}Gabuev [@gab$0uev2016] warned.")),
                expect_test::expect![[r#"
                    40..51 "@gabuev2016"
                    **@gabuev2016** · Gabuev 2016

                    Gabuev, Alexander. 2016. *Friends with Benefits?*.

                    No corpus document: quotes from it cannot be checked. · from refs.bib"#]],
            );
        }

        #[test]
        fn a_key_in_both_names_the_document_and_the_disagreement() {
            check_hover_at(
                citing_refs_bib(&format!("{FRONT}As Lukin argues [@luk$0in2020].")),
                expect_test::expect![[r#"
                    49..59 "@lukin2020"
                    **@lukin2020** · Lukin 2021

                    Lukin, Artyom. 2021. “The Russia–China Entente and Its Future.” *International Politics* 58: 363–80.

                    `003_9556968063aa75cc.txt` · from refs.bib

                    **Note:** corpus.toml and refs.bib disagree on @lukin2020: year 2020 against 2021."#]],
            );
        }

        #[test]
        fn an_entry_links_to_its_document_through_its_attachment() {
            let (brief, offset) = citing_refs_bib(&format!("{FRONT}Trenin [@tre$0nin:entente]."));
            let found = crate::analysis::definition(crate::test_support::seed_corpus(), &brief, offset);
            let doc = crate::test_support::seed_corpus().document(found[0].doc);
            assert_eq!(doc.reference.key, "trenin2016");
        }

        /// Through its attachment, `@trenin:entente` is Trenin's document:
        /// his words are found where cited, Lukin's are not.
        #[test]
        fn quotes_cited_by_a_linked_key_are_checked_against_its_document() {
            let (brief, _) = citing_refs_bib(&format!(
                "{FRONT}Relations “have assumed a new quality” [@trenin:entente].\n\nIt is “a great-power entente, falling short of a formal alliance” [@trenin:entente].$0\n"
            ));
            let findings: Vec<String> = crate::analysis::diagnostics(
                crate::test_support::seed_corpus(),
                &brief,
                &crate::analysis::CheckConfig::default(),
            )
            .iter()
            .map(|f| format!("{} {}", f.code.as_str(), f.message))
            .collect();
            assert_eq!(findings.len(), 1, "{findings:?}");
            assert!(findings[0].starts_with("quote-misattributed"), "{findings:?}");
            assert!(findings[0].contains("lukin2020"), "{findings:?}");
        }

        /// Pandoc resolves only the bibliography's keys, so a misattributed
        /// quote's fix cites the entry linked to its document, not the
        /// corpus key.
        #[test]
        fn a_misattributed_quote_is_sent_to_the_bibliography_key_of_its_document() {
            let (brief, _) = citing_refs_bib(&format!(
                "{FRONT}Relations “have assumed a new quality” [@lukin2020].$0\n"
            ));
            check_diagnostics_of(
                brief,
                expect_test::expect![[r#"
                42..74 "“have assumed a new quality”" warning quote-misattributed: quote credited to @lukin2020, but it is from @trenin:entente
                  fix (preferred): Cite @trenin:entente instead [77..86 → "trenin:entente"]
                76..86 "@lukin2020" warning reference-mismatch: corpus.toml and refs.bib disagree on @lukin2020: year 2020 against 2021"#]],
            );
        }

        #[test]
        fn bibliography_keys_complete_with_the_corpus_keys() {
            check_completion_at(
                citing_refs_bib(&format!("{FRONT}See [@tre$0]")),
                expect_test::expect![[r#"
                    replace 38..41 "tre"
                    trenin2016 · Trenin 2016
                    trenin2019 · Trenin 2019
                    trenin:entente · Trenin 2016"#]],
            );
        }

        #[test]
        fn bibliography_keys_are_known_and_a_typo_gets_the_nearest_of_them() {
            let (brief, _) = citing_refs_bib(&format!(
                "{FRONT}Gabuev [@gabuev2016] and [@gabuev2017], Lukin [@lukin2020; @lukin2020].$0\n"
            ));
            check_diagnostics_of(
                brief,
                expect_test::expect![[r#"
                    58..69 "@gabuev2017" error citation-unknown: unknown citation key `@gabuev2017`; did you mean `@gabuev2016`?
                      fix (preferred): Change to `@gabuev2016` [59..69 → "gabuev2016"]
                    79..89 "@lukin2020" warning reference-mismatch: corpus.toml and refs.bib disagree on @lukin2020: year 2020 against 2021"#]],
            );
        }

        #[test]
        fn an_unreadable_bibliography_is_a_finding_at_its_front_matter_line() {
            let (brief, _) = cursor(&format!("{FRONT}Text.$0"));
            let source = BibSource {
                origin: "refs.bib".into(),
                parsed: Err("cannot read: No such file or directory".into()),
                at: Some(crate::text::TextRange::new(4, 26)),
            };
            let references = BriefReferences::assemble(vec![source], Ok(None), &BTreeMap::new());
            check_diagnostics_of(
                brief.with_references(Arc::new(references)),
                expect_test::expect![[r#"
                    4..26 "bibliography: refs.bib" warning bibliography-invalid: bibliography refs.bib: cannot read: No such file or directory"#]],
            );
        }
    }
}
