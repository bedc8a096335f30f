//! Pandoc citation syntax, following pandoc's Markdown reader (`citeKey`,
//! `normalCite`, `textualCite`). tree-sitter-md knows nothing of citations
//! (it may parse `[@key]` as a shortcut link), so this scans the text of one
//! inline region in which everything that is not prose has been blanked out.

use super::{squash, Citation, CiteItem};
use crate::text::citation_key::{is_word, simple_key_len};
use crate::text::TextRange;

/// The citations of one region in text order. `shown` is the region's text
/// with block markers blanked, which prefixes and suffixes are taken from;
/// `masked` has non-prose blanked as well, and is what is parsed. `base` is
/// the region's offset in the brief.
pub(super) fn scan(shown: &str, masked: &str, base: usize) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < masked.len() {
        let found = match masked.as_bytes()[i] {
            b'[' => bracketed(shown, masked, i),
            b'@' | b'-' => textual(shown, masked, i),
            _ => None,
        };
        match found {
            Some(citation) => {
                i = citation.range.end;
                out.push(shifted(citation, base));
            }
            None => i += 1,
        }
    }
    out
}

/// `@key`, `-@key` or `@{key}`.
struct KeyRef {
    /// The `-` or `@`.
    start: usize,
    suppress_author: bool,
    key: TextRange,
    /// After the key, or after its closing brace.
    end: usize,
}

fn key_ref(s: &str, p: usize) -> Option<KeyRef> {
    // Bytes first: `p` may be any byte offset, not only a char boundary.
    let suppress_author = match s.as_bytes()[p..] {
        [b'-', b'@', ..] => true,
        [b'@', ..] => false,
        _ => return None,
    };
    if s[..p].ends_with(is_word) {
        return None;
    }
    let key_start = p + usize::from(suppress_author) + 1;
    let (key, end) = match s[key_start..].strip_prefix('{') {
        Some(braced) => {
            let key = TextRange::new(key_start + 1, key_start + 1 + braced_len(braced)?);
            (key, key.end + 1)
        }
        None => {
            let key = TextRange::new(key_start, key_start + simple_key_len(&s[key_start..]));
            (key, key.end)
        }
    };
    (!key.is_empty()).then_some(KeyRef {
        start: p,
        suppress_author,
        key,
        end,
    })
}

/// The length of a braced key before its closing brace: like pandoc, any
/// characters but whitespace, with balanced inner braces.
fn braced_len(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(i),
            '}' => depth -= 1,
            c if c.is_whitespace() => return None,
            _ => {}
        }
    }
    None
}

/// `[see @a, p. 3; -@b]`: every `;`-separated item must hold a key, or the
/// brackets are plain text (whose bare keys the caller then still finds).
/// The brackets of an inline note `^[…]` or of an image's description
/// `![…](…)` are the note's or the image's, not a citation's.
fn bracketed(shown: &str, masked: &str, open: usize) -> Option<Citation> {
    let before = masked[..open].chars().next_back();
    if escaped(masked, open) || before == Some('^') {
        return None;
    }
    let (close, semicolons) = bracket_group(masked, open)?;
    if before == Some('!') && masked[close + 1..].starts_with(['(', '[']) {
        return None;
    }
    let mut items = Vec::new();
    let mut start = open + 1;
    for end in semicolons.into_iter().chain([close]) {
        items.push(item(shown, masked, TextRange::new(start, end))?);
        start = end + 1;
    }
    let range = TextRange::new(open, close + 1);
    Some(Citation {
        range,
        bracketed: true,
        items,
    })
}

fn item(shown: &str, masked: &str, chunk: TextRange) -> Option<CiteItem> {
    let k = (chunk.start..chunk.end)
        .filter_map(|p| key_ref(masked, p))
        .find(|k| k.end <= chunk.end)?;
    Some(CiteItem {
        key: shown[k.key.start..k.key.end].to_owned(),
        key_range: k.key,
        range: trimmed(masked, chunk),
        suppress_author: k.suppress_author,
        prefix: squash(&shown[chunk.start..k.start]),
        suffix: suffix(&shown[k.end..chunk.end]),
    })
}

/// Author-in-text `@key`, optionally with a locator: `@key [p. 33]`.
fn textual(shown: &str, masked: &str, p: usize) -> Option<Citation> {
    let k = key_ref(masked, p)?;
    let (end, suffix) = match locator(masked, k.end) {
        Some((open, close)) => (close + 1, suffix(&shown[open + 1..close])),
        None => (k.end, String::new()),
    };
    let range = TextRange::new(k.start, end);
    let item = CiteItem {
        key: shown[k.key.start..k.key.end].to_owned(),
        key_range: k.key,
        range,
        suppress_author: k.suppress_author,
        prefix: String::new(),
        suffix,
    };
    Some(Citation {
        range,
        bracketed: false,
        items: vec![item],
    })
}

/// The brackets of a locator after a bare key, at most one line break away;
/// like pandoc, not a link (`[…](…)`, `[…][…]`), a footnote (`[^…]`), nor
/// brackets that cite keys themselves.
fn locator(s: &str, from: usize) -> Option<(usize, usize)> {
    let open = from + s[from..].find(|c: char| !c.is_whitespace())?;
    if s[from..open].matches('\n').count() > 1 || !s[open..].starts_with('[') || s[open..].starts_with("[^") {
        return None;
    }
    let (close, _) = bracket_group(s, open)?;
    let is_link = s[close + 1..].starts_with(['[', '(']);
    let cites = (open + 1..close).any(|q| key_ref(s, q).is_some());
    (!is_link && !cites).then_some((open, close))
}

/// The `]` matching the `[` at `open`, and the `;`s between them at the
/// top level.
fn bracket_group(s: &str, open: usize) -> Option<(usize, Vec<usize>)> {
    let mut depth = 0usize;
    let mut semicolons = Vec::new();
    for (i, b) in s.bytes().enumerate().skip(open + 1) {
        match b {
            _ if escaped(s, i) => {}
            b'[' => depth += 1,
            b']' if depth == 0 => return Some((i, semicolons)),
            b']' => depth -= 1,
            b';' if depth == 0 => semicolons.push(i),
            _ => {}
        }
    }
    None
}

fn escaped(s: &str, i: usize) -> bool {
    i > 0 && s.as_bytes()[i - 1] == b'\\'
}

/// ", p. 12" → "p. 12".
fn suffix(s: &str) -> String {
    squash(s.trim_start().trim_start_matches(','))
}

fn trimmed(s: &str, r: TextRange) -> TextRange {
    let text = &s[r.start..r.end];
    let start = r.start + (text.len() - text.trim_start().len());
    TextRange::new(start, start + text.trim().len())
}

fn shifted(mut citation: Citation, by: usize) -> Citation {
    citation.range = citation.range.shifted(by);
    for item in &mut citation.items {
        item.range = item.range.shifted(by);
        item.key_range = item.key_range.shifted(by);
    }
    citation
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;
    use crate::brief::tests::render_citations;

    fn check(text: &str, expect: Expect) {
        expect.assert_eq(&render_citations(text, &scan(text, text, 0)));
    }

    #[test]
    fn bracketed_forms() {
        check(
            "[@key] [@key, p. 12] [see @a; @b] [-@key] [@a, pp. 33-35; also @b, chap. 1]",
            expect![[r#"
                0..6 bracketed "[@key]"
                  1..5 key key @2..5
                7..20 bracketed "[@key, p. 12]"
                  8..19 key key @9..12 suffix "p. 12"
                21..33 bracketed "[see @a; @b]"
                  22..28 key a @27..28 prefix "see"
                  30..32 key b @31..32
                34..41 bracketed "[-@key]"
                  35..40 key key @37..40 suppress-author
                42..75 bracketed "[@a, pp. 33-35; also @b, chap. 1]"
                  43..56 key a @44..45 suffix "pp. 33-35"
                  58..74 key b @64..65 prefix "also" suffix "chap. 1"
            "#]],
        );
    }

    #[test]
    fn author_in_text() {
        check(
            "As @smith2004. @key [p. 33] and -@doe says @a\n[p. 3], but @b [see](x) and @c [^1].",
            expect![[r#"
                3..13 bare "@smith2004"
                  3..13 key smith2004 @4..13
                15..27 bare "@key [p. 33]"
                  15..27 key key @16..19 suffix "p. 33"
                32..37 bare "-@doe"
                  32..37 key doe @34..37 suppress-author
                43..52 bare "@a\n[p. 3]"
                  43..52 key a @44..45 suffix "p. 3"
                58..60 bare "@b"
                  58..60 key b @59..60
                74..76 bare "@c"
                  74..76 key c @75..76
            "#]],
        );
    }

    #[test]
    fn a_citation_after_a_bare_key_is_not_its_locator() {
        check(
            "@a [@b, p. 4]",
            expect![[r#"
                0..2 bare "@a"
                  0..2 key a @1..2
                3..13 bracketed "[@b, p. 4]"
                  4..12 key b @5..6 suffix "p. 4"
            "#]],
        );
    }

    #[test]
    fn key_characters() {
        check(
            "@a:b.c-d_e/f, @x--y, @müller2004, @https://doi.org/10.1/x, @{odd?key=1&b={c}}, @{has space}",
            expect![[r#"
                0..12 bare "@a:b.c-d_e/f"
                  0..12 key a:b.c-d_e/f @1..12
                14..16 bare "@x"
                  14..16 key x @15..16
                21..33 bare "@müller2004"
                  21..33 key müller2004 @22..33
                35..58 bare "@https://doi.org/10.1/x"
                  35..58 key https://doi.org/10.1/x @36..58
                60..78 bare "@{odd?key=1&b={c}}"
                  60..78 key odd?key=1&b={c} @62..77
            "#]],
        );
    }

    #[test]
    fn emails_and_non_keys() {
        check(
            "Mail name@example.org or a_b@c.d; pay @ 5%; @-x; @.",
            expect![[""]],
        );
    }

    #[test]
    fn keyless_items_escapes_notes_and_images_leave_brackets_as_text() {
        check(
            "[see @a; and more] [no key] \\[@b] ^[note @d] ![fig @e](x.png)",
            expect![[r#"
                5..7 bare "@a"
                  5..7 key a @6..7
                30..32 bare "@b"
                  30..32 key b @31..32
                41..43 bare "@d"
                  41..43 key d @42..43
                51..53 bare "@e"
                  51..53 key e @52..53
            "#]],
        );
    }

    #[test]
    fn citations_win_over_links_as_in_pandoc() {
        check(
            "[@c](https://u) Wow![@f]",
            expect![[r#"
                0..4 bracketed "[@c]"
                  1..3 key c @2..3
                20..24 bracketed "[@f]"
                  21..23 key f @22..23
            "#]],
        );
    }

    #[test]
    fn multi_line_bracketed() {
        check(
            "Text [see @a;\n@b, p. 3\nand on] more.",
            expect![[r#"
                5..30 bracketed "[see @a;\n@b, p. 3\nand on]"
                  6..12 key a @11..12 prefix "see"
                  14..29 key b @15..16 suffix "p. 3 and on"
            "#]],
        );
    }
}
