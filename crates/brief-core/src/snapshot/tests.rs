//! A stored snapshot reads back to the same answers, and a damaged one is
//! an error.

use std::sync::Arc;

use super::*;
use crate::analysis::{diagnostics, CheckConfig};
use crate::brief::Brief;
use crate::shared::{Backing, Release, SharedBytes};
use crate::test_support::seed_corpus;

/// An 8-aligned in-memory buffer, as a memory map is.
struct Aligned(Vec<u64>, usize);

impl AsRef<[u8]> for Aligned {
    fn as_ref(&self) -> &[u8] {
        &bytemuck::cast_slice(&self.0)[..self.1]
    }
}

fn shared(bytes: &[u8]) -> SharedBytes {
    let mut words = vec![0u64; bytes.len().div_ceil(8)];
    bytemuck::cast_slice_mut::<u64, u8>(&mut words)[..bytes.len()].copy_from_slice(bytes);
    let backing: Backing = Arc::new(Aligned(words, bytes.len()));
    SharedBytes::new(backing)
}

fn no_release() -> Release {
    Arc::new(|_, _| {})
}

fn stored(snapshot: &Snapshot, inputs: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write_snapshot(snapshot, inputs, &mut out).unwrap();
    out
}

/// The stored form of a snapshot.
pub(crate) fn stored_bytes(snapshot: &Snapshot) -> Vec<u8> {
    stored(snapshot, b"")
}

/// A snapshot stored and read back in place, as a warm start opens it.
pub(crate) fn read_back(snapshot: &Snapshot) -> Snapshot {
    read_snapshot(&shared(&stored_bytes(snapshot)), no_release()).unwrap()
}

/// A brief that asks every index: a citation, an exact and a near quote, a
/// figure and names.
const BRIEF: &str =
    "Lukin argues that “the ‘strategic partnership’ between Russia and China has deepened” [@lukin2020]. \
Trade reached $107 billion in 2018 [@lukin2020]. Sergey Lavrov met Wang Yi. \
Trenin said that “Russia and China are natural allies” [@trenin2019].";

pub(crate) fn answers(snapshot: &Snapshot) -> String {
    let brief = Brief::parse(BRIEF.to_string());
    let mut lines: Vec<String> = diagnostics(snapshot, &brief, &CheckConfig::default())
        .iter()
        .map(|f| format!("{:?} {} {}", f.range, f.code.as_str(), f.message))
        .collect();
    for name in ["Lavrov", "Xi Jinping", "SCO", "Putin"] {
        let found = snapshot.entities().find_by_alias(name);
        lines.push(format!(
            "{name}: {:?}",
            found.map(|e| (&e.name, e.mentions.len()))
        ));
    }
    lines.push(format!(
        "completion P: {:?}",
        snapshot
            .entities()
            .complete("P")
            .iter()
            .map(|(e, _, _)| &e.name)
            .collect::<Vec<_>>()
    ));
    lines.join("\n")
}

/// Everything a snapshot holds, in an order that does not depend on hashing.
pub(crate) fn dump(snapshot: &Snapshot) -> String {
    let mut out = String::new();
    for doc in &snapshot.documents {
        out += &format!("{doc:?}\n");
    }
    out += &format!("{:?}\n", snapshot.problems);
    let q = &snapshot.quote_index;
    out += &format!(
        "{:?} {:?} {:?} {:?} {:?}\n",
        q.skeleton, q.doc_starts, q.docs, q.entries, q.fences
    );
    out += &format!("{:?}\n", snapshot.figure_index.figures());
    out += &format!("{:?}\n", snapshot.entities.entities);
    out += &answers(snapshot);
    out
}

#[test]
fn a_stored_snapshot_reads_back_to_the_same_snapshot() {
    let snapshot = seed_corpus();
    let bytes = stored(snapshot, b"inputs");
    assert_eq!(read_inputs(&bytes).unwrap(), b"inputs");
    let read = read_snapshot(&shared(&bytes), no_release()).unwrap();
    assert_eq!(dump(&read), dump(snapshot));
    assert!(answers(&read).contains("quote"), "{}", answers(&read));
}

/// Whether `bytes` are found damaged: an error on opening, or a failed
/// check once every blob is read.
fn found_damaged(bytes: &[u8]) -> bool {
    match read_snapshot(&shared(bytes), no_release()) {
        Err(_) => true,
        Ok(read) => read.verify_stored().is_err(),
    }
}

#[test]
fn truncated_corrupt_and_foreign_buffers_are_errors() {
    let bytes = stored(seed_corpus(), b"inputs");
    for len in [0, 7, 20, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            read_snapshot(&shared(&bytes[..len]), no_release()).is_err(),
            "truncated to {len}"
        );
    }
    assert!(!found_damaged(&bytes));
    // A flipped bit anywhere after the header: every part of the file is
    // covered by a check (padding between blobs aside, which nothing reads).
    let header = bytes.windows(6).position(|w| w == b"inputs").unwrap() + 6 + 8;
    let (mut flips, mut unseen) = (0, Vec::new());
    for at in (header..bytes.len()).step_by(997) {
        let mut bad = bytes.clone();
        bad[at] ^= 0x20;
        flips += 1;
        if !found_damaged(&bad) && bytes[at] != 0 {
            unseen.push(at);
        }
    }
    assert!(flips > 100, "{flips}");
    assert!(unseen.is_empty(), "flips not found at {unseen:?}");
    let mut bad = bytes.clone();
    let inputs_at = bytes.windows(6).position(|w| w == b"inputs").unwrap();
    bad[inputs_at + 2] ^= 1;
    assert_eq!(read_inputs(&bad).err(), Some(StoredError::Checksum));
    assert_eq!(
        read_inputs(b"%PDF-1.7 something else").err(),
        Some(StoredError::Foreign)
    );
    let mut other_format = bytes.clone();
    other_format[8] = 99;
    assert_eq!(read_inputs(&other_format).err(), Some(StoredError::Format(99)));
}

#[test]
fn a_damaged_text_is_found_when_first_read_and_reads_as_blank() {
    let snapshot = seed_corpus();
    let bytes = stored(snapshot, b"inputs");
    // A byte of the first document's original text, which is stored first.
    let first = snapshot.documents[0].original.as_bytes();
    let at = bytes.windows(64).position(|w| w == &first[..64]).unwrap() + 10;
    let mut bad = bytes.clone();
    bad[at] ^= 0x20;
    let read = read_snapshot(&shared(&bad), no_release()).unwrap();
    // Opening did not read the text, so it did not see the damage, nor
    // does reading another document's text...
    assert!(!read.found_damage());
    assert_eq!(read.documents[1].original, snapshot.documents[1].original);
    assert!(!read.found_damage());
    // ...reading it does.
    let text = read.documents[0].original.as_str();
    assert!(read.found_damage());
    assert_eq!(text.len(), first.len());
    assert!(text.bytes().all(|b| b == b' '));
    // A brief checked against it answers without a panic.
    answers(&read);
}

#[test]
fn opening_releases_the_tables_and_verifying_the_rest_front_to_back() {
    let bytes = stored(seed_corpus(), b"inputs");
    let body = bytes.len() - 32;
    let released = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = released.clone();
    let release: Release = Arc::new(move |start, end| log.lock().unwrap().push((start, end)));
    let read = read_snapshot(&shared(&bytes), release).unwrap();
    let opened = released.lock().unwrap().len();
    read.verify_stored().unwrap();
    let released = released.lock().unwrap().clone();
    assert!(opened > 0 && released.len() > opened);
    // Verifying goes front to back.
    assert!(
        released[opened..].windows(2).all(|w| w[0].1 <= w[1].0),
        "{released:?}"
    );
    // Between them they release every byte after the header but padding.
    let mut released = released;
    released.sort();
    let header = bytes.windows(6).position(|w| w == b"inputs").unwrap() + 6 + 8;
    let mut covered = header;
    for &(start, end) in &released {
        assert!(start <= end && end <= body, "{start}..{end} of {body}");
        assert!(start < covered + 8, "gap {covered}..{start}");
        covered = covered.max(end);
    }
    assert_eq!(covered, body, "released: {released:?}");
}

#[test]
fn a_quote_looked_up_in_a_stored_index_reads_a_few_chunks_of_its_skeleton_and_postings() {
    // Six megabytes of skeleton and postings, in words no two places share.
    let mut state = 7u64;
    let mut word = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = 3 + (state >> 60) as usize % 6;
        (0..len)
            .map(|i| char::from(b'a' + (state >> (8 * i)) as u8 % 26))
            .collect::<String>()
    };
    let texts: Vec<String> = (0..30)
        .map(|_| (0..16_000).map(|_| word()).collect::<Vec<_>>().join(" "))
        .collect();
    let keys: Vec<String> = (0..texts.len()).map(|i| format!("doc{i}")).collect();
    let docs: Vec<(&str, &str)> = keys
        .iter()
        .map(String::as_str)
        .zip(texts.iter().map(String::as_str))
        .collect();
    let snapshot = crate::test_support::corpus_of(&docs);
    let index = snapshot.quote_index();
    let arrays = index.skeleton.len() + index.entries.len() * 8;
    assert!(arrays > 60 * crate::shared::CHUNK, "{arrays}");

    let released = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = released.clone();
    let release: Release = Arc::new(move |start, end| log.lock().unwrap().push((start, end)));
    let read = read_snapshot(&shared(&stored_bytes(&snapshot)), release).unwrap();
    let opened = released.lock().unwrap().len();
    let quote = crate::quotes::skeleton(&texts[17][40_000..40_300]);
    let hits = read.quote_index().exact(&quote);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc, DocId(17));
    let lookup = released.lock().unwrap()[opened..].to_vec();
    let read_bytes: usize = lookup.iter().map(|(s, e)| e - s).sum();
    assert!(
        read_bytes <= 12 * crate::shared::CHUNK,
        "{read_bytes} of {arrays}: {lookup:?}"
    );
    assert!(!read.found_damage());
}
