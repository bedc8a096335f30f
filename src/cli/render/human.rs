//! Compiler-style findings through `annotate-snippets` (the renderer rustc
//! and cargo use): every line a finding spans, the source passage it is
//! compared with, its fix, and a summary line.
//!
//! Chosen over `codespan-reporting` (needs a `Files` database for the corpus
//! documents and the briefs, and its own colour writer) and `miette` (built
//! around `Error` types and a global hook, more than a report of findings
//! needs): annotate-snippets takes plain strings with byte ranges, which is
//! what the core gives.

use std::borrow::Cow;

use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Renderer, Snippet};
use brief_core::analysis::Severity;

use super::{related_span, Excerpt, OriginalFile, RelatedSpan, Report, Shown, Span};

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
            let related: Vec<RelatedSpan> = shown
                .finding
                .related
                .iter()
                .map(|r| related_span(report, r))
                .collect();
            let excerpt = span.excerpt();
            let related_excerpts: Vec<Excerpt> = related.iter().map(|r| r.span.excerpt()).collect();
            let spans = || {
                let related = related
                    .iter()
                    .zip(&related_excerpts)
                    .map(|(r, excerpt)| ShownSpan {
                        span: &r.span,
                        excerpt,
                    });
                std::iter::once(ShownSpan {
                    span: &span,
                    excerpt: &excerpt,
                })
                .chain(related)
            };
            let originals = related.iter().map(|r| r.original.as_ref());
            let rendered = renderer.render(&[finding_group(shown, spans(), originals)]);
            out.push_str(&correct_columns(rendered, spans()));
            out.push_str("\n\n");
        }
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// A span and the excerpt of it that is shown.
#[derive(Clone, Copy)]
struct ShownSpan<'a> {
    span: &'a Span<'a>,
    excerpt: &'a Excerpt,
}

/// The finding's group: `spans` are its own span, then its related ones;
/// `originals` are the files the related passages were extracted from.
fn finding_group<'a>(
    shown: &'a Shown,
    mut spans: impl Iterator<Item = ShownSpan<'a>>,
    originals: impl Iterator<Item = Option<&'a OriginalFile<'a>>>,
) -> Group<'a> {
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
        .elements(
            spans
                .next()
                .map(|primary| snippet(primary, AnnotationKind::Primary, None)),
        );
    for ((info, shown_span), original) in f.related.iter().zip(spans).zip(originals) {
        // The excerpt is of the cached text; say which file it came from.
        let label = match original {
            Some(original) => Cow::Owned(format!("{} (the text of {})", info.message, original.place())),
            None => Cow::Borrowed(info.message.as_str()),
        };
        group = group.element(snippet(shown_span, AnnotationKind::Context, Some(label)));
    }
    match (&shown.accepted, f.fixes.first()) {
        (Some(how), _) => group.element(Level::NOTE.no_name().message(how.as_str())),
        (None, Some(fix)) => group.element(Level::HELP.with_name("fix").message(super::fix_line(fix))),
        (None, None) => group,
    }
}

/// The span's place in its file, then its excerpt: the place is given
/// rather than counted by the renderer, since the excerpt starts where it
/// was cut, not at the line's start.
fn snippet<'a>(
    shown: ShownSpan<'a>,
    kind: AnnotationKind,
    label: Option<Cow<'a, str>>,
) -> Snippet<'a, Annotation<'a>> {
    let ShownSpan { span, excerpt } = shown;
    Snippet::source(excerpt.source.as_str())
        .line_start(excerpt.line)
        .path(span.name.as_str())
        .annotation(kind.span(excerpt.range.clone()).label(label))
}

/// annotate-snippets counts a location's column from the start of the
/// excerpt it is given; where an excerpt was cut inside its line, the
/// rendered `name:line:column` is put right, location by location in the
/// order they are rendered (the finding, then its related passages).
fn correct_columns<'a>(mut rendered: String, shown: impl Iterator<Item = ShownSpan<'a>>) -> String {
    let mut from = 0;
    for ShownSpan { span, excerpt } in shown {
        let counted = format!("{}:{}:{}", span.name, excerpt.line, excerpt.column_in_source());
        let Some(at) = rendered[from..].find(&counted).map(|i| i + from) else {
            continue;
        };
        let right = format!("{}:{}:{}", span.name, excerpt.line, excerpt.column);
        rendered.replace_range(at..at + counted.len(), &right);
        from = at + right.len();
    }
    rendered
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
