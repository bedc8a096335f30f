//! `--format sarif`: one SARIF 2.1.0 run (what GitHub code scanning and
//! other CI dashboards read). A rule per check code; a result per finding
//! with its region in UTF-16 columns (the SARIF default, stated in
//! `columnKind`), the source passages as related locations, its fixes as
//! replacements, and an accepted finding as a suppression.

use std::path::Path;

use brief_core::analysis::{Code, Finding, Severity};
use brief_core::text::PositionEncoding;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};

use crate::accepted::brief_key;

use super::{related_span, CheckedBrief, Report, Shown, Span};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Paths are relative to this base, which `originalUriBaseIds` defines as
/// the folder `check` ran in.
const ROOT_BASE: &str = "SRCROOT";

pub fn render(report: &Report) -> anyhow::Result<String> {
    let rules: Vec<Value> = Code::ALL.iter().map(|&code| rule(code)).collect();
    let mut results = Vec::new();
    for brief in &report.briefs {
        for shown in &brief.findings {
            results.push(result(report, brief, shown));
        }
    }
    let notifications: Vec<Value> = report
        .unreadable
        .iter()
        .map(|u| {
            json!({
                "level": "error",
                "message": { "text": u.error },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact(&report.root, u.path.as_deref()) } }],
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "brief-lsp",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            } },
            "originalUriBaseIds": { ROOT_BASE: { "uri": file_uri(&report.root, true) } },
            "columnKind": "utf16CodeUnits",
            "invocations": [{
                "executionSuccessful": report.unreadable.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    Ok(serde_json::to_string_pretty(&log)? + "\n")
}

fn rule(code: Code) -> Value {
    json!({
        "id": code.as_str(),
        "shortDescription": { "text": description(code) },
        "defaultConfiguration": {
            "level": level(code.default_severity()),
            "enabled": code.on_by_default(),
        },
    })
}

/// What each check reports, as in the README's table of checks.
fn description(code: Code) -> &'static str {
    match code {
        Code::CitationUnknown => "A citation key no corpus document or bibliography entry has",
        Code::QuoteInexact => "A quote that differs from its nearest source passage",
        Code::QuoteNotFound => "A quote of four or more words no source contains",
        Code::QuoteMisattributed => "A quote found, but not in the document its citation names",
        Code::QuoteUncited => "An exact quote with no citation",
        Code::FigureContradicted => "A figure that a corpus figure in a matching context contradicts",
        Code::FigureUnsupported => "A figure nothing in the corpus backs",
        Code::FigureMisattributed => "A figure found, but not in the document its citation names",
        Code::LocatorWrong => "A quote whose page locator names a page that does not hold the passage",
        Code::LocatorMissing => "A quote cited without a page, from a document whose pages are known",
        Code::BriefTooLarge => "A brief over the size budget, whose quotes and figures are not checked",
        Code::BibliographyInvalid => "A bibliography or CSL style that cannot be read, or an entry in it",
        Code::ReferenceMismatch => {
            "A key whose corpus.toml reference and bibliography entry disagree on title or year"
        }
    }
}

/// SARIF has no level below `note`.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn result(report: &Report, brief: &CheckedBrief, shown: &Shown) -> Value {
    let f: &Finding = &shown.finding;
    let location = artifact(&report.root, brief.path.as_deref());
    let related: Vec<Value> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let related = related_span(report, r);
            match &related.original {
                // The region is in the text extracted into this machine's
                // cache; a dashboard can show the file itself, with the
                // passage in the message.
                Some(original) => json!({
                    "id": i,
                    "message": { "text": format!(
                        "{} ({}): {}",
                        r.message,
                        original.place(),
                        one_line(related.span.covered()),
                    ) },
                    "physicalLocation": { "artifactLocation": artifact(&report.root, Some(original.path)) },
                }),
                None => json!({
                    "id": i,
                    "message": { "text": r.message },
                    "physicalLocation": {
                        "artifactLocation": artifact(&report.root, related.span.path),
                        "region": region(&related.span),
                    },
                }),
            }
        })
        .collect();
    let fixes: Vec<Value> = f
        .fixes
        .iter()
        .map(|fix| {
            let replacements: Vec<Value> = fix
                .edits
                .iter()
                .map(|edit| {
                    json!({
                        "deletedRegion": region(&brief.span(edit.range)),
                        "insertedContent": { "text": edit.new_text },
                    })
                })
                .collect();
            json!({
                "description": { "text": fix.title },
                "artifactChanges": [{ "artifactLocation": location, "replacements": replacements }],
            })
        })
        .collect();
    let rule_index = Code::ALL.iter().position(|&c| c == f.code);
    let mut result = json!({
        "ruleId": f.code.as_str(),
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [{ "physicalLocation": {
            "artifactLocation": location,
            "region": region(&brief.span(f.range)),
        } }],
    });
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    if !fixes.is_empty() {
        result["fixes"] = Value::Array(fixes);
    }
    if let Some(how) = &shown.accepted {
        // The core words an inline acceptance "accepted inline: …"; the
        // others come from .brief-lsp/accepted.toml, outside the brief.
        let kind = if how.starts_with("accepted inline") {
            "inSource"
        } else {
            "external"
        };
        result["suppressions"] = json!([{ "kind": kind, "justification": how }]);
    }
    result
}

/// A passage as one line of text: a PDF's line breaks as spaces.
fn one_line(passage: &str) -> String {
    passage.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A 1-based region in UTF-16 columns, end exclusive, with the text it
/// covers.
fn region(span: &Span) -> Value {
    let (start, end) = span.positions(PositionEncoding::Utf16);
    json!({
        "startLine": start.line + 1,
        "startColumn": start.col + 1,
        "endLine": end.line + 1,
        "endColumn": end.col + 1,
        "snippet": { "text": span.covered() },
    })
}

/// A brief's location: relative to the root when it is under it, else an
/// absolute `file:` URI; standard input has none.
fn artifact(root: &Path, path: Option<&Path>) -> Value {
    let Some(path) = path else {
        return json!({ "description": { "text": "standard input" } });
    };
    let key = brief_key(root, path);
    if Path::new(&key).is_absolute() {
        json!({ "uri": file_uri(Path::new(&key), false) })
    } else {
        json!({ "uri": encode(Path::new(&key)), "uriBaseId": ROOT_BASE })
    }
}

/// Characters left as they are in a URI path: unreserved ones and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn encode(path: &Path) -> String {
    let path = path.to_string_lossy().replace('\\', "/");
    utf8_percent_encode(&path, PATH).to_string()
}

fn file_uri(path: &Path, folder: bool) -> String {
    let mut uri = format!("file://{}", encode(path));
    if folder && !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}
