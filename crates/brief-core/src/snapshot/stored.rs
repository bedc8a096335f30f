//! A snapshot laid out as bytes, and read back in place from a
//! [`SharedBytes`] (the adapters hand in a memory-mapped file). The big
//! arrays (texts, offset-map pieces, the skeleton and its k-gram postings)
//! stay in the buffer; the tables (paragraphs, sentences, line starts,
//! figures, entities) are small enough to decode into the heap.
//!
//! Layout, little-endian:
//! 1. header: [`MAGIC`], [`FORMAT`] (u32), the crate version and build
//!    identity (u32 length and bytes), the caller's inputs (u64 length,
//!    bytes, their xxh3), padding to 8 bytes. [`read_inputs`] reads only this, so that a stale index is
//!    told apart without reading the rest;
//! 2. blobs, each at an 8-aligned offset;
//! 3. the tables ([`postcard`]), naming blobs by offset and length;
//! 4. trailer: the tables' offset and length, the xxh3 of everything before
//!    the trailer, [`END`].
//!
//! Everything is checked on reading (magic, format, version, lengths,
//! checksum, UTF-8, alignment), so that a truncated, corrupt or foreign
//! buffer is an error, never a panic or a wrong answer.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use super::Snapshot;
use crate::corpus::{DocId, Document, OffsetMap, Paragraph, Problem, Reference};
use crate::entities::{Entity, EntityTable};
use crate::figures::FigureIndex;
use crate::quotes::{DocSkeleton, QuoteIndex};
use crate::shared::{SharedBytes, SharedSlice, SharedStr};
use crate::text::{LineIndex, TextRange};

/// Bumped whenever the layout or anything stored changes meaning.
pub const FORMAT: u32 = 3;
const MAGIC: &[u8; 8] = b"BRIEFIDX";
const END: &[u8; 8] = b"BRIEFEND";
const TRAILER: usize = 32;
/// The crate version and the build's identity (`build.rs`: a hash of the
/// core's sources), so that changed rules never read an older index.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("BRIEF_CORE_BUILD_ID"));

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StoredError {
    #[error("not a brief-lsp index")]
    Foreign,
    #[error("index format {0}; this build reads format {FORMAT}")]
    Format(u32),
    #[error("index written by brief-lsp {0}; this is {VERSION}")]
    Version(String),
    #[error("index is truncated")]
    Truncated,
    #[error("index checksum does not match")]
    Checksum,
    #[error("index is malformed: {0}")]
    Malformed(String),
}

#[derive(Clone, Copy, Serialize, Deserialize)]
struct Blob {
    offset: u64,
    len: u64,
}

#[derive(Serialize, Deserialize)]
struct StoredDocument<'a> {
    path: Cow<'a, Path>,
    extracted_from: Option<Cow<'a, Path>>,
    reference: Cow<'a, Reference>,
    has_manifest_entry: bool,
    original: Blob,
    normalized: Blob,
    pieces: Blob,
    line_index: Cow<'a, LineIndex>,
    paragraphs: Cow<'a, [Paragraph]>,
    sentences: Cow<'a, [TextRange]>,
    /// Where each printed page starts, and its number.
    pages: Cow<'a, [(usize, u32)]>,
    n_furniture_lines: usize,
    title_range: Option<TextRange>,
}

#[derive(Serialize, Deserialize)]
struct StoredSnapshot<'a> {
    documents: Vec<StoredDocument<'a>>,
    problems: Cow<'a, [Problem]>,
    skeleton: Blob,
    doc_starts: Cow<'a, [usize]>,
    doc_skeletons: Cow<'a, [DocSkeleton]>,
    entries: Blob,
    figures: Cow<'a, FigureIndex>,
    entities: Cow<'a, [Entity]>,
}

/// A writer that counts and hashes what passes through it.
struct Out<W: Write> {
    w: W,
    pos: u64,
    hash: Xxh3,
}

impl<W: Write> Out<W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.w.write_all(bytes)?;
        self.hash.update(bytes);
        self.pos += bytes.len() as u64;
        Ok(())
    }

    fn align(&mut self) -> io::Result<()> {
        let pad = (8 - self.pos % 8) % 8;
        self.put(&[0; 8][..pad as usize])
    }

    fn blob(&mut self, bytes: &[u8]) -> io::Result<Blob> {
        self.align()?;
        let offset = self.pos;
        self.put(bytes)?;
        Ok(Blob {
            offset,
            len: bytes.len() as u64,
        })
    }
}

/// Writes `snapshot`, with `inputs` (what the caller needs to tell whether
/// the snapshot is still valid) in the header.
pub fn write_snapshot<W: Write>(snapshot: &Snapshot, inputs: &[u8], w: W) -> io::Result<()> {
    if cfg!(target_endian = "big") {
        return Err(io::Error::other("stored indexes are little-endian only"));
    }
    let mut out = Out {
        w,
        pos: 0,
        hash: Xxh3::new(),
    };
    out.put(MAGIC)?;
    out.put(&FORMAT.to_le_bytes())?;
    out.put(&(VERSION.len() as u32).to_le_bytes())?;
    out.put(VERSION.as_bytes())?;
    out.put(&(inputs.len() as u64).to_le_bytes())?;
    out.put(inputs)?;
    out.put(&xxh3_64(inputs).to_le_bytes())?;
    let mut documents = Vec::with_capacity(snapshot.documents.len());
    for doc in &snapshot.documents {
        documents.push(StoredDocument {
            path: Cow::Borrowed(&doc.path),
            extracted_from: doc.extracted_from.as_deref().map(Cow::Borrowed),
            reference: Cow::Borrowed(&doc.reference),
            has_manifest_entry: doc.has_manifest_entry,
            original: out.blob(doc.original.as_bytes())?,
            normalized: out.blob(doc.normalized.as_bytes())?,
            pieces: out.blob(doc.map.pieces().as_bytes())?,
            line_index: Cow::Borrowed(&doc.line_index),
            paragraphs: Cow::Borrowed(&doc.paragraphs),
            sentences: Cow::Borrowed(&doc.sentences),
            pages: Cow::Borrowed(&doc.pages),
            n_furniture_lines: doc.n_furniture_lines,
            title_range: doc.title_range,
        });
    }
    let quotes = &snapshot.quote_index;
    let stored = StoredSnapshot {
        documents,
        problems: Cow::Borrowed(&snapshot.problems),
        skeleton: out.blob(quotes.skeleton.as_bytes())?,
        doc_starts: Cow::Borrowed(&quotes.doc_starts),
        doc_skeletons: Cow::Borrowed(&quotes.docs),
        entries: out.blob(quotes.entries.as_bytes())?,
        figures: Cow::Borrowed(&snapshot.figure_index),
        entities: Cow::Borrowed(&snapshot.entities.entities),
    };
    let tables = postcard::to_stdvec(&stored).map_err(io::Error::other)?;
    let tables = out.blob(&tables)?;
    let digest = out.hash.digest();
    let mut trailer = Vec::with_capacity(TRAILER);
    trailer.extend_from_slice(&tables.offset.to_le_bytes());
    trailer.extend_from_slice(&tables.len.to_le_bytes());
    trailer.extend_from_slice(&digest.to_le_bytes());
    trailer.extend_from_slice(END);
    out.w.write_all(&trailer)?;
    out.w.flush()
}

/// A little-endian reader over a byte slice.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], StoredError> {
        let end = self.at.checked_add(n).ok_or(StoredError::Truncated)?;
        let out = self.bytes.get(self.at..end).ok_or(StoredError::Truncated)?;
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, StoredError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, StoredError> {
        let mut b = [0; 8];
        b.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(b))
    }
}

/// The inputs stored in the header of `bytes`, after checking that they
/// are an index of this format and version. Reads only the header.
pub fn read_inputs(bytes: &[u8]) -> Result<&[u8], StoredError> {
    let mut c = Cursor { bytes, at: 0 };
    if c.take(MAGIC.len()).map_err(|_| StoredError::Foreign)? != MAGIC {
        return Err(StoredError::Foreign);
    }
    let format = c.u32()?;
    if format != FORMAT {
        return Err(StoredError::Format(format));
    }
    let len = c.u32()? as usize;
    let version = c.take(len)?;
    if version != VERSION.as_bytes() {
        return Err(StoredError::Version(
            String::from_utf8_lossy(version).into_owned(),
        ));
    }
    let len = usize::try_from(c.u64()?).map_err(|_| StoredError::Truncated)?;
    let inputs = c.take(len)?;
    if c.u64()? != xxh3_64(inputs) {
        return Err(StoredError::Checksum);
    }
    Ok(inputs)
}

/// The snapshot stored in `bytes`, its big arrays read in place.
pub fn read_snapshot(bytes: &SharedBytes) -> Result<Snapshot, StoredError> {
    read_inputs(bytes)?;
    if cfg!(target_endian = "big") {
        return Err(StoredError::Foreign);
    }
    let body_len = bytes.len().checked_sub(TRAILER).ok_or(StoredError::Truncated)?;
    let mut trailer = Cursor {
        bytes: &bytes[body_len..],
        at: 0,
    };
    let tables_at = trailer.u64()?;
    let tables_len = trailer.u64()?;
    let digest = trailer.u64()?;
    if trailer.take(END.len())? != END {
        return Err(StoredError::Truncated);
    }
    if xxh3_64(&bytes[..body_len]) != digest {
        return Err(StoredError::Checksum);
    }
    let tables = blob(
        bytes,
        Blob {
            offset: tables_at,
            len: tables_len,
        },
    )?;
    let stored: StoredSnapshot =
        postcard::from_bytes(&tables).map_err(|e| StoredError::Malformed(e.to_string()))?;
    let malformed = |what: &str| StoredError::Malformed(what.to_string());
    let mut documents = Vec::with_capacity(stored.documents.len());
    let mut by_key = HashMap::with_capacity(stored.documents.len());
    for (i, d) in stored.documents.into_iter().enumerate() {
        let id = DocId(i as u32);
        by_key.insert(d.reference.key.clone(), id);
        documents.push(Document {
            id,
            path: d.path.into_owned(),
            extracted_from: d.extracted_from.map(Cow::into_owned),
            reference: d.reference.into_owned(),
            has_manifest_entry: d.has_manifest_entry,
            original: text(bytes, d.original)?,
            line_index: d.line_index.into_owned(),
            normalized: text(bytes, d.normalized)?,
            map: OffsetMap::from_pieces(
                SharedSlice::from_shared(blob(bytes, d.pieces)?).ok_or_else(|| malformed("offset map"))?,
            ),
            paragraphs: d.paragraphs.into_owned(),
            sentences: d.sentences.into_owned(),
            pages: d.pages.into_owned(),
            n_furniture_lines: d.n_furniture_lines,
            title_range: d.title_range,
        });
    }
    let quote_index = QuoteIndex {
        skeleton: text(bytes, stored.skeleton)?,
        doc_starts: stored.doc_starts.into_owned(),
        docs: stored.doc_skeletons.into_owned(),
        entries: SharedSlice::from_shared(blob(bytes, stored.entries)?)
            .ok_or_else(|| malformed("k-gram postings"))?,
    };
    if quote_index.doc_starts.len() != documents.len() + 1
        || quote_index.docs.len() != documents.len()
        || quote_index.doc_starts.last() != Some(&quote_index.skeleton.len())
    {
        return Err(malformed("skeleton table"));
    }
    Ok(Snapshot {
        documents,
        problems: stored.problems.into_owned(),
        by_key,
        quote_index,
        figure_index: stored.figures.into_owned(),
        entities: EntityTable::from_entities(stored.entities.into_owned()),
    })
}

fn blob(bytes: &SharedBytes, b: Blob) -> Result<SharedBytes, StoredError> {
    let start = usize::try_from(b.offset).map_err(|_| StoredError::Truncated)?;
    let len = usize::try_from(b.len).map_err(|_| StoredError::Truncated)?;
    let end = start.checked_add(len).ok_or(StoredError::Truncated)?;
    bytes.slice(start, end).ok_or(StoredError::Truncated)
}

fn text(bytes: &SharedBytes, b: Blob) -> Result<SharedStr, StoredError> {
    SharedStr::from_shared(blob(bytes, b)?).ok_or_else(|| StoredError::Malformed("text is not UTF-8".into()))
}
