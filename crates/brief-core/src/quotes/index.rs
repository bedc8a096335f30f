//! The quote index: the skeleton of every document, and a winnowed k-gram
//! index over it (Schleimer et al., "Winnowing", 2003).
//!
//! Every skeleton k-gram is hashed; in each window of `W` consecutive
//! k-grams the smallest hash is kept. Any common substring of at least
//! `K + W - 1` bytes then shares a kept k-gram with the corpus, so a lookup
//! costs a binary search and a few verifications whatever the corpus size,
//! while the index holds about `2 / (W + 1)` of all positions.

use memchr::memmem;
use rayon::prelude::*;

use super::skeleton::DocSkeleton;
use crate::corpus::{DocId, Document};
use crate::shared::{SharedSlice, SharedStr, CHUNK};

const K: usize = 10;
const W: usize = 10;
/// Queries at least this long (skeleton bytes) are answered from the index;
/// shorter ones by scanning the skeleton.
pub const MIN_INDEXED: usize = K + W - 1;
/// Shorter queries match too much to mean anything.
pub const MIN_QUERY: usize = 4;
/// Enough occurrences for any user-facing list.
const MAX_OCCURRENCES: usize = 200;
/// Seeds a near-match search uses however common they are.
const MIN_SEEDS: usize = 4;
/// Postings per fence. One fence per chunk that a stored index checks on
/// first read, so that finding a hash's postings reads one chunk of them.
const FENCE_EVERY: usize = CHUNK / size_of::<u64>();

#[derive(Clone, Debug, Default)]
pub struct QuoteIndex {
    pub(crate) skeleton: SharedStr,
    /// Skeleton start of each document, and the total length at the end.
    pub(crate) doc_starts: Vec<usize>,
    pub(crate) docs: Vec<DocSkeleton>,
    /// `hash << 32 | skeleton position`, sorted.
    pub(crate) entries: SharedSlice<u64>,
    /// The hash of every [`FENCE_EVERY`]th posting: where a hash's postings
    /// are, found without reading the postings.
    pub(crate) fences: Vec<u32>,
}

/// An occurrence in one document's skeleton, document-relative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SkeletonHit {
    pub doc: DocId,
    pub start: usize,
    pub end: usize,
}

impl QuoteIndex {
    pub fn build(documents: &[Document]) -> QuoteIndex {
        let mut skeleton = String::new();
        let mut doc_starts = Vec::with_capacity(documents.len() + 1);
        let mut docs = Vec::with_capacity(documents.len());
        for doc in documents {
            doc_starts.push(skeleton.len());
            docs.push(DocSkeleton::build(&doc.normalized, &mut skeleton));
        }
        doc_starts.push(skeleton.len());
        let bytes = skeleton.as_bytes();
        let mut entries: Vec<u64> = doc_starts
            .par_windows(2)
            .flat_map_iter(|w| {
                winnow(&bytes[w[0]..w[1]])
                    .into_iter()
                    .map(move |(offset, hash)| (hash as u64) << 32 | (w[0] + offset) as u64)
            })
            .collect();
        entries.par_sort_unstable();
        QuoteIndex {
            skeleton: skeleton.into(),
            doc_starts,
            docs,
            fences: fences(&entries),
            entries: entries.into(),
        }
    }

    /// The index of `documents`, where `reused[j]` names the document of
    /// `previous` that document `j` is (same normalized text), if any: their
    /// skeletons are copied and their postings shifted to where they now
    /// start, postings of documents gone or changed are dropped, and those
    /// of the others are computed and merged in. The same index as
    /// [`QuoteIndex::build`], in time linear in the postings with no sort of
    /// them; built afresh if the reused documents changed order.
    pub fn update(previous: &QuoteIndex, documents: &[Document], reused: &[Option<DocId>]) -> QuoteIndex {
        let order_kept = reused
            .iter()
            .flatten()
            .zip(reused.iter().flatten().skip(1))
            .all(|(a, b)| a < b);
        if !order_kept || reused.iter().all(Option::is_none) {
            return QuoteIndex::build(documents);
        }
        let mut skeleton = String::with_capacity(previous.skeleton.len());
        let mut doc_starts = Vec::with_capacity(documents.len() + 1);
        let mut docs = Vec::with_capacity(documents.len());
        let mut fresh = Vec::new();
        // Runs of old skeleton positions that move by one shift: (old start, old end, shift).
        let mut runs: Vec<(usize, usize, i64)> = Vec::new();
        for (doc, old) in documents.iter().zip(reused) {
            let start = skeleton.len();
            doc_starts.push(start);
            match old {
                Some(old) => {
                    let (text, doc_skeleton) = previous.doc_skeleton(*old);
                    skeleton.push_str(text);
                    docs.push(doc_skeleton.clone());
                    let old_start = previous.doc_starts[old.0 as usize];
                    let old_end = old_start + text.len();
                    let shift = start as i64 - old_start as i64;
                    match runs.last_mut() {
                        Some(run) if run.1 == old_start && run.2 == shift => run.1 = old_end,
                        _ => runs.push((old_start, old_end, shift)),
                    }
                }
                None => {
                    docs.push(DocSkeleton::build(&doc.normalized, &mut skeleton));
                    fresh.push((start, skeleton.len()));
                }
            }
        }
        doc_starts.push(skeleton.len());
        let bytes = skeleton.as_bytes();
        let mut added: Vec<u64> = fresh
            .par_iter()
            .flat_map_iter(|&(start, end)| {
                winnow(&bytes[start..end])
                    .into_iter()
                    .map(move |(offset, hash)| (hash as u64) << 32 | (start + offset) as u64)
            })
            .collect();
        added.par_sort_unstable();
        let entries = shift_and_merge(&previous.entries, &runs, &added, PIECE);
        QuoteIndex {
            fences: fences(&entries),
            entries: entries.into(),
            skeleton: skeleton.into(),
            doc_starts,
            docs,
        }
    }

    /// Whether there are as many fences as the postings have (a stored
    /// index's are read from its tables).
    pub(crate) fn fences_fit(&self) -> bool {
        self.fences.len() == self.entries.len().div_ceil(FENCE_EVERY)
    }

    pub fn n_entries(&self) -> usize {
        self.entries.len()
    }

    /// A document's skeleton (read alone from a stored index: see
    /// `SharedStr::get`), and its anchors.
    pub fn doc_skeleton(&self, doc: DocId) -> (&str, &DocSkeleton) {
        let i = doc.0 as usize;
        let text = self.skeleton.get(self.doc_starts[i]..self.doc_starts[i + 1]);
        // Cuts at characters unless the stored index is foreign; then no text.
        (text.unwrap_or_default(), &self.docs[i])
    }

    /// The document holding global skeleton range `start..end`, if one does.
    fn hit(&self, start: usize, end: usize) -> Option<SkeletonHit> {
        let i = self.doc_starts.partition_point(|&s| s <= start) - 1;
        (end <= self.doc_starts[i + 1]).then(|| SkeletonHit {
            doc: DocId(i as u32),
            start: start - self.doc_starts[i],
            end: end - self.doc_starts[i],
        })
    }

    /// The postings of `hash`: from a stored index, this reads the chunk of
    /// postings they are in (two if they cross a fence), not all of them.
    fn postings(&self, hash: u32) -> &[u64] {
        // From the last fence below `hash` to the first above it.
        let from = self.fences.partition_point(|&f| f < hash).saturating_sub(1);
        let to = self.fences.partition_point(|&f| f <= hash);
        let end = (to * FENCE_EVERY).min(self.entries.len());
        let near = self.entries.get(from * FENCE_EVERY..end).unwrap_or_default();
        let lo = near.partition_point(|&e| ((e >> 32) as u32) < hash);
        let hi = near.partition_point(|&e| ((e >> 32) as u32) <= hash);
        &near[lo..hi]
    }

    /// Every occurrence of a skeleton `query`, in corpus order.
    pub fn exact(&self, query: &str) -> Vec<SkeletonHit> {
        let q = query.as_bytes();
        if q.len() < MIN_QUERY {
            return Vec::new();
        }
        if q.len() < MIN_INDEXED {
            return memmem::find_iter(self.skeleton.as_bytes(), q)
                .filter_map(|start| self.hit(start, start + q.len()))
                .take(MAX_OCCURRENCES)
                .collect();
        }
        // The rarest kept k-gram's postings, the fewest to verify. One with
        // at most one is as good as any: stop there, so that a lookup in a
        // stored index reads a chunk of postings, not one per k-gram.
        let mut rarest: Option<(usize, &[u64])> = None;
        for (offset, hash) in winnow(q) {
            let postings = self.postings(hash);
            if rarest.is_none_or(|(_, r)| postings.len() < r.len()) {
                rarest = Some((offset, postings));
            }
            if postings.len() <= 1 {
                break;
            }
        }
        let Some((offset, postings)) = rarest else {
            return Vec::new();
        };
        let mut hits: Vec<SkeletonHit> = postings
            .iter()
            .filter_map(|&e| (e as u32 as usize).checked_sub(offset))
            .filter(|&start| self.skeleton.get(start..start + q.len()) == Some(query))
            .filter_map(|start| self.hit(start, start + q.len()))
            .take(MAX_OCCURRENCES)
            .collect();
        hits.sort();
        hits
    }

    /// The first occurrence of `needle` in document `doc` whose start lies in
    /// `from..=to` (document-relative skeleton offsets).
    pub fn find_forward(&self, doc: DocId, needle: &str, from: usize, to: usize) -> Option<usize> {
        let (text, _) = self.doc_skeleton(doc);
        let end = (to + needle.len()).min(text.len());
        let from = from.min(end);
        memmem::find(&text.as_bytes()[from..end], needle.as_bytes()).map(|i| from + i)
    }

    /// The last occurrence of `needle` in `doc` ending in `from..=to`.
    pub fn find_backward(&self, doc: DocId, needle: &str, from: usize, to: usize) -> Option<usize> {
        let (text, _) = self.doc_skeleton(doc);
        let start = from.saturating_sub(needle.len());
        let to = to.min(text.len());
        memmem::rfind(&text.as_bytes()[start.min(to)..to], needle.as_bytes()).map(|i| start.min(to) + i)
    }

    /// Where the k-grams of `query` occur: `(offset in query, hit)` for each,
    /// the material for near-match search. A k-gram found everywhere says
    /// little about where the quote is, so frequent ones are left out unless
    /// nothing rarer is there (a quote of boilerplate, a corpus of copies).
    pub fn seeds(&self, query: &str) -> Vec<(usize, SkeletonHit)> {
        let q = query.as_bytes();
        if q.len() < K {
            return Vec::new();
        }
        let mut kgrams: Vec<(usize, &[u64])> = (0..=q.len() - K)
            .map(|offset| (offset, self.postings(kgram_hash(&q[offset..offset + K]))))
            .collect();
        kgrams.retain(|(_, p)| !p.is_empty());
        kgrams.sort_by_key(|(_, p)| p.len());
        let informative = kgrams.iter().filter(|(_, p)| p.len() <= MAX_OCCURRENCES).count();
        kgrams
            .into_iter()
            .take(informative.max(MIN_SEEDS))
            .flat_map(|(offset, postings)| {
                postings.iter().take(MAX_OCCURRENCES * 10).filter_map(move |&e| {
                    let pos = e as u32 as usize;
                    self.hit(pos, pos + K).map(|hit| (offset, hit))
                })
            })
            .collect()
    }
}

/// The hash of every [`FENCE_EVERY`]th of `entries`.
fn fences(entries: &[u64]) -> Vec<u32> {
    entries
        .iter()
        .step_by(FENCE_EVERY)
        .map(|&e| (e >> 32) as u32)
        .collect()
}

fn kgram_hash(bytes: &[u8]) -> u32 {
    let mut head = [0u8; 8];
    head.copy_from_slice(&bytes[..8]);
    let tail = u16::from_le_bytes([bytes[8], bytes[9]]) as u64;
    (mix(u64::from_le_bytes(head) ^ mix(tail.wrapping_add(0x9E37_79B9_7F4A_7C15))) >> 32) as u32
}

/// splitmix64's finalizer: spreads k-gram bytes over the hash evenly, so
/// window minima are not biased towards some letters.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// How many postings [`shift_and_merge`] handles as one piece.
const PIECE: usize = 1 << 20;

/// `previous`'s postings that fall in `runs` (old start, old end, shift),
/// shifted, merged with `added` (sorted): the postings of an update. In
/// pieces of about `piece` postings on all threads, each piece's postings written once in place: a
/// posting list is most of an update's work on a large corpus. Pieces are
/// cut where the hash changes, so that each takes the added postings of
/// its own hashes and the pieces follow each other in order.
fn shift_and_merge(previous: &[u64], runs: &[(usize, usize, i64)], added: &[u64], piece: usize) -> Vec<u64> {
    if previous.is_empty() {
        return added.to_vec();
    }
    let hash = |e: u64| e >> 32;
    let mut cuts = vec![0];
    while let Some(&last) = cuts.last().filter(|&&c| c < previous.len()) {
        let mut cut = (last + piece).min(previous.len());
        while cut < previous.len() && hash(previous[cut]) == hash(previous[cut - 1]) {
            cut += 1;
        }
        cuts.push(cut);
    }
    let shifted = |e: u64| {
        let pos = e as u32 as usize;
        let run = runs[..runs.partition_point(|r| r.0 <= pos)].last()?;
        (pos < run.1).then(|| (e >> 32) << 32 | (pos as i64 + run.2) as u64)
    };
    // Each piece: its postings, and the added postings of its hashes.
    let pieces: Vec<(&[u64], &[u64])> = cuts
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            let from = if i == 0 {
                0
            } else {
                added.partition_point(|&a| hash(a) < hash(previous[w[0]]))
            };
            let to = if w[1] == previous.len() {
                added.len()
            } else {
                added.partition_point(|&a| hash(a) < hash(previous[w[1]]))
            };
            (&previous[w[0]..w[1]], &added[from..to])
        })
        .collect();
    let lens: Vec<usize> = pieces
        .par_iter()
        .map(|(old, new)| old.iter().filter(|&&e| shifted(e).is_some()).count() + new.len())
        .collect();
    let mut out = vec![0u64; lens.iter().sum()];
    let mut slots = Vec::with_capacity(pieces.len());
    let mut rest = out.as_mut_slice();
    for &len in &lens {
        let (slot, tail) = rest.split_at_mut(len);
        slots.push(slot);
        rest = tail;
    }
    slots.into_par_iter().zip(pieces).for_each(|(slot, (old, new))| {
        let mut kept = old.iter().filter_map(|&e| shifted(e)).peekable();
        let mut new = new.iter().copied().peekable();
        for cell in slot {
            *cell = match (kept.peek(), new.peek()) {
                (Some(&k), Some(&n)) if n < k => new.next(),
                (Some(_), _) => kept.next(),
                (None, _) => new.next(),
            }
            .expect("counted");
        }
    });
    out
}

/// The kept `(offset, hash)` k-grams of `bytes`: the rightmost minimum of
/// each window of `W` hashes, each kept once.
fn winnow(bytes: &[u8]) -> Vec<(usize, u32)> {
    if bytes.len() < K {
        return Vec::new();
    }
    let hashes: Vec<u32> = bytes.windows(K).map(kgram_hash).collect();
    let mut kept = Vec::with_capacity(hashes.len() * 2 / (W + 1) + 1);
    let mut window: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    for (i, &h) in hashes.iter().enumerate() {
        while window.back().is_some_and(|&j| hashes[j] >= h) {
            window.pop_back();
        }
        window.push_back(i);
        if window[0] + W <= i {
            window.pop_front();
        }
        let full = i + 1 >= W || i + 1 == hashes.len();
        if full && kept.last().is_none_or(|&(j, _)| j != window[0]) {
            kept.push((window[0], hashes[window[0]]));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_merged_in_pieces_equal_a_filter_and_sort() {
        // Few hashes, so that runs of one hash cross the piece cuts.
        let entry = |i: u64| ((mix(i) % 40) << 32) | (i * 3);
        let mut previous: Vec<u64> = (0..5000).map(entry).collect();
        previous.sort_unstable();
        // Documents at old positions 0..3000 and 6000..9000 kept and moved;
        // 3000..6000 and the rest gone.
        let runs = [(0, 3000, 100), (6000, 9000, -2900)];
        let mut added: Vec<u64> = (0..700)
            .map(|i| ((mix(i + 9999) % 50) << 32) | (3100 + i * 3))
            .collect();
        added.sort_unstable();
        let mut want: Vec<u64> = previous
            .iter()
            .filter_map(|&e| {
                let pos = e as u32 as i64;
                let run = runs.iter().find(|r| r.0 as i64 <= pos && pos < r.1 as i64)?;
                Some((e >> 32) << 32 | (pos + run.2) as u64)
            })
            .chain(added.iter().copied())
            .collect();
        want.sort_unstable();
        for piece in [1, 7, 100, 5000, PIECE] {
            assert_eq!(
                shift_and_merge(&previous, &runs, &added, piece),
                want,
                "pieces of {piece}"
            );
        }
        assert_eq!(shift_and_merge(&[], &runs, &added, 7), added);
    }

    #[test]
    fn postings_found_through_the_fences_are_all_of_a_hash() {
        // Runs of one hash longer than a fence's stretch, and hashes absent.
        let mut entries: Vec<u64> = (0..5 * FENCE_EVERY as u64)
            .map(|i| (2 * (mix(i) % 7) + 1) << 32 | i)
            .collect();
        entries.sort_unstable();
        let index = QuoteIndex {
            fences: fences(&entries),
            entries: entries.clone().into(),
            ..QuoteIndex::default()
        };
        assert!(index.fences_fit());
        for hash in 0..20u32 {
            let want: Vec<u64> = entries
                .iter()
                .copied()
                .filter(|&e| (e >> 32) as u32 == hash)
                .collect();
            assert_eq!(index.postings(hash), want, "hash {hash}");
        }
    }

    #[test]
    fn any_long_enough_substring_shares_a_kept_kgram() {
        let text: String = (0..3000u32)
            .map(|i| char::from(b'a' + (mix(i as u64) % 26) as u8))
            .collect();
        let kept: std::collections::HashSet<usize> =
            winnow(text.as_bytes()).into_iter().map(|(i, _)| i).collect();
        for start in 0..text.len() - MIN_INDEXED {
            let covered = (start..=start + MIN_INDEXED - K).any(|i| kept.contains(&i));
            assert!(covered, "window at {start} has no kept k-gram");
        }
        assert!(
            kept.len() < text.len() / 4,
            "{} kept of {}",
            kept.len(),
            text.len()
        );
    }
}
