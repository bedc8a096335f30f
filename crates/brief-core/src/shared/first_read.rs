//! The check a blob of a stored snapshot gets on its first read: its
//! xxh3, and UTF-8 for a text, once, releasing its pages as it goes.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use xxhash_rust::xxh3::Xxh3;

/// Told `(start, end)`, in offsets of the backing, as a reader is done
/// with a stretch of it: the adapter lets the pages of a memory map go
/// (they come back from the page cache when read again).
pub type Release = Arc<dyn Fn(usize, usize) + Send + Sync>;

/// What the first-read checks of one stored snapshot share: where a
/// failure is recorded, and whom to tell as a check is done with each
/// stretch, so that checking a blob does not leave all of it resident
/// (only what its reader then reads is).
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

/// The check of a blob, run once, on its first read. A failed blob reads
/// as blank bytes of the same length (spaces for a text, zeros for an
/// array) so that no reader can go out of bounds or see invalid UTF-8;
/// [`Damage`] tells the adapter to throw away what was computed from it
/// and rebuild.
pub(super) struct FirstReadCheck {
    start: usize,
    end: usize,
    digest: u64,
    utf8: bool,
    /// `None` once the bytes passed; the blank stand-in if they failed
    /// (as `u64`s, so that it is aligned for any array).
    outcome: OnceLock<Option<Box<[u64]>>>,
    reads: FirstReads,
}

/// How much is checked between two calls of `release`.
const RELEASE_EVERY: usize = 8 << 20;

impl FirstReadCheck {
    pub(super) fn new(
        start: usize,
        end: usize,
        digest: u64,
        utf8: bool,
        reads: &FirstReads,
    ) -> FirstReadCheck {
        FirstReadCheck {
            start,
            end,
            digest,
            utf8,
            outcome: OnceLock::new(),
            reads: reads.clone(),
        }
    }

    /// Where the checked range starts in the backing.
    pub(super) fn start(&self) -> usize {
        self.start
    }

    /// `None` if the bytes passed (checked now if not yet), else the blank
    /// stand-in to read instead.
    pub(super) fn outcome(&self, backing: &[u8]) -> Option<&[u64]> {
        self.outcome
            .get_or_init(|| {
                if self.sound(backing) {
                    return None;
                }
                self.reads.damage.0.store(true, Ordering::Release);
                let fill = if self.utf8 {
                    u64::from_ne_bytes([b' '; 8])
                } else {
                    0
                };
                Some(vec![fill; (self.end - self.start).div_ceil(8)].into_boxed_slice())
            })
            .as_deref()
    }

    /// The digest and UTF-8 checked in one pass, stretch by stretch.
    fn sound(&self, backing: &[u8]) -> bool {
        let mut hash = Xxh3::new();
        let mut at = self.start;
        while at < self.end {
            // Cut at a character's first byte, so that each stretch of a
            // UTF-8 text is UTF-8 and a text is UTF-8 if all of them are.
            let mut cut = self.end.min(at + RELEASE_EVERY);
            while self.utf8 && cut < self.end && cut > at + 1 && backing[cut] & 0xC0 == 0x80 {
                cut -= 1;
            }
            let stretch = &backing[at..cut];
            if self.utf8 && std::str::from_utf8(stretch).is_err() {
                return false;
            }
            hash.update(stretch);
            (self.reads.release)(at, cut);
            at = cut;
        }
        hash.digest() == self.digest
    }
}

#[cfg(test)]
mod tests {
    use xxhash_rust::xxh3::xxh3_64;

    use super::*;
    use crate::shared::{Backing, SharedBytes, SharedStr};

    fn first_reads() -> FirstReads {
        FirstReads {
            damage: Damage::default(),
            release: Arc::new(|_, _| {}),
        }
    }

    fn bytes(b: &[u8]) -> SharedBytes {
        let backing: Backing = Arc::new(b.to_vec());
        SharedBytes::new(backing)
    }

    #[test]
    fn a_text_that_is_not_utf8_reads_as_spaces_even_when_its_digest_matches() {
        let raw = b"caf\xC3 ok";
        let reads = first_reads();
        let text = SharedStr::checked_on_first_read(bytes(raw), xxh3_64(raw), &reads);
        assert!(!reads.damage.found());
        assert_eq!(text.as_str(), "       ");
        assert!(reads.damage.found());
        // The same bytes with a valid character pass.
        let reads = first_reads();
        let raw = "café ok".as_bytes();
        let text = SharedStr::checked_on_first_read(bytes(raw), xxh3_64(raw), &reads);
        assert_eq!(text.as_str(), "café ok");
        assert!(!reads.damage.found());
    }

    #[test]
    fn a_slice_of_checked_bytes_checks_the_whole_and_reads_its_own_part() {
        let raw: Vec<u8> = (0..100).collect();
        let released = Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = released.clone();
        let reads = FirstReads {
            damage: Damage::default(),
            release: Arc::new(move |start, end| log.lock().unwrap().push((start, end))),
        };
        let whole =
            bytes(&raw)
                .slice(5, 100)
                .unwrap()
                .checked_on_first_read(xxh3_64(&raw[5..]), false, &reads);
        let part = whole.slice(10, 20).unwrap();
        assert_eq!(&*part, &raw[15..25]);
        // Checked once, as a whole, and its pages released as checked.
        assert_eq!(&*whole.slice(0, 3).unwrap(), &raw[5..8]);
        assert_eq!(*released.lock().unwrap(), [(5, 100)]);
        assert!(!reads.damage.found());
        let wrong = bytes(&raw).checked_on_first_read(xxh3_64(b"other"), false, &reads);
        assert_eq!(&*wrong.slice(10, 20).unwrap(), &[0; 10]);
        assert_eq!(wrong.len(), 100);
        assert!(reads.damage.found());
    }
}
