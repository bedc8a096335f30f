//! Stale files in the index folder. An index written by another build or
//! format is never opened by this one, and every upgrade would otherwise
//! leave one behind (several times the corpus's size). Once such a file has
//! not been written for a day (another installed version may still be using
//! it), it is deleted when this build stores an index; so is what a writer
//! that died left: its temporary file, or a lock without its index.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, SystemTime};

use brief_core::snapshot::read_inputs;
use memmap2::Mmap;

/// How long a file this build cannot use is left alone.
const GRACE: Duration = Duration::from_secs(24 * 60 * 60);

/// Deletes the stale files of `dir` older than the grace period at `now`;
/// returns how many went.
pub(super) fn prune_stale(dir: &Path, now: SystemTime) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut deleted = 0;
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        let old = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .is_ok_and(|written| now.duration_since(written).is_ok_and(|age| age > GRACE));
        if old && is_stale(&path) && std::fs::remove_file(&path).is_ok() {
            tracing::info!("deleted the stale cache file {}", path.display());
            deleted += 1;
        }
    }
    deleted
}

fn is_stale(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("idx") => !readable_by_this_build(path),
        Some("lock") => !path.with_extension("idx").exists(),
        Some(ext) => ext.starts_with("tmp"),
        None => false,
    }
}

/// Whether the header says this build wrote the index (its contents are
/// checked when it is opened, not here).
fn readable_by_this_build(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return true;
    };
    // SAFETY: as in `open`: index files are never written in place.
    match unsafe { Mmap::map(&file) } {
        Ok(map) => read_inputs(&map).is_ok(),
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written_at(path: &Path, text: &str, when: SystemTime) {
        std::fs::write(path, text).unwrap();
        File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }

    #[test]
    fn what_this_build_cannot_use_goes_after_a_day_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let two_days_ago = now - 2 * GRACE;
        let d = dir.path();
        written_at(
            &d.join("old-foreign.idx"),
            "written by another build",
            two_days_ago,
        );
        written_at(&d.join("new-foreign.idx"), "written by another build", now);
        written_at(&d.join("a.tmp4242"), "a writer that died", two_days_ago);
        written_at(&d.join("orphan.lock"), "", two_days_ago);
        written_at(&d.join("new-foreign.lock"), "", two_days_ago);
        written_at(&d.join("notes.txt"), "not ours", two_days_ago);
        assert_eq!(prune_stale(d, now), 3);
        let mut left: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["new-foreign.idx", "new-foreign.lock", "notes.txt"]);
    }
}
