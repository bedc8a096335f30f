//! `--format json`: a list of `{file, range, severity, code, message}` with
//! 0-based UTF-16 positions as in LSP, the related source passages, and the
//! fixes with their edits.

use brief_core::text::PositionEncoding;
use serde_json::{json, Value};

use super::{related_span, RelatedSpan, Report, Span};

pub fn render(report: &Report) -> anyhow::Result<String> {
    let mut findings = Vec::new();
    for brief in &report.briefs {
        for shown in &brief.findings {
            let f = &shown.finding;
            let mut finding = json!({
                "file": brief.name,
                "range": range(&brief.span(f.range)),
                "severity": f.severity.as_str(),
                "code": f.code.as_str(),
                "message": f.message,
            });
            if !f.related.is_empty() {
                let related: Vec<Value> = f
                    .related
                    .iter()
                    .map(|r| related(&related_span(report, r), &r.message))
                    .collect();
                finding["related"] = Value::Array(related);
            }
            if !f.fixes.is_empty() {
                let fixes: Vec<Value> = f
                    .fixes
                    .iter()
                    .map(|fix| {
                        let edits: Vec<Value> = fix
                            .edits
                            .iter()
                            .map(|e| json!({ "range": range(&brief.span(e.range)), "new_text": e.new_text }))
                            .collect();
                        json!({ "title": fix.title, "edits": edits })
                    })
                    .collect();
                finding["fixes"] = Value::Array(fixes);
            }
            if let Some(how) = &shown.accepted {
                finding["accepted"] = Value::String(how.clone());
            }
            findings.push(finding);
        }
    }
    Ok(serde_json::to_string_pretty(&findings)? + "\n")
}

/// A related passage at its range; for a PDF or web page, at its original
/// file (and page), with the passage's text, and its range in the text
/// extracted into the cache apart: that file is on this machine only.
fn related(r: &RelatedSpan, message: &str) -> Value {
    let Some(original) = &r.original else {
        return json!({ "file": r.span.name, "range": range(&r.span), "message": message });
    };
    let mut related = json!({
        "file": original.name,
        "passage": r.span.covered(),
        "extracted_text": { "file": r.span.name, "range": range(&r.span) },
        "message": message,
    });
    if let Some(page) = original.page {
        related["page"] = page.into();
    }
    related
}

fn range(span: &Span) -> Value {
    let (start, end) = span.positions(PositionEncoding::Utf16);
    json!({
        "start": { "line": start.line, "character": start.col },
        "end": { "line": end.line, "character": end.col },
    })
}
