//! How far around a figure its context is read, on corpus and brief alike.
//!
//! A sentence is rarely longer than a few hundred bytes, but a "sentence"
//! with no full stop (a table, a list, a pasted page, a brief typed without
//! punctuation) can run to megabytes. Read whole, it makes every figure in
//! it read all of it and all its other figures, so checking it costs the
//! square of its length: 300 figures on one line took a minute. Past
//! `REACH` bytes either side, words say nothing about the figure anyway.

use crate::text::TextRange;

/// The most bytes either side of a figure (and at the end of the sentence
/// before) that its context reads.
pub const REACH: usize = 1000;

/// `sentence` (a range of `text`) cut to `REACH` bytes either side of
/// `figure`, at whole words; the sentence itself when it is short enough.
pub fn within_reach(text: &str, sentence: TextRange, figure: TextRange) -> TextRange {
    let start = if figure.start - sentence.start > REACH {
        word_start_after(text, figure.start - REACH)
    } else {
        sentence.start
    };
    let end = if sentence.end - figure.end > REACH {
        word_end_before(text, figure.end + REACH)
    } else {
        sentence.end
    };
    TextRange::new(start.min(figure.start), end.max(figure.end))
}

/// The last `REACH` bytes of `previous`, at whole words: the words of the
/// sentence before that lie nearest the figure.
pub fn tail_within_reach(text: &str, previous: TextRange) -> TextRange {
    if previous.len() <= REACH {
        return previous;
    }
    let start = word_start_after(text, previous.end - REACH).min(previous.end);
    TextRange::new(start, previous.end)
}

/// The ranges of `sorted` (sorted by start, disjoint) that lie inside
/// `span`, found by binary search: a paragraph may hold thousands.
pub fn ranges_inside(sorted: &[TextRange], span: TextRange) -> &[TextRange] {
    let first = sorted.partition_point(|r| r.start < span.start);
    let after = first + sorted[first..].partition_point(|r| r.end <= span.end);
    &sorted[first..after]
}

/// The first word start at or after byte `at`.
fn word_start_after(text: &str, at: usize) -> usize {
    let mut at = at;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i)
}

/// The last word end at or before byte `at`.
fn word_end_before(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].rfind(char::is_whitespace).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_sentence_is_read_whole() {
        let text = "Exports rose 12% to $5bn in 2004.";
        let sentence = TextRange::new(0, text.len());
        let figure = TextRange::new(13, 16);
        assert_eq!(within_reach(text, sentence, figure), sentence);
    }

    #[test]
    fn a_long_sentence_is_cut_at_words_either_side_of_the_figure() {
        let filler = "é mot ".repeat(400); // 7 bytes a time, 2,800 bytes
        let text = format!("{filler}exports rose 12% {filler}");
        let at = text.find("12%").unwrap();
        let figure = TextRange::new(at, at + 3);
        let cut = within_reach(&text, TextRange::new(0, text.len()), figure);
        assert!(cut.start > 0 && figure.start - cut.start <= REACH, "{cut:?}");
        assert!(cut.end < text.len() && cut.end - figure.end <= REACH, "{cut:?}");
        // Whole words: the cut starts at a space and ends before one.
        assert!(text[cut.start..].starts_with(' ') && text[cut.end..].starts_with(' '));
        assert!(text[cut.start..cut.end].contains("exports rose 12%"));
    }

    #[test]
    fn the_sentence_before_gives_its_last_words() {
        let text = format!("{} named the subject", "word ".repeat(500));
        let tail = tail_within_reach(&text, TextRange::new(0, text.len()));
        assert!(tail.len() <= REACH && text[tail.start..tail.end].ends_with("named the subject"));
    }

    #[test]
    fn the_ranges_inside_a_span_are_found_by_search() {
        let sorted: Vec<TextRange> = (0..10).map(|i| TextRange::new(i * 10, i * 10 + 3)).collect();
        let inside = ranges_inside(&sorted, TextRange::new(15, 52));
        assert_eq!(inside, &sorted[2..5]);
        assert!(ranges_inside(&sorted, TextRange::new(4, 9)).is_empty());
    }
}
