//! The walk over tree-sitter-md's block and inline trees. Everything
//! structural about a brief comes from here; Pandoc citations and bare URLs,
//! which the grammar does not know, are scanned afterwards inside the inline
//! regions found here.

use tree_sitter::{Node, Parser, Tree};

use super::edit::TextEdit;
use super::inline_budget::InlineParser;
use super::{squash, Heading};
use crate::text::TextRange;

/// Inline text where citations may occur: a paragraph, a heading's title or
/// a table cell.
pub(super) struct InlineRegion {
    pub range: TextRange,
    /// Block continuation markers (`> `, list indentation) inside `range`:
    /// markup of the enclosing blocks on continuation lines, not text.
    pub markers: Vec<TextRange>,
    /// The non-prose nodes of its inline tree (code spans, HTML, autolinks,
    /// link destinations); `None` when the budget refused or stopped its
    /// parse, which a later version tries again rather than reuse, since a
    /// time budget need not run out twice.
    pub inline_non_prose: Option<Vec<TextRange>>,
}

/// What a parse of a brief's new version may reuse from the previous one:
/// its block tree, and the inline results of regions the edit left alone.
pub(super) struct Previous<'p> {
    pub text: &'p str,
    pub edit: TextEdit,
    pub block_tree: &'p Tree,
    /// In text order.
    pub regions: &'p [InlineRegion],
}

#[derive(Default)]
pub(super) struct Outline {
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<TextRange>,
    pub block_quotes: Vec<TextRange>,
    pub regions: Vec<InlineRegion>,
    /// Unsorted, and may nest (a link destination inside a reference
    /// definition).
    pub non_prose: Vec<TextRange>,
    /// The YAML between a leading `---` front matter's fences.
    pub front_matter: Option<TextRange>,
    pub block_tree: Option<Tree>,
}

/// A `---` block without its opening line and its closing `---` or `...`.
fn yaml_between_fences(text: &str, block: TextRange) -> TextRange {
    let body = &text[block.start..block.end];
    let start = body.find('\n').map_or(body.len(), |i| i + 1);
    let inner = body[start..].trim_end_matches(['\n', '\r']);
    let end = inner.rfind('\n').map_or(start, |i| start + i + 1);
    let closed = matches!(body[end..].trim_end(), "---" | "...");
    TextRange::new(
        block.start + start,
        block.start + if closed { end } else { body.len() },
    )
}

fn block_parser() -> Parser {
    let mut block_parser = Parser::new();
    block_parser
        .set_language(&tree_sitter_md::LANGUAGE.into())
        .expect("tree-sitter-md's block grammar matches the tree-sitter version");
    block_parser
}

/// `text`'s block tree parsed again from `tree`, its own. An empty edit at
/// the start makes tree-sitter walk the tree again: with no edit at all it
/// returns the old tree as it is.
pub(super) fn reparse(text: &str, tree: &Tree) -> Option<Tree> {
    let mut tree = tree.clone();
    let start = tree_sitter::Point::new(0, 0);
    tree.edit(&tree_sitter::InputEdit {
        start_byte: 0,
        old_end_byte: 0,
        new_end_byte: 0,
        start_position: start,
        old_end_position: start,
        new_end_position: start,
    });
    block_parser().parse(text, Some(&tree))
}

pub(super) fn outline(text: &str, previous: Option<Previous>) -> Outline {
    let mut out = Outline::default();
    let mut block_parser = block_parser();
    let old_tree = previous.as_ref().map(|p| {
        let mut tree = p.block_tree.clone();
        tree.edit(&p.edit.input_edit(p.text, text));
        tree
    });
    // Parsing only fails on cancellation, which the block parse never asks for.
    let Some(block_tree) = block_parser.parse(text, old_tree.as_ref()) else {
        return out;
    };
    let tree = &mut RegionParser {
        inline: InlineParser::new(text),
        reuse: previous.map(|p| (p.edit, p.regions)),
    };
    // An explicit stack, so that deeply nested lists and quotes cannot
    // overflow the call stack of a language server.
    let mut stack = vec![(block_tree.root_node(), false)];
    while let Some((node, in_quote)) = stack.pop() {
        match node.kind() {
            "minus_metadata" => {
                out.front_matter = Some(yaml_between_fences(text, range(node)));
                out.non_prose.push(range(node));
            }
            "plus_metadata"
            | "fenced_code_block"
            | "indented_code_block"
            | "html_block"
            | "link_reference_definition" => out.non_prose.push(range(node)),
            "atx_heading" | "setext_heading" => out.heading(text, tree, node),
            "paragraph" => {
                if let Some(inline) = child(node, "inline") {
                    out.paragraphs.push(range(inline));
                    out.region(tree, inline);
                }
            }
            "pipe_table_cell" => {
                let cell = trim_end(text, range(node));
                if !cell.is_empty() {
                    out.paragraphs.push(cell);
                    out.region(tree, node);
                }
            }
            kind => {
                let is_quote = kind == "block_quote";
                if is_quote && !in_quote {
                    out.block_quotes.push(quote_content(text, node));
                }
                let kids = children(node).into_iter().rev();
                stack.extend(kids.map(|kid| (kid, in_quote || is_quote)));
            }
        }
    }
    out.block_tree = Some(block_tree);
    out
}

/// Finds the non-prose nodes of a region's inline tree, reusing the
/// previous version's when the edit left the region's bytes alone: the
/// inline grammar sees only the region, so the same bytes parse the same.
struct RegionParser<'t, 'p> {
    inline: InlineParser<'t>,
    reuse: Option<(TextEdit, &'p [InlineRegion])>,
}

impl RegionParser<'_, '_> {
    fn inline_non_prose(&mut self, node: Node, markers: &[TextRange]) -> Option<Vec<TextRange>> {
        if let Some(found) = self.reused(range(node), markers) {
            return Some(found);
        }
        let inline_tree = self.inline.parse(node, markers)?;
        let mut found = Vec::new();
        let mut stack = vec![inline_tree.root_node()];
        while let Some(n) = stack.pop() {
            match n.kind() {
                "code_span" | "html_tag" | "uri_autolink" | "email_autolink" | "link_destination" => {
                    found.push(range(n))
                }
                _ => stack.extend(children(n)),
            }
        }
        Some(found)
    }

    fn reused(&self, region: TextRange, markers: &[TextRange]) -> Option<Vec<TextRange>> {
        let (edit, regions) = self.reuse?;
        let old = edit.old_range(region)?;
        let i = regions.partition_point(|r| r.range.start < old.start);
        let before = regions.get(i).filter(|r| r.range == old)?;
        // Both ranges are unchanged bytes, so one shift maps old to new.
        let shift = |r: &TextRange| {
            TextRange::new(
                r.start + region.start - old.start,
                r.end + region.start - old.start,
            )
        };
        let same_markers = before.markers.len() == markers.len()
            && before.markers.iter().map(shift).eq(markers.iter().copied());
        let found = before.inline_non_prose.as_ref()?;
        same_markers.then(|| found.iter().map(shift).collect())
    }
}

impl Outline {
    fn heading(&mut self, text: &str, tree: &mut RegionParser, node: Node) {
        let atx = node.kind() == "atx_heading";
        let (level, inline) = if atx {
            // The marker kinds are `atx_h1_marker` … `atx_h6_marker`.
            let marker = node.child(0).map_or("", |m| m.kind());
            let level = marker.as_bytes().get(5).map_or(1, |d| d.saturating_sub(b'0'));
            (level, child(node, "inline"))
        } else {
            let level = if child(node, "setext_h1_underline").is_some() {
                1
            } else {
                2
            };
            (level, child(node, "paragraph").and_then(|p| child(p, "inline")))
        };
        let whole = trim_end(text, range(node));
        let (title_range, title) = match inline {
            Some(inline) => {
                let markers = self.region(tree, inline);
                let mut title_range = range(inline);
                if atx {
                    title_range = without_closing_hashes(text, title_range);
                }
                (title_range, squash(&blanked(text, title_range, &markers)))
            }
            None => (TextRange::empty(whole.end), String::new()),
        };
        self.headings.push(Heading {
            level,
            title,
            range: whole,
            title_range,
        });
    }

    /// Records `node` (an `inline` or a `pipe_table_cell`) as a region and
    /// collects the non-prose nodes of its inline tree; returns its markers.
    fn region(&mut self, tree: &mut RegionParser, node: Node) -> Vec<TextRange> {
        let markers: Vec<TextRange> = children(node)
            .into_iter()
            .filter(|kid| kid.is_named())
            .map(range)
            .collect();
        let inline_non_prose = tree.inline_non_prose(node, &markers);
        self.non_prose.extend(inline_non_prose.iter().flatten());
        self.regions.push(InlineRegion {
            range: range(node),
            markers: markers.clone(),
            inline_non_prose,
        });
        markers
    }
}

/// The text of `range` with `holes` (clipped to it) replaced by spaces, so
/// that offsets into the result are offsets into `range`.
pub(super) fn blanked(text: &str, range: TextRange, holes: &[TextRange]) -> String {
    let mut out = text[range.start..range.end].to_owned();
    for hole in holes {
        let (start, end) = (hole.start.max(range.start), hole.end.min(range.end));
        if start < end {
            out.replace_range(start - range.start..end - range.start, &" ".repeat(end - start));
        }
    }
    out
}

/// The grammar leaves an ATX heading's optional closing `#`s (`## Title ##`)
/// in its inline content; CommonMark says they are not part of the title.
fn without_closing_hashes(text: &str, range: TextRange) -> TextRange {
    let trimmed = trim_end(text, range);
    let content = &text[trimmed.start..trimmed.end];
    let unhashed = content.trim_end_matches('#');
    if unhashed.len() < content.len() && (unhashed.is_empty() || unhashed.ends_with([' ', '\t'])) {
        trim_end(text, TextRange::new(range.start, range.start + unhashed.len()))
    } else {
        trimmed
    }
}

/// A block quote's content: after its first `>` marker, without the
/// trailing line break.
fn quote_content(text: &str, node: Node) -> TextRange {
    let whole = trim_end(text, range(node));
    let start = node.child(0).map_or(whole.start, |marker| marker.end_byte());
    TextRange::new(start.min(whole.end), whole.end)
}

fn trim_end(text: &str, range: TextRange) -> TextRange {
    let len = text[range.start..range.end].trim_end().len();
    TextRange::new(range.start, range.start + len)
}

fn range(node: Node) -> TextRange {
    TextRange::new(node.start_byte(), node.end_byte())
}

fn child<'t>(node: Node<'t>, kind: &str) -> Option<Node<'t>> {
    children(node).into_iter().find(|kid| kid.kind() == kind)
}

fn children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.children(&mut cursor).collect()
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};
    use std::fmt::Write;

    use super::*;

    fn check(text: &str, expect: Expect) {
        let outline = outline(text, None);
        let mut out = String::new();
        let show = |r: &TextRange| format!("{r:?} {:?}", &text[r.start..r.end]);
        for h in &outline.headings {
            let (range, title) = (show(&h.range), show(&h.title_range));
            writeln!(out, "heading {} {range} title {title} = {:?}", h.level, h.title).unwrap();
        }
        for p in &outline.paragraphs {
            writeln!(out, "paragraph {}", show(p)).unwrap();
        }
        for q in &outline.block_quotes {
            writeln!(out, "quote {}", show(q)).unwrap();
        }
        let mut non_prose = outline.non_prose.clone();
        non_prose.sort();
        for n in &non_prose {
            writeln!(out, "non-prose {}", show(n)).unwrap();
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn atx_and_setext_headings() {
        check(
            "# Costs ##\n\n## The *real* price\n\nA two-line\nsetext title\n---\n\nText.\n\n#\n",
            expect![[r###"
                heading 1 0..10 "# Costs ##" title 2..7 "Costs" = "Costs"
                heading 2 12..31 "## The *real* price" title 15..31 "The *real* price" = "The *real* price"
                heading 2 33..60 "A two-line\nsetext title\n---" title 33..56 "A two-line\nsetext title" = "A two-line setext title"
                heading 1 69..70 "#" title 70..70 "" = ""
                paragraph 62..67 "Text."
            "###]],
        );
    }

    #[test]
    fn prose_blocks_in_lists_quotes_and_tables() {
        check(
            "Intro.\n\n- one\n- two\n  wraps\n\n> Quoted\n> on.\n>\n> > Inner.\n\n| a | b |\n|---|---|\n| c |  |\n",
            expect![[r#"
                paragraph 0..6 "Intro."
                paragraph 10..13 "one"
                paragraph 16..27 "two\n  wraps"
                paragraph 31..43 "Quoted\n> on."
                paragraph 50..56 "Inner."
                paragraph 60..61 "a"
                paragraph 64..65 "b"
                paragraph 80..81 "c"
                quote 31..56 "Quoted\n> on.\n>\n> > Inner."
            "#]],
        );
    }

    #[test]
    fn non_prose_nodes() {
        check(
            "---\ntitle: x\n---\n\nSee `@a` <b>@c</b> [t](https://a.b/@c) <https://x.org/@d> <a@b.org>.\n\n```\n@e\n```\n\n    @f\n\n<div>\n@g\n</div>\n\n[r]: https://r.org/@h\n",
            expect![[r#"
                paragraph 18..86 "See `@a` <b>@c</b> [t](https://a.b/@c) <https://x.org/@d> <a@b.org>."
                non-prose 0..17 "---\ntitle: x\n---\n"
                non-prose 22..26 "`@a`"
                non-prose 27..30 "<b>"
                non-prose 32..36 "</b>"
                non-prose 41..55 "https://a.b/@c"
                non-prose 57..75 "<https://x.org/@d>"
                non-prose 76..85 "<a@b.org>"
                non-prose 88..99 "```\n@e\n```\n"
                non-prose 100..108 "    @f\n\n"
                non-prose 108..125 "<div>\n@g\n</div>\n\n"
                non-prose 125..147 "[r]: https://r.org/@h\n"
            "#]],
        );
    }

    #[test]
    fn toml_front_matter() {
        check(
            "+++\ntitle = \"x@y\"\n+++\n\nBody.\n",
            expect![[r#"
                paragraph 23..28 "Body."
                non-prose 0..22 "+++\ntitle = \"x@y\"\n+++\n"
            "#]],
        );
    }

    /// Issue 15, item 3: unclosed mixed emphasis drove tree-sitter-md's
    /// recovery quadratic (28 KB took 1.8 GB). Such a paragraph is now prose
    /// without inline structure, found in linear time.
    #[test]
    fn unclosed_mixed_emphasis_is_kept_as_plain_prose() {
        let text = format!("Intro with `code`.\n\n{}`@a` end.\n", "*a **b ".repeat(30_000));
        let outline = outline(&text, None);
        assert_eq!(outline.paragraphs.len(), 2);
        assert_eq!(
            outline.non_prose,
            [TextRange::new(11, 17)],
            "only the first paragraph's code span"
        );
    }
}
