//! Quotations in a brief, each to be looked up in the corpus: text between
//! quotation marks within one prose block, and Markdown block quotes.
//!
//! Marks pair up on a stack, as "smart quote" rules do: curly openers always
//! open, and the ambiguous marks (`"`, `'`, and `’`, which is also the
//! apostrophe) open or close by the characters around them. A mark left
//! unpaired makes no quote.

use std::cmp::Reverse;

use unicode_segmentation::UnicodeSegmentation;

use super::edit::TextEdit;
use super::markdown::InlineRegion;
use super::{Brief, Citation};
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// `"…"` or `“…”`.
    Double,
    /// `‘…’` or `'…'`.
    Single,
    /// A Markdown `> …` block quote, outermost only.
    Block,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// With the quote marks; for a block quote, from its first `>` to its end.
    pub range: TextRange,
    /// Inside the marks; for a block quote, after its first `>` marker, up
    /// to the end of its quoted words (a last line crediting them is not
    /// quoted: `without_attribution`).
    pub content: TextRange,
    pub kind: QuoteKind,
    /// How many quotes enclose this one.
    pub depth: u8,
    /// The content as the source should have it, in text order, without
    /// block quote markers, citations and non-prose.
    pub segments: Vec<QuoteSegment>,
    /// Words in the text segments.
    pub n_words: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteSegment {
    /// Quoted words, with the punctuation and whitespace between them;
    /// trimmed of whitespace where they touch an elision.
    Text(TextRange),
    /// "...", "…", ". . .", "[...]" or "[…]".
    Elision(TextRange),
    /// "[I]t", "[military]", "[sic]": the analyst's words, brackets included
    /// in `range` and not in `inner`.
    Editorial { range: TextRange, inner: TextRange },
}

impl QuoteSegment {
    /// All of the segment, brackets included.
    pub fn range(self) -> TextRange {
        match self {
            QuoteSegment::Text(r) | QuoteSegment::Elision(r) | QuoteSegment::Editorial { range: r, .. } => r,
        }
    }
}

/// Allowed between a quote and the citation right after it: `“…”, [@x]`,
/// `“…”. [@x]`, or the close of an enclosing quote.
const GAP: &str = ",.;:!?”’\"')";

/// One region's quotes between marks, kept for the next version.
#[derive(Clone)]
pub(super) struct RegionQuotes {
    range: TextRange,
    /// Block markers, non-prose and citations inside the region, sorted.
    holes: Vec<TextRange>,
    /// With depth 0: depths are counted over the whole brief.
    quotes: Vec<Quote>,
}

/// What the previous version's quotes and the edit since give.
pub(super) type Reuse<'p> = Option<(TextEdit, &'p [RegionQuotes])>;

/// All quotes of a brief, sorted by start, outer before inner, and each
/// region's, for the next version. A region whose bytes and holes the edit
/// left alone takes the previous version's quotes, moved: quotes between
/// marks read nothing outside their region.
pub(super) fn find(
    text: &str,
    regions: &[InlineRegion],
    block_quotes: &[TextRange],
    non_prose: &[TextRange],
    citations: &[Citation],
    reuse: Reuse,
) -> (Vec<Quote>, Vec<RegionQuotes>) {
    let cited: Vec<TextRange> = citations.iter().map(|c| c.range).collect();
    let found: Vec<RegionQuotes> = regions
        .iter()
        .map(|region| {
            // Not quoted text: block markers, non-prose and citations.
            let mut holes: Vec<TextRange> = within(non_prose, region.range).collect();
            holes.extend(within(&cited, region.range).chain(region.markers.iter().copied()));
            holes.sort();
            reused(region.range, &holes, reuse).unwrap_or_else(|| {
                let mut quotes = Vec::new();
                inline_quotes(text, region.range, &holes, &mut quotes);
                RegionQuotes {
                    range: region.range,
                    holes,
                    quotes,
                }
            })
        })
        .collect();
    let mut quotes: Vec<Quote> = found.iter().flat_map(|f| f.quotes.iter().cloned()).collect();
    for &content in block_quotes {
        // Regions are in text order and disjoint: those inside are a run.
        let first = found.partition_point(|f| f.range.start < content.start);
        let inside = found[first..]
            .iter()
            .take_while(|f| f.range.start <= content.end)
            .filter(|f| content.contains_range(f.range));
        let quoted = without_attribution(text, content);
        let pieces = inside
            .flat_map(|f| pieces(f.range, &f.holes))
            .filter(|p| p.start < quoted.end)
            .map(|p| TextRange::new(p.start, p.end.min(quoted.end)));
        let marker = text[..content.start].rfind('>').unwrap_or(content.start);
        // The range is the whole block, credit and its citation included.
        let range = TextRange::new(marker, content.end);
        quotes.push(quote(text, range, quoted, QuoteKind::Block, pieces));
    }
    quotes.sort_by_key(|q| (q.range.start, Reverse(q.range.end)));
    let mut enclosing: Vec<usize> = Vec::new();
    for q in &mut quotes {
        while enclosing.last().is_some_and(|&end| end <= q.range.start) {
            enclosing.pop();
        }
        q.depth = u8::try_from(enclosing.len()).unwrap_or(u8::MAX);
        enclosing.push(q.range.end);
    }
    (quotes, found)
}

/// A block quote's quoted words: all of `content` but a last line that
/// credits them (`> — Gref [@x]`, `> -- Gref`, `> – [@x]`), which is the brief's
/// attribution, not the source's words: quoted, it would be a misquote,
/// and its fix would swallow the line.
fn without_attribution(text: &str, content: TextRange) -> TextRange {
    let body = &text[content.start..content.end];
    let body = body.trim_end();
    let Some(line_break) = body.rfind('\n') else {
        return content;
    };
    let last = body[line_break + 1..].trim_start_matches(|c: char| c == '>' || c.is_whitespace());
    // A dash, then a name or a citation: "> – but the market…" goes on quoting.
    let credit = ["—", "―", "–", "--"].iter().any(|dash| {
        last.strip_prefix(dash)
            .and_then(|rest| rest.trim_start().chars().next())
            .is_some_and(|c| c.is_uppercase() || c == '@' || c == '[')
    });
    if !credit {
        return content;
    }
    let before = body[..line_break].trim_end_matches(|c: char| c == '>' || c.is_whitespace());
    TextRange::new(content.start, content.start + before.len())
}

/// The previous version's quotes of the same bytes with the same holes.
fn reused(region: TextRange, holes: &[TextRange], reuse: Reuse) -> Option<RegionQuotes> {
    let (edit, before) = reuse?;
    let old = edit.old_range(region)?;
    let i = before.partition_point(|f| f.range.start < old.start);
    let before = before.get(i).filter(|f| f.range == old)?;
    let moved = TextEdit::mover(old, region);
    let same_holes =
        before.holes.len() == holes.len() && before.holes.iter().map(moved).eq(holes.iter().copied());
    same_holes.then(|| RegionQuotes {
        range: region,
        holes: holes.to_vec(),
        quotes: before.quotes.iter().map(|q| q.moved(moved)).collect(),
    })
}

impl Quote {
    fn moved(&self, by: impl Fn(&TextRange) -> TextRange) -> Quote {
        let segments = self.segments.iter().map(|s| match *s {
            QuoteSegment::Text(r) => QuoteSegment::Text(by(&r)),
            QuoteSegment::Elision(r) => QuoteSegment::Elision(by(&r)),
            QuoteSegment::Editorial { range, inner } => QuoteSegment::Editorial {
                range: by(&range),
                inner: by(&inner),
            },
        });
        Quote {
            range: by(&self.range),
            content: by(&self.content),
            kind: self.kind,
            depth: self.depth,
            segments: segments.collect(),
            n_words: self.n_words,
        }
    }
}

/// The quotes between marks in one prose block, in any order.
fn inline_quotes(text: &str, region: TextRange, holes: &[TextRange], out: &mut Vec<Quote>) {
    // Open marks: offset, length, kind.
    let mut open: Vec<(usize, usize, QuoteKind)> = Vec::new();
    for piece in pieces(region, holes) {
        for (i, c) in text[piece.start..piece.end].char_indices() {
            let kind = match c {
                '"' | '“' | '”' => QuoteKind::Double,
                '\'' | '‘' | '’' => QuoteKind::Single,
                _ => continue,
            };
            let at = piece.start + i;
            let after = at + c.len_utf8();
            let prev = text[region.start..at].chars().next_back();
            let next = text[after..region.end].chars().next();
            let after_text = prev.is_some_and(|p| !p.is_whitespace());
            let closes = match c {
                '”' => true,
                '"' => after_text,
                // Inside a word, `’` and `'` are apostrophes.
                '’' | '\'' => after_text && !next.is_some_and(char::is_alphanumeric),
                _ => false,
            };
            if let Some(k) = open.iter().rposition(|o| o.2 == kind).filter(|_| closes) {
                let (start, len, _) = open[k];
                // Marks opened inside this quote and never closed are stray.
                open.truncate(k);
                let (range, content) = (TextRange::new(start, after), TextRange::new(start + len, at));
                out.push(quote(text, range, content, kind, pieces(content, holes)));
            } else if opens(c, prev, next) {
                open.push((at, c.len_utf8(), kind));
            }
        }
    }
}

fn opens(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '“' | '‘' => true,
        '"' => !prev.is_some_and(char::is_alphanumeric) && next.is_some_and(|n| !n.is_whitespace()),
        // Only where clearly a quotation, so that "'90s" rarely opens one.
        '\'' => {
            prev.is_none_or(|p| p.is_whitespace() || "([{—–-“‘\"".contains(p))
                && next.is_some_and(char::is_alphanumeric)
        }
        _ => false,
    }
}

fn quote(
    text: &str,
    range: TextRange,
    content: TextRange,
    kind: QuoteKind,
    pieces: impl Iterator<Item = TextRange>,
) -> Quote {
    let mut raw = Vec::new();
    for piece in pieces {
        split(text, piece, &mut raw);
    }
    let elision = |k: usize| matches!(raw.get(k), Some(QuoteSegment::Elision(_)));
    let trimmed = raw.iter().enumerate().filter_map(|(k, &segment)| {
        let QuoteSegment::Text(TextRange { mut start, mut end }) = segment else {
            return Some(segment);
        };
        if k > 0 && elision(k - 1) {
            start = end - text[start..end].trim_start().len();
        }
        if elision(k + 1) {
            end = start + text[start..end].trim_end().len();
        }
        // Punctuation alone, as after a citation (`> … [@x].`), quotes nothing.
        let words = text[start..end].chars().any(char::is_alphanumeric);
        words.then(|| QuoteSegment::Text(TextRange::new(start, end)))
    });
    let segments: Vec<QuoteSegment> = trimmed.collect();
    let n_words = segments
        .iter()
        .map(|s| match s {
            QuoteSegment::Text(r) => text[r.start..r.end].unicode_words().count(),
            _ => 0,
        })
        .sum();
    Quote {
        range,
        content,
        kind,
        depth: 0,
        segments,
        n_words,
    }
}

/// The ranges of `sorted` (sorted and disjoint) that intersect `range`.
fn within(sorted: &[TextRange], range: TextRange) -> impl Iterator<Item = TextRange> + '_ {
    let first = sorted.partition_point(|r| r.end <= range.start);
    sorted[first..]
        .iter()
        .take_while(move |r| r.start < range.end)
        .copied()
}

/// `range` less `holes` (sorted, possibly overlapping).
fn pieces(range: TextRange, holes: &[TextRange]) -> impl Iterator<Item = TextRange> + '_ {
    let mut from = range.start;
    let inside = holes.iter().filter(move |h| h.intersects(range));
    let bounds = inside.map(|h| (h.start, h.end)).chain([(range.end, range.end)]);
    bounds.filter_map(move |(start, end)| {
        let piece = (from < start).then(|| TextRange::new(from, start.min(range.end)));
        from = from.max(end);
        piece
    })
}

/// Appends the segments of one piece of quote content, untrimmed.
fn split(text: &str, piece: TextRange, out: &mut Vec<QuoteSegment>) {
    let mut done = piece.start;
    for (i, c) in text[piece.start..piece.end].char_indices() {
        let at = piece.start + i;
        if at < done || !matches!(c, '[' | '.' | '…') {
            continue;
        }
        if let Some(mark) = mark_at(text, at, piece.end) {
            if done < at {
                out.push(QuoteSegment::Text(TextRange::new(done, at)));
            }
            done = mark.range().end;
            out.push(mark);
        }
    }
    if done < piece.end {
        out.push(QuoteSegment::Text(TextRange::new(done, piece.end)));
    }
}

/// An elision or editorial change starting at `at` and ending by `end`.
fn mark_at(text: &str, at: usize, end: usize) -> Option<QuoteSegment> {
    let s = &text[at..end];
    let Some(inside) = s.strip_prefix('[') else {
        return elision_len(s).map(|n| QuoteSegment::Elision(TextRange::new(at, at + n)));
    };
    let close = inside
        .find(['[', ']'])
        .filter(|&j| inside[j..].starts_with(']'))?;
    let range = TextRange::new(at, at + close + 2);
    let body = inside[..close].trim();
    if !body.is_empty() && elision_len(body) == Some(body.len()) {
        return Some(QuoteSegment::Elision(range));
    }
    // `[text](url)` is a link, not a change to the quoted words.
    let link = text[range.end..end].starts_with('(');
    let inner = TextRange::new(at + 1, range.end - 1);
    (!body.is_empty() && !link).then_some(QuoteSegment::Editorial { range, inner })
}

/// The length of the ellipsis `s` starts with: "…", ". . .", or three dots
/// or more (a fourth is the sentence's full stop).
fn elision_len(s: &str) -> Option<usize> {
    let dots = s.len() - s.trim_start_matches('.').len();
    if s.starts_with('…') {
        Some('…'.len_utf8())
    } else if dots >= 3 {
        Some(dots)
    } else {
        s.starts_with(". . .").then_some(5)
    }
}

impl Brief {
    /// The innermost quote whose range touches `offset`, ends included.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        let started = self.quotes.iter().take_while(|q| q.range.start <= offset);
        started
            .filter(|q| q.range.touches(offset))
            .max_by_key(|q| q.depth)
    }

    /// The citation giving a quote's source: one right after the quote
    /// (`“…” [@x]`, `“…”. [@x]`), else the nearest one in the quote's
    /// sentence (`As @x puts it, “…”`). A block quote's is the citation that
    /// ends it (`> … [@x].`, `> — @x`).
    pub fn citation_for_quote(&self, quote: &Quote) -> Option<&Citation> {
        let q = quote.range;
        let only_gap = |s: &str| s.chars().all(|c| c.is_whitespace() || GAP.contains(c));
        if quote.kind == QuoteKind::Block {
            let mut inside = self.citations.iter().filter(|c| q.contains_range(c.range));
            return inside
                .next_back()
                .filter(|c| only_gap(&self.text[c.range.end..q.end]));
        }
        let mut blocks = self
            .paragraphs
            .iter()
            .chain(self.headings.iter().map(|h| &h.title_range));
        let block = *blocks.find(|b| b.contains_range(q))?;
        let next = self.citations.partition_point(|c| c.range.start < q.end);
        let right_after = self.citations.get(next).filter(|c| {
            let gap = &self.text[q.end..c.range.start];
            // A bare `@key` after a full stop starts the next sentence.
            block.contains_range(c.range) && only_gap(gap) && (c.bracketed || !gap.contains(['.', '!', '?']))
        });
        right_after.or_else(|| {
            let (mut start, mut end) = (block.start, block.end);
            for b in self.sentence_breaks(block) {
                if b <= q.start {
                    start = b;
                } else if b >= q.end {
                    end = b;
                    break;
                }
            }
            let sentence = TextRange::new(start, end);
            let distance = |r: TextRange| r.start.saturating_sub(q.end).max(q.start.saturating_sub(r.end));
            let candidates = self.citations.iter().filter(|c| sentence.contains_range(c.range));
            candidates.min_by_key(|c| distance(c.range))
        })
    }

    /// Where sentences of `block` end: after `.`, `!` or `?`, any closing
    /// marks and a bracketed citation (`“…”. [@x] Next`), when whitespace and
    /// an uppercase letter, an opening quote mark or an `@` (an in-text
    /// citation, "Lukin (2020)") follow, outside quotes.
    fn sentence_breaks(&self, block: TextRange) -> impl Iterator<Item = usize> + '_ {
        let s = &self.text[block.start..block.end];
        let stops = s.char_indices().filter(|&(_, c)| matches!(c, '.' | '!' | '?'));
        stops.filter_map(move |(i, _)| {
            let mut at = block.end - s[i + 1..].trim_start_matches(['”', '’', '"', '\'', ')']).len();
            // A citation after the full stop still belongs to the sentence.
            let cited = block.end - self.text[at..block.end].trim_start().len();
            let found = self.citations.binary_search_by_key(&cited, |c| c.range.start);
            if let Some(c) = found.ok().map(|k| &self.citations[k]).filter(|c| c.bracketed) {
                at = c.range.end;
            }
            let rest = &self.text[at..block.end];
            let next = rest.trim_start();
            let starts = next
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || "“‘\"@".contains(c));
            let mut before = self.quotes.iter().take_while(|q| q.range.start < at);
            let quoted =
                before.any(|q| q.kind != QuoteKind::Block && q.content.start < at && at < q.content.end);
            (next.len() < rest.len() && starts && !quoted).then_some(at)
        })
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};
    use std::fmt::Write;

    use super::*;

    /// One line per quote: kind, depth, range, content, words, segments.
    fn check(text: &str, expect: Expect) {
        let brief = Brief::parse(text);
        let mut out = String::new();
        let at = |r: TextRange| &text[r.start..r.end];
        for q in &brief.quotes {
            let (kind, d, r, n) = (q.kind, q.depth, q.range, q.n_words);
            write!(out, "{kind:?} d{d} {r:?} {:?} {n}w:", at(q.content)).unwrap();
            for s in &q.segments {
                match *s {
                    QuoteSegment::Text(r) => write!(out, " text{:?}", at(r)),
                    QuoteSegment::Elision(r) => write!(out, " elision{:?}", at(r)),
                    QuoteSegment::Editorial { range, inner } => {
                        write!(out, " editorial{:?}/{:?}", at(range), at(inner))
                    }
                }
                .unwrap();
            }
            out.push('\n');
        }
        expect.assert_eq(&out);
    }

    /// One line per quote: its content, and the citation attributed to it.
    fn check_citations(text: &str, expect: Expect) {
        let brief = Brief::parse(text);
        let mut out = String::new();
        for q in &brief.quotes {
            let cited = brief
                .citation_for_quote(q)
                .map(|c| &text[c.range.start..c.range.end]);
            writeln!(out, "{:?} -> {:?}", &text[q.content.start..q.content.end], cited).unwrap();
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn doubles_singles_and_nesting() {
        check(
            "He said \"a deal\", “no deal” and “called it ‘entente’ then, or \"détente\"”.",
            expect![[r#"
            Double d0 8..16 "a deal" 2w: text"a deal"
            Double d0 18..31 "no deal" 2w: text"no deal"
            Double d0 36..85 "called it ‘entente’ then, or \"détente\"" 6w: text"called it ‘entente’ then, or \"détente\""
            Single d1 49..62 "entente" 1w: text"entente"
            Double d1 72..82 "détente" 1w: text"détente"
        "#]],
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        check(
            "Russia’s ‘pivot to Asia’ in the ’90s, the states’ ‘interests’; \
             it's the states' 'grand bargain' (or 'reset').",
            expect![[r#"
                Single d0 11..30 "pivot to Asia" 3w: text"pivot to Asia"
                Single d0 60..75 "interests" 1w: text"interests"
                Single d0 94..109 "grand bargain" 2w: text"grand bargain"
                Single d0 114..121 "reset" 1w: text"reset"
            "#]],
        );
    }

    #[test]
    fn elisions_and_editorial_brackets() {
        check(
            "“a ... b … c . . . d”, “[...] e […] f.... g”, “[I]t was hoped the [military] would [sic] go”",
            expect![[r#"
                Double d0 0..27 "a ... b … c . . . d" 4w: text"a" elision"..." text"b" elision"…" text"c" elision". . ." text"d"
                Double d0 29..56 "[...] e […] f.... g" 3w: elision"[...]" text"e" elision"[…]" text"f" elision"...." text"g"
                Double d0 58..108 "[I]t was hoped the [military] would [sic] go" 6w: editorial"[I]"/"I" text"t was hoped the " editorial"[military]"/"military" text" would " editorial"[sic]"/"sic" text" go"
            "#]],
        );
    }

    #[test]
    fn block_quotes_and_soft_line_breaks() {
        check(
            "He wrote “across\nthe line”:\n\n> The “reset\n> failed”, as ... expected.\n>\n> > Inner.\n",
            expect![[r#"
            Double d0 9..30 "across\nthe line" 3w: text"across\nthe line"
            Block d0 33..90 "The “reset\n> failed”, as ... expected.\n>\n> > Inner." 6w: text"The “reset\n" text"failed”, as" elision"..." text"expected." text"Inner."
            Double d1 39..59 "reset\n> failed" 2w: text"reset\n" text"failed"
        "#]],
        );
    }

    #[test]
    fn a_block_quotes_last_line_crediting_it_is_not_quoted() {
        check(
            "> Our government is effective,\n> and so is the market.\n> — Gref [@gref2004]\n\n\
             > A dash – inside is quoted.\n>\n> -- Anon\n\n> Not a credit:\n> – but quoted\n\n> Cited.\n> – [@x]\n",
            expect![[r#"
                Block d0 0..77 "Our government is effective,\n> and so is the market." 9w: text"Our government is effective,\n" text"and so is the market."
                Block d0 79..121 "A dash – inside is quoted." 5w: text"A dash – inside is quoted."
                Block d0 123..155 "Not a credit:\n> – but quoted" 5w: text"Not a credit:\n" text"– but quoted"
                Block d0 157..176 "Cited." 1w: text"Cited."
            "#]],
        );
    }

    #[test]
    fn no_quote_outside_prose_or_from_unpaired_marks() {
        check(
            "Run `say \"hi\"`, [t](https://x.org/“a”), https://y.org/-'b'-x, <i title=\"c\"> “kept”.\n\n\
             ```\n\"fenced\"\n```\n\nOpen “quote.\n\nA close” here, a \" stray, ‘half and 'half, \
             a ’ and ' alone.\n\nNext “para\n\ngraph”.",
            expect![[r#"
                Double d0 80..90 "kept" 1w: text"kept"
            "#]],
        );
    }

    #[test]
    fn exact_bytes_after_non_ascii() {
        check(
            "Russia’s — café 😀 “pivot” ‘é’",
            expect![[r#"
            Double d0 26..37 "pivot" 1w: text"pivot"
            Single d0 38..46 "é" 1w: text"é"
        "#]],
        );
    }

    #[test]
    fn citation_right_after_a_quote() {
        check_citations(
            "A “first” [@a, p. 2], “second”. [@b] Both “ally” and “partner” [@c]. Not “z”. \
             Then “third.” @d says.\n\n[@e]\n\n> Long text [@x] here.\n> — @lukin2020\n\n> Uncited [@y] text.\n",
            expect![[r#"
                "first" -> Some("[@a, p. 2]")
                "second" -> Some("[@b]")
                "ally" -> Some("[@c]")
                "partner" -> Some("[@c]")
                "z" -> None
                "third." -> Some("@d")
                "Long text [@x] here." -> Some("@lukin2020")
                "Uncited [@y] text." -> None
            "#]],
        );
    }

    #[test]
    fn citation_in_the_same_sentence() {
        check_citations(
            "As @lukin2020 puts it, “pivot”. “Ally,” Lukin writes [@lukin2020, p. 3]. \
             He said “no”. Then @kofman2019 disagreed. Not “this”. @kofman2019 says.\n",
            expect![[r#"
                "pivot" -> Some("@lukin2020")
                "Ally," -> Some("[@lukin2020, p. 3]")
                "no" -> None
                "this" -> None
            "#]],
        );
    }

    #[test]
    fn innermost_quote_at_offset() {
        let brief = Brief::parse("> “a ‘b’ c”");
        let kinds = [0, 2, 10, 14, 15, 19, 20].map(|o| brief.quote_at(o).map(|q| q.kind));
        expect!["[Some(Block), Some(Double), Some(Single), Some(Single), Some(Double), Some(Double), None]"]
            .assert_eq(&format!("{kinds:?}"));
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_quotes_inside_the_text(
            text in r#"(["'“”‘’\[\]`>. \n-]|[a-cA]|é|…|\[@a\]|\[x\]\(y\)|https://|\n\n|```){0,60}"#
        ) {
            let brief = Brief::parse(text.as_str());
            for q in &brief.quotes {
                proptest::prop_assert!(q.range.contains_range(q.content) && q.range.end <= text.len());
                for s in &q.segments {
                    proptest::prop_assert!(q.content.contains_range(s.range()), "{:?}", q);
                }
                brief.citation_for_quote(q);
            }
            for offset in 0..=text.len() + 1 {
                brief.quote_at(offset);
            }
        }
    }
}
