//! A brief: the analyst's Markdown with the structure later checks need
//! (citations, headings, prose blocks) and the places that are not prose
//! (code, HTML, URLs, front matter), where nothing is checked or cited.

mod citations;
mod edit;
#[cfg(test)]
mod edit_tests;
mod inline_budget;
mod markdown;
mod quotes;
mod region_scan;
mod urls;

pub use quotes::{Quote, QuoteKind, QuoteSegment};

use std::sync::Arc;

use crate::bibliography::BriefReferences;
use crate::text::{citation_key, TextRange};

/// A parsed brief. Everything is computed by [`Brief::parse`]; a new text
/// means a new `Brief`, which [`Brief::next_version`] parses reusing this
/// one's trees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brief {
    pub text: Arc<str>,
    /// In text order.
    pub citations: Vec<Citation>,
    pub headings: Vec<Heading>,
    /// Prose blocks in text order: paragraphs (also in list items and block
    /// quotes) and table cells, not headings. A paragraph's range is its
    /// inline content, which on continuation lines still includes markers
    /// such as `> `.
    pub paragraphs: Vec<TextRange>,
    /// Outermost block quotes, each from after its first `>` marker to its
    /// end.
    pub block_quotes: Vec<TextRange>,
    /// Quotations, sorted by start, outer before inner; see [`Quote`].
    pub quotes: Vec<Quote>,
    /// The YAML of the front matter (`---` … `---`), without its fences.
    pub front_matter: Option<TextRange>,
    /// What the brief cites besides the corpus: its bibliography and style,
    /// which the adapter reads from the files the front matter and the
    /// project name (`Brief::parse` gives none and the default style).
    pub references: Arc<BriefReferences>,
    /// Sorted and disjoint.
    non_prose: Vec<TextRange>,
    /// The citations' and quotations' ranges merged: sorted and disjoint.
    cited_or_quoted: Vec<TextRange>,
    parsed: Parsed,
}

/// What the next version's parse reuses. Not part of what a brief is: two
/// briefs of the same text are equal however they were parsed.
#[derive(Clone, Default)]
struct Parsed {
    block_tree: Option<tree_sitter::Tree>,
    regions: Arc<Vec<markdown::InlineRegion>>,
    scans: Arc<Vec<region_scan::RegionScan>>,
    quotes: Arc<Vec<quotes::RegionQuotes>>,
}

/// The previous version's region results and the edit since.
struct Reuse<'p> {
    edit: edit::TextEdit,
    scans: &'p [region_scan::RegionScan],
    quotes: &'p [quotes::RegionQuotes],
}

impl PartialEq for Parsed {
    fn eq(&self, _: &Parsed) -> bool {
        true
    }
}

impl Eq for Parsed {}

impl std::fmt::Debug for Parsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Parsed")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// The title's text with its whitespace collapsed; inline markup such as
    /// `*` stays.
    pub title: String,
    /// The whole heading, with a setext heading's underline.
    pub range: TextRange,
    pub title_range: TextRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// `[see @a; @b, p. 3]` with its brackets, or a bare `@key` with its
    /// locator if any (`@key [p. 33]`).
    pub range: TextRange,
    pub bracketed: bool,
    pub items: Vec<CiteItem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CiteItem {
    pub key: String,
    /// The key without `@` (and without the braces of `@{…}`).
    pub key_range: TextRange,
    /// The item with prefix, key and suffix, trimmed.
    pub range: TextRange,
    /// `[-@key]`.
    pub suppress_author: bool,
    pub prefix: String,
    /// The locator and the rest after the key: ", p. 12" gives "p. 12".
    pub suffix: String,
}

/// The start of a key being typed, for completion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPrefix {
    /// The key characters between the `@` and the cursor; may be empty.
    pub range: TextRange,
    pub typed: String,
}

impl Brief {
    /// Never fails: any text is some Markdown.
    pub fn parse(text: impl Into<Arc<str>>) -> Brief {
        Brief::parse_reusing(text.into(), None, None)
    }

    /// The brief of `text`, a later version of this one's text, equal to
    /// `Brief::parse(text)`: the block tree is edited and reparsed, and the
    /// inline grammar, the URL and citation scans and the quotation finder
    /// run again only on the regions the edit touched.
    pub fn next_version(&self, text: impl Into<Arc<str>>) -> Brief {
        let text = text.into();
        let edit = edit::TextEdit::between(&self.text, &text);
        let previous = self
            .parsed
            .block_tree
            .as_ref()
            .map(|block_tree| markdown::Previous {
                text: &self.text,
                edit,
                block_tree,
                regions: &self.parsed.regions,
            });
        let reuse = previous.is_some().then_some(Reuse {
            edit,
            scans: &self.parsed.scans,
            quotes: &self.parsed.quotes,
        });
        Brief::parse_reusing(text, previous, reuse)
    }

    fn parse_reusing(text: Arc<str>, previous: Option<markdown::Previous>, reuse: Option<Reuse>) -> Brief {
        let mut outline = markdown::outline(&text, previous);
        let non_prose = normalized(outline.non_prose);
        let scans = region_scan::scan(
            &text,
            &outline.regions,
            &non_prose,
            reuse.as_ref().map(|r| (r.edit, r.scans)),
        );
        let bare_urls = scans.iter().flat_map(|s| s.urls.iter().copied());
        let citations: Vec<Citation> = scans.iter().flat_map(|s| s.citations.iter().cloned()).collect();
        let non_prose = normalized(non_prose.into_iter().chain(bare_urls).collect());
        let (quotes, region_quotes) = quotes::find(
            &text,
            &outline.regions,
            &outline.block_quotes,
            &non_prose,
            &citations,
            reuse.as_ref().map(|r| (r.edit, r.quotes)),
        );
        let cited_or_quoted = normalized(
            citations
                .iter()
                .map(|c| c.range)
                .chain(quotes.iter().map(|q| q.range))
                .collect(),
        );
        Brief {
            non_prose,
            cited_or_quoted,
            quotes,
            citations,
            parsed: Parsed {
                block_tree: outline.block_tree.take(),
                regions: Arc::new(std::mem::take(&mut outline.regions)),
                scans: Arc::new(scans),
                quotes: Arc::new(region_quotes),
            },
            front_matter: outline.front_matter,
            references: BriefReferences::none(),
            headings: outline.headings,
            paragraphs: outline.paragraphs,
            block_quotes: outline.block_quotes,
            text,
        }
    }

    /// This brief citing from `references` too.
    pub fn with_references(mut self, references: Arc<BriefReferences>) -> Brief {
        self.references = references;
        self
    }

    /// Whether `range` overlaps a citation or a quotation, in logarithmic
    /// time (a brief may hold thousands of each).
    pub fn in_citation_or_quote(&self, range: TextRange) -> bool {
        let i = self.cited_or_quoted.partition_point(|r| r.end <= range.start);
        self.cited_or_quoted.get(i).is_some_and(|r| r.intersects(range))
    }

    /// Whether the byte at `offset` is outside every non-prose range.
    pub fn is_prose(&self, offset: usize) -> bool {
        let i = self.non_prose.partition_point(|r| r.end <= offset);
        self.non_prose.get(i).is_none_or(|r| offset < r.start)
    }

    /// Code, HTML, link destinations and definitions, autolinks and bare
    /// URLs, front matter: sorted and disjoint.
    pub fn non_prose(&self) -> &[TextRange] {
        &self.non_prose
    }

    /// The item whose `@` or key the cursor is on, ends included.
    pub fn citation_item_at(&self, offset: usize) -> Option<(&Citation, &CiteItem)> {
        let first = self.citations.partition_point(|c| c.range.end < offset);
        // Two citations may touch the cursor, as in `[@a]|@b`.
        let touching = self.citations[first..]
            .iter()
            .take_while(|c| c.range.start <= offset);
        touching
            .flat_map(|c| c.items.iter().map(move |item| (c, item)))
            .find(|(_, item)| {
                let key = item.key_range;
                // Both `@` and `@{` stand right before a key.
                let braced = !self.text[..key.start].ends_with('@');
                let at = key.start - 1 - usize::from(braced);
                TextRange::new(at, key.end + usize::from(braced)).touches(offset)
            })
    }

    /// The key typed so far when the cursor is right after an `@` where a
    /// citation may start (or after the key characters that follow it).
    pub fn key_prefix_at(&self, offset: usize) -> Option<KeyPrefix> {
        let before = self.text.get(..offset)?;
        let typed = before.len() - before.trim_end_matches(citation_key::is_key_char).len();
        let start = offset - typed;
        let rest = before[..start].strip_suffix('@')?;
        let at = rest.len();
        let lead = rest.strip_suffix('-').filter(|r| opens_key(r)).unwrap_or(rest);
        let first_ok = before[start..].chars().next().is_none_or(citation_key::is_word);
        (opens_key(lead) && first_ok && self.is_prose(at)).then(|| KeyPrefix {
            range: TextRange::new(start, offset),
            typed: before[start..].to_owned(),
        })
    }
}

/// Whether a key may start right after `before`: at the start, after
/// whitespace, or after an opening `[`, `(` or a `;` between items.
fn opens_key(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "[(;".contains(c))
}

fn normalized(mut ranges: Vec<TextRange>) -> Vec<TextRange> {
    ranges.sort();
    let mut out: Vec<TextRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Text as a reader sees it, with line breaks and runs of spaces as one
/// space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(crate) mod tests {
    use expect_test::{expect, Expect};
    use std::fmt::Write;

    use super::*;

    /// One line per citation, then one per item.
    pub(crate) fn render_citations(text: &str, citations: &[Citation]) -> String {
        let mut out = String::new();
        for c in citations {
            let kind = if c.bracketed { "bracketed" } else { "bare" };
            let source = &text[c.range.start..c.range.end];
            writeln!(out, "{:?} {kind} {source:?}", c.range).unwrap();
            for item in &c.items {
                write!(out, "  {:?} key {} @{:?}", item.range, item.key, item.key_range).unwrap();
                if item.suppress_author {
                    out.push_str(" suppress-author");
                }
                if !item.prefix.is_empty() {
                    write!(out, " prefix {:?}", item.prefix).unwrap();
                }
                if !item.suffix.is_empty() {
                    write!(out, " suffix {:?}", item.suffix).unwrap();
                }
                out.push('\n');
            }
        }
        out
    }

    fn check_citations(text: &str, expect: Expect) {
        let brief = Brief::parse(text);
        expect.assert_eq(&render_citations(text, &brief.citations));
    }

    /// The brief without its `$0` marker, and the marker's offset.
    fn with_cursor(marked: &str) -> (Brief, usize) {
        let offset = marked.find("$0").expect("a $0 cursor marker");
        (Brief::parse(marked.replacen("$0", "", 1)), offset)
    }

    fn check_key_prefix(marked: &str, expect: Expect) {
        let (brief, offset) = with_cursor(marked);
        let shown = brief
            .key_prefix_at(offset)
            .map(|p| format!("{:?} {:?}", p.range, p.typed));
        expect.assert_eq(&shown.unwrap_or_else(|| "None".to_owned()));
    }

    fn check_item_at(marked: &str, expect: Expect) {
        let (brief, offset) = with_cursor(marked);
        let shown = brief
            .citation_item_at(offset)
            .map(|(c, item)| format!("{:?} in {:?}", item.key, &brief.text[c.range.start..c.range.end]));
        expect.assert_eq(&shown.unwrap_or_else(|| "None".to_owned()));
    }

    #[test]
    fn shortcut_links_in_prose_headings_quotes_lists_and_tables() {
        check_citations(
            "# Costs @h\n\nAs [@trenin2016, p. 3] says.\n\n> Quoted [see @a;\n> @b].\n\n- item @c\n\n| [@d] |\n|---|\n",
            expect![[r#"
                8..10 bare "@h"
                  8..10 key h @9..10
                15..34 bracketed "[@trenin2016, p. 3]"
                  16..33 key trenin2016 @17..27 suffix "p. 3"
                51..65 bracketed "[see @a;\n> @b]"
                  52..58 key a @57..58 prefix "see"
                  62..64 key b @63..64
                75..77 bare "@c"
                  75..77 key c @76..77
                81..85 bracketed "[@d]"
                  82..84 key d @83..84
            "#]],
        );
    }

    #[test]
    fn nothing_is_cited_outside_prose() {
        check_citations(
            "---\nauthor: x@y.org\nnote: [@fm]\n---\n\nMail a@b.org, `[@code]`, https://x.org/@foo, [t](https://a.b/@c), <https://x.org/@d>, <span title=\"@e\">.\n\n```\n[@fenced]\n```\n\n    @indented\n\n<div>\n@html\n</div>\n\n[r]: https://r.org/@ref\n\nOnly [@this].\n",
            expect![[r#"
                227..234 bracketed "[@this]"
                  228..233 key this @229..233
            "#]],
        );
    }

    #[test]
    fn exact_bytes_after_non_ascii() {
        check_citations(
            "Russia’s “pivot” — café 🚀 [@trenin2016, p. 3]; cf. @kofman2019 [§ 2] [voir « @dé », p. 2].",
            expect![[r#"
                38..57 bracketed "[@trenin2016, p. 3]"
                  39..56 key trenin2016 @40..50 suffix "p. 3"
                63..81 bare "@kofman2019 [§ 2]"
                  63..81 key kofman2019 @64..74 suffix "§ 2"
                82..105 bracketed "[voir « @dé », p. 2]"
                  83..104 key dé @92..95 prefix "voir «" suffix "», p. 2"
            "#]],
        );
    }

    #[test]
    fn non_prose_ranges() {
        let text = "Mail <a@b.org> or see www.x.org/@y, `code` and https://z.org.\n";
        let brief = Brief::parse(text);
        let shown: Vec<String> = brief
            .non_prose()
            .iter()
            .map(|r| format!("{r:?} {:?}", &text[r.start..r.end]))
            .collect();
        expect![[r#"
            5..14 "<a@b.org>"
            22..34 "www.x.org/@y"
            36..42 "`code`"
            47..60 "https://z.org""#]]
        .assert_eq(&shown.join("\n"));
        let prose: String = (0..text.len())
            .map(|i| if brief.is_prose(i) { '.' } else { 'x' })
            .collect();
        expect![".....xxxxxxxxx........xxxxxxxxxxxx..xxxxxx.....xxxxxxxxxxxxx.."].assert_eq(&prose);
    }

    #[test]
    fn key_prefix_after_an_opening_bracket() {
        check_key_prefix("As shown [@tre$0", expect![[r#"11..14 "tre""#]]);
        check_key_prefix("As shown [see @a; -@ko$0]", expect![[r#"20..22 "ko""#]]);
        check_key_prefix("(@$0", expect![[r#"2..2 """#]]);
    }

    #[test]
    fn key_prefix_at_line_start() {
        check_key_prefix("First.\n@$0", expect![[r#"8..8 """#]]);
        check_key_prefix("> @sm$0ith", expect![[r#"3..5 "sm""#]]);
    }

    #[test]
    fn no_key_prefix_outside_citation_positions() {
        check_key_prefix("Mail name@$0", expect!["None"]);
        check_key_prefix("Mail name@exa$0mple.org", expect!["None"]);
        check_key_prefix("Run `cite @tr$0`", expect!["None"]);
        check_key_prefix("```\n@$0\n```\n", expect!["None"]);
        check_key_prefix("See https://x.org/@$0", expect!["None"]);
        check_key_prefix("As shown $0", expect!["None"]);
    }

    #[test]
    fn item_under_the_cursor() {
        check_item_at("[see $0@a; @b]", expect![[r#""a" in "[see @a; @b]""#]]);
        check_item_at("[see @a; @b$0]", expect![[r#""b" in "[see @a; @b]""#]]);
        check_item_at("[se$0e @a; @b]", expect!["None"]);
        check_item_at(
            "Per @{odd:key}$0 [p. 3]",
            expect![[r#""odd:key" in "@{odd:key} [p. 3]""#]],
        );
        check_item_at("Per @{odd:key} [p.$0 3]", expect!["None"]);
        check_item_at("Mail a@b$0.org", expect!["None"]);
        check_item_at("[@a]$0@b", expect![[r#""b" in "@b""#]]);
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_into_consistent_ranges(
            text in r"([\[\]@;,{}`<>()#*_>|~^:/. \n\t-]|[a-c]|é|’|🚀|www\.|https://|\n---\n|```){0,60}"
        ) {
            let brief = Brief::parse(text.as_str());
            // The reuse of region results looks regions up by start.
            for pair in brief.parsed.regions.windows(2) {
                proptest::prop_assert!(pair[0].range.end <= pair[1].range.start);
            }
            for pair in brief.non_prose().windows(2) {
                proptest::prop_assert!(pair[0].end <= pair[1].start, "{:?}", brief.non_prose());
            }
            for pair in brief.citations.windows(2) {
                proptest::prop_assert!(pair[0].range.end <= pair[1].range.start);
            }
            for c in &brief.citations {
                for item in &c.items {
                    let key = &text[item.key_range.start..item.key_range.end];
                    proptest::prop_assert_eq!(key, item.key.as_str());
                    proptest::prop_assert!(c.range.contains_range(item.range));
                }
            }
            for offset in 0..=text.len() + 1 {
                brief.is_prose(offset);
                brief.citation_item_at(offset);
                brief.key_prefix_at(offset);
            }
        }
    }
}
