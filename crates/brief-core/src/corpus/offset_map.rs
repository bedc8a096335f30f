//! The map from a normalized view back to the original bytes.
//!
//! Normalization copies most text verbatim and replaces or drops the rest
//! (curly quotes, whitespace runs, line-break hyphens, page headers). Each
//! stretch is a [`Piece`]; a verbatim piece maps byte for byte, a replaced one
//! maps as a whole. Pieces are few (about one per line), so the map costs a
//! few percent of the text instead of an offset per byte.

use crate::shared::SharedSlice;
use crate::text::TextRange;

/// Plain `u32`s, so that a stored map is read in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub struct Piece {
    norm_start: u32,
    orig_start: u32,
    norm_len: u32,
    orig_len: u32,
    /// 1 if copied unchanged, so it maps byte for byte. A replacement of the
    /// same length ("…" to "...") is not verbatim.
    verbatim: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: SharedSlice<Piece>,
}

impl OffsetMap {
    /// The original byte range that normalized `range` came from. A range
    /// that spans dropped text (a page header inside a passage) includes it.
    pub fn to_original(&self, range: TextRange) -> TextRange {
        if self.pieces.is_empty() {
            return TextRange::empty(0);
        }
        let start = self.start_to_original(range.start);
        if range.is_empty() {
            return TextRange::empty(start);
        }
        let end = self.end_to_original(range.end).max(start);
        TextRange::new(start, end)
    }

    fn piece_at(&self, norm: usize) -> &Piece {
        let idx = self
            .pieces
            .partition_point(|p| p.norm_start as usize <= norm)
            .saturating_sub(1);
        &self.pieces[idx]
    }

    fn start_to_original(&self, norm: usize) -> usize {
        let p = self.piece_at(norm);
        let delta = norm.saturating_sub(p.norm_start as usize);
        if p.verbatim != 0 {
            p.orig_start as usize + delta.min(p.orig_len as usize)
        } else {
            // Part of a replacement ("i" of "fi" for "ﬁ") stands for all of it.
            p.orig_start as usize
        }
    }

    fn end_to_original(&self, norm_end: usize) -> usize {
        let p = self.piece_at(norm_end - 1);
        let delta = norm_end - p.norm_start as usize;
        if p.verbatim != 0 {
            p.orig_start as usize + delta.min(p.orig_len as usize)
        } else {
            (p.orig_start + p.orig_len) as usize
        }
    }

    /// `normalized[range]` with the original's own quote marks and dashes
    /// put back: the source's wording as a reader expects to see it, still
    /// with folded whitespace and rejoined words.
    pub fn display(&self, normalized: &str, original: &str, range: TextRange) -> String {
        let mut out = String::with_capacity(range.len());
        let first = self
            .pieces
            .partition_point(|p| (p.norm_start + p.norm_len) as usize <= range.start);
        for p in &self.pieces[first..] {
            let (start, end) = (p.norm_start as usize, (p.norm_start + p.norm_len) as usize);
            if start >= range.end {
                break;
            }
            let piece = &normalized[start.max(range.start)..end.min(range.end)];
            let orig = &original[p.orig_start as usize..(p.orig_start + p.orig_len) as usize];
            let punctuation = piece.chars().all(|c| c.is_ascii_punctuation()) && orig.chars().count() == 1;
            out.push_str(
                if p.verbatim == 0 && punctuation && start >= range.start && end <= range.end {
                    orig
                } else {
                    piece
                },
            );
        }
        out
    }

    pub fn n_pieces(&self) -> usize {
        self.pieces.len()
    }

    pub fn pieces(&self) -> &SharedSlice<Piece> {
        &self.pieces
    }

    pub fn from_pieces(pieces: SharedSlice<Piece>) -> OffsetMap {
        OffsetMap { pieces }
    }
}

/// Builds a normalized string and its [`OffsetMap`] together, so that the two
/// cannot disagree.
#[derive(Default)]
pub struct NormalizedBuilder {
    text: String,
    pieces: Vec<Piece>,
}

impl NormalizedBuilder {
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Copies `original[range]` unchanged.
    pub fn push_verbatim(&mut self, original: &str, range: TextRange) {
        if range.is_empty() {
            return;
        }
        self.text.push_str(&original[range.start..range.end]);
        if let Some(last) = self.pieces.last_mut() {
            let contiguous = last.verbatim != 0
                && (last.orig_start + last.orig_len) as usize == range.start
                && (last.norm_start + last.norm_len) as usize == self.text.len() - range.len();
            if contiguous {
                last.norm_len += range.len() as u32;
                last.orig_len += range.len() as u32;
                return;
            }
        }
        self.push_piece(range, range.len(), true);
    }

    /// Writes `replacement` for `original[range]`.
    pub fn push_replacement(&mut self, replacement: &str, range: TextRange) {
        if replacement.is_empty() {
            return;
        }
        self.text.push_str(replacement);
        self.push_piece(range, replacement.len(), false);
    }

    fn push_piece(&mut self, range: TextRange, norm_len: usize, verbatim: bool) {
        self.pieces.push(Piece {
            norm_start: (self.text.len() - norm_len) as u32,
            orig_start: range.start as u32,
            norm_len: norm_len as u32,
            orig_len: range.len() as u32,
            verbatim: u32::from(verbatim),
        });
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (
            self.text,
            OffsetMap {
                pieces: self.pieces.into(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_replaced_and_dropped_text_map_back() {
        let original = "It’s  charac-\nterized";
        let mut b = NormalizedBuilder::default();
        b.push_verbatim(original, TextRange::new(0, 2)); // "It"
        b.push_replacement("'", TextRange::new(2, 5)); // ’
        b.push_verbatim(original, TextRange::new(5, 6)); // "s"
        b.push_replacement(" ", TextRange::new(6, 8)); // two spaces
        b.push_verbatim(original, TextRange::new(8, 14)); // "charac"
        b.push_verbatim(original, TextRange::new(16, 23)); // "terized", "-\n" dropped
        let (text, map) = b.finish();
        assert_eq!(text, "It's characterized");
        let orig = |s: usize, e: usize| {
            let r = map.to_original(TextRange::new(s, e));
            &original[r.start..r.end]
        };
        assert_eq!(orig(0, 4), "It’s");
        assert_eq!(orig(2, 3), "’");
        assert_eq!(orig(5, 18), "charac-\nterized");
        assert_eq!(orig(11, 18), "terized");
        assert_eq!(orig(5, 11), "charac");
        assert_eq!(
            map.display(&text, original, TextRange::new(0, 18)),
            "It’s characterized"
        );
    }
}
