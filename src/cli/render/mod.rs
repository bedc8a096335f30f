//! What `check` found, and its four renderings: `human` (compiler-style, for
//! terminals), `json` (LSP positions), `github` (workflow annotations) and
//! `sarif` (code scanning). Each renderer reads the same [`Report`].

mod github;
mod human;
mod json;
mod sarif;

use std::path::{Path, PathBuf};

use brief_core::analysis::{Finding, Fix, Related};
use brief_core::snapshot::Snapshot;
use brief_core::text::{LineCol, LineIndex, PositionEncoding, TextRange};
use clap::ValueEnum;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    /// Compiler-style findings with the brief's and the source's lines.
    Human,
    /// A list of findings with 0-based UTF-16 positions, as in LSP.
    Json,
    /// GitHub Actions workflow commands (`::warning file=…::…`).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// Everything one run of `check` found.
pub struct Report<'a> {
    pub corpus: &'a Snapshot,
    /// The folder paths are shown relative to (the current folder).
    pub root: PathBuf,
    /// The folder GitHub names annotated files from: `$GITHUB_WORKSPACE` in
    /// a workflow, where `check` may run in a subfolder; else `root`.
    pub repository: PathBuf,
    pub briefs: Vec<CheckedBrief>,
    pub unreadable: Vec<Unreadable>,
}

/// A brief that was read and checked.
pub struct CheckedBrief {
    /// As the user named it (`<stdin>` for standard input).
    pub name: String,
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    pub text: String,
    pub index: LineIndex,
    /// In the order of their ranges.
    pub findings: Vec<Shown>,
}

/// A finding to print; `accepted` says how it was accepted, when it was
/// (shown only with `--show-accepted`).
pub struct Shown {
    pub finding: Finding,
    pub accepted: Option<String>,
}

/// A brief that could not be checked, and why.
pub struct Unreadable {
    pub name: String,
    pub path: Option<PathBuf>,
    pub error: String,
}

/// The rendering of `report`, ready for stdout.
pub fn render(format: CheckFormat, report: &Report, color: bool) -> anyhow::Result<String> {
    Ok(match format {
        CheckFormat::Human => human::render(report, color),
        CheckFormat::Json => json::render(report)?,
        CheckFormat::Github => github::render(report),
        CheckFormat::Sarif => sarif::render(report)?,
    })
}

/// A range of a text, with what is needed to give its position.
pub struct Span<'a> {
    /// The file as shown to the user.
    pub name: String,
    pub path: Option<&'a Path>,
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub range: TextRange,
}

impl Span<'_> {
    /// The text the range covers.
    pub fn covered(&self) -> &str {
        &self.text[self.range.start..self.range.end]
    }

    /// 0-based start and end positions in `enc` units.
    pub fn positions(&self, enc: PositionEncoding) -> (LineCol, LineCol) {
        let pos = |offset| self.index.line_col(self.text, offset, enc);
        (pos(self.range.start), pos(self.range.end))
    }

    /// The lines the range covers, cut to `EXCERPT_CONTEXT` bytes of
    /// context on either side of it (marked `…`): rendering a finding's
    /// whole line cost each of 1,000 findings on one 75 KB line the whole
    /// line.
    pub fn excerpt(&self) -> Excerpt {
        let (start, end) = self.positions(PositionEncoding::Utf8);
        let (column, _) = self.positions(PositionEncoding::Utf32);
        let first = self.index.line_range(self.text, start.line as usize).start;
        let last = self.index.line_range(self.text, end.line as usize).end.max(first);
        let range = self.range.start.clamp(first, last)..self.range.end.clamp(first, last);
        let from =
            char_boundary_at_or_before(self.text, range.start.saturating_sub(EXCERPT_CONTEXT).max(first));
        let to = char_boundary_at_or_after(self.text, (range.end + EXCERPT_CONTEXT).min(last));
        let (before, after) = (
            if from > first { "…" } else { "" },
            if to < last { "…" } else { "" },
        );
        let shift = |offset: usize| offset - from + before.len();
        Excerpt {
            line: start.line as usize + 1,
            column: column.col as usize + 1,
            source: format!("{before}{}{after}", &self.text[from..to]),
            range: shift(range.start)..shift(range.end),
        }
    }
}

// `str::floor_char_boundary` and `ceil_char_boundary` are newer than the
// supported Rust (1.90).
/// A fix as one line of text: its title, and the text it puts in when the
/// title does not say it ("Replace with the wording of @x: “…”"), so that a
/// reader of the terminal or of an annotation sees what accepting it does.
/// An insertion says so, with the text as put in ("Cite @x: insert “ [@x]”"),
/// even when the title names it.
pub fn fix_line(fix: &Fix) -> String {
    const SHOWN: usize = 120;
    let [edit] = fix.edits.as_slice() else {
        return fix.title.clone();
    };
    let inserts = edit.range.is_empty();
    let text = if inserts {
        edit.new_text.as_str()
    } else {
        edit.new_text.trim()
    };
    if text.trim().is_empty() || (!inserts && fix.title.contains(text)) {
        return fix.title.clone();
    }
    let shown: String = text.chars().take(SHOWN).collect();
    let more = if shown.len() < text.len() { "…" } else { "" };
    let verb = if inserts { "insert " } else { "" };
    format!("{}: {verb}“{shown}{more}”", fix.title)
}

fn char_boundary_at_or_before(text: &str, at: usize) -> usize {
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

fn char_boundary_at_or_after(text: &str, at: usize) -> usize {
    (at..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

/// Bytes of a finding's lines shown on either side of it.
const EXCERPT_CONTEXT: usize = 160;

/// What the human format shows of a span: its source lines (cut around
/// it), the range within them, and where it starts in the file (1-based
/// line and character column).
pub struct Excerpt {
    pub line: usize,
    pub column: usize,
    pub source: String,
    pub range: std::ops::Range<usize>,
}

impl Excerpt {
    /// The column a renderer counts from the excerpt alone: the file's
    /// column only when the excerpt starts at the line's start.
    pub fn column_in_source(&self) -> usize {
        let before = &self.source[..self.range.start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        before[line_start..].chars().count() + 1
    }
}

impl CheckedBrief {
    pub fn span(&self, range: TextRange) -> Span<'_> {
        Span {
            name: self.name.clone(),
            path: self.path.as_deref(),
            text: &self.text,
            index: &self.index,
            range,
        }
    }
}

/// A passage a finding's related information points at.
pub struct RelatedSpan<'a> {
    /// The passage in its document's text: for a PDF or web page, the text
    /// extracted from it into the cache, which go-to-source opens.
    pub span: Span<'a>,
    /// For a PDF or web page, the file itself: the name a reader knows the
    /// source by, and the only file of it a CI runner without the cache has.
    pub original: Option<OriginalFile<'a>>,
}

/// The PDF or web page a related passage was extracted from.
pub struct OriginalFile<'a> {
    /// As shown to the user.
    pub name: String,
    pub path: &'a Path,
    /// The printed page the passage starts on, where the PDF says.
    pub page: Option<u32>,
}

impl OriginalFile<'_> {
    /// "sources/report.pdf, page 12".
    pub fn place(&self) -> String {
        match self.page {
            Some(page) => format!("{}, page {page}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Where a finding's related information points: a passage of a corpus
/// document, named relative to `root` when it is under it.
pub fn related_span<'a>(report: &'a Report, related: &Related) -> RelatedSpan<'a> {
    let doc = report.corpus.document(related.location.doc);
    let range = related.location.range;
    let shown = |path: &'a Path| {
        path.strip_prefix(&report.root)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    RelatedSpan {
        span: Span {
            name: shown(&doc.path),
            path: Some(&doc.path),
            text: &doc.original,
            index: &doc.line_index,
            range,
        },
        original: doc.extracted_from.as_deref().map(|path| OriginalFile {
            name: shown(path),
            path,
            page: doc.page_at(range.start),
        }),
    }
}

#[cfg(test)]
mod tests {
    use brief_core::analysis::Edit;

    use super::*;

    fn fix(title: &str, range: TextRange, new_text: &str) -> Fix {
        let edit = Edit {
            range,
            new_text: new_text.to_string(),
        };
        Fix {
            title: title.to_string(),
            edits: vec![edit],
            preferred: true,
        }
    }

    /// Trial 10: an uncited quote's fix read "Cite @x: “[@x]”".
    #[test]
    fn an_insertion_shows_the_text_it_puts_in_as_an_insertion() {
        let cite = fix("Cite @envisional2005", TextRange::new(9, 9), " [@envisional2005]");
        assert_eq!(
            fix_line(&cite),
            "Cite @envisional2005: insert “ [@envisional2005]”"
        );
        let change = fix("Change to `@lukin2020`", TextRange::new(3, 9), "lukin2020");
        assert_eq!(fix_line(&change), "Change to `@lukin2020`");
        let figure = fix("Use the source’s figure", TextRange::new(3, 9), " 9.7% ");
        assert_eq!(fix_line(&figure), "Use the source’s figure: “9.7%”");
    }
}
