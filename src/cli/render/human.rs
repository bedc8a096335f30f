//! Compiler-style findings through `annotate-snippets` (the renderer rustc
//! and cargo use): every line a finding spans, the source passage it is
//! compared with, its fix, and a summary line.
//!
//! Chosen over `codespan-reporting` (needs a `Files` database for the corpus
//! documents and the briefs, and its own colour writer) and `miette` (built
//! around `Error` types and a global hook, more than a report of findings
//! needs): annotate-snippets takes plain strings with byte ranges, which is
//! what the core gives.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use brief_core::analysis::Severity;

use super::{related_span, Report, Shown, Span};

pub fn render(report: &Report, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for brief in &report.briefs {
        for shown in &brief.findings {
            let span = brief.span(shown.finding.range);
            let related: Vec<Span> = shown
                .finding
                .related
                .iter()
                .map(|r| related_span(report, r))
                .collect();
            out.push_str(&renderer.render(&[finding_group(shown, &span, &related)]));
            out.push_str("\n\n");
        }
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

fn finding_group<'a>(shown: &'a Shown, span: &'a Span, related: &'a [Span]) -> Group<'a> {
    let f = &shown.finding;
    let level = match (f.severity, &shown.accepted) {
        (severity, Some(_)) => Level::NOTE.with_name(format!("accepted {}", severity.as_str())),
        (Severity::Error, None) => Level::ERROR,
        (Severity::Warning, None) => Level::WARNING,
        (Severity::Information, None) => Level::INFO,
        (Severity::Hint, None) => Level::HELP.with_name("hint"),
    };
    let mut group = level
        .primary_title(f.message.as_str())
        .id(f.code.as_str())
        .element(snippet(span, AnnotationKind::Primary, None));
    for (info, span) in f.related.iter().zip(related) {
        group = group.element(snippet(span, AnnotationKind::Context, Some(&info.message)));
    }
    match (&shown.accepted, f.fixes.first()) {
        (Some(how), _) => group.element(Level::NOTE.no_name().message(how.as_str())),
        (None, Some(fix)) => group.element(Level::HELP.with_name("fix").message(fix.title.as_str())),
        (None, None) => group,
    }
}

fn snippet<'a>(
    span: &'a Span,
    kind: AnnotationKind,
    label: Option<&'a str>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let (line, lines, range) = span.excerpt();
    Snippet::source(lines)
        .line_start(line)
        .path(span.name.as_str())
        .annotation(kind.span(range).label(label))
}

/// "1 error, 2 warnings in 3 briefs", with what was accepted and what could
/// not be read.
pub fn summary(report: &Report) -> String {
    let findings = || report.briefs.iter().flat_map(|b| &b.findings);
    let mut parts = Vec::new();
    for (severity, one, many) in [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Information, "info", "info"),
        (Severity::Hint, "hint", "hints"),
    ] {
        let n = findings()
            .filter(|s| s.accepted.is_none() && s.finding.severity == severity)
            .count();
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    let n_briefs = report.briefs.len();
    let mut line = format!(
        "{} in {n_briefs} {}",
        if parts.is_empty() {
            "no findings".to_string()
        } else {
            parts.join(", ")
        },
        if n_briefs == 1 { "brief" } else { "briefs" }
    );
    let n_accepted = findings().filter(|s| s.accepted.is_some()).count();
    if n_accepted > 0 {
        line.push_str(&format!(" ({n_accepted} accepted shown)"));
    }
    if !report.unreadable.is_empty() {
        let n = report.unreadable.len();
        line.push_str(&format!(
            "; {n} {} could not be read",
            if n == 1 { "brief" } else { "briefs" }
        ));
    }
    line
}
