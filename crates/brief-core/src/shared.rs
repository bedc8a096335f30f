//! Text and arrays that are either owned or read in place from a buffer the
//! caller hands in (a memory-mapped index file, for the adapters). The big
//! arrays of a snapshot (original and normalized texts, offset-map pieces,
//! the skeleton and its k-gram postings) use these, so that a stored
//! snapshot opens without copying them into the heap. Clones share.
//!
//! Bytes read in place may carry a [`FirstReadCheck`]: a stored snapshot
//! checks its big arrays when they are first read rather than when it
//! opens, so that a warm start reads only what its first requests need.

use std::fmt;
use std::ops::Deref;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use bytemuck::Pod;
use xxhash_rust::xxh3::Xxh3;

/// Bytes that outlive every view of them: a `Vec<u8>`, or a memory map.
pub type Backing = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A byte range of a [`Backing`].
#[derive(Clone)]
pub struct SharedBytes {
    backing: Backing,
    start: usize,
    end: usize,
    /// Checks the range it was attached to (this range or one holding it)
    /// before any of it is read.
    check: Option<Arc<FirstReadCheck>>,
}

impl SharedBytes {
    pub fn new(backing: Backing) -> SharedBytes {
        let end = (*backing).as_ref().len();
        SharedBytes {
            backing,
            start: 0,
            end,
            check: None,
        }
    }

    /// `self[start..end]`, or `None` past the end.
    pub fn slice(&self, start: usize, end: usize) -> Option<SharedBytes> {
        (start <= end && end <= self.len_unchecked()).then(|| SharedBytes {
            backing: self.backing.clone(),
            start: self.start + start,
            end: self.start + end,
            check: self.check.clone(),
        })
    }

    /// These bytes, to be checked against `digest` (and as UTF-8 if
    /// `utf8`) when they are first read, as `reads` says.
    pub(crate) fn checked_on_first_read(self, digest: u64, utf8: bool, reads: &FirstReads) -> SharedBytes {
        let check = FirstReadCheck {
            start: self.start,
            end: self.end,
            digest,
            utf8,
            outcome: OnceLock::new(),
            reads: reads.clone(),
        };
        SharedBytes {
            check: Some(Arc::new(check)),
            ..self
        }
    }

    /// The bytes as they are in the backing, unchecked: for their length
    /// and alignment, and for the check itself.
    fn unchecked(&self) -> &[u8] {
        &(*self.backing).as_ref()[self.start..self.end]
    }

    /// Runs the first-read check now, if it has not run; `false` if the
    /// bytes fail it.
    pub(crate) fn verify(&self) -> bool {
        self.check
            .as_ref()
            .is_none_or(|c| c.outcome((*self.backing).as_ref()).is_none())
    }

    fn len_unchecked(&self) -> usize {
        self.end - self.start
    }
}

impl Deref for SharedBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        let Some(check) = &self.check else {
            return self.unchecked();
        };
        match check.outcome((*self.backing).as_ref()) {
            None => self.unchecked(),
            Some(blank) => &bytemuck::cast_slice(blank)[self.start - check.start..self.end - check.start],
        }
    }
}

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
struct FirstReadCheck {
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
    fn outcome(&self, backing: &[u8]) -> Option<&[u64]> {
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

/// A string, owned or in a shared buffer (checked to be UTF-8 once).
#[derive(Clone)]
pub struct SharedStr(StrRepr);

#[derive(Clone)]
enum StrRepr {
    Owned(Arc<String>),
    Shared(SharedBytes),
}

impl SharedStr {
    /// `None` if `bytes` are not UTF-8.
    pub fn from_shared(bytes: SharedBytes) -> Option<SharedStr> {
        std::str::from_utf8(&bytes).ok()?;
        Some(SharedStr(StrRepr::Shared(bytes)))
    }

    /// A text checked as UTF-8 on its first read (see
    /// [`SharedBytes::checked_on_first_read`]), not now.
    pub(crate) fn checked_on_first_read(bytes: SharedBytes, digest: u64, reads: &FirstReads) -> SharedStr {
        SharedStr(StrRepr::Shared(bytes.checked_on_first_read(digest, true, reads)))
    }

    /// Runs a first-read check now (see [`SharedBytes::verify`]).
    pub(crate) fn verify(&self) -> bool {
        match &self.0 {
            StrRepr::Owned(_) => true,
            StrRepr::Shared(b) => b.verify(),
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            StrRepr::Owned(s) => s,
            // SAFETY: checked to be UTF-8 in `from_shared`, or by the
            // first-read check that dereferencing runs (a failed check reads
            // as spaces), and the bytes of a `Backing` never change.
            StrRepr::Shared(b) => unsafe { std::str::from_utf8_unchecked(b) },
        }
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(StrRepr::Owned(Arc::new(s)))
    }
}

impl Default for SharedStr {
    fn default() -> SharedStr {
        SharedStr::from(String::new())
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An array of plain values, owned or in a shared buffer (little-endian,
/// aligned for `T`).
#[derive(Clone)]
pub struct SharedSlice<T: Pod>(SliceRepr<T>);

#[derive(Clone)]
enum SliceRepr<T: Pod> {
    Owned(Arc<Vec<T>>),
    Shared(SharedBytes),
}

impl<T: Pod> SharedSlice<T> {
    /// `None` if `bytes` are not a whole number of aligned `T`s. Bytes to
    /// be checked on first read are not read here.
    pub fn from_shared(bytes: SharedBytes) -> Option<SharedSlice<T>> {
        bytemuck::try_cast_slice::<u8, T>(bytes.unchecked()).ok()?;
        Some(SharedSlice(SliceRepr::Shared(bytes)))
    }

    /// Runs a first-read check now (see [`SharedBytes::verify`]).
    pub(crate) fn verify(&self) -> bool {
        match &self.0 {
            SliceRepr::Owned(_) => true,
            SliceRepr::Shared(b) => b.verify(),
        }
    }

    pub fn as_slice(&self) -> &[T] {
        match &self.0 {
            SliceRepr::Owned(v) => v,
            // Checked in `from_shared`; a cast of the same bytes cannot fail.
            SliceRepr::Shared(b) => bytemuck::cast_slice(b),
        }
    }

    pub fn as_bytes(&self) -> &[u8] {
        bytemuck::cast_slice(self.as_slice())
    }
}

impl<T: Pod> From<Vec<T>> for SharedSlice<T> {
    fn from(v: Vec<T>) -> SharedSlice<T> {
        SharedSlice(SliceRepr::Owned(Arc::new(v)))
    }
}

impl<T: Pod> Default for SharedSlice<T> {
    fn default() -> SharedSlice<T> {
        SharedSlice::from(Vec::new())
    }
}

impl<T: Pod> Deref for SharedSlice<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Pod + PartialEq> PartialEq for SharedSlice<T> {
    fn eq(&self, other: &SharedSlice<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Pod + Eq> Eq for SharedSlice<T> {}

impl<T: Pod + fmt::Debug> fmt::Debug for SharedSlice<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxhash_rust::xxh3::xxh3_64;

    #[test]
    fn shared_views_check_utf8_and_alignment() {
        let backing: Backing = Arc::new(vec![0u8, 0, 0, 0, 1, 0, 0, 0, b'h', b'i', 0xFF]);
        let all = SharedBytes::new(backing);
        let words = SharedSlice::<u32>::from_shared(all.slice(0, 8).unwrap()).unwrap();
        assert_eq!(&*words, &[0, 1]);
        assert!(SharedSlice::<u32>::from_shared(all.slice(0, 6).unwrap()).is_none());
        assert_eq!(&*SharedStr::from_shared(all.slice(8, 10).unwrap()).unwrap(), "hi");
        assert!(SharedStr::from_shared(all.slice(8, 11).unwrap()).is_none());
        assert!(all.slice(4, 12).is_none());
    }

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

/// (De)serializes a map of word counts as its entries in word order, so
/// that equal maps store equal bytes whatever order they were filled in.
pub(crate) mod sorted_counts {
    use rustc_hash::FxHashMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(map: &FxHashMap<Box<str>, u32>, s: S) -> Result<S::Ok, S::Error> {
        let mut entries: Vec<(&str, u32)> = map.iter().map(|(w, &n)| (&**w, n)).collect();
        entries.sort_unstable();
        entries.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<FxHashMap<Box<str>, u32>, D::Error> {
        Ok(Vec::<(Box<str>, u32)>::deserialize(d)?.into_iter().collect())
    }
}
