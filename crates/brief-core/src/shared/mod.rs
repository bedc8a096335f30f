//! Text and arrays that are either owned or read in place from a buffer the
//! caller hands in (a memory-mapped index file, for the adapters). The big
//! arrays of a snapshot (original and normalized texts, offset-map pieces,
//! the skeleton and its k-gram postings) use these, so that a stored
//! snapshot opens without copying them into the heap. Clones share.
//!
//! Bytes read in place may carry a first-read check (`first_read`): a
//! stored snapshot checks its big arrays a chunk at a time as they are
//! first read rather than when it opens, so that a warm start reads only
//! what its first requests need. Whole views (`Deref`) check all their
//! chunks; `get` only those it reads.

mod first_read;

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use bytemuck::Pod;

use first_read::FirstReadCheck;
pub(crate) use first_read::{chunk_digests, FirstReads, CHUNK};
pub use first_read::{Damage, Release};

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
        (start <= end && end <= self.len()).then(|| SharedBytes {
            backing: self.backing.clone(),
            start: self.start + start,
            end: self.start + end,
            check: self.check.clone(),
        })
    }

    /// These bytes, each chunk to be checked against its digest (one per
    /// [`CHUNK`], as [`chunk_digests`] gives; and as UTF-8 if `utf8`) when
    /// it is first read, as `reads` says. `None` if the digests are not as
    /// many as the chunks.
    pub(crate) fn checked_on_first_read(
        self,
        digests: Box<[u64]>,
        utf8: bool,
        reads: &FirstReads,
    ) -> Option<SharedBytes> {
        let check = FirstReadCheck::new(self.start, self.end, digests, utf8, reads)?;
        Some(SharedBytes {
            check: Some(Arc::new(check)),
            ..self
        })
    }

    /// How many bytes, without reading them.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `self[range]`, reading (and checking, on first read) only the chunks
    /// it holds; `None` past the end.
    pub fn get(&self, range: Range<usize>) -> Option<&[u8]> {
        (range.start <= range.end && range.end <= self.len()).then(|| self.read(range))
    }

    /// `self[range]`, in bounds.
    fn read(&self, range: Range<usize>) -> &[u8] {
        let (start, end) = (self.start + range.start, self.start + range.end);
        let backing = (*self.backing).as_ref();
        match self
            .check
            .as_ref()
            .and_then(|c| Some((c.start(), c.outcome(backing, start, end)?)))
        {
            None => &backing[start..end],
            Some((base, blank)) => &bytemuck::cast_slice(blank)[start - base..end - base],
        }
    }

    /// The bytes as they are in the backing, unchecked: for their length
    /// and alignment, and for the check itself.
    fn unchecked(&self) -> &[u8] {
        &(*self.backing).as_ref()[self.start..self.end]
    }

    /// Runs the first-read check of every chunk now, if it has not run;
    /// `false` if the bytes fail it.
    pub(crate) fn verify(&self) -> bool {
        self.check.as_ref().is_none_or(|c| {
            c.outcome((*self.backing).as_ref(), self.start, self.end)
                .is_none()
        })
    }
}

impl Deref for SharedBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.read(0..self.len())
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
    pub(crate) fn checked_on_first_read(
        bytes: SharedBytes,
        digests: Box<[u64]>,
        reads: &FirstReads,
    ) -> Option<SharedStr> {
        Some(SharedStr(StrRepr::Shared(
            bytes.checked_on_first_read(digests, true, reads)?,
        )))
    }

    /// The length in bytes, without reading the text.
    pub fn len(&self) -> usize {
        match &self.0 {
            StrRepr::Owned(s) => s.len(),
            StrRepr::Shared(b) => b.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `self[range]`, reading only the chunks it holds (see
    /// [`SharedBytes::get`]); `None` past the end or inside a character,
    /// as [`str::get`].
    pub fn get(&self, range: Range<usize>) -> Option<&str> {
        match &self.0 {
            StrRepr::Owned(s) => s.get(range),
            StrRepr::Shared(b) => {
                let bytes = b.get(range.clone())?;
                // The bytes as stored, whatever a failed check reads as:
                // these are what the chunks' UTF-8 checks saw.
                let char_starts = |at: usize| b.unchecked().get(at).is_none_or(|&c| c & 0xC0 != 0x80);
                // SAFETY: the check of each chunk `range` holds found the
                // characters starting in it to be UTF-8, and `range` starts
                // and ends at a character's start, so it holds whole ones;
                // a failed check reads as spaces. A backing never changes.
                (char_starts(range.start) && char_starts(range.end))
                    .then(|| unsafe { std::str::from_utf8_unchecked(bytes) })
            }
        }
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

    /// How many values, without reading them.
    pub fn len(&self) -> usize {
        match &self.0 {
            SliceRepr::Owned(v) => v.len(),
            SliceRepr::Shared(b) => b.len() / size_of::<T>(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `self[range]`, reading only the chunks it holds (see
    /// [`SharedBytes::get`]); `None` past the end.
    pub fn get(&self, range: Range<usize>) -> Option<&[T]> {
        match &self.0 {
            SliceRepr::Owned(v) => v.get(range),
            SliceRepr::Shared(b) => {
                let size = size_of::<T>();
                let bytes = b.get(range.start.checked_mul(size)?..range.end.checked_mul(size)?)?;
                Some(bytemuck::cast_slice(bytes))
            }
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
