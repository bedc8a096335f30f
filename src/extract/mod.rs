//! Text from sources that are not text: PDFs (`pdf`) and saved web pages
//! (`html`), extracted once and cached as text files (`cache`) that the
//! corpus reads like any other and go-to-source opens.
//!
//! PDF crates can panic or take very long on hostile files, so each
//! extraction runs on a thread of its own, under `catch_unwind`, within a
//! time budget; a file that fails any of these is a problem of the corpus,
//! never a failure of the load.

mod cache;
mod html;
mod pdf;

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use brief_core::analysis::SourceLocation;
use brief_core::corpus::{Extracted, Reference, SourceFile};
use brief_core::snapshot::Snapshot;

use crate::load::ListedFile;

pub use cache::extracted_folder;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Html,
}

impl Kind {
    /// The kind of a source that needs extracting, by its extension.
    pub fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Kind::Pdf),
            "html" | "htm" => Some(Kind::Html),
            _ => None,
        }
    }
}

/// The time one extraction may take: generous (pdf-extract reads about
/// 2 MB/s on this project's benchmark machine), but bounded.
fn budget(bytes: usize) -> Duration {
    Duration::from_secs(20) + Duration::from_millis(bytes as u64 / 100)
}

/// The path a listed file's document has in the corpus: its cached text
/// for a PDF or web page, else the file itself.
pub fn document_path(file: &ListedFile) -> PathBuf {
    match Kind::of(&file.path) {
        Some(_) => cache::Entry::of(file).text,
        None => file.path.clone(),
    }
}

/// A listed PDF or web page as a corpus source: its cached text if there
/// is one, else the text extracted from `bytes` now (and cached).
pub fn extracted_source(file: &ListedFile, kind: Kind, bytes: Vec<u8>) -> Result<SourceFile, String> {
    let entry = cache::Entry::of(file);
    let (text, metadata) = match entry.read(kind == Kind::Html) {
        Some(cached) => cached,
        None => {
            let (text, metadata) = extract_bounded(kind, bytes)?;
            if let Err(err) = entry.write(&text, metadata.as_ref()) {
                return Err(format!(
                    "cannot write the extracted text to {}: {err}",
                    entry.text.display()
                ));
            }
            (text, metadata)
        }
    };
    Ok(SourceFile {
        path: entry.text,
        rel_path: file.rel_path.clone(),
        bytes: text.into_bytes(),
        extracted: Some(Extracted {
            from: file.path.clone(),
            metadata,
        }),
    })
}

/// Keeps the extracted texts `locations` point into on disk, writing again
/// those cleared from the cache since they were read; a location whose
/// text cannot be written is dropped, and why is returned, so that
/// go-to-source never opens a missing file.
pub fn texts_on_disk(corpus: &Snapshot, locations: &mut Vec<SourceLocation>) -> Vec<String> {
    let mut unwritable = Vec::new();
    locations.retain(|loc| {
        let doc = corpus.document(loc.doc);
        let Some(from) = &doc.extracted_from else {
            return true;
        };
        match cache::restore_text(&doc.path, &doc.original) {
            Ok(restored) => {
                if restored {
                    tracing::info!("wrote the cleared extracted text of {} again", from.display());
                }
                true
            }
            Err(err) => {
                unwritable.push(format!(
                    "the extracted text of {} is gone from the cache and cannot be written again to {}: {err}",
                    from.display(),
                    doc.path.display()
                ));
                false
            }
        }
    });
    unwritable
}

/// Extracts on a worker thread: a panic is an error, and so is running
/// over the budget (the worker is then left to finish on its own).
fn extract_bounded(kind: Kind, bytes: Vec<u8>) -> Result<(String, Option<Reference>), String> {
    let budget = budget(bytes.len());
    let (send, receive) = mpsc::channel();
    std::thread::Builder::new()
        .name("extract".into())
        .spawn(move || {
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| extract(kind, &bytes)));
            let _ = send.send(result);
        })
        .map_err(|err| format!("cannot start extraction: {err}"))?;
    match receive.recv_timeout(budget) {
        Ok(Ok(result)) => result,
        Ok(Err(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("the extractor crashed on this file".into())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("extraction took longer than {} s", budget.as_secs()))
        }
    }
}

fn extract(kind: Kind, bytes: &[u8]) -> Result<(String, Option<Reference>), String> {
    match kind {
        Kind::Pdf => pdf::pdf_text(bytes).map(|text| (text, None)),
        Kind::Html => html::html_text(bytes).map(|(text, reference)| (text, Some(reference))),
    }
}
