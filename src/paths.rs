//! Paths as the user typed them, made comparable: `./briefs/a.md`,
//! `briefs/a.md` and `/w/briefs/a.md` name one file.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute against the current folder and cleaned of `.` and
/// `..` lexically, so that a file that does not exist yet (a brief not
/// saved) still has one spelling, and symlinks are left as they are.
pub fn lexically_absolute(path: &Path) -> PathBuf {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    path.components().fold(PathBuf::new(), |mut acc, c| {
        match c {
            Component::ParentDir => {
                acc.pop();
            }
            Component::CurDir => {}
            other => acc.push(other),
        }
        acc
    })
}
