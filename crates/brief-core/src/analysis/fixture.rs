//! Test fixtures: a brief as a string with a `$0` cursor, checked against its
//! own inline corpus (`//- /sources/…` files, see [`parse_fixture`]) or the
//! seeds, results rendered as compact text for expect-test snapshots.

use expect_test::Expect;

use crate::brief::Brief;
use crate::snapshot::Snapshot;
pub(crate) use crate::test_support::seed_corpus;
use crate::test_support::{parse_fixture, TestCorpus};
use crate::text::TextRange;

/// Splits `$0` out of a brief: the brief and the cursor's offset.
pub(crate) fn cursor(brief: &str) -> (Brief, usize) {
    let offset = brief.find("$0").expect("fixture has no $0");
    let text = brief.replacen("$0", "", 1);
    (Brief::parse(text), offset)
}

/// A fixture's corpus, its brief and the brief's `$0` cursor.
fn corpus_and_cursor(fixture: &str) -> (TestCorpus, Brief, usize) {
    let (corpus, brief) = parse_fixture(fixture);
    let (brief, offset) = cursor(&brief);
    (corpus, brief, offset)
}

pub(crate) fn check_hover(fixture: &str, expect: Expect) {
    let (corpus, brief, offset) = corpus_and_cursor(fixture);
    expect.assert_eq(&hover_text(corpus.get(), &brief, offset));
}

/// As [`check_hover`], for a brief built otherwise (with a bibliography),
/// against the seeds.
pub(crate) fn check_hover_at((brief, offset): (Brief, usize), expect: Expect) {
    expect.assert_eq(&hover_text(seed_corpus(), &brief, offset));
}

fn hover_text(corpus: &Snapshot, brief: &Brief, offset: usize) -> String {
    match super::hover(corpus, brief, offset) {
        Some(h) => format!(
            "{:?} {:?}\n{}",
            h.range,
            &brief.text[h.range.start..h.range.end],
            h.markdown
        ),
        None => "no hover".to_string(),
    }
}

pub(crate) fn check_definition(fixture: &str, expect: Expect) {
    let (corpus, brief, offset) = corpus_and_cursor(fixture);
    let corpus = corpus.get();
    let actual: Vec<String> = super::definition(corpus, &brief, offset)
        .iter()
        .map(|loc| {
            let doc = corpus.document(loc.doc);
            let text = &doc.original[loc.range.start..loc.range.end];
            format!("{} {:?} {text:?}", doc.reference.key, loc.range)
        })
        .collect();
    expect.assert_eq(&actual.join("\n"));
}

pub(crate) fn check_completion(fixture: &str, expect: Expect) {
    let (corpus, brief, offset) = corpus_and_cursor(fixture);
    expect.assert_eq(&completion_text(corpus.get(), &brief, offset));
}

/// As [`check_completion`], for a brief built otherwise (with a
/// bibliography), against the seeds.
pub(crate) fn check_completion_at((brief, offset): (Brief, usize), expect: Expect) {
    expect.assert_eq(&completion_text(seed_corpus(), &brief, offset));
}

fn completion_text(corpus: &Snapshot, brief: &Brief, offset: usize) -> String {
    match super::completion(corpus, brief, offset) {
        Some(c) => {
            let typed = &brief.text[c.range.start..c.range.end];
            let mut lines = vec![format!("replace {:?} {typed:?}", c.range)];
            lines.extend(c.items.iter().map(|i| format!("{} · {}", i.label, i.detail)));
            lines.join("\n")
        }
        None => "no completion".to_string(),
    }
}

pub(crate) fn check_diagnostics(fixture: &str, expect: Expect) {
    let (corpus, brief) = parse_fixture(fixture);
    expect.assert_eq(&diagnostics_text(corpus.get(), &Brief::parse(brief)));
}

/// As [`check_diagnostics`], for a brief built otherwise (with a
/// bibliography), against the seeds.
pub(crate) fn check_diagnostics_of(brief: Brief, expect: Expect) {
    expect.assert_eq(&diagnostics_text(seed_corpus(), &brief));
}

fn diagnostics_text(corpus: &Snapshot, brief: &Brief) -> String {
    let mut lines = Vec::new();
    for f in super::diagnostics(corpus, brief, &super::CheckConfig::default()) {
        let text = &brief.text[f.range.start..f.range.end];
        lines.push(format!(
            "{:?} {text:?} {} {}: {}",
            f.range,
            f.severity.as_str(),
            f.code.as_str(),
            f.message
        ));
        for fix in &f.fixes {
            let edits: Vec<String> = fix
                .edits
                .iter()
                .map(|e| format!("{:?} → {:?}", e.range, e.new_text))
                .collect();
            let preferred = if fix.preferred { " (preferred)" } else { "" };
            lines.push(format!("  fix{preferred}: {} [{}]", fix.title, edits.join(", ")));
        }
    }
    lines.join("\n")
}

pub(crate) fn check_inlay_hints(fixture: &str, expect: Expect) {
    let (corpus, brief) = parse_fixture(fixture);
    let brief = Brief::parse(brief);
    let hints: Vec<String> = super::inlay_hints(corpus.get(), &brief, TextRange::new(0, brief.text.len()))
        .iter()
        .map(|h| format!("{} {}", h.offset, h.label))
        .collect();
    expect.assert_eq(&hints.join("\n"));
}
