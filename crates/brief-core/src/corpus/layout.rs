//! From lines to blocks: which lines are page furniture, which form one
//! paragraph, and what kind of block each paragraph is.
//!
//! Inputs are web scrapes and PDF extractions, so the rules are about what
//! those look like: paragraphs broken across lines and across pages, running
//! headers with page numbers ("374 A. Lukin"), headings as short lines
//! without a blank line after them, bullet lists, JSON metadata and
//! reference lists.

use std::collections::HashMap;

use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum BlockKind {
    Prose,
    /// A short standalone line: a title, a section heading, a byline, a
    /// navigation label.
    Heading,
    ListItem,
    /// JSON or similar machine metadata in a web scrape.
    Metadata,
    /// An entry of a reference list, or a line of bare URLs.
    Reference,
}

/// A block as lines of the original text, each trimmed of surrounding space.
pub(crate) struct RawBlock {
    pub lines: Vec<TextRange>,
    pub kind: BlockKind,
}

pub(crate) struct Layout {
    pub blocks: Vec<RawBlock>,
    pub n_furniture_lines: usize,
    /// The page numbers that running headers carry: each furniture line's
    /// original start and its number ("374 A. Lukin" gives 374).
    pub page_numbers: Vec<(usize, u32)>,
}

pub(crate) const BULLETS: &[char] = &['•', '◦', '▪', '‣', '·', '●', '○', '■'];
const REFERENCE_HEADINGS: &[&str] = &["references", "bibliography", "works cited", "sources"];

pub(crate) fn layout(text: &str) -> Layout {
    let lines = trimmed_lines(text);
    let furniture = furniture_lines(text, &lines);
    let content = |i: usize| &text[lines[i].start..lines[i].end];

    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut current: Vec<TextRange> = Vec::new();
    // Set when a page break (dropped furniture) ended the current paragraph,
    // so the next paragraph may be its continuation.
    let mut page_break_after_last = false;

    let flush = |current: &mut Vec<TextRange>, blocks: &mut Vec<RawBlock>| {
        if !current.is_empty() {
            blocks.push(RawBlock {
                lines: std::mem::take(current),
                kind: BlockKind::Prose,
            });
        }
    };

    for i in 0..lines.len() {
        if furniture[i] {
            flush(&mut current, &mut blocks);
            page_break_after_last = true;
            continue;
        }
        let line = content(i);
        if line.is_empty() {
            flush(&mut current, &mut blocks);
            continue;
        }
        if current.is_empty() && page_break_after_last {
            page_break_after_last = false;
            if let Some(prev) = blocks.last_mut() {
                let prev_end = &text[prev.lines.last().unwrap().start..prev.lines.last().unwrap().end];
                if continues_across_page(prev_end, line) {
                    current = std::mem::take(&mut prev.lines);
                    blocks.pop();
                }
            }
        }
        // A short bullet (a navigation entry) is not wrapped onto the next line.
        let after_short_bullet = current.len() == 1
            && text[current[0].start..current[0].end].starts_with(BULLETS)
            && current[0].len() <= 60;
        let starts_block = line.starts_with(BULLETS)
            || line.starts_with('{')
            || after_short_bullet
            || is_heading_line(text, &lines, i, &current);
        if starts_block {
            flush(&mut current, &mut blocks);
        }
        current.push(lines[i]);
        if starts_block && !line.starts_with(BULLETS) && !line.starts_with('{') {
            flush(&mut current, &mut blocks);
        }
    }
    flush(&mut current, &mut blocks);

    let mut in_references = false;
    for block in &mut blocks {
        let first = &text[block.lines[0].start..block.lines[0].end];
        let last = &text[block.lines.last().unwrap().start..block.lines.last().unwrap().end];
        block.kind = if first.starts_with(BULLETS) {
            BlockKind::ListItem
        } else if (first.starts_with('{') && last.ends_with('}')) || first == "{" {
            BlockKind::Metadata
        } else if block.lines.iter().all(|l| is_url(&text[l.start..l.end])) {
            BlockKind::Reference
        } else if block.lines.len() == 1 && is_title_like(first) {
            in_references = REFERENCE_HEADINGS.contains(&first.to_lowercase().as_str());
            BlockKind::Heading
        } else if in_references {
            BlockKind::Reference
        } else {
            BlockKind::Prose
        };
    }
    let page_numbers = (0..lines.len())
        .filter(|&i| furniture[i])
        .filter_map(|i| Some((lines[i].start, page_number(content(i))?)))
        .collect();
    Layout {
        blocks,
        n_furniture_lines: furniture.iter().filter(|&&f| f).count(),
        page_numbers,
    }
}

fn trimmed_lines(text: &str) -> Vec<TextRange> {
    let mut lines = Vec::new();
    let mut start = 0;
    // A form feed (a page break in a PDF extraction) ends a line too.
    for line in text.split_inclusive(['\n', '\x0c']) {
        let content = line.trim_end_matches(['\n', '\r', '\x0c']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        lines.push(TextRange::new(start + lead, start + lead + trimmed.len()));
        start += line.len();
    }
    lines
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', ']'])
}

fn continues_across_page(prev_end: &str, next: &str) -> bool {
    !ends_sentence(prev_end) || prev_end.ends_with('-') || next.chars().next().is_some_and(char::is_lowercase)
}

fn is_title_like(line: &str) -> bool {
    line.split_whitespace().count() <= 12
        && line.chars().count() <= 100
        && !line.ends_with(['.', ',', ';', '-', '!', '?'])
}

/// A PDF heading sits on its own line between a finished sentence and a
/// capitalized line, without blank lines around it (" Introduction").
fn is_heading_line(text: &str, lines: &[TextRange], i: usize, current: &[TextRange]) -> bool {
    let line = &text[lines[i].start..lines[i].end];
    let short = line.split_whitespace().count() <= 8 && line.chars().count() <= 60;
    if !short || line.ends_with(['.', ',', ';', '-', ':', '!', '?']) {
        return false;
    }
    if !line.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let after_sentence = current
        .last()
        .is_none_or(|prev| ends_sentence(&text[prev.start..prev.end]));
    let next_starts_upper = lines.get(i + 1).is_none_or(|next| {
        let next = &text[next.start..next.end];
        next.is_empty() || next.chars().next().is_some_and(char::is_uppercase)
    });
    after_sentence && next_starts_upper
}

fn is_url(line: &str) -> bool {
    (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www."))
        && !line.contains(' ')
}

/// Running headers and footers: short lines with a page number at one end
/// whose text, without the number, stands on another line of the same
/// document too ("374 A. Lukin" … "380 A. Lukin"; "379The Russia–China
/// entente and its future" beside the title itself).
fn furniture_lines(text: &str, lines: &[TextRange]) -> Vec<bool> {
    let numbered: Vec<Option<String>> = lines
        .iter()
        .map(|l| page_numbered_text(&text[l.start..l.end]))
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, numbered) in lines.iter().zip(&numbered) {
        let key = match numbered {
            Some(key) => key.clone(),
            None => text[line.start..line.end].to_lowercase(),
        };
        *seen.entry(key).or_default() += 1;
    }
    let edges = page_edge_furniture(text, lines);
    numbered
        .iter()
        .zip(edges)
        .map(|(n, edge)| edge || n.as_ref().is_some_and(|key| seen[key] >= 2))
        .collect()
}

/// How many lines at the top and at the bottom of a page may be furniture.
const PAGE_EDGE_LINES: usize = 2;

/// In a text with form feeds between pages (a PDF extraction), the running
/// heads and feet at the edges of pages, even when no two pages share one
/// (alternating "366 B. Example" / "The compact and its discontents 367"):
/// a line with a page number that agrees with its page's position (the
/// same offset between printed and physical page on at least two pages),
/// and a line without one that stands at the edge of at least half the
/// pages (three at least), such as a journal's name.
fn page_edge_furniture(text: &str, lines: &[TextRange]) -> Vec<bool> {
    let mut furniture = vec![false; lines.len()];
    if !text.contains('\x0c') {
        return furniture;
    }
    let mut edges: Vec<(usize, usize)> = Vec::new();
    let mut page = 0;
    let mut on_page: Vec<usize> = Vec::new();
    let mut flush = |on_page: &mut Vec<usize>, page: usize| {
        let n = on_page.len();
        for (k, &i) in on_page.iter().enumerate() {
            if k < PAGE_EDGE_LINES || k + PAGE_EDGE_LINES >= n {
                edges.push((i, page));
            }
        }
        on_page.clear();
    };
    for (i, line) in lines.iter().enumerate() {
        let breaks = text[line.start..line.end].matches('\x0c').count()
            + text[line.end..lines.get(i + 1).map_or(text.len(), |l| l.start)]
                .matches('\x0c')
                .count();
        if !line.is_empty() && !text[line.start..line.end].trim_matches('\x0c').is_empty() {
            on_page.push(i);
        }
        if breaks > 0 {
            flush(&mut on_page, page);
            page += breaks;
        }
    }
    flush(&mut on_page, page);
    let content = |i: usize| text[lines[i].start..lines[i].end].trim_matches('\x0c').trim();
    let mut shifts: HashMap<i64, Vec<usize>> = HashMap::new();
    let mut repeated: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for &(i, page) in &edges {
        let line = content(i);
        let bare_number = !line.is_empty() && line.len() <= 4 && line.chars().all(|c| c.is_ascii_digit());
        if bare_number || page_numbered_text(line).is_some() {
            if let Some(number) = page_number(line) {
                shifts.entry(i64::from(number) - page as i64).or_default().push(i);
            }
        } else if line.split_whitespace().count() <= 12 {
            repeated.entry(line.to_lowercase()).or_default().push((i, page));
        }
    }
    for (_, at) in shifts.into_iter().filter(|(_, at)| at.len() >= 2) {
        for i in at {
            furniture[i] = true;
        }
    }
    let pages = page + 1;
    for at in repeated.into_values() {
        let mut on: Vec<usize> = at.iter().map(|&(_, p)| p).collect();
        on.dedup();
        if on.len() >= 3 && on.len() * 2 >= pages {
            for (i, _) in at {
                furniture[i] = true;
            }
        }
    }
    furniture
}

/// The number at either end of a running header.
fn page_number(line: &str) -> Option<u32> {
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>();
    let lead = digits(line);
    let trail: String = digits(&line.chars().rev().collect::<String>())
        .chars()
        .rev()
        .collect();
    [lead, trail].into_iter().find(|d| !d.is_empty())?.parse().ok()
}

/// The text of a line that is a page number plus a short header, lowercased.
/// Its length is counted without the run of spaces or tab that right-aligns
/// the number ("Journal of Policy Studies                12").
fn page_numbered_text(line: &str) -> Option<String> {
    let words = line.split_whitespace();
    let chars = words.clone().map(|w| w.chars().count() + 1).sum::<usize>();
    if chars > 61 || words.count() > 8 {
        return None;
    }
    let leading = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let trailing = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let rest = if (1..=4).contains(&leading) {
        &line[leading..]
    } else if (1..=4).contains(&trailing) && line[..line.len() - trailing].ends_with(char::is_whitespace) {
        &line[..line.len() - trailing]
    } else {
        return None;
    };
    let rest = rest.trim();
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 3 && rest.chars().next().is_some_and(char::is_alphabetic)).then(|| rest.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> String {
        let layout = layout(text);
        layout
            .blocks
            .iter()
            .map(|b| {
                let lines: Vec<&str> = b.lines.iter().map(|l| &text[l.start..l.end]).collect();
                format!("{:?}: {}", b.kind, lines.join(" / "))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn running_headers_are_dropped_and_the_paragraph_rejoined() {
        let text = "Abstract\nThe partnership is old.\n Introduction\n\nRussia and China were able to\nstrike a balance in Central Asia, \n\n\n\n374 A. Lukin \n\nwhereby Beijing has emerged.\n\nMore text.\n\n\n380 A. Lukin \n\nLast paragraph.\n";
        expect_test::expect![[r#"
            Heading: Abstract
            Prose: The partnership is old.
            Heading: Introduction
            Prose: Russia and China were able to / strike a balance in Central Asia, / whereby Beijing has emerged.
            Prose: More text.
            Prose: Last paragraph."#]]
        .assert_eq(&render(text));
        assert_eq!(layout(text).n_furniture_lines, 2);
    }

    #[test]
    fn title_header_glued_to_page_number_is_furniture() {
        let text = "The Russia–China entente and its future\n\nSome words here.\n\n379The Russia–China entente and its future  \n\nmore words.\n";
        expect_test::expect![[r#"
            Heading: The Russia–China entente and its future
            Prose: Some words here. / more words."#]]
        .assert_eq(&render(text));
    }

    #[test]
    fn scrape_blocks_are_classified() {
        let text = "• Research\n  • About\n{\n  \"authors\": [\n    \"Dmitri Trenin\"\n  ]\n}\n\nBy Dmitri Trenin\n\nSince the signing in 2001 of the treaty, summits have become routine.\n\nReferences\n\nGady, F.S. 2019. China–Russia. https \n://www.eastw est.ngo/idea.\n\nhttps://carnegie.ru/2020/04/24/x\n";
        expect_test::expect![[r#"
            ListItem: • Research
            ListItem: • About
            Metadata: { / "authors": [ / "Dmitri Trenin" / ] / }
            Heading: By Dmitri Trenin
            Prose: Since the signing in 2001 of the treaty, summits have become routine.
            Heading: References
            Reference: Gady, F.S. 2019. China–Russia. https / ://www.eastw est.ngo/idea.
            Reference: https://carnegie.ru/2020/04/24/x"#]]
        .assert_eq(&render(text));
    }

    #[test]
    fn alternating_running_heads_at_page_edges_are_furniture() {
        let text = "366 B. Example\nThe title\n\nA paragraph that goes on\x0cThe compact and its discontents 367\nacross the page.\n\nMethods\nText.\x0c368 B. Example\nMore text.\x0c";
        expect_test::expect![[r#"
            Heading: The title
            Prose: A paragraph that goes on / across the page.
            Heading: Methods
            Prose: Text.
            Prose: More text."#]]
        .assert_eq(&render(text));
        assert_eq!(layout(text).page_numbers.len(), 2 + 1);
    }

    #[test]
    fn a_journal_name_on_most_pages_is_furniture() {
        let text = "Journal of Rivers\nOne.\x0cJournal of Rivers\nTwo.\x0cThree.\nJournal of Rivers\x0cFour.";
        expect_test::expect![[r#"
            Prose: One.
            Prose: Two. / Three.
            Prose: Four."#]]
        .assert_eq(&render(text));
    }

    #[test]
    fn a_running_head_with_a_right_aligned_page_number_is_furniture() {
        // From a new-user trial: the padding made the line too long to be
        // taken for a running head.
        let pad = " ".repeat(40);
        let text = format!(
            "Journal of Policy Studies{pad}12\nThe first page goes on\x0cJournal of Policy Studies{pad}13\nacross the page.\x0cJournal of Policy Studies\t14\nMore text.\x0c"
        );
        expect_test::expect![[r#"
            Prose: The first page goes on / across the page.
            Prose: More text."#]]
        .assert_eq(&render(&text));
        assert_eq!(layout(&text).n_furniture_lines, 3);
    }

    #[test]
    fn numbers_in_prose_lines_are_not_furniture() {
        let text = "1960 US-Japan Security Treaty (Kashin 2019c). All those treaties\n1960 US-Japan Security Treaty (Kashin 2019c). All those treaties\n";
        assert_eq!(layout(text).n_furniture_lines, 0);
    }
}
