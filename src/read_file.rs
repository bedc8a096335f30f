//! Reading the project's own files (configuration, manifests, accepted
//! findings, corpus sources) safely: only regular files, and only up to a
//! size cap. A FIFO named `corpus.toml` used to block the reader forever
//! (issue 15, item 4): opening one for reading waits for a writer, so the
//! file is checked before it is opened, and opened without blocking.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The largest configuration file read (manifests, entity overrides,
/// accepted findings, the project file).
pub const MAX_CONFIG_BYTES: u64 = 16 << 20;

/// The file's bytes, if it is a regular file of at most `max_bytes`;
/// otherwise an error that says why (`NotFound` stays `NotFound`).
pub fn read_regular(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file; skipped"));
    }
    let file = open_nonblocking(path)?;
    // The path may have been replaced between the two looks.
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file; skipped"));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max_bytes) as usize);
    file.take(max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(io::Error::other(format!(
            "larger than the {} MiB limit; skipped",
            max_bytes >> 20
        )));
    }
    Ok(bytes)
}

/// A configuration file's text: a regular UTF-8 file under the cap.
pub fn read_config(path: &Path) -> io::Result<String> {
    let bytes = read_regular(path, MAX_CONFIG_BYTES)?;
    String::from_utf8(bytes).map_err(|err| io::Error::new(io::ErrorKind::InvalidData, err))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("corpus.toml");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        let err = read_config(&fifo).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[test]
    fn a_file_over_the_cap_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        std::fs::write(&path, vec![b'#'; 2048]).unwrap();
        assert!(read_regular(&path, 1024)
            .unwrap_err()
            .to_string()
            .contains("limit"));
        assert_eq!(read_regular(&path, 4096).unwrap().len(), 2048);
        let missing = read_config(&dir.path().join("none.toml")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
    }
}
