//! Byte ranges and the one conversion between byte offsets and line/column
//! positions. Everything inside the core speaks byte offsets; adapters (LSP,
//! CLI) ask a [`LineIndex`] for positions in the unit their client wants.

pub mod citation_key;
mod replacement;
pub mod sentences;
mod toml_error;

pub use citation_key::is_valid_citation_key;
pub use replacement::replacement;
pub use toml_error::TomlError;

use std::fmt;

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
        let segment = &text[self.line_starts[line]..offset];
        let col: usize = match enc {
            PositionEncoding::Utf8 => segment.len(),
            _ => segment.chars().map(|c| enc.width(c)).sum(),
        };
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
        let mut units = 0usize;
        for (i, c) in text[range.start..range.end].char_indices() {
            let width = enc.width(c);
            if units + width > pos.col as usize {
                return range.start + i;
            }
            units += width;
        }
        range.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf16, Utf32, Utf8};

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
}
