//! `.brief-lsp/accepted.toml` on disk: where it is, reading it, and the
//! brief paths its entries name.

use std::path::Path;

use crate::paths::lexically_absolute;

use brief_core::analysis::{parse_accepted, Acceptance};

pub const ACCEPTED_FILE: &str = ".brief-lsp/accepted.toml";

/// The file's entries under `root`; a missing file is none, an unreadable
/// or malformed one is an error message naming the file and line.
pub fn read_accepted(root: &Path) -> Result<Vec<Acceptance>, String> {
    let path = root.join(ACCEPTED_FILE);
    match crate::read_file::read_config(&path) {
        Ok(text) => {
            parse_accepted(&text).map_err(|err| format!("{}:{}: {}", path.display(), err.line, err.message))
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(err) => Err(format!("{}: cannot read: {err}", path.display())),
    }
}

/// A brief's path as entries name it: relative to `root`, with `/`.
pub fn brief_key(root: &Path, brief: &Path) -> String {
    let (root, brief) = (lexically_absolute(root), lexically_absolute(brief));
    let relative = brief.strip_prefix(&root).unwrap_or(&brief);
    relative.to_string_lossy().replace('\\', "/")
}

/// Today's date, `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    humantime::format_rfc3339(std::time::SystemTime::now()).to_string()[..10].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brief_keys_are_relative_to_the_root() {
        assert_eq!(
            brief_key(Path::new("/w"), Path::new("/w/briefs/./a.md")),
            "briefs/a.md"
        );
        assert_eq!(brief_key(Path::new("/w/x/.."), Path::new("/w/a.md")), "a.md");
        assert_eq!(today().len(), 10);
    }
}
