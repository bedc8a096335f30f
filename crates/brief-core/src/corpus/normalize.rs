//! The normalized view of a document: one line per block, whitespace folded,
//! quotes, dashes and ligatures unified, PDF line-break hyphens resolved,
//! spaced-out URLs rejoined, page furniture dropped. Built together with the
//! [`OffsetMap`] back to the original bytes.

use rustc_hash::FxHashMap;

use super::layout::{BlockKind, RawBlock, BULLETS};
use super::offset_map::{NormalizedBuilder, OffsetMap};
use crate::text::{replacement, TextRange};

/// Lower-cased words of the whole corpus, hyphenated compounds included, with
/// how often each occurs (so that a document can be taken out again). It
/// decides whether "charac-\nterized" is one word and "Sino-\nRussian" two.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Vocabulary {
    #[serde(with = "crate::shared::sorted_counts")]
    words: FxHashMap<Box<str>, u32>,
}

impl Vocabulary {
    pub fn add_text(&mut self, text: &str) {
        each_word(text, |word| match self.words.get_mut(word) {
            Some(n) => *n += 1,
            None => {
                self.words.insert(word.into(), 1);
            }
        });
    }

    /// Takes out the words of a text added before.
    pub fn remove_text(&mut self, text: &str) {
        each_word(text, |word| {
            if let Some(n) = self.words.get_mut(word) {
                *n -= 1;
                if *n == 0 {
                    self.words.remove(word);
                }
            }
        });
    }

    pub fn merge(&mut self, other: Vocabulary) {
        let (mut big, small) = if self.words.len() >= other.words.len() {
            (std::mem::take(&mut self.words), other.words)
        } else {
            (other.words, std::mem::take(&mut self.words))
        };
        for (word, n) in small {
            *big.entry(word).or_default() += n;
        }
        self.words = big;
    }

    /// Whether the corpus has `word`, already lower-cased.
    pub fn has(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// Whether the hyphen at a line break between `before` and `after` only
    /// splits a word. The corpus's own spelling decides; failing that, a
    /// capital after the break means a compound ("Sino-\nRussian"). The
    /// words asked about go to `asked`: the document's answer changes only
    /// when one of them enters or leaves the corpus.
    fn joins(&self, before: &str, after: &str, asked: &mut Vec<Box<str>>) -> bool {
        let joined = format!("{before}{after}").to_lowercase();
        let hyphenated = format!("{before}-{after}").to_lowercase();
        let answer = (self.has(&joined), self.has(&hyphenated));
        asked.push(joined.into());
        asked.push(hyphenated.into());
        match answer {
            (true, _) => true,
            (false, true) => false,
            (false, false) => !after.starts_with(char::is_uppercase),
        }
    }
}

/// Calls `f` with each lower-cased token of `text` (letters, digits and inner hyphens).
fn each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for token in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let token = token.trim_matches('-');
        if token.is_empty() {
            continue;
        }
        buf.clear();
        buf.extend(token.chars().flat_map(char::to_lowercase));
        f(&buf);
    }
}

pub(crate) struct Normalized {
    pub text: String,
    pub map: OffsetMap,
    /// Each block's range in `text`, one line each.
    pub paragraphs: Vec<(TextRange, BlockKind)>,
    /// The vocabulary words the hyphen decisions asked about, sorted.
    pub vocabulary_asked: Vec<Box<str>>,
}

pub(crate) fn normalize(original: &str, blocks: &[RawBlock], vocab: &Vocabulary) -> Normalized {
    let mut b = NormalizedBuilder::default();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut prev_end: Option<usize> = None;
    let mut asked = Vec::new();
    for block in blocks {
        let stream = char_stream(original, block);
        if stream.is_empty() {
            continue;
        }
        if let Some(prev_end) = prev_end {
            b.push_replacement("\n", TextRange::new(prev_end, stream[0].start));
        }
        let start = b.len();
        normalize_block(original, &stream, block.kind, vocab, &mut asked, &mut b);
        if b.len() == start {
            continue;
        }
        prev_end = Some(block.lines.last().unwrap().end);
        paragraphs.push((TextRange::new(start, b.len()), block.kind));
    }
    let (text, map) = b.finish();
    asked.sort_unstable();
    asked.dedup();
    Normalized {
        text,
        map,
        paragraphs,
        vocabulary_asked: asked,
    }
}

/// A character of a block with its original range; a line break between two
/// lines is one `'\n'` covering the whole gap (trailing and leading spaces).
#[derive(Clone, Copy)]
struct Char {
    start: usize,
    end: usize,
    c: char,
}

fn char_stream(original: &str, block: &RawBlock) -> Vec<Char> {
    let mut stream = Vec::new();
    for (i, line) in block.lines.iter().enumerate() {
        let mut text = &original[line.start..line.end];
        let mut offset = line.start;
        if i == 0 && block.kind == BlockKind::ListItem {
            let rest = text.trim_start_matches(BULLETS).trim_start();
            offset += text.len() - rest.len();
            text = rest;
        }
        if let Some(last) = stream.last() {
            let last: &Char = last;
            stream.push(Char {
                start: last.end,
                end: offset,
                c: '\n',
            });
        }
        stream.extend(text.char_indices().map(|(i, c)| Char {
            start: offset + i,
            end: offset + i + c.len_utf8(),
            c,
        }));
    }
    stream
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

fn normalize_block(
    original: &str,
    stream: &[Char],
    kind: BlockKind,
    vocab: &Vocabulary,
    asked: &mut Vec<Box<str>>,
    b: &mut NormalizedBuilder,
) {
    let in_url = url_mask(stream, kind);
    let mut i = 0;
    while i < stream.len() {
        let ch = stream[i];
        if is_space(ch.c) {
            let mut j = i;
            while j < stream.len() && is_space(stream[j].c) {
                j += 1;
            }
            let run = TextRange::new(ch.start, stream[j - 1].end);
            let drop = in_url[i] || i == 0 || j == stream.len();
            if !drop {
                if j == i + 1 && ch.c == ' ' {
                    b.push_verbatim(original, run);
                } else {
                    b.push_replacement(" ", run);
                }
            }
            i = j;
            continue;
        }
        let breaks_line = ch.c == '-' && stream.get(i + 1).is_some_and(|n| n.c == '\n');
        if breaks_line && i > 0 && i + 2 < stream.len() {
            let before = stream[i - 1].c;
            let after = stream[i + 2].c;
            let word_break = before.is_alphabetic() && after.is_alphabetic();
            if word_break || before.is_ascii_digit() {
                let joined = word_break
                    && vocab.joins(
                        &word_before(original, stream, i),
                        &word_after(original, stream, i + 2),
                        asked,
                    );
                if !joined {
                    b.push_verbatim(original, TextRange::new(ch.start, ch.end));
                }
                i += 2;
                continue;
            }
        }
        let range = TextRange::new(ch.start, ch.end);
        match replacement(ch.c) {
            Some(rep) => b.push_replacement(rep, range),
            None => b.push_verbatim(original, range),
        }
        i += 1;
    }
}

/// The hyphenated token ending just before the line-break hyphen at `hyphen`.
fn word_before(original: &str, stream: &[Char], hyphen: usize) -> String {
    let mut start = hyphen;
    while start > 0 && (stream[start - 1].c.is_alphanumeric() || stream[start - 1].c == '-') {
        start -= 1;
    }
    original[stream[start].start..stream[hyphen].start]
        .trim_start_matches('-')
        .to_string()
}

fn word_after(original: &str, stream: &[Char], from: usize) -> String {
    let mut end = from;
    while end < stream.len() && stream[end].c.is_alphanumeric() {
        end += 1;
    }
    original[stream[from].start..stream[end - 1].end].to_string()
}

/// Marks the characters of URLs. In reference lists PDF extraction breaks
/// URLs with spaces ("https ://www.wsj.com/artic les/"); there a URL runs
/// over spaces until a capitalized word starts the next entry or sentence.
fn url_mask(stream: &[Char], kind: BlockKind) -> Vec<bool> {
    let mut mask = vec![false; stream.len()];
    let text: String = stream.iter().map(|c| c.c).collect();
    // Stream index of each char, for converting `text` byte offsets.
    let idx_of: Vec<usize> = text
        .char_indices()
        .enumerate()
        .flat_map(|(i, (_, c))| std::iter::repeat_n(i, c.len_utf8()))
        .collect();
    let mut search = 0;
    while let Some(found) = find_url_start(&text[search..]) {
        let start = search + found;
        let spaced = kind == BlockKind::Reference
            || text[start..].starts_with("http ://")
            || text[start..].starts_with("https ://");
        let mut end = start;
        let bytes = text.as_bytes();
        loop {
            while end < text.len() && !is_space(text[end..].chars().next().unwrap()) {
                end += text[end..].chars().next().unwrap().len_utf8();
            }
            if !spaced || end >= text.len() {
                break;
            }
            let mut next = end;
            while next < text.len() && is_space(text[next..].chars().next().unwrap()) {
                next += text[next..].chars().next().unwrap().len_utf8();
            }
            let next_char = text[next..].chars().next();
            if next >= text.len() || next_char.is_some_and(char::is_uppercase) || bytes[next] == b'(' {
                break;
            }
            end = next;
        }
        for flag in &mut mask[idx_of[start]..idx_of.get(end).copied().unwrap_or(stream.len())] {
            *flag = true;
        }
        search = end.max(start + 1);
    }
    mask
}

fn find_url_start(text: &str) -> Option<usize> {
    ["http://", "https://", "http ://", "https ://", "www."]
        .iter()
        .filter_map(|p| {
            text.match_indices(p)
                .find(|(i, _)| !text[..*i].ends_with(|c: char| c.is_alphanumeric()))
                .map(|(i, _)| i)
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::super::layout::layout;
    use super::*;

    fn normalized(original: &str, vocab_text: &str) -> Normalized {
        let mut vocab = Vocabulary::default();
        vocab.add_text(vocab_text);
        normalize(original, &layout(original).blocks, &vocab)
    }

    fn back<'a>(original: &'a str, n: &Normalized, needle: &str) -> &'a str {
        let start = n
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", n.text));
        let r = n.map.to_original(TextRange::new(start, start + needle.len()));
        &original[r.start..r.end]
    }

    #[test]
    fn line_break_hyphens_follow_the_corpus_vocabulary() {
        let original = "Its state can be charac-\nterized as a quasi-alliance. The Sino-\nRussian and geo-\neconomic ties, hydro-\ncarbons.\n";
        let n = normalized(original, "characterized geo-economic");
        assert_eq!(
            n.text,
            "Its state can be characterized as a quasi-alliance. The Sino-Russian and geo-economic ties, hydrocarbons."
        );
        assert_eq!(back(original, &n, "characterized"), "charac-\nterized");
        assert_eq!(back(original, &n, "Sino-Russian"), "Sino-\nRussian");
    }

    #[test]
    fn quotes_dashes_spaces_and_ligatures_are_unified() {
        let original = "The ‘strategic  partnership’ — “entente”\u{a0}is ﬁne…\n";
        let n = normalized(original, "");
        assert_eq!(n.text, "The 'strategic partnership' - \"entente\" is fine...");
        assert_eq!(
            back(original, &n, "'strategic partnership'"),
            "‘strategic  partnership’"
        );
        assert_eq!(back(original, &n, "fine..."), "ﬁne…");
    }

    #[test]
    fn spaced_urls_in_references_are_rejoined() {
        let original = "References\n\nRT. 2019. Russia’s trade with China surges. 14 January. https ://www.rt.com/busin \ness/44878 3-russi a-china -trade -turno ver/.\n";
        let n = normalized(original, "");
        assert!(
            n.text
                .ends_with("14 January. https://www.rt.com/business/448783-russia-china-trade-turnover/."),
            "{}",
            n.text
        );
        assert_eq!(back(original, &n, "business"), "busin \ness");
    }

    #[test]
    fn a_url_in_prose_ends_at_the_space() {
        let original = "See https://example.org/a for more.\n";
        assert_eq!(
            normalized(original, "").text,
            "See https://example.org/a for more."
        );
    }

    #[test]
    fn blocks_are_lines_of_the_normalized_text() {
        let original = "Title Here\n\n  • First point\n  • Second\n\nA paragraph\nthat wraps.\n";
        let n = normalized(original, "");
        assert_eq!(n.text, "Title Here\nFirst point\nSecond\nA paragraph that wraps.");
        let kinds: Vec<BlockKind> = n.paragraphs.iter().map(|p| p.1).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Prose
            ]
        );
    }
}
