//! Test fixtures: a brief as a string with a `$0` cursor, checked against the
//! seed corpus, results rendered as compact text for expect-test snapshots.

use expect_test::Expect;

use crate::brief::Brief;
pub(crate) use crate::test_support::seed_corpus;
use crate::text::TextRange;

/// Splits `$0` out of a fixture: the brief text and the cursor's offset.
pub(crate) fn cursor(fixture: &str) -> (Brief, usize) {
    let offset = fixture.find("$0").expect("fixture has no $0");
    let text = fixture.replacen("$0", "", 1);
    (Brief::parse(text), offset)
}

pub(crate) fn check_hover(fixture: &str, expect: Expect) {
    check_hover_at(cursor(fixture), expect);
}

/// As [`check_hover`], for a brief built otherwise (with a bibliography).
pub(crate) fn check_hover_at((brief, offset): (Brief, usize), expect: Expect) {
    let actual = match super::hover(seed_corpus(), &brief, offset) {
        Some(h) => format!(
            "{:?} {:?}\n{}",
            h.range,
            &brief.text[h.range.start..h.range.end],
            h.markdown
        ),
        None => "no hover".to_string(),
    };
    expect.assert_eq(&actual);
}

pub(crate) fn check_definition(fixture: &str, expect: Expect) {
    let (brief, offset) = cursor(fixture);
    let corpus = seed_corpus();
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
    check_completion_at(cursor(fixture), expect);
}

pub(crate) fn check_completion_at((brief, offset): (Brief, usize), expect: Expect) {
    let actual = match super::completion(seed_corpus(), &brief, offset) {
        Some(c) => {
            let typed = &brief.text[c.range.start..c.range.end];
            let mut lines = vec![format!("replace {:?} {typed:?}", c.range)];
            lines.extend(c.items.iter().map(|i| format!("{} · {}", i.label, i.detail)));
            lines.join("\n")
        }
        None => "no completion".to_string(),
    };
    expect.assert_eq(&actual);
}

pub(crate) fn check_diagnostics(brief: &str, expect: Expect) {
    check_diagnostics_of(Brief::parse(brief), expect);
}

pub(crate) fn check_diagnostics_of(brief: Brief, expect: Expect) {
    let mut lines = Vec::new();
    for f in super::diagnostics(seed_corpus(), &brief, &super::CheckConfig::default()) {
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
    expect.assert_eq(&lines.join("\n"));
}

pub(crate) fn check_inlay_hints(brief: &str, expect: Expect) {
    let brief = Brief::parse(brief);
    let hints: Vec<String> = super::inlay_hints(seed_corpus(), &brief, TextRange::new(0, brief.text.len()))
        .iter()
        .map(|h| format!("{} {}", h.offset, h.label))
        .collect();
    expect.assert_eq(&hints.join("\n"));
}
