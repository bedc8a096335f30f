//! One corpus document: its original text, the normalized view with its map
//! back, and its paragraphs and sentences.

use std::ops::Range;
use std::path::PathBuf;

use super::layout::{layout, BlockKind};
use super::manifest::Reference;
use super::normalize::{normalize, Vocabulary};
use super::offset_map::OffsetMap;
use crate::shared::SharedStr;
use crate::text::sentences::sentence_ranges;
use crate::text::{LineIndex, TextRange};

/// The longest derived title, in characters: a title, not a paragraph.
const TITLE_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct DocId(pub u32);

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    /// Range in the normalized text.
    pub range: TextRange,
    pub kind: BlockKind,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub id: DocId,
    /// Where the document lives; what go-to-definition opens (for a PDF or
    /// a web page, the text extracted from it).
    pub path: PathBuf,
    /// The PDF or web page the text was extracted from.
    pub extracted_from: Option<PathBuf>,
    pub reference: Reference,
    /// Whether the reference came from a manifest rather than the file name.
    pub has_manifest_entry: bool,
    /// Whether the title was derived from the text (no manifest entry gave
    /// one): shown, but not the manifest's word to compare with a
    /// bibliography's.
    pub title_from_text: bool,
    pub original: SharedStr,
    pub line_index: LineIndex,
    pub normalized: SharedStr,
    pub map: OffsetMap,
    pub paragraphs: Vec<Paragraph>,
    /// Sentence ranges in the normalized text.
    pub sentences: Vec<TextRange>,
    pub n_furniture_lines: usize,
    /// Where printed pages start in the original text, ascending: see
    /// [`page_starts`].
    pub pages: Vec<(usize, u32)>,
    /// The title as it stands in the original text, if it does.
    pub title_range: Option<TextRange>,
    /// The corpus words its hyphen decisions asked about, sorted: it is
    /// normalized again only when one of them enters or leaves the corpus.
    pub vocabulary_asked: Vec<Box<str>>,
}

impl Document {
    pub(crate) fn new(
        id: DocId,
        path: PathBuf,
        reference: Reference,
        has_manifest_entry: bool,
        original: String,
        vocab: &Vocabulary,
    ) -> Document {
        let layout = layout(&original);
        let norm = normalize(&original, &layout.blocks, vocab);
        let mut sentences = Vec::new();
        let paragraphs = norm
            .paragraphs
            .iter()
            .map(|(range, kind)| {
                let first = sentences.len();
                let text = &norm.text[range.start..range.end];
                sentences.extend(sentence_ranges(text).into_iter().map(|s| s.shifted(range.start)));
                Paragraph {
                    range: *range,
                    kind: *kind,
                    sentences: first..sentences.len(),
                }
            })
            .collect();
        let pages = page_starts(&original, &layout.page_numbers);
        let mut doc = Document {
            id,
            path,
            extracted_from: None,
            reference,
            has_manifest_entry,
            line_index: LineIndex::new(&original),
            original: original.into(),
            normalized: norm.text.into(),
            map: norm.map,
            paragraphs,
            sentences,
            n_furniture_lines: layout.n_furniture_lines,
            pages,
            title_range: None,
            vocabulary_asked: norm.vocabulary_asked,
            title_from_text: false,
        };
        if doc.reference.title.is_none() {
            doc.reference.title = doc.derived_title();
            doc.title_from_text = doc.reference.title.is_some();
        }
        doc.title_range = doc.find_title();
        doc
    }

    /// The reference as the manifest (or the file name) gave it, without a
    /// title derived from the text.
    pub fn listed_reference(&self) -> Reference {
        Reference {
            title: self.reference.title.clone().filter(|_| !self.title_from_text),
            ..self.reference.clone()
        }
    }

    /// The printed page an original offset is on, where it is known.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let i = self.pages.partition_point(|&(start, _)| start <= offset);
        (i > 0).then(|| self.pages[i - 1].1).filter(|&n| n > 0)
    }

    /// The file the user keeps: the PDF or web page, else the text itself.
    pub fn source_file(&self) -> &std::path::Path {
        self.extracted_from.as_deref().unwrap_or(&self.path)
    }

    /// The page of the file itself (1-based, counting form feeds) an
    /// original offset is on, for a viewer opening a PDF at that page; the
    /// printed number may differ.
    pub fn physical_page_at(&self, offset: usize) -> Option<u32> {
        self.original.contains('\x0c').then(|| {
            let before = &self.original[..offset.min(self.original.len())];
            before.matches('\x0c').count() as u32 + 1
        })
    }

    pub fn text(&self, range: TextRange) -> &str {
        &self.normalized[range.start..range.end]
    }

    /// A normalized range as a reader sees the source: see [`OffsetMap::display`].
    pub fn display(&self, range: TextRange) -> String {
        self.map.display(&self.normalized, &self.original, range)
    }

    /// The original byte range of a normalized range.
    pub fn to_original(&self, range: TextRange) -> TextRange {
        self.map.to_original(range)
    }

    /// A title for a document without one in its manifest: its first
    /// heading of a few words, or else its first sentence.
    ///
    /// A title set over several lines (a PDF's, whose extraction ends every
    /// line) is laid out as one heading per line; it is joined again with the
    /// headings on the lines right after it. It stops at a blank line (the
    /// extraction leaves one where the gap is wider than the lines' spacing,
    /// as between a title and its byline; the font size is not known) and at
    /// [`TITLE_CHARS`].
    fn derived_title(&self) -> Option<String> {
        let mut rest = self.paragraphs.as_slice();
        let mut title = None;
        while let Some(at) = rest.iter().position(|p| p.kind == BlockKind::Heading) {
            let mut joined = self.text(rest[at].range).to_string();
            let mut next = at + 1;
            while let Some(p) = rest.get(next).filter(|p| p.kind == BlockKind::Heading) {
                let line = self.text(p.range);
                let gap = self.to_original(TextRange::new(rest[next - 1].range.end, p.range.start));
                let on_next_line = self.original[gap.start..gap.end].matches('\n').count() == 1;
                if !on_next_line || joined.chars().count() + 1 + line.chars().count() > TITLE_CHARS {
                    break;
                }
                joined.push(' ');
                joined.push_str(line);
                next += 1;
            }
            if joined.split(' ').count() >= 3 {
                title = Some(joined);
                break;
            }
            rest = &rest[next..];
        }
        let title = title.or_else(|| Some(self.text(*self.sentences.first()?).to_string()))?;
        // A Markdown source's heading keeps its marks in the text: "# Report".
        let text = title.trim_start_matches('#').trim_start();
        Some(text.chars().take(TITLE_CHARS).collect())
    }

    /// Where the title stands in the text, compared on letters and digits
    /// only, so that "China and Russia:: an Eastern…" still counts.
    fn find_title(&self) -> Option<TextRange> {
        let title: Vec<char> = skeleton(self.reference.title.as_deref()?)
            .map(|(_, c)| c)
            .collect();
        if title.is_empty() {
            return None;
        }
        let text: Vec<(usize, char)> = skeleton(&self.normalized).collect();
        let at = text
            .windows(title.len())
            .position(|w| w.iter().map(|(_, c)| *c).eq(title.iter().copied()))?;
        let start = text[at].0;
        let (last, c) = text[at + title.len() - 1];
        Some(self.to_original(TextRange::new(start, last + c.len_utf8())))
    }
}

/// Page starts. An extraction with form feeds between pages (PDF, as
/// `pdftotext` writes them) has every page start; its numbers follow the
/// printed ones when running headers agree on the offset between physical
/// and printed page (an article on pages 366–367), else count from 1.
/// Without form feeds, only a header followed by the next page's header
/// bounds a known page; text after a header whose successor is missing
/// has no page (`0`), rather than a guessed one.
fn page_starts(original: &str, headers: &[(usize, u32)]) -> Vec<(usize, u32)> {
    if original.contains('\x0c') {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(original.match_indices('\x0c').map(|(i, _)| i + 1))
            .collect();
        let mut shifts: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
        for &(at, number) in headers {
            let physical = starts.partition_point(|&s| s <= at) as i64;
            *shifts.entry(i64::from(number) - physical).or_default() += 1;
        }
        let shift = shifts
            .into_iter()
            .max_by_key(|&(shift, n)| (n, -shift.abs()))
            .map_or(0, |(shift, _)| shift);
        return starts
            .iter()
            .enumerate()
            .map(|(i, &s)| (s, u32::try_from(i as i64 + 1 + shift).unwrap_or(0)))
            .collect();
    }
    headers
        .iter()
        .enumerate()
        .map(|(i, &(at, number))| {
            let next_follows = headers.get(i + 1).is_some_and(|&(_, next)| next == number + 1);
            (at, if next_follows { number } else { 0 })
        })
        .collect()
}

/// The letters and digits of `text`, lower-cased, with their byte offsets.
fn skeleton(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.char_indices()
        .filter(|(_, c)| c.is_alphanumeric())
        .map(|(i, c)| (i, c.to_lowercase().next().unwrap_or(c)))
}

/// A short string (a title, a quote) in the form of the normalized view:
/// quotes and dashes unified, whitespace folded.
pub fn normalize_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match crate::text::replacement(c) {
                Some(rep) => out.push_str(rep),
                None => out.push(c),
            }
        }
    }
    out
}
