//! The brief parser and quote finder on any text: every range on char
//! boundaries inside the text, and the orders `Brief` documents.
#![no_main]

use brief_core::brief::{Brief, QuoteSegment};
use brief_core::text::{LineCol, LineIndex, PositionEncoding, TextRange};
use libfuzzer_sys::fuzz_target;

fn assert_range(text: &str, r: TextRange, what: &str) {
    assert!(r.start <= r.end && r.end <= text.len(), "{what} {r:?} outside 0..{}", text.len());
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} not on char boundaries"
    );
}

fn assert_sorted_disjoint(ranges: &[TextRange], what: &str) {
    for w in ranges.windows(2) {
        assert!(w[0].end <= w[1].start, "{what} not sorted and disjoint: {:?} {:?}", w[0], w[1]);
    }
}

fn check_line_index(text: &str) {
    let index = LineIndex::new(text);
    for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32] {
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let pos = index.line_col(text, offset, enc);
            let back = index.offset(text, pos, enc);
            // A `\r\n` pair is one line end: its `\n` is not a position.
            let inside_crlf = offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n');
            if !inside_crlf {
                assert_eq!(back, offset, "{enc:?}: {offset} -> {pos:?} -> {back}");
            }
        }
        // Positions past a line's end or the last line clamp inside the text.
        let far = index.offset(text, LineCol { line: u32::MAX, col: u32::MAX }, enc);
        assert!(far <= text.len() && text.is_char_boundary(far));
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let brief = Brief::parse(text);
    let text = &*brief.text;

    assert_sorted_disjoint(brief.non_prose(), "non_prose");
    for r in brief.non_prose() {
        assert_range(text, *r, "non_prose");
    }
    for w in brief.citations.windows(2) {
        assert!(w[0].range.end <= w[1].range.start, "citations out of text order: {:?} {:?}", w[0].range, w[1].range);
    }
    for c in &brief.citations {
        assert_range(text, c.range, "citation");
        assert!(!c.items.is_empty(), "citation without items at {:?}", c.range);
        for item in &c.items {
            assert_range(text, item.range, "cite item");
            assert_range(text, item.key_range, "cite key");
            assert!(c.range.contains_range(item.range), "item {:?} outside citation {:?}", item.range, c.range);
            assert!(item.range.contains_range(item.key_range), "key {:?} outside item {:?}", item.key_range, item.range);
            assert!(!item.key.is_empty());
            // `citation_item_at` looks before the key for `@`.
            assert!(item.key_range.start >= 1);
            assert!(brief.citation_item_at(item.key_range.start).is_some());
        }
    }
    for h in &brief.headings {
        assert_range(text, h.range, "heading");
        assert_range(text, h.title_range, "heading title");
        assert!(h.range.contains_range(h.title_range));
        assert!((1..=6).contains(&h.level));
    }
    for w in brief.paragraphs.windows(2) {
        assert!(w[0].start <= w[1].start, "paragraphs out of text order");
    }
    for p in &brief.paragraphs {
        assert_range(text, *p, "paragraph");
    }
    assert_sorted_disjoint(&brief.block_quotes, "block_quotes");
    for b in &brief.block_quotes {
        assert_range(text, *b, "block quote");
    }
    for w in brief.quotes.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            a.range.start < b.range.start || (a.range.start == b.range.start && a.depth < b.depth),
            "quotes not sorted by start, outer first: {:?} {:?}",
            a.range,
            b.range
        );
    }
    for q in &brief.quotes {
        assert_range(text, q.range, "quote");
        assert_range(text, q.content, "quote content");
        assert!(q.range.contains_range(q.content), "content {:?} outside quote {:?}", q.content, q.range);
        let mut last_end = q.content.start;
        for s in &q.segments {
            let r = s.range();
            assert_range(text, r, "segment");
            assert!(q.content.contains_range(r), "segment {r:?} outside content {:?}", q.content);
            assert!(r.start >= last_end, "segments out of order in {:?}", q.range);
            last_end = r.end;
            if let QuoteSegment::Editorial { range, inner } = s {
                assert_range(text, *inner, "editorial inner");
                assert!(range.contains_range(*inner));
            }
        }
    }
    check_line_index(text);
});
