//! `--format json`: a list of `{file, range, severity, code, message}` with
//! 0-based UTF-16 positions as in LSP, and the related source passages.

use brief_core::text::PositionEncoding;
use serde_json::{json, Value};

use super::{related_span, Report, Span};

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
                    .map(|r| {
                        let span = related_span(report, r);
                        json!({ "file": span.name, "range": range(&span), "message": r.message })
                    })
                    .collect();
                finding["related"] = Value::Array(related);
            }
            if let Some(how) = &shown.accepted {
                finding["accepted"] = Value::String(how.clone());
            }
            findings.push(finding);
        }
    }
    Ok(serde_json::to_string_pretty(&findings)? + "\n")
}

fn range(span: &Span) -> Value {
    let (start, end) = span.positions(PositionEncoding::Utf16);
    json!({
        "start": { "line": start.line, "character": start.col },
        "end": { "line": end.line, "character": end.col },
    })
}
