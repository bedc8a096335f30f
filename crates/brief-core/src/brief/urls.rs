//! Bare URLs in prose. tree-sitter-md only knows `<…>` autolinks, but
//! analysts paste `https://…` and `www.…` straight into a brief, and an `@`
//! in such a URL (`https://x.org/@foo`) must not become a citation.

use std::ops::Range;

const STARTS: [&str; 3] = ["http://", "https://", "www."];

/// Byte ranges of the bare URLs in `text`, much like GFM's extended
/// autolinks: a URL starts after a non-alphanumeric character and ends at
/// whitespace or `<>[]"` or a backtick, less trailing sentence punctuation
/// and unbalanced `)`.
pub(super) fn bare_urls(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if i >= from && !prev.is_some_and(char::is_alphanumeric) {
            if let Some(end) = url_end(text, i) {
                out.push(i..end);
                from = end;
            }
        }
        prev = Some(c);
    }
    out
}

fn url_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let scheme = STARTS.into_iter().find(|s| {
        rest.get(..s.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(s))
    })?;
    let mut end = rest.find(|c: char| !is_url_char(c)).unwrap_or(rest.len());
    while let Some(last) = rest[..end].chars().next_back() {
        let url = &rest[..end];
        let unbalanced = last == ')' && url.matches(')').count() > url.matches('(').count();
        if !(unbalanced || ".,:;!?'*_~".contains(last)) {
            break;
        }
        end -= 1;
    }
    (end > scheme.len()).then_some(start + end)
}

/// Non-ASCII ends a URL too, so that `“https://x.org”` stops before `”`.
fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '<' | '>' | '[' | ']' | '"' | '`')
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;

    fn check(text: &str, expect: Expect) {
        let urls: Vec<&str> = bare_urls(text).into_iter().map(|r| &text[r]).collect();
        expect.assert_eq(&urls.join("\n"));
    }

    #[test]
    fn schemes_and_www() {
        check(
            "See https://x.org/@foo, HTTP://A.B/c and www.example.org/@x.",
            expect![[r#"
                https://x.org/@foo
                HTTP://A.B/c
                www.example.org/@x"#]],
        );
    }

    #[test]
    fn trailing_punctuation_and_parentheses() {
        check(
            "(see https://en.wikipedia.org/wiki/Foo_(bar)) and “https://a.org/x?y=1”! [https://b.org]",
            expect![[r#"
                https://en.wikipedia.org/wiki/Foo_(bar)
                https://a.org/x?y=1
                https://b.org"#]],
        );
    }

    #[test]
    fn not_urls() {
        check(
            "xhttps://a.org, https:// alone, www. and awww.b.org",
            expect![[""]],
        );
    }
}
