//! The one place where byte offsets meet LSP positions (in the negotiated
//! encoding), for briefs, corpus documents and the rope of an open brief.

use brief_core::text::{LineCol, LineIndex, PositionEncoding, TextRange};
use ropey::Rope;
use tower_lsp_server::ls_types as lsp;

/// Text with its line index: what positions are converted against.
pub struct TextView<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
}

impl TextView<'_> {
    pub fn offset(&self, pos: lsp::Position, enc: PositionEncoding) -> usize {
        let pos = LineCol {
            line: pos.line,
            col: pos.character,
        };
        self.index.offset(self.text, pos, enc)
    }

    pub fn position(&self, offset: usize, enc: PositionEncoding) -> lsp::Position {
        let p = self.index.line_col(self.text, offset, enc);
        lsp::Position::new(p.line, p.col)
    }

    pub fn range(&self, range: TextRange, enc: PositionEncoding) -> lsp::Range {
        lsp::Range::new(self.position(range.start, enc), self.position(range.end, enc))
    }
}

/// The char index in `rope` of an LSP position, clamped like
/// [`LineIndex::offset`]: past the line's end to the end, past the last
/// line to the end of the text.
pub fn rope_char(rope: &Rope, pos: lsp::Position, enc: PositionEncoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let mut units = 0usize;
    for (i, c) in rope.line(line).chars().enumerate() {
        if c == '\n' || c == '\r' {
            return start + i;
        }
        let width = match enc {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
            PositionEncoding::Utf32 => 1,
        };
        if units + width > pos.character as usize {
            return start + i;
        }
        units += width;
    }
    start + rope.line(line).len_chars()
}

pub fn encoding_kind(enc: PositionEncoding) -> lsp::PositionEncodingKind {
    match enc {
        PositionEncoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rope_and_line_index_agree_on_every_position() {
        let text = "a’b—é😀x\r\n日本 ok\rz\n\nend";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        for enc in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            for line in 0..6 {
                for character in 0..20 {
                    let pos = lsp::Position::new(line, character);
                    let from_index = index.offset(text, LineCol { line, col: character }, enc);
                    let from_rope = rope.char_to_byte(rope_char(&rope, pos, enc));
                    assert_eq!(from_rope, from_index, "{pos:?} {enc:?}");
                }
            }
        }
    }
}
