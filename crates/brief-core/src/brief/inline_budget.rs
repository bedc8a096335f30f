//! Inline parsing with a budget. tree-sitter-md's inline grammar recovers
//! from unclosed mixed emphasis (`*a **b ` repeated, also with `_` and
//! `~~`) in time and memory that grow with the square of the paragraph: 28 KB
//! took 1.8 GB (issue 15). Its progress callback comes too rarely in that
//! recovery to stop it in time, so a linear pre-scan refuses such regions,
//! and a time budget stops any other slow parse. A refused region is kept as
//! plain prose: its quotes, figures and citations are still read, only code
//! spans, HTML and link destinations inside it go unrecognised.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use tree_sitter::{Node, ParseOptions, ParseState, Parser, Range, Tree};

use crate::text::TextRange;

/// More unmatched emphasis openers or closers than this in one region and
/// the grammar's recovery turns quadratic; real prose has a handful.
const MAX_UNMATCHED_DELIMITERS: usize = 32;

/// A region longer than this is prose no parser needs to see whole.
const MAX_REGION_BYTES: usize = 256 * 1024;

/// The time one brief's inline parses may take together.
const BRIEF_BUDGET: Duration = Duration::from_secs(2);

pub(super) struct InlineParser<'t> {
    text: &'t str,
    parser: Parser,
    deadline: Instant,
}

impl<'t> InlineParser<'t> {
    pub(super) fn new(text: &'t str) -> InlineParser<'t> {
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_md::INLINE_LANGUAGE.into())
            .expect("tree-sitter-md's inline grammar matches the tree-sitter version");
        InlineParser {
            text,
            parser,
            deadline: Instant::now() + BRIEF_BUDGET,
        }
    }

    /// The inline tree of `node` (an `inline` or a `pipe_table_cell`), whose
    /// `markers` (block continuation markup) are left out of the parse; `None`
    /// when the region is refused or its parse runs out of time.
    pub(super) fn parse(&mut self, node: Node, markers: &[TextRange]) -> Option<Tree> {
        let region = TextRange::new(node.start_byte(), node.end_byte());
        if region.len() > MAX_REGION_BYTES
            || unmatched_delimiters(&self.text[region.start..region.end]) > MAX_UNMATCHED_DELIMITERS
        {
            return None;
        }
        let ranges = included_ranges(node, markers);
        self.parser.set_included_ranges(&ranges).ok()?;
        let deadline = self.deadline;
        let mut out_of_time = |_: &ParseState| {
            if Instant::now() > deadline {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        };
        let bytes = self.text.as_bytes();
        let options = ParseOptions::new().progress_callback(&mut out_of_time);
        self.parser
            .parse_with_options(&mut |i, _| &bytes[i.min(bytes.len())..], None, Some(options))
    }
}

/// The node's range less its markers, as tree-sitter-md itself parses it.
fn included_ranges(node: Node, markers: &[TextRange]) -> Vec<Range> {
    let mut ranges = Vec::with_capacity(markers.len() + 1);
    let mut current = node.range();
    let mut cursor = node.walk();
    for kid in node.children(&mut cursor).filter(|k| k.is_named()) {
        debug_assert!(markers.contains(&TextRange::new(kid.start_byte(), kid.end_byte())));
        ranges.push(Range {
            start_byte: current.start_byte,
            start_point: current.start_point,
            end_byte: kid.start_byte(),
            end_point: kid.start_position(),
        });
        current.start_byte = kid.end_byte();
        current.start_point = kid.end_position();
    }
    ranges.push(current);
    ranges
}

/// How many emphasis delimiter runs (`*`, `_`, `~`) can only open or only
/// close and find no partner, counted per character in one linear pass,
/// by CommonMark's flanking rules.
fn unmatched_delimiters(text: &str) -> usize {
    let mut balance = [0isize; 3];
    let mut unmatched_closers = 0usize;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(kind) = "*_~".find(c) else {
            prev = c;
            continue;
        };
        while chars.peek() == Some(&c) {
            chars.next();
        }
        let next = chars.peek().copied().unwrap_or(' ');
        let left = !next.is_whitespace() && (!is_punct(next) || prev.is_whitespace() || is_punct(prev));
        let right = !prev.is_whitespace() && (!is_punct(prev) || next.is_whitespace() || is_punct(next));
        match (left, right) {
            (true, false) => balance[kind] += 1,
            (false, true) if balance[kind] > 0 => balance[kind] -= 1,
            (false, true) => unmatched_closers += 1,
            _ => {}
        }
        prev = c;
    }
    balance.iter().map(|&b| b.max(0) as usize).sum::<usize>() + unmatched_closers
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_emphasis_and_snake_case_are_not_unmatched() {
        let prose =
            "The *quick* brown **fox** said _it_ ~~was~~ fine, in snake_case_names and 5 * 3. ".repeat(200);
        assert_eq!(unmatched_delimiters(&prose), 0);
    }

    #[test]
    fn unclosed_mixed_emphasis_is_counted() {
        for unit in ["*a **b ", "_a __b ", "~~a ~b "] {
            assert!(
                unmatched_delimiters(&unit.repeat(40)) > MAX_UNMATCHED_DELIMITERS,
                "{unit}"
            );
        }
    }
}
