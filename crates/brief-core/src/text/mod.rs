//! Byte ranges and the one conversion between byte offsets and line/column
//! positions. Everything inside the core speaks byte offsets; adapters (LSP,
//! CLI) ask a [`LineIndex`] for positions in the unit their client wants.

pub mod citation_key;
pub mod lexicon;
mod markdown_escape;
mod replacement;
pub mod sentences;
mod toml_error;

pub use citation_key::is_valid_citation_key;
pub use markdown_escape::escape_markdown;
pub use replacement::replacement;
pub use toml_error::{field_line, TomlError};

use std::fmt;

/// "1 document", "5 documents", "2 indexes": a count with its noun (a
/// regular plural).
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    let es = ["s", "x", "z", "ch", "sh"].iter().any(|end| noun.ends_with(end));
    format!("{n} {noun}{}", if es { "es" } else { "s" })
}
/// A half-open byte range `start..end` into some text.
#[derive(
    Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize,
)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> TextRange {
        debug_assert!(start <= end, "reversed range {start}..{end}");
        TextRange { start, end }
    }

    pub fn empty(offset: usize) -> TextRange {
        TextRange::new(offset, offset)
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether a cursor at `offset` touches this range (ends included, so a
    /// cursor right after a word still counts as on it).
    pub fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn intersects(self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn shifted(self, by: usize) -> TextRange {
        TextRange::new(self.start + by, self.end + by)
    }
}

impl fmt::Debug for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for TextRange {
    fn from(r: std::ops::Range<usize>) -> TextRange {
        TextRange::new(r.start, r.end)
    }
}

/// How a client counts columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PositionEncoding {
    Utf8,
    Utf16,
    /// Unicode scalar values: what a person counts as characters.
    Utf32,
}

impl PositionEncoding {
    /// A character's width, as the tests' oracle walks a line.
    #[cfg(test)]
    fn width(self, c: char) -> usize {
        match self {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
            PositionEncoding::Utf32 => 1,
        }
    }
}

/// A zero-based line and a column counted in the units of a
/// [`PositionEncoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of a text, for converting byte offsets to line/column and back.
/// Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// The multi-byte characters, so that a column is found without walking
    /// its line: one paragraph of 5,000 quotes is one line (issue 15).
    wide: WideChars,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(i + 2);
                    i += 1;
                }
                b'\r' => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            line_starts,
            len: text.len(),
            wide: WideChars::new(text),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of line `line` without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> TextRange {
        let start = self.line_starts[line.min(self.line_starts.len() - 1)];
        let next = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let content = &text[start..next];
        let trimmed = content.trim_end_matches(['\n', '\r']);
        TextRange::new(start, start + trimmed.len())
    }

    /// The position of byte `offset`; an offset inside a multi-byte character
    /// or past the end is moved back to a character boundary.
    pub fn line_col(&self, text: &str, offset: usize, enc: PositionEncoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let (first, last) = (self.wide.index_at(start), self.wide.index_at(offset));
        let col = (offset - start) - self.wide.saved(first, last, enc);
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The byte offset of a position. Like helix, a column past the end of
    /// its line is clamped to the line end, a line past the end of the text
    /// maps to the end, and a column inside a character lands before it.
    pub fn offset(&self, text: &str, pos: LineCol, enc: PositionEncoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return self.len;
        }
        let range = self.line_range(text, line);
        let col = pos.col as usize;
        let (first, end) = (self.wide.index_at(range.start), self.wide.index_at(range.end));
        // The first multi-byte character of the line that does not fit
        // entirely before the column; everything before it does.
        let units_through = |k: usize| {
            let before = self.wide.offset(k) - range.start - self.wide.saved(first, k, enc);
            before + self.wide.width(k, enc)
        };
        let (mut blocking, mut hi) = (first, end);
        while blocking < hi {
            let mid = blocking + (hi - blocking) / 2;
            if units_through(mid) <= col {
                blocking = mid + 1;
            } else {
                hi = mid;
            }
        }
        let candidate = range.start + col + self.wide.saved(first, blocking, enc);
        let limit = if blocking < end {
            self.wide.offset(blocking)
        } else {
            range.end
        };
        candidate.min(limit)
    }
}

/// The multi-byte characters of a text: their offsets and UTF-8 lengths,
/// with running totals every [`WIDE_BLOCK`] characters, so that the units a
/// stretch of text saves against its bytes are summed in constant time.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
struct WideChars {
    offsets: Vec<u32>,
    lens: Vec<u8>,
    /// Per block of characters before it: bytes beyond one per character,
    /// and the number of 4-byte characters (two UTF-16 units each).
    blocks: Vec<(u32, u32)>,
}

const WIDE_BLOCK: usize = 32;

impl WideChars {
    fn new(text: &str) -> WideChars {
        let mut wide = WideChars::default();
        let (mut extra, mut astral) = (0u32, 0u32);
        for (offset, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            if wide.offsets.len() % WIDE_BLOCK == 0 {
                wide.blocks.push((extra, astral));
            }
            let len = c.len_utf8() as u8;
            wide.offsets.push(offset as u32);
            wide.lens.push(len);
            extra += u32::from(len - 1);
            astral += u32::from(len == 4);
        }
        // Totals for every multiple of the block up to the end inclusive.
        if wide.offsets.len() % WIDE_BLOCK == 0 {
            wide.blocks.push((extra, astral));
        }
        wide
    }

    /// The index of the first multi-byte character at or after `offset`.
    fn index_at(&self, offset: usize) -> usize {
        self.offsets.partition_point(|&o| (o as usize) < offset)
    }

    fn offset(&self, k: usize) -> usize {
        self.offsets[k] as usize
    }

    fn width(&self, k: usize, enc: PositionEncoding) -> usize {
        let len = usize::from(self.lens[k]);
        match enc {
            PositionEncoding::Utf8 => len,
            PositionEncoding::Utf16 => 1 + usize::from(len == 4),
            PositionEncoding::Utf32 => 1,
        }
    }

    /// Bytes minus units over the characters before index `k`.
    fn saved_before(&self, k: usize, enc: PositionEncoding) -> usize {
        if enc == PositionEncoding::Utf8 || k == 0 {
            return 0;
        }
        let block = k / WIDE_BLOCK;
        let (mut extra, mut astral) = self
            .blocks
            .get(block)
            .map_or((0, 0), |&(e, a)| (e as usize, a as usize));
        for &len in &self.lens[block * WIDE_BLOCK..k] {
            extra += usize::from(len - 1);
            astral += usize::from(len == 4);
        }
        match enc {
            PositionEncoding::Utf16 => extra - astral,
            _ => extra,
        }
    }

    /// Bytes minus units over the multi-byte characters `from..to`.
    fn saved(&self, from: usize, to: usize, enc: PositionEncoding) -> usize {
        self.saved_before(to, enc) - self.saved_before(from, enc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf16, Utf32, Utf8};

    #[test]
    fn counts_take_their_nouns_plural() {
        assert_eq!(super::counted(1, "document"), "1 document");
        assert_eq!(super::counted(0, "document"), "0 documents");
        assert_eq!(super::counted(5, "index"), "5 indexes");
    }

    fn roundtrip(text: &str, enc: PositionEncoding) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            // The middle of a CRLF has no position of its own.
            if offset > 0 && text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue;
            }
            let pos = index.line_col(text, offset, enc);
            assert_eq!(index.offset(text, pos, enc), offset, "{text:?} at {offset}");
        }
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs_and_bmp_chars() {
        let text = "a’b—é😀x\n日本語 ok";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x, Utf16), LineCol { line: 0, col: 7 });
        assert_eq!(index.line_col(text, x, Utf8), LineCol { line: 0, col: 14 });
        let ok = text.find("ok").unwrap();
        assert_eq!(index.line_col(text, ok, Utf16), LineCol { line: 1, col: 4 });
        assert_eq!(index.line_col(text, x, Utf32), LineCol { line: 0, col: 6 });
        roundtrip(text, Utf16);
        roundtrip(text, Utf8);
        roundtrip(text, Utf32);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree\n\nfive";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 5);
        assert_eq!(
            index.line_col(text, text.find("three").unwrap(), Utf16),
            LineCol { line: 2, col: 0 }
        );
        assert_eq!(
            &text[index.line_range(text, 0).start..index.line_range(text, 0).end],
            "one"
        );
        roundtrip(text, Utf16);
    }

    #[test]
    fn empty_text_and_out_of_range_positions_are_clamped() {
        let index = LineIndex::new("");
        assert_eq!(index.offset("", LineCol { line: 3, col: 9 }, Utf16), 0);
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, LineCol { line: 0, col: 99 }, Utf16), 2);
        assert_eq!(index.offset(text, LineCol { line: 7, col: 0 }, Utf16), 5);
        // A column in the middle of a surrogate pair lands before the emoji.
        let text = "😀z";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, LineCol { line: 0, col: 1 }, Utf16), 0);
    }

    /// The walk from the line start that the table replaced, as an oracle.
    fn walked_col(text: &str, offset: usize, enc: PositionEncoding) -> LineCol {
        let index = LineIndex::new(text);
        let line = index.line_starts.partition_point(|&s| s <= offset) - 1;
        let col = text[index.line_starts[line]..offset]
            .chars()
            .map(|c| enc.width(c))
            .sum::<usize>();
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    proptest::proptest! {
        #[test]
        fn table_agrees_with_walking_the_line(
            text in "([a-z ]|é|日|😀|\r\n|\n|“|\r){0,120}",
            at in 0usize..400,
            col in 0u32..200,
        ) {
            let index = LineIndex::new(&text);
            let mut offset = at.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            for enc in [Utf8, Utf16, Utf32] {
                let pos = index.line_col(&text, offset, enc);
                proptest::prop_assert_eq!(pos, walked_col(&text, offset, enc));
                let inside_crlf = text[..offset].ends_with('\r') && text[offset..].starts_with('\n');
                if !inside_crlf {
                    proptest::prop_assert_eq!(index.offset(&text, pos, enc), offset);
                }
                // A column past the line or inside a character lands on a
                // boundary within the line, before the column's character.
                let line = index.line_range(&text, pos.line as usize);
                let any = index.offset(&text, LineCol { line: pos.line, col }, enc);
                proptest::prop_assert!(text.is_char_boundary(any) && line.start <= any && any <= line.end);
                let units = text[line.start..any].chars().map(|c| enc.width(c)).sum::<usize>();
                proptest::prop_assert!(units <= col as usize);
                if any < line.end {
                    let next = text[any..].chars().next().unwrap();
                    proptest::prop_assert!(units + enc.width(next) > col as usize);
                }
            }
        }
    }
}
