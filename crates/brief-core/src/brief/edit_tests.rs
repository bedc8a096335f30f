//! `Brief::next_version` after any edits equals a fresh `Brief::parse` of
//! the final text.

use proptest::prelude::*;

use super::Brief;

/// Pieces that make and break Markdown structure: blocks, emphasis, code,
/// citations, quotes (with apostrophes, elisions and editorial brackets),
/// URLs, tables, and multi-byte characters.
const PIECES: &[&str] = &[
    "Prose ",
    "\n",
    "\n\n",
    "# ",
    "## T\n",
    "> ",
    "- ",
    "  ",
    "1. ",
    "```\n",
    "`",
    "*",
    "**",
    "_",
    "[@smith2020, p. 3]",
    "@lukin",
    "[",
    "]",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "...",
    "[sic]",
    "https://a.org/x ",
    "<b>",
    "|",
    "|---|\n",
    "é",
    "日本",
    "😀",
    "---\n",
    "    code\n",
    "$4.5 billion ",
    "[t](https://x.y) ",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

/// An edit as (where, how many characters to delete, what to insert), the
/// position and length as fractions of the text so that they always fall
/// on a character boundary.
fn edits() -> impl Strategy<Value = Vec<(f64, usize, String)>> {
    prop::collection::vec(
        (
            0.0..=1.0f64,
            0..6usize,
            text().prop_map(|t| t.chars().take(8).collect()),
        ),
        1..12,
    )
}

fn apply(text: &str, (at, delete, insert): &(f64, usize, String)) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = ((chars.len() as f64) * at) as usize;
    let end = (start + delete).min(chars.len());
    chars[..start]
        .iter()
        .chain(insert.chars().collect::<Vec<_>>().iter())
        .chain(&chars[end..])
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn next_version_equals_a_fresh_parse(start in text(), edits in edits()) {
        let mut text = start;
        let mut brief = Brief::parse(text.clone());
        for edit in &edits {
            text = apply(&text, edit);
            brief = brief.next_version(text.clone());
            prop_assert_eq!(&brief, &Brief::parse(text.clone()), "text {:?}", text);
        }
    }
}

/// Typing into one paragraph of many reuses the others (checked through
/// their results, which a reuse must shift correctly).
#[test]
fn typing_in_a_long_brief_equals_a_fresh_parse() {
    let paragraph = "See `code` and <https://a.org> in “a quote” [@smith2020, p. 3], é 日本.\n\n";
    let mut text = paragraph.repeat(50);
    let mut brief = Brief::parse(text.clone());
    for (i, typed) in ["x", "`", "`", "\n\n", "é", "> ", "*"].iter().enumerate() {
        let at = text
            .char_indices()
            .nth(700 + 37 * i)
            .map_or(text.len(), |(b, _)| b);
        text.insert_str(at, typed);
        brief = brief.next_version(text.clone());
        assert_eq!(brief, Brief::parse(text.clone()), "after {typed:?}");
    }
    let half = text
        .char_indices()
        .nth(text.chars().count() / 2)
        .map_or(0, |(b, _)| b);
    let shrunk = text[..half].to_owned();
    assert_eq!(brief.next_version(shrunk.clone()), Brief::parse(shrunk));
}
