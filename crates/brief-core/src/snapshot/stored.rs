//! A snapshot laid out as bytes, and read back in place from a
//! [`SharedBytes`] (the adapters hand in a memory-mapped file). The big
//! arrays (texts, offset-map pieces, the skeleton and its k-gram postings)
//! stay in the buffer; the tables (paragraphs, sentences, line starts,
//! figures, entities) are decoded into the heap.
//!
//! Layout, little-endian:
//! 1. header: [`MAGIC`], [`FORMAT`] (u32), the crate version and build
//!    identity (u32 length and bytes), the caller's inputs (u64 length,
//!    bytes, their xxh3), padding to 8 bytes. [`read_inputs`] reads only
//!    this, so that a stale index is told apart without reading the rest;
//! 2. blobs, each at an 8-aligned offset: per document its texts, offset
//!    map and tables ([`postcard`]); then the skeleton, its postings, and
//!    the quote, figure and entity tables (postcard), one blob each, so
//!    that each table's bytes are let go once decoded; then what updates
//!    need (the vocabulary, case counts and each document's names, with
//!    maps stored in key order), decoded only when the live corpus asks
//!    for it;
//! 3. the directory (postcard): where each blob is, and its xxh3 (for a
//!    big array read in place, one per
//!    [`CHUNK`](crate::shared::CHUNK));
//! 4. trailer: the directory's offset, length and xxh3, [`END`].
//!
//! Everything is checked before it is trusted (magic, format, version,
//! lengths, each blob's xxh3, UTF-8, alignment), so that a truncated,
//! corrupt or foreign buffer is an error or a [`Damage`], never a panic or
//! a wrong answer. The directory and the tables are checked as they are
//! decoded, when the snapshot opens. The big arrays read in place (texts,
//! offset maps, skeleton, postings: most of the file) are checked a chunk
//! at a time on first read instead, so that a warm start reads only the
//! part of the file its first requests need (a quote's lookup reads a few
//! chunks of the skeleton and postings): a failure there reads as blank bytes and
//! marks the snapshot's [`Damage`], and the adapter throws away what it
//! computed and rebuilds. [`Snapshot::verify_stored`] checks them all at
//! once, for a caller that cannot rebuild halfway (the CLI).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::{PartsOf, Snapshot};
use crate::corpus::{DocId, Document, OffsetMap, Paragraph, Problem, Reference};
use crate::entities::EntityTable;
use crate::figures::FigureIndex;
use crate::quotes::{DocSkeleton, QuoteIndex};
use crate::shared::{chunk_digests, Damage, FirstReads, Release, SharedBytes, SharedSlice, SharedStr};
use crate::text::{LineIndex, TextRange};

/// Bumped whenever the layout or anything stored changes meaning.
pub const FORMAT: u32 = 12;
const MAGIC: &[u8; 8] = b"BRIEFIDX";
const END: &[u8; 8] = b"BRIEFEND";
const TRAILER: usize = 32;
/// The crate version and the build's identity (`build.rs`: a hash of the
/// core's sources), so that changed rules never read an older index.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("BRIEF_CORE_BUILD_ID"));

#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
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

/// A table, checked whole as it is decoded.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Blob {
    offset: u64,
    len: u64,
    /// The xxh3 of the blob's bytes.
    digest: u64,
}

/// A big array read in place, checked a chunk at a time on first read.
#[derive(Clone, Serialize, Deserialize)]
struct InPlace {
    offset: u64,
    len: u64,
    /// The xxh3 of each [`CHUNK`](crate::shared::CHUNK) of its bytes.
    digests: Vec<u64>,
}

/// A document's tables (its texts and offset map are blobs).
#[derive(Serialize, Deserialize)]
struct StoredDocument<'a> {
    path: Cow<'a, Path>,
    extracted_from: Option<Cow<'a, Path>>,
    reference: Cow<'a, Reference>,
    has_manifest_entry: bool,
    title_from_text: bool,
    line_index: Cow<'a, LineIndex>,
    paragraphs: Cow<'a, [Paragraph]>,
    sentences: Cow<'a, [TextRange]>,
    /// Where each printed page starts, and its number.
    pages: Cow<'a, [(usize, u32)]>,
    n_furniture_lines: usize,
    title_range: Option<TextRange>,
    vocabulary_asked: Cow<'a, [Box<str>]>,
}

#[derive(Serialize, Deserialize)]
struct DocumentBlobs {
    original: InPlace,
    normalized: InPlace,
    pieces: InPlace,
    /// A [`StoredDocument`].
    tables: Blob,
}

#[derive(Serialize, Deserialize)]
struct QuoteTables<'a> {
    doc_starts: Cow<'a, [usize]>,
    doc_skeletons: Cow<'a, [DocSkeleton]>,
    /// The postings' fences, so that a lookup reads one chunk of them.
    fences: Cow<'a, [u32]>,
}

/// Where everything is.
#[derive(Serialize, Deserialize)]
struct Directory<'a> {
    documents: Vec<DocumentBlobs>,
    problems: Cow<'a, [Problem]>,
    absent: Cow<'a, [(String, PathBuf)]>,
    skeleton: InPlace,
    entries: InPlace,
    /// A [`QuoteTables`].
    quote_tables: Blob,
    /// A [`FigureIndex`].
    figures: Blob,
    /// A `[Entity]`.
    entities: Blob,
    /// The snapshot's [`Parts`](super::Parts), read only when an update
    /// needs them.
    parts: InPlace,
}

/// A writer that counts what passes through it.
struct Out<W: Write> {
    w: W,
    pos: u64,
}

impl<W: Write> Out<W> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.w.write_all(bytes)?;
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
            digest: xxh3_64(bytes),
        })
    }

    fn in_place(&mut self, bytes: &[u8]) -> io::Result<InPlace> {
        let Blob { offset, len, .. } = self.blob(bytes)?;
        Ok(InPlace {
            offset,
            len,
            digests: chunk_digests(bytes),
        })
    }
}

/// Writes `snapshot`, with `inputs` (what the caller needs to tell whether
/// the snapshot is still valid) in the header.
pub fn write_snapshot<W: Write>(snapshot: &Snapshot, inputs: &[u8], w: W) -> io::Result<()> {
    if cfg!(target_endian = "big") {
        return Err(io::Error::other("stored indexes are little-endian only"));
    }
    let mut out = Out { w, pos: 0 };
    out.put(MAGIC)?;
    out.put(&FORMAT.to_le_bytes())?;
    out.put(&(VERSION.len() as u32).to_le_bytes())?;
    out.put(VERSION.as_bytes())?;
    out.put(&(inputs.len() as u64).to_le_bytes())?;
    out.put(inputs)?;
    out.put(&xxh3_64(inputs).to_le_bytes())?;
    let mut documents = Vec::with_capacity(snapshot.documents.len());
    for doc in &snapshot.documents {
        let original = out.in_place(doc.original.as_bytes())?;
        let normalized = out.in_place(doc.normalized.as_bytes())?;
        let pieces = out.in_place(doc.map.pieces().as_bytes())?;
        let tables = encode(&StoredDocument {
            path: Cow::Borrowed(&doc.path),
            extracted_from: doc.extracted_from.as_deref().map(Cow::Borrowed),
            reference: Cow::Borrowed(&doc.reference),
            has_manifest_entry: doc.has_manifest_entry,
            title_from_text: doc.title_from_text,
            line_index: Cow::Borrowed(&doc.line_index),
            paragraphs: Cow::Borrowed(&doc.paragraphs),
            sentences: Cow::Borrowed(&doc.sentences),
            pages: Cow::Borrowed(&doc.pages),
            n_furniture_lines: doc.n_furniture_lines,
            title_range: doc.title_range,
            vocabulary_asked: Cow::Borrowed(&doc.vocabulary_asked),
        })?;
        documents.push(DocumentBlobs {
            original,
            normalized,
            pieces,
            tables: out.blob(&tables)?,
        });
    }
    let quotes = &snapshot.quote_index;
    let skeleton = out.in_place(quotes.skeleton.as_bytes())?;
    let entries = out.in_place(quotes.entries.as_bytes())?;
    let quote_tables = encode(&QuoteTables {
        doc_starts: Cow::Borrowed(&quotes.doc_starts),
        doc_skeletons: Cow::Borrowed(&quotes.docs),
        fences: Cow::Borrowed(&quotes.fences),
    })?;
    let directory = Directory {
        documents,
        problems: Cow::Borrowed(&snapshot.problems),
        absent: Cow::Borrowed(&snapshot.absent),
        skeleton,
        entries,
        quote_tables: out.blob(&quote_tables)?,
        figures: out.blob(&encode(&snapshot.figure_index)?)?,
        entities: out.blob(&encode(&snapshot.entities.entities)?)?,
        parts: match &snapshot.parts {
            // Still the bytes it was read from: written as they are.
            PartsOf::Stored(bytes, _) => out.in_place(bytes)?,
            PartsOf::Built(parts) => out.in_place(&encode(parts)?)?,
        },
    };
    let directory = out.blob(&encode(&directory)?)?;
    let mut trailer = Vec::with_capacity(TRAILER);
    trailer.extend_from_slice(&directory.offset.to_le_bytes());
    trailer.extend_from_slice(&directory.len.to_le_bytes());
    trailer.extend_from_slice(&directory.digest.to_le_bytes());
    trailer.extend_from_slice(END);
    out.w.write_all(&trailer)?;
    out.w.flush()
}

fn encode<T: Serialize + ?Sized>(value: &T) -> io::Result<Vec<u8>> {
    postcard::to_stdvec(value).map_err(io::Error::other)
}

/// A table of the buffer, checked and decoded; its bytes are then
/// released, as the heap holds what they say.
fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8], b: Blob, release: &Release) -> Result<T, StoredError> {
    let (start, end) = range(b.offset, b.len)?;
    let table = bytes.get(start..end).ok_or(StoredError::Truncated)?;
    let decoded = if xxh3_64(table) != b.digest {
        Err(StoredError::Checksum)
    } else {
        postcard::from_bytes(table).map_err(|e| StoredError::Malformed(e.to_string()))
    };
    release(start, end);
    decoded
}

/// Where a blob is in the buffer, if the numbers fit this machine.
fn range(offset: u64, len: u64) -> Result<(usize, usize), StoredError> {
    let start = usize::try_from(offset).map_err(|_| StoredError::Truncated)?;
    let len = usize::try_from(len).map_err(|_| StoredError::Truncated)?;
    Ok((start, start.checked_add(len).ok_or(StoredError::Truncated)?))
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
///
/// The header, the directory and the tables are checked here, and the
/// tables' bytes are released once decoded (`release(start, end)`: the
/// caller reading a memory map can let those pages go). The big arrays are
/// checked on first read (see the module documentation), releasing as they
/// go.
pub fn read_snapshot(bytes: &SharedBytes, release: Release) -> Result<Snapshot, StoredError> {
    read_inputs(bytes)?;
    if cfg!(target_endian = "big") {
        return Err(StoredError::Foreign);
    }
    let body_len = bytes.len().checked_sub(TRAILER).ok_or(StoredError::Truncated)?;
    let mut trailer = Cursor {
        bytes: &bytes[body_len..],
        at: 0,
    };
    let directory = Blob {
        offset: trailer.u64()?,
        len: trailer.u64()?,
        digest: trailer.u64()?,
    };
    if trailer.take(END.len())? != END {
        return Err(StoredError::Truncated);
    }
    let directory: Directory = decode(bytes, directory, &release)?;
    let (docs, quote_tables, figures, entities) = decode_tables(bytes, &directory, &release)?;
    // Reading a table's pages maps the pages around them too (the kernel's
    // fault-around, 64 KiB): nothing else was read yet, so let all go.
    release(0, body_len);
    let malformed = |what: &str| StoredError::Malformed(what.to_string());
    let reads = FirstReads {
        damage: Damage::default(),
        release,
    };
    let digests = |b: &InPlace| b.digests.clone().into_boxed_slice();
    let text = |b: &InPlace| {
        SharedStr::checked_on_first_read(in_place(bytes, b)?, digests(b), &reads)
            .ok_or_else(|| malformed("chunk digests"))
    };
    let array = |b: &InPlace| {
        in_place(bytes, b)?
            .checked_on_first_read(digests(b), false, &reads)
            .ok_or_else(|| malformed("chunk digests"))
    };
    let mut documents = Vec::with_capacity(docs.len());
    let mut by_key = HashMap::with_capacity(docs.len());
    for (i, (d, blobs)) in docs.into_iter().zip(&directory.documents).enumerate() {
        let id = DocId(i as u32);
        by_key.insert(d.reference.key.clone(), id);
        documents.push(Document {
            id,
            path: d.path.into_owned(),
            extracted_from: d.extracted_from.map(Cow::into_owned),
            reference: d.reference.into_owned(),
            has_manifest_entry: d.has_manifest_entry,
            title_from_text: d.title_from_text,
            original: text(&blobs.original)?,
            line_index: d.line_index.into_owned(),
            normalized: text(&blobs.normalized)?,
            map: OffsetMap::from_pieces(
                SharedSlice::from_shared(array(&blobs.pieces)?).ok_or_else(|| malformed("offset map"))?,
            ),
            paragraphs: d.paragraphs.into_owned(),
            sentences: d.sentences.into_owned(),
            pages: d.pages.into_owned(),
            n_furniture_lines: d.n_furniture_lines,
            title_range: d.title_range,
            vocabulary_asked: d.vocabulary_asked.into_owned(),
        });
    }
    if quote_tables.doc_starts.len() != documents.len() + 1
        || quote_tables.doc_skeletons.len() != documents.len()
        || quote_tables.doc_starts.last().map(|&n| n as u64) != Some(directory.skeleton.len)
    {
        return Err(malformed("skeleton table"));
    }
    let quote_index = QuoteIndex {
        skeleton: text(&directory.skeleton)?,
        doc_starts: quote_tables.doc_starts.into_owned(),
        docs: quote_tables.doc_skeletons.into_owned(),
        entries: SharedSlice::from_shared(array(&directory.entries)?)
            .ok_or_else(|| malformed("k-gram postings"))?,
        fences: quote_tables.fences.into_owned(),
    };
    if !quote_index.fences_fit() {
        return Err(malformed("postings' fences"));
    }
    Ok(Snapshot {
        documents,
        problems: directory.problems.into_owned(),
        by_key,
        absent: directory.absent.into_owned(),
        quote_index,
        figure_index: figures,
        entities,
        parts: PartsOf::Stored(array(&directory.parts)?, OnceLock::new()),
        damage: reads.damage,
    })
}

type Tables<'a> = (Vec<StoredDocument<'a>>, QuoteTables<'a>, FigureIndex, EntityTable);

/// Every table the directory names, decoded. One after the other: decoding
/// on several threads while pages are faulted in and released was slower
/// here (the threads contend for the process's memory map).
fn decode_tables<'a>(bytes: &'a [u8], dir: &Directory, release: &Release) -> Result<Tables<'a>, StoredError> {
    let docs = dir
        .documents
        .iter()
        .map(|d| decode(bytes, d.tables, release))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((
        docs,
        decode(bytes, dir.quote_tables, release)?,
        decode(bytes, dir.figures, release)?,
        decode(bytes, dir.entities, release).map(EntityTable::from_entities)?,
    ))
}

fn in_place(bytes: &SharedBytes, b: &InPlace) -> Result<SharedBytes, StoredError> {
    let (start, end) = range(b.offset, b.len)?;
    bytes.slice(start, end).ok_or(StoredError::Truncated)
}

impl Snapshot {
    /// Runs every first-read check of a stored snapshot now, front to back
    /// through the file; an error if any fails. Nothing to do for a
    /// snapshot that was built, not read.
    pub fn verify_stored(&self) -> Result<(), StoredError> {
        // In the order of the file (see `write_snapshot`).
        let sound = self
            .documents
            .iter()
            .all(|d| d.original.verify() && d.normalized.verify() && d.map.pieces().verify())
            && self.quote_index.skeleton.verify()
            && self.quote_index.entries.verify()
            && match &self.parts {
                PartsOf::Stored(bytes, _) => bytes.verify(),
                PartsOf::Built(_) => true,
            };
        if sound {
            Ok(())
        } else {
            Err(StoredError::Checksum)
        }
    }
}
