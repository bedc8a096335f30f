//! Extracted texts in the user's cache folder
//! (`$XDG_CACHE_HOME/brief-lsp/extracted/<key>/`, beside the index, never in
//! the corpus folder): `<file name>.txt`, the text go-to-source opens, and
//! `metadata.json` for a web page's facts. The key hashes the source's
//! path, size and mtime and the extractor version, so an edited PDF, or a
//! new extractor, extracts again. Written to a temporary name and renamed,
//! so a reader never sees half a file.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use brief_core::corpus::Reference;
use xxhash_rust::xxh3::xxh3_64;

use crate::load::ListedFile;

/// Bumped when extraction changes, so that cached texts are made again.
const EXTRACTOR_VERSION: u32 = 1;

/// Where extracted texts live.
pub fn extracted_folder() -> PathBuf {
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("brief-lsp")
        .join("extracted")
}

/// The cache entry of one source file.
pub struct Entry {
    pub text: PathBuf,
    metadata: PathBuf,
}

impl Entry {
    pub fn of(file: &ListedFile) -> Entry {
        let mtime = file
            .written
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let key = format!(
            "{}\0{}\0{mtime}\0{EXTRACTOR_VERSION}",
            file.path.to_string_lossy(),
            file.size
        );
        let dir = extracted_folder().join(format!("{:016x}", xxh3_64(key.as_bytes())));
        let name = file
            .path
            .file_name()
            .map_or_else(|| "source".into(), |n| n.to_string_lossy());
        Entry {
            text: dir.join(format!("{name}.txt")),
            metadata: dir.join("metadata.json"),
        }
    }

    /// The cached text and metadata, if both are there (metadata only for
    /// kinds that have it).
    pub fn read(&self, with_metadata: bool) -> Option<(String, Option<Reference>)> {
        let text = std::fs::read_to_string(&self.text).ok()?;
        if !with_metadata {
            return Some((text, None));
        }
        let metadata = std::fs::read(&self.metadata).ok()?;
        Some((text, Some(serde_json::from_slice(&metadata).ok()?)))
    }

    pub fn write(&self, text: &str, metadata: Option<&Reference>) -> std::io::Result<()> {
        let dir = self.text.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        if let Some(metadata) = metadata {
            write_atomically(&self.metadata, &serde_json::to_vec_pretty(metadata)?)?;
        }
        write_atomically(&self.text, text.as_bytes())
    }
}

/// Writes a document's cached text again from the text the server holds,
/// where the file is gone (the cache was cleared while the server ran):
/// the text at that path is the extraction of the source as its key names
/// it, so go-to-source opens the same characters as before. Whether it
/// had to.
pub fn restore_text(path: &Path, text: &str) -> std::io::Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    write_atomically(path, text.as_bytes())?;
    Ok(true)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
