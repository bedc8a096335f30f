//! `--format github`: GitHub Actions workflow commands, one annotation per
//! finding (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::
//! message`), escaped as the Actions toolkit does (`%`, CR and LF in the
//! message; also `:` and `,` in properties).

use std::fmt::Write as _;
use std::path::Path;

use brief_core::analysis::Severity;
use brief_core::corpus::ProblemSeverity;
use brief_core::text::PositionEncoding;

use crate::accepted::brief_key;

use super::{related_span, Report, Shown, Span};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for brief in &report.briefs {
        let file = file(report, brief.path.as_deref(), &brief.name);
        for shown in &brief.findings {
            let span = brief.span(shown.finding.range);
            annotation(&mut out, report, shown, &file, &span);
        }
    }
    for unreadable in &report.unreadable {
        let properties = [
            ("file", file(report, unreadable.path.as_deref(), &unreadable.name)),
            ("title", "brief-lsp: unreadable brief".to_string()),
        ];
        write_command(&mut out, "error", &properties, &unreadable.error);
    }
    // Corpus problems (a mistyped manifest field, an unreadable source)
    // annotate their files too: on stderr alone, a pull request never
    // shows them.
    for problem in &report.corpus.problems {
        let command = match problem.severity {
            ProblemSeverity::Warning => "warning",
            ProblemSeverity::Error => "error",
        };
        let mut properties = vec![("file", brief_key(&report.repository, &problem.path))];
        if let Some(line) = problem.line {
            properties.push(("line", line.to_string()));
        }
        properties.push(("title", "brief-lsp: corpus".to_string()));
        write_command(&mut out, command, &properties, &problem.message);
    }
    out
}

/// GitHub places an annotation by its path from the repository root
/// (`Report::repository`): a brief under it is named relative to it, however
/// it was given and wherever `check` runs.
fn file(report: &Report, path: Option<&Path>, name: &str) -> String {
    path.map_or_else(|| name.to_string(), |p| brief_key(&report.repository, p))
}

fn annotation(out: &mut String, report: &Report, shown: &Shown, file: &str, span: &Span) {
    let f = &shown.finding;
    let command = match (f.severity, &shown.accepted) {
        (_, Some(_)) | (Severity::Information | Severity::Hint, None) => "notice",
        (Severity::Warning, None) => "warning",
        (Severity::Error, None) => "error",
    };
    // Columns are characters, 1-based; GitHub only honours columns on a
    // one-line annotation, so a multi-line one names its lines alone.
    let (start, end) = span.positions(PositionEncoding::Utf32);
    let mut properties = vec![("file", file.to_string()), ("line", (start.line + 1).to_string())];
    if start.line == end.line {
        properties.push(("col", (start.col + 1).to_string()));
        properties.push(("endColumn", (end.col + 1).to_string()));
    } else {
        properties.push(("endLine", (end.line + 1).to_string()));
    }
    let title = match &shown.accepted {
        Some(_) => format!("brief-lsp: accepted {}", f.code.as_str()),
        None => format!("brief-lsp: {}", f.code.as_str()),
    };
    properties.push(("title", title));
    let mut message = f.message.clone();
    for related in &f.related {
        let source = related_span(report, related);
        // An extracted text's place is in this machine's cache, unknown to
        // whoever reads the pull request: name the PDF or web page.
        let place = match &source.original {
            Some(original) => original.place(),
            None => {
                let (at, _) = source.span.positions(PositionEncoding::Utf32);
                format!("{}:{}:{}", source.span.name, at.line + 1, at.col + 1)
            }
        };
        let _ = write!(message, "\n{}: {place}", related.message);
    }
    match (&shown.accepted, f.fixes.first()) {
        (Some(how), _) => message.push_str(&format!("\n{how}")),
        (None, Some(fix)) => message.push_str(&format!("\nfix: {}", super::fix_line(fix))),
        (None, None) => {}
    }
    write_command(out, command, &properties, &message);
}

/// One workflow command, its properties and message escaped.
fn write_command(out: &mut String, command: &str, properties: &[(&str, String)], message: &str) {
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", property(value)))
        .collect();
    let _ = writeln!(out, "::{command} {}::{}", properties.join(","), data(message));
}

/// A command's message (`escapeData` in the Actions toolkit).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A command's property value (`escapeProperty` in the Actions toolkit).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_actions_toolkit() {
        assert_eq!(data("9.7%\r\nnext: a, b"), "9.7%25%0D%0Anext: a, b");
        assert_eq!(property("C:\\a,b%.md"), "C%3A\\a%2Cb%25.md");
    }
}
