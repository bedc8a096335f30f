//! Finding a quote in the corpus: exactly (on skeletons, fragment by
//! fragment across elisions and editorial brackets), or else the nearest
//! passage by seed voting and a word-level alignment.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::index::{QuoteIndex, SkeletonHit, MIN_QUERY};
use super::skeleton::skeleton;
use crate::corpus::{DocId, Document};
use crate::text::TextRange;

/// What a quote lookup reads: the quote index and the documents it indexes.
#[derive(Clone, Copy)]
pub struct QuoteSources<'a> {
    pub index: &'a QuoteIndex,
    pub documents: &'a [Document],
}

impl<'a> QuoteSources<'a> {
    fn quote_index(&self) -> &'a QuoteIndex {
        self.index
    }

    fn document(&self, id: DocId) -> &'a Document {
        &self.documents[id.0 as usize]
    }
}

/// A quote as the brief writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryPart<'a> {
    Text(&'a str),
    /// "...", "…", "[…]": any text of the same passage may stand here.
    Elision,
    /// "[I]t", "[military]": the source may have this text, other text of
    /// about its length, or nothing.
    Editorial(&'a str),
}

/// How far apart the fragments around an elision may be (skeleton bytes,
/// a long paragraph).
const ELISION_SPAN: usize = 3000;
/// Below this word similarity a passage is not what the quote misquotes.
pub const NEAR_THRESHOLD: f64 = 0.7;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteVerdict {
    Exact,
    Inexact,
    NotFound,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordDiff {
    Same(String),
    /// The brief's words where the source has others.
    Changed {
        brief: String,
        source: String,
    },
    /// Words the brief adds.
    Added(String),
    /// Words of the source the brief drops.
    Dropped(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuoteMatch {
    pub doc: DocId,
    /// The matched passage in the document's normalized text.
    pub normalized: TextRange,
    /// 1.0 for an exact match.
    pub similarity: f64,
    /// Word by word, for an inexact match.
    pub diff: Vec<WordDiff>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuoteLookup {
    pub verdict: QuoteVerdict,
    /// Exact: every occurrence; inexact: the nearest passage; best first.
    pub matches: Vec<QuoteMatch>,
}

pub fn find_quote(corpus: &QuoteSources<'_>, parts: &[QueryPart]) -> QuoteLookup {
    let index = corpus.quote_index();
    let mut exact = find_exact(index, parts);
    if parts.iter().any(|p| matches!(p, QueryPart::Elision)) {
        exact.retain(|&hit| in_one_passage(corpus, hit));
    }
    if !exact.is_empty() {
        let matches = exact
            .into_iter()
            .map(|hit| QuoteMatch {
                doc: hit.doc,
                normalized: to_normalized(corpus, hit),
                similarity: 1.0,
                diff: Vec::new(),
            })
            .collect();
        return QuoteLookup {
            verdict: QuoteVerdict::Exact,
            matches,
        };
    }
    match find_near(corpus, parts) {
        Some(m) => QuoteLookup {
            verdict: QuoteVerdict::Inexact,
            matches: vec![m],
        },
        None => QuoteLookup {
            verdict: QuoteVerdict::NotFound,
            matches: Vec::new(),
        },
    }
}

fn to_normalized(corpus: &QuoteSources<'_>, hit: SkeletonHit) -> TextRange {
    let (_, doc_skeleton) = corpus.quote_index().doc_skeleton(hit.doc);
    let normalized = &corpus.document(hit.doc).normalized;
    let (mut start, mut end) = doc_skeleton.to_normalized(normalized, hit.start, hit.end);
    // The skeleton has no brackets: take in the source's own "[i]t" whole.
    let inside = &normalized[start..end];
    if normalized[..start].ends_with('[') && inside.find(']') < inside.find('[').or(Some(inside.len())) {
        start -= 1;
    }
    let inside = &normalized[start..end];
    if normalized[end..].starts_with(']') && inside.rfind('[') > inside.rfind(']') {
        end += 1;
    }
    TextRange::new(start, end)
}

/// A run of quoted text between elisions and brackets, and how far it may
/// stand from the fragment before it.
struct Fragment {
    skeleton: String,
    max_gap: usize,
}

/// The quote as fragments, plus editorial text before the first and after
/// the last ("[I]t was" → lead "i").
struct Fragments {
    list: Vec<Fragment>,
    lead: String,
    trail: String,
}

fn fragments(parts: &[QueryPart]) -> Fragments {
    let mut list: Vec<Fragment> = Vec::new();
    let mut current = String::new();
    let mut gap = 0;
    let mut lead = String::new();
    let mut trail = String::new();
    for part in parts {
        match part {
            QueryPart::Text(text) => current.push_str(&skeleton(text)),
            QueryPart::Elision | QueryPart::Editorial(_) => {
                let part_gap = match part {
                    QueryPart::Editorial(inner) => skeleton(inner).len() + 2,
                    _ => ELISION_SPAN,
                };
                if current.is_empty() && list.is_empty() {
                    if let QueryPart::Editorial(inner) = part {
                        lead.push_str(&skeleton(inner));
                    }
                    continue;
                }
                if !current.is_empty() {
                    list.push(Fragment {
                        skeleton: std::mem::take(&mut current),
                        max_gap: gap,
                    });
                    gap = 0;
                }
                gap += part_gap;
                trail = match part {
                    QueryPart::Editorial(inner) => skeleton(inner),
                    _ => String::new(),
                };
            }
        }
    }
    if !current.is_empty() {
        list.push(Fragment {
            skeleton: current,
            max_gap: gap,
        });
        trail.clear();
    }
    Fragments { list, lead, trail }
}

fn find_exact(index: &QuoteIndex, parts: &[QueryPart]) -> Vec<SkeletonHit> {
    let Fragments { list, lead, trail } = fragments(parts);
    let Some(anchor) = (0..list.len()).max_by_key(|&i| list[i].skeleton.len()) else {
        return Vec::new();
    };
    if list[anchor].skeleton.len() < MIN_QUERY {
        return Vec::new();
    }
    let mut found: Vec<SkeletonHit> = index
        .exact(&list[anchor].skeleton)
        .into_iter()
        .filter_map(|hit| {
            let (mut start, mut end) = (hit.start, hit.end);
            for f in &list[anchor + 1..] {
                let at = index.find_forward(hit.doc, &f.skeleton, end, end + f.max_gap)?;
                end = at + f.skeleton.len();
            }
            for (i, f) in list[..anchor].iter().enumerate().rev() {
                let gap = list[i + 1].max_gap;
                start = index.find_backward(hit.doc, &f.skeleton, start.saturating_sub(gap), start)?;
            }
            let (text, _) = index.doc_skeleton(hit.doc);
            if !lead.is_empty() && text[..start].ends_with(lead.as_str()) {
                start -= lead.len();
            }
            if !trail.is_empty() && text[end..].starts_with(trail.as_str()) {
                end += trail.len();
            }
            Some(SkeletonHit {
                doc: hit.doc,
                start,
                end,
            })
        })
        .collect();
    found.dedup();
    found
}

/// Whether a match of several fragments stays within one paragraph: an
/// elision leaves out words of a passage, not the passages between.
fn in_one_passage(corpus: &QuoteSources<'_>, hit: SkeletonHit) -> bool {
    let range = to_normalized(corpus, hit);
    !corpus.document(hit.doc).text(range).contains('\n')
}

/// A whitespace-separated word and its skeleton, the unit of alignment.
struct Word<'a> {
    text: &'a str,
    key: String,
    range: TextRange,
}

fn words(text: &str, base: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for token in text.split(char::is_whitespace) {
        let key = skeleton(token);
        if !key.is_empty() {
            out.push(Word {
                text: token,
                key,
                range: TextRange::new(base + offset, base + offset + token.len()),
            });
        }
        offset += token.len() + 1;
    }
    out
}

/// The nearest passage: seeds vote for `(document, diagonal)`; the best
/// clusters are aligned word by word against the quote.
fn find_near(corpus: &QuoteSources<'_>, parts: &[QueryPart]) -> Option<QuoteMatch> {
    let index = corpus.quote_index();
    // The writer's own words, editorial ones included ("[I]t" reads "It"):
    // the alignment then reports only real differences.
    let quote_text: String = parts
        .iter()
        .map(|p| match p {
            QueryPart::Text(t) | QueryPart::Editorial(t) => *t,
            QueryPart::Elision => " ",
        })
        .collect();
    let query = skeleton(&quote_text);
    let mut seeds: Vec<(DocId, isize, usize)> = index
        .seeds(&query)
        .into_iter()
        .map(|(offset, hit)| (hit.doc, hit.start as isize - offset as isize, offset))
        .collect();
    seeds.sort();
    let slack = (query.len() / 4).max(20) as isize;
    let mut clusters: Vec<(usize, DocId, isize, isize)> = Vec::new();
    let mut covered = std::collections::HashSet::new();
    for (i, &(doc, diag, offset)) in seeds.iter().enumerate() {
        let same = i > 0 && seeds[i - 1].0 == doc && diag - seeds[i - 1].1 <= slack;
        if !same {
            covered.clear();
            clusters.push((0, doc, diag, diag));
        }
        let last = clusters.last_mut().unwrap();
        last.3 = diag;
        if covered.insert(offset) {
            last.0 += 1;
        }
    }
    clusters.sort_by_key(|c| std::cmp::Reverse(c.0));
    let quote_words = words(&quote_text, 0);
    let quote_keys: Vec<&str> = quote_words.iter().map(|w| w.key.as_str()).collect();
    clusters
        .iter()
        .take(5)
        .filter_map(|&(_, doc, lo, hi)| {
            let (text, _) = index.doc_skeleton(doc);
            let start = (lo - slack).max(0) as usize;
            let end = ((hi + query.len() as isize + slack) as usize).min(text.len());
            let window = to_normalized(corpus, SkeletonHit { doc, start, end });
            align(corpus, doc, window, &quote_words, &quote_keys)
        })
        .max_by(|a, b| a.similarity.total_cmp(&b.similarity))
        .filter(|m| m.similarity >= NEAR_THRESHOLD)
}

fn align(
    corpus: &QuoteSources<'_>,
    doc: DocId,
    window: TextRange,
    quote: &[Word],
    quote_keys: &[&str],
) -> Option<QuoteMatch> {
    let normalized = &corpus.document(doc).normalized;
    // Whole words only: widen the window to the spaces around it.
    let start = normalized[..window.start]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let end = normalized[window.end..]
        .find(char::is_whitespace)
        .map_or(normalized.len(), |i| window.end + i);
    let source = words(&normalized[start..end], start);
    let source_keys: Vec<&str> = source.iter().map(|w| w.key.as_str()).collect();
    let (lo, hi) = tightest(quote_keys, &source_keys)?;
    let mut ops = capture_diff_slices(Algorithm::Myers, quote_keys, &source_keys[lo..hi]);
    for op in &mut ops {
        *op = shifted(*op, lo);
    }
    // Quote words before the first match or after the last are a misquote of
    // as many source words just outside the span (a word changed at either
    // end), not words the brief adds; the window's further words are not.
    let (mut src_start, mut src_end) = (lo, hi);
    if let Some(&DiffOp::Delete { old_len, .. }) = ops.first() {
        let taken = old_len.min(lo);
        src_start = lo - taken;
        ops[0] = with_source(ops[0], src_start, taken);
    }
    if let Some(&DiffOp::Delete { old_len, .. }) = ops.last() {
        let taken = old_len.min(source.len() - hi);
        src_end = hi + taken;
        let last = ops.len() - 1;
        ops[last] = with_source(ops[last], hi, taken);
    }
    let join = |ws: &[Word]| ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
    let mut same = 0;
    let mut diff = Vec::new();
    for op in &ops {
        let (q, s) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { len, .. } => {
                same += len;
                diff.push(WordDiff::Same(join(&quote[q])));
            }
            DiffOp::Replace { .. } => {
                let brief = join(&quote[q]);
                let source = without_unquoted_edges(&join(&source[s]), &brief);
                diff.push(WordDiff::Changed { brief, source })
            }
            DiffOp::Delete { .. } => diff.push(WordDiff::Added(join(&quote[q]))),
            DiffOp::Insert { .. } => {
                diff.push(WordDiff::Dropped(without_unquoted_edges(&join(&source[s]), "")))
            }
        }
    }
    let similarity = 2.0 * same as f64 / (quote.len() + src_end - src_start) as f64;
    // Sentence punctuation after the last word belongs to the quote only if
    // the brief quotes it too.
    let last = &source[src_end - 1];
    let quote_end = quote[quote.len() - 1].text.chars().last();
    let trailing = last.text.len() - last.text.trim_end_matches(['.', ',', ';', ':', '!', '?']).len();
    let keep = trailing > 0 && quote_end == last.text.chars().last();
    let end = last.range.end - if keep { 0 } else { trailing };
    Some(QuoteMatch {
        doc,
        normalized: TextRange::new(source[src_start].range.start, end),
        similarity,
        diff,
    })
}

/// Source words as a difference names them: without the quotation marks,
/// brackets and sentence punctuation around them (`demand".`) that the
/// brief's words do not have at the same edge.
fn without_unquoted_edges(source: &str, brief: &str) -> String {
    const OPENING: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];
    const CLOSING: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '.', ',', ';', ':', '!', '?'];
    let mut text = source;
    if !brief.starts_with(OPENING) {
        text = text.trim_start_matches(OPENING);
    }
    if !brief.ends_with(CLOSING) {
        text = text.trim_end_matches(CLOSING);
    }
    if text.is_empty() { source } else { text }.to_string()
}

/// The source words `lo..hi` the quote aligns with: the fewest that still
/// match as many of the quote's words as the whole window does. Among
/// alignments with that many matches, Myers' diff may match a common word at
/// an edge ("the", "of") to a copy a few words outside the passage, and the
/// words between would read as words the brief drops; the tightest span has
/// the same matches without them. `None` when no word matches.
fn tightest(quote: &[&str], source: &[&str]) -> Option<(usize, usize)> {
    let matched = |lo: usize, hi: usize| -> usize {
        capture_diff_slices(Algorithm::Myers, quote, &source[lo..hi])
            .iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum()
    };
    let best = matched(0, source.len());
    if best == 0 {
        return None;
    }
    // Myers' diff is minimal, so `matched` is the longest common
    // subsequence: it only falls as `lo` rises or `hi` falls, and a binary
    // search finds each end. Invariants: `matched(a, n) == best`, `matched(b, n) < best`.
    let (mut a, mut b) = (0, source.len());
    while b - a > 1 {
        let mid = (a + b) / 2;
        if matched(mid, source.len()) == best {
            a = mid;
        } else {
            b = mid;
        }
    }
    let lo = a;
    // Invariants: `matched(lo, a) < best`, `matched(lo, b) == best`.
    let (mut a, mut b) = (lo, source.len());
    while b - a > 1 {
        let mid = (a + b) / 2;
        if matched(lo, mid) == best {
            b = mid;
        } else {
            a = mid;
        }
    }
    Some((lo, b))
}

/// `op` of a diff against `source[by..]`, as one against `source`.
fn shifted(op: DiffOp, by: usize) -> DiffOp {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index,
            new_index: new_index + by,
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Delete {
            old_index,
            old_len,
            new_index: new_index + by,
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Insert {
            old_index,
            new_index: new_index + by,
            new_len,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => DiffOp::Replace {
            old_index,
            old_len,
            new_index: new_index + by,
            new_len,
        },
    }
}

/// A deletion of quote words as their replacement by `len` source words
/// from `new_index` (none: still a deletion).
fn with_source(op: DiffOp, new_index: usize, len: usize) -> DiffOp {
    let (old_index, old_len) = (op.old_range().start, op.old_range().len());
    if len == 0 {
        return op;
    }
    DiffOp::Replace {
        old_index,
        old_len,
        new_index,
        new_len: len,
    }
}
