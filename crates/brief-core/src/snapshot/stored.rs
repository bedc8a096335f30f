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
//!    maps stored in key order), which is checked with the rest but
//!    decoded only when the live corpus asks for it;
//! 3. the directory (postcard): where each blob is;
//! 4. trailer: the directory's offset and length, the xxh3 of everything
//!    before the trailer, [`END`].
//!
//! Everything is checked on reading (magic, format, version, lengths,
//! checksum, UTF-8, alignment), so that a truncated, corrupt or foreign
//! buffer is an error, never a panic or a wrong answer. The checksum and
//! the UTF-8 of the texts are checked in one pass, and the caller is told
//! as the reading finishes with each stretch of the buffer (`release`), so
//! that opening a mapped index does not leave all of it resident.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use super::{PartsOf, Snapshot};
use crate::corpus::{DocId, Document, OffsetMap, Paragraph, Problem, Reference};
use crate::entities::EntityTable;
use crate::figures::FigureIndex;
use crate::quotes::{DocSkeleton, QuoteIndex};
use crate::shared::{SharedBytes, SharedSlice, SharedStr};
use crate::text::{LineIndex, TextRange};

/// Bumped whenever the layout or anything stored changes meaning.
pub const FORMAT: u32 = 6;
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

#[derive(Clone, Copy, Serialize, Deserialize)]
struct Blob {
    offset: u64,
    len: u64,
}

/// A document's tables (its texts and offset map are blobs).
#[derive(Serialize, Deserialize)]
struct StoredDocument<'a> {
    path: Cow<'a, Path>,
    extracted_from: Option<Cow<'a, Path>>,
    reference: Cow<'a, Reference>,
    has_manifest_entry: bool,
    line_index: Cow<'a, LineIndex>,
    paragraphs: Cow<'a, [Paragraph]>,
    sentences: Cow<'a, [TextRange]>,
    /// Where each printed page starts, and its number.
    pages: Cow<'a, [(usize, u32)]>,
    n_furniture_lines: usize,
    title_range: Option<TextRange>,
    vocabulary_asked: Cow<'a, [Box<str>]>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
struct DocumentBlobs {
    original: Blob,
    normalized: Blob,
    pieces: Blob,
    /// A [`StoredDocument`].
    tables: Blob,
}

#[derive(Serialize, Deserialize)]
struct QuoteTables<'a> {
    doc_starts: Cow<'a, [usize]>,
    doc_skeletons: Cow<'a, [DocSkeleton]>,
}

/// Where everything is.
#[derive(Serialize, Deserialize)]
struct Directory<'a> {
    documents: Vec<DocumentBlobs>,
    problems: Cow<'a, [Problem]>,
    skeleton: Blob,
    entries: Blob,
    /// A [`QuoteTables`].
    quote_tables: Blob,
    /// A [`FigureIndex`].
    figures: Blob,
    /// A `[Entity]`.
    entities: Blob,
    /// The snapshot's [`Parts`](super::Parts), read only when an update
    /// needs them.
    parts: Blob,
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
        let original = out.blob(doc.original.as_bytes())?;
        let normalized = out.blob(doc.normalized.as_bytes())?;
        let pieces = out.blob(doc.map.pieces().as_bytes())?;
        let tables = encode(&StoredDocument {
            path: Cow::Borrowed(&doc.path),
            extracted_from: doc.extracted_from.as_deref().map(Cow::Borrowed),
            reference: Cow::Borrowed(&doc.reference),
            has_manifest_entry: doc.has_manifest_entry,
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
    let skeleton = out.blob(quotes.skeleton.as_bytes())?;
    let entries = out.blob(quotes.entries.as_bytes())?;
    let quote_tables = encode(&QuoteTables {
        doc_starts: Cow::Borrowed(&quotes.doc_starts),
        doc_skeletons: Cow::Borrowed(&quotes.docs),
    })?;
    let directory = Directory {
        documents,
        problems: Cow::Borrowed(&snapshot.problems),
        skeleton,
        entries,
        quote_tables: out.blob(&quote_tables)?,
        figures: out.blob(&encode(&snapshot.figure_index)?)?,
        entities: out.blob(&encode(&snapshot.entities.entities)?)?,
        parts: match &snapshot.parts {
            // Still the bytes it was read from: written as they are.
            PartsOf::Stored(bytes, _) => out.blob(bytes)?,
            PartsOf::Built(parts) => out.blob(&encode(parts)?)?,
        },
    };
    let tables = out.blob(&encode(&directory)?)?;
    let digest = out.hash.digest();
    let mut trailer = Vec::with_capacity(TRAILER);
    trailer.extend_from_slice(&tables.offset.to_le_bytes());
    trailer.extend_from_slice(&tables.len.to_le_bytes());
    trailer.extend_from_slice(&digest.to_le_bytes());
    trailer.extend_from_slice(END);
    out.w.write_all(&trailer)?;
    out.w.flush()
}

fn encode<T: Serialize + ?Sized>(value: &T) -> io::Result<Vec<u8>> {
    postcard::to_stdvec(value).map_err(io::Error::other)
}

/// What the caller is told the reading is done with (see [`read_snapshot`]).
type Release<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// A table of the buffer, decoded; its bytes are then released, as the
/// heap holds what they say.
fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8], b: Blob, release: Release) -> Result<T, StoredError> {
    let start = usize::try_from(b.offset).map_err(|_| StoredError::Truncated)?;
    let len = usize::try_from(b.len).map_err(|_| StoredError::Truncated)?;
    let end = start.checked_add(len).ok_or(StoredError::Truncated)?;
    let table = bytes.get(start..end).ok_or(StoredError::Truncated)?;
    let decoded = postcard::from_bytes(table).map_err(|e| StoredError::Malformed(e.to_string()));
    release(start, end);
    decoded
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

/// How much of the buffer is checked between two calls of `release`.
const RELEASE_EVERY: usize = 8 << 20;
/// How much is hashed and checked at a time: small enough to stay in the
/// processor's cache between the two.
const PIECE: usize = 256 << 10;

/// The snapshot stored in `bytes`, its big arrays read in place.
///
/// Every byte is checked (the checksum, and UTF-8 for the texts) in one
/// pass from front to back; after each stretch of it, `release(start,
/// end)` says that the check is done with `bytes[start..end]`, so that a
/// caller reading a memory map can let those pages go: otherwise the check
/// alone would make the whole index resident.
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
    let tables_at = trailer.u64()?;
    let tables_len = trailer.u64()?;
    let digest = trailer.u64()?;
    if trailer.take(END.len())? != END {
        return Err(StoredError::Truncated);
    }
    let directory = Blob {
        offset: tables_at,
        len: tables_len,
    };
    // Decoded before the checksum is known, to find the texts for the one
    // pass; trusted only once it matches.
    let directory: Result<Directory, _> = decode(bytes, directory, release);
    let texts: Vec<Blob> = match &directory {
        Ok(dir) => dir
            .documents
            .iter()
            .flat_map(|d| [d.original, d.normalized])
            .chain([dir.skeleton])
            .collect(),
        Err(_) => Vec::new(),
    };
    let tables = directory
        .as_ref()
        .ok()
        .map(|dir| decode_tables(bytes, dir, release));
    let (body_digest, texts_ok) = scan(&bytes[..body_len], texts, release);
    if body_digest != digest {
        return Err(StoredError::Checksum);
    }
    let directory = directory?;
    let (docs, quote_tables, figures, entities) = tables.expect("decoded with the directory")?;
    let malformed = |what: &str| StoredError::Malformed(what.to_string());
    if !texts_ok {
        return Err(malformed("text is not UTF-8"));
    }
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
            original: checked_text(bytes, blobs.original)?,
            line_index: d.line_index.into_owned(),
            normalized: checked_text(bytes, blobs.normalized)?,
            map: OffsetMap::from_pieces(
                SharedSlice::from_shared(blob(bytes, blobs.pieces)?)
                    .ok_or_else(|| malformed("offset map"))?,
            ),
            paragraphs: d.paragraphs.into_owned(),
            sentences: d.sentences.into_owned(),
            pages: d.pages.into_owned(),
            n_furniture_lines: d.n_furniture_lines,
            title_range: d.title_range,
            vocabulary_asked: d.vocabulary_asked.into_owned(),
        });
    }
    let quote_index = QuoteIndex {
        skeleton: checked_text(bytes, directory.skeleton)?,
        doc_starts: quote_tables.doc_starts.into_owned(),
        docs: quote_tables.doc_skeletons.into_owned(),
        entries: SharedSlice::from_shared(blob(bytes, directory.entries)?)
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
        problems: directory.problems.into_owned(),
        by_key,
        quote_index,
        figure_index: figures,
        entities,
        parts: PartsOf::Stored(blob(bytes, directory.parts)?, OnceLock::new()),
    })
}

type Tables<'a> = (Vec<StoredDocument<'a>>, QuoteTables<'a>, FigureIndex, EntityTable);

/// Every table the directory names, decoded. One after the other: decoding
/// on several threads while pages are faulted in and released was slower
/// here (the threads contend for the process's memory map).
fn decode_tables<'a>(bytes: &'a [u8], dir: &Directory, release: Release) -> Result<Tables<'a>, StoredError> {
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

/// The xxh3 of `body`, and whether each of the `texts` in it is UTF-8 (and
/// inside it, none overlapping another), in one pass front to back.
fn scan(body: &[u8], mut texts: Vec<Blob>, release: Release) -> (u64, bool) {
    texts.sort_by_key(|b| b.offset);
    let mut hash = Xxh3::new();
    let (mut at, mut released, mut ok) = (0, 0, true);
    let mut step = |hash: &mut Xxh3, piece: &[u8], at: &mut usize| {
        hash.update(piece);
        *at += piece.len();
        if *at - released >= RELEASE_EVERY {
            release(released, *at);
            released = *at;
        }
    };
    for text in texts {
        let (Ok(start), Ok(len)) = (usize::try_from(text.offset), usize::try_from(text.len)) else {
            ok = false;
            continue;
        };
        let Some(end) = start.checked_add(len).filter(|&e| start >= at && e <= body.len()) else {
            ok = false;
            continue;
        };
        for piece in body[at..start].chunks(PIECE) {
            step(&mut hash, piece, &mut at);
        }
        while at < end {
            // Cut at a character's first byte, so that each piece of a
            // UTF-8 text is UTF-8 and a text is UTF-8 if all its pieces are.
            let mut cut = end.min(at + PIECE);
            while cut < end && cut > at + 1 && body[cut] & 0xC0 == 0x80 {
                cut -= 1;
            }
            let piece = &body[at..cut];
            ok &= std::str::from_utf8(piece).is_ok();
            step(&mut hash, piece, &mut at);
        }
    }
    for piece in body[at..].chunks(PIECE) {
        step(&mut hash, piece, &mut at);
    }
    release(released, body.len());
    (hash.digest(), ok)
}

fn blob(bytes: &SharedBytes, b: Blob) -> Result<SharedBytes, StoredError> {
    let start = usize::try_from(b.offset).map_err(|_| StoredError::Truncated)?;
    let len = usize::try_from(b.len).map_err(|_| StoredError::Truncated)?;
    let end = start.checked_add(len).ok_or(StoredError::Truncated)?;
    bytes.slice(start, end).ok_or(StoredError::Truncated)
}

/// A text that [`scan`] found to be UTF-8.
fn checked_text(bytes: &SharedBytes, b: Blob) -> Result<SharedStr, StoredError> {
    let text = blob(bytes, b)?;
    debug_assert!(std::str::from_utf8(&text).is_ok());
    // SAFETY: `scan` checked these bytes, and the bytes of a `Backing`
    // never change.
    Ok(unsafe { SharedStr::from_checked(text) })
}
