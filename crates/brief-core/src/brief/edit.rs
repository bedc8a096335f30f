//! The one edit between two versions of a brief, as byte ranges: what
//! changed is found by comparing the texts (common prefix and suffix, a
//! memory comparison), so any sequence of keystrokes between two parses
//! becomes one edit, and the caller need not record them.

use tree_sitter::{InputEdit, Point};

use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct TextEdit {
    pub start: usize,
    /// Where the replaced bytes ended in the old text.
    pub old_end: usize,
    /// Where the replacement ends in the new text.
    pub new_end: usize,
}

impl TextEdit {
    /// The smallest edit that turns `old` into `new`, on character
    /// boundaries of both.
    pub fn between(old: &str, new: &str) -> TextEdit {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !(old.is_char_boundary(start) && new.is_char_boundary(start)) {
            start -= 1;
        }
        let room = a.len().min(b.len()) - start;
        let mut suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        while !(old.is_char_boundary(a.len() - suffix) && new.is_char_boundary(b.len() - suffix)) {
            suffix -= 1;
        }
        TextEdit {
            start,
            old_end: a.len() - suffix,
            new_end: b.len() - suffix,
        }
    }

    /// Where `range` of the new text was in the old one, if the edit left
    /// its bytes alone (it ends before the edit or starts after it).
    pub fn old_range(&self, range: TextRange) -> Option<TextRange> {
        if range.end <= self.start {
            Some(range)
        } else if range.start >= self.new_end {
            Some(TextRange::new(
                range.start - self.new_end + self.old_end,
                range.end - self.new_end + self.old_end,
            ))
        } else {
            None
        }
    }

    /// Moves a range of the old text as the edit moved `old`, now `new`
    /// (which `old_range` gave); wraps rather than panics on a range that
    /// starts before the region, so comparing it simply fails.
    pub fn mover(old: TextRange, new: TextRange) -> impl Fn(&TextRange) -> TextRange + Copy {
        let by = new.start.wrapping_sub(old.start);
        move |r| TextRange::new(r.start.wrapping_add(by), r.end.wrapping_add(by))
    }

    pub fn input_edit(&self, old: &str, new: &str) -> InputEdit {
        InputEdit {
            start_byte: self.start,
            old_end_byte: self.old_end,
            new_end_byte: self.new_end,
            start_position: point(old, self.start),
            old_end_position: point(old, self.old_end),
            new_end_position: point(new, self.new_end),
        }
    }
}

/// Row and byte column of `offset`, as tree-sitter counts them.
fn point(text: &str, offset: usize) -> Point {
    let before = &text.as_bytes()[..offset];
    let row = memchr::memchr_iter(b'\n', before).count();
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    Point::new(row, offset - line_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_between_texts_stays_on_character_boundaries() {
        // "é" and "è" share their first byte.
        let edit = TextEdit::between("aé b", "aè b");
        assert_eq!(
            edit,
            TextEdit {
                start: 1,
                old_end: 3,
                new_end: 3
            }
        );
        let edit = TextEdit::between("abab", "ab");
        assert_eq!((edit.start, edit.old_end, edit.new_end), (2, 4, 2));
        assert_eq!(edit.old_range(TextRange::new(0, 2)), Some(TextRange::new(0, 2)));
        assert_eq!(edit.old_range(TextRange::new(1, 3)), None);
        let edit = TextEdit::between("a b", "a xx b");
        assert_eq!(edit.old_range(TextRange::new(5, 6)), Some(TextRange::new(2, 3)));
    }
}
