//! When a file was last written, as its metadata tells, for every stamp
//! that decides whether a file must be read again (the stored index, the
//! extracted texts, live updates, bibliographies, accepted findings).

use std::fs::Metadata;
use std::path::Path;
use std::time::SystemTime;

/// The later of the file's mtime and, on Unix, its status-change time.
/// The second cannot be set back: an edit that keeps the size and puts
/// the mtime back (`touch -r`, some sync tools) still moves it. A chmod or
/// rename moves it too, which costs a needless re-read, never a stale one.
pub fn last_written(meta: &Metadata) -> Option<SystemTime> {
    let modified = meta.modified().ok();
    modified.max(status_changed(meta))
}

#[cfg(unix)]
fn status_changed(meta: &Metadata) -> Option<SystemTime> {
    use std::os::unix::fs::MetadataExt as _;
    let secs = u64::try_from(meta.ctime()).ok()?;
    let nanos = u32::try_from(meta.ctime_nsec()).ok()?;
    SystemTime::UNIX_EPOCH.checked_add(std::time::Duration::new(secs, nanos))
}

#[cfg(not(unix))]
fn status_changed(_: &Metadata) -> Option<SystemTime> {
    None
}

/// A file's last write and size, or `None` when it cannot be stat'ed.
pub fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((last_written(&meta)?, meta.len()))
}
