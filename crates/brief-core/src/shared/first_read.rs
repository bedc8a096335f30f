//! The check a blob of a stored snapshot gets on its first read: an xxh3
//! per chunk, and UTF-8 for a text, each chunk once, as it is first read,
//! releasing its pages as it goes.
//!
//! Chunks, not whole blobs, so that a reader of a few bytes of a large
//! array (a binary search of the k-gram postings, one quote's stretch of
//! the skeleton) checks, and reads from disk, only the chunks it touches.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use xxhash_rust::xxh3::xxh3_64;

/// How many bytes of a blob one digest covers. Small enough that a lookup
/// reads little more than it needs; large enough that the digests of a
/// gigabyte of index take some 150 KB of its directory.
pub const CHUNK: usize = 64 << 10;

/// The digests the check of `bytes` compares with: one per [`CHUNK`].
pub fn chunk_digests(bytes: &[u8]) -> Vec<u64> {
    bytes.chunks(CHUNK).map(xxh3_64).collect()
}

/// Told `(start, end)`, in offsets of the backing, as a reader is done
/// with a stretch of it: the adapter lets the pages of a memory map go
/// (they come back from the page cache when read again).
pub type Release = Arc<dyn Fn(usize, usize) + Send + Sync>;

/// What the first-read checks of one stored snapshot share: where a
/// failure is recorded, and whom to tell as a check is done with each
/// chunk, so that checking a blob does not leave all of it resident (only
/// what its reader then reads is).
#[derive(Clone)]
pub(crate) struct FirstReads {
    pub damage: Damage,
    pub release: Release,
}

/// Whether any first-read check of a stored snapshot failed. Shared by
/// every blob read from one stored index, and by the snapshots updated
/// from it, which keep some of those blobs.
#[derive(Clone, Debug, Default)]
pub struct Damage(Arc<AtomicBool>);

impl Damage {
    pub fn found(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

/// The check of a blob, each chunk run once, on its first read. Once a
/// chunk fails, the whole blob reads as blank bytes of the same length
/// (spaces for a text, zeros for an array), so that no reader can go out
/// of bounds or see invalid UTF-8; [`Damage`] tells the adapter to throw
/// away what was computed from it and rebuild.
pub(super) struct FirstReadCheck {
    start: usize,
    end: usize,
    digests: Box<[u64]>,
    utf8: bool,
    /// Per chunk: whether it passed, once checked.
    passed: Box<[OnceLock<bool>]>,
    /// The blank stand-in, once a chunk failed (as `u64`s, so that it is
    /// aligned for any array).
    blank: OnceLock<Box<[u64]>>,
    reads: FirstReads,
}

impl FirstReadCheck {
    /// The check of `start..end` of a backing against `digests` (one per
    /// [`CHUNK`]); `None` if they are not as many as its chunks.
    pub(super) fn new(
        start: usize,
        end: usize,
        digests: Box<[u64]>,
        utf8: bool,
        reads: &FirstReads,
    ) -> Option<FirstReadCheck> {
        (digests.len() == (end - start).div_ceil(CHUNK)).then(|| FirstReadCheck {
            start,
            end,
            passed: (0..digests.len()).map(|_| OnceLock::new()).collect(),
            digests,
            utf8,
            blank: OnceLock::new(),
            reads: reads.clone(),
        })
    }

    /// Where the checked range starts in the backing.
    pub(super) fn start(&self) -> usize {
        self.start
    }

    /// `None` if the chunks holding `from..to` (offsets of the backing)
    /// passed, checked now if not yet; else the blank stand-in of the whole
    /// blob, to read instead.
    pub(super) fn outcome(&self, backing: &[u8], from: usize, to: usize) -> Option<&[u64]> {
        if let Some(blank) = self.blank.get() {
            return Some(blank);
        }
        let first = (from - self.start) / CHUNK;
        let last = (to.max(from + 1) - self.start)
            .div_ceil(CHUNK)
            .min(self.digests.len());
        let sound = (first..last).all(|i| *self.passed[i].get_or_init(|| self.sound(backing, i)));
        if sound {
            return None;
        }
        self.reads.damage.0.store(true, Ordering::Release);
        let fill = if self.utf8 {
            u64::from_ne_bytes([b' '; 8])
        } else {
            0
        };
        Some(
            self.blank
                .get_or_init(|| vec![fill; (self.end - self.start).div_ceil(8)].into_boxed_slice()),
        )
    }

    /// Chunk `i`'s digest, and for a text its UTF-8. A chunk's characters
    /// are those starting in it (the first chunk's start at the blob's
    /// start), so that the chunks' characters together are the text's and
    /// the text is UTF-8 if each chunk's are.
    fn sound(&self, backing: &[u8], i: usize) -> bool {
        let start = self.start + i * CHUNK;
        let end = self.end.min(start + CHUNK);
        let chunk = &backing[start..end];
        let sound = xxh3_64(chunk) == self.digests[i]
            && (!self.utf8 || {
                let from = if i == 0 {
                    Some(start)
                } else {
                    self.first_char(backing, start)
                };
                let to = if end == self.end {
                    Some(end)
                } else {
                    self.first_char(backing, end)
                };
                from.zip(to)
                    .is_some_and(|(from, to)| std::str::from_utf8(&backing[from..to]).is_ok())
            });
        (self.reads.release)(start, end);
        sound
    }

    /// The first character start at or after `at`, or the blob's end; `None`
    /// if no character starts within a character's length (not UTF-8).
    fn first_char(&self, backing: &[u8], at: usize) -> Option<usize> {
        (at..self.end.min(at + 4))
            .find(|&j| backing[j] & 0xC0 != 0x80)
            .or((self.end <= at + 4).then_some(self.end))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::shared::{Backing, SharedBytes, SharedStr};

    type Log = Arc<Mutex<Vec<(usize, usize)>>>;

    /// First reads that log the stretches they release.
    fn logged() -> (FirstReads, Log) {
        let released = Arc::new(Mutex::new(Vec::new()));
        let log = released.clone();
        let reads = FirstReads {
            damage: Damage::default(),
            release: Arc::new(move |start, end| log.lock().unwrap().push((start, end))),
        };
        (reads, released)
    }

    fn bytes(b: &[u8]) -> SharedBytes {
        let backing: Backing = Arc::new(b.to_vec());
        SharedBytes::new(backing)
    }

    fn text(raw: &[u8], reads: &FirstReads) -> SharedStr {
        SharedStr::checked_on_first_read(bytes(raw), chunk_digests(raw).into(), reads).unwrap()
    }

    #[test]
    fn a_text_that_is_not_utf8_reads_as_spaces_even_when_its_digests_match() {
        let (reads, _) = logged();
        let raw = b"caf\xC3 ok";
        let bad = text(raw, &reads);
        assert!(!reads.damage.found());
        assert_eq!(bad.as_str(), "       ");
        assert!(reads.damage.found());
        let (reads, _) = logged();
        assert_eq!(text("café ok".as_bytes(), &reads).as_str(), "café ok");
        assert!(!reads.damage.found());
    }

    #[test]
    fn a_read_checks_only_the_chunks_it_touches_and_a_failed_one_blanks_the_blob() {
        let raw: Vec<u8> = (0..3 * CHUNK as u32).map(|i| (i % 251) as u8).collect();
        let mut digests = chunk_digests(&raw);
        let (reads, released) = logged();
        let whole = bytes(&raw)
            .checked_on_first_read(digests.clone().into(), false, &reads)
            .unwrap();
        // A view within the second chunk reads and releases that chunk only.
        let at = CHUNK + 100;
        assert_eq!(whole.get(at..at + 10), Some(&raw[at..at + 10]));
        assert_eq!(*released.lock().unwrap(), [(CHUNK, 2 * CHUNK)]);
        // A view across the first two checks the first; the second is done.
        assert_eq!(whole.get(CHUNK - 5..CHUNK + 5), Some(&raw[CHUNK - 5..CHUNK + 5]));
        assert_eq!(released.lock().unwrap().len(), 2);
        assert_eq!(whole.len(), 3 * CHUNK);
        assert_eq!(whole.get(3 * CHUNK - 1..3 * CHUNK + 1), None);
        assert!(!reads.damage.found());

        // The third chunk's digest is wrong: unseen until it is read.
        digests[2] ^= 1;
        let (reads, _) = logged();
        let damaged = bytes(&raw)
            .checked_on_first_read(digests.into(), false, &reads)
            .unwrap();
        assert_eq!(damaged.get(at..at + 10), Some(&raw[at..at + 10]));
        assert!(!reads.damage.found());
        assert_eq!(damaged.get(2 * CHUNK..2 * CHUNK + 4), Some(&[0u8; 4][..]));
        assert!(reads.damage.found());
        // Then all of it reads as zeros.
        assert_eq!(damaged.get(at..at + 10), Some(&[0u8; 10][..]));
    }

    #[test]
    fn characters_across_chunks_are_checked_wherever_a_read_starts() {
        // One byte, then two-byte characters: every chunk starts inside one.
        let mut good = b"a".to_vec();
        good.extend("é".repeat(CHUNK).as_bytes());
        let (reads, _) = logged();
        let view = text(&good, &reads);
        let at = CHUNK + 3;
        assert_eq!(view.get(at..at + 4), Some("éé"));
        assert_eq!(view.get(at + 1..at + 4), None, "not at a character start");
        assert_eq!(view.as_str().len(), good.len());
        assert!(!reads.damage.found());

        // A character cut where the second chunk starts is found by a read
        // of the first chunk, whose last character it is; a read of the
        // second reads only whole characters after it.
        let mut cut = good.clone();
        cut[CHUNK - 1] = b'x';
        let found = |bad: &[u8], at: usize| {
            let (reads, _) = logged();
            text(bad, &reads).get(at..at + 2);
            reads.damage.found()
        };
        assert!(found(&cut, CHUNK - 5));
        assert!(!found(&cut, CHUNK + 1));
        // A run of continuation bytes there is no character's, and is found
        // by a read of either chunk.
        let mut run = good.clone();
        run[CHUNK..CHUNK + 4].fill(0x80);
        assert!(found(&run, CHUNK - 5));
        assert!(found(&run, CHUNK + 5));
        assert!(!found(&good, CHUNK - 5) && !found(&good, CHUNK + 5));
    }
}
