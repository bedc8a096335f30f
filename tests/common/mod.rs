//! What the CLI tests share: the binary, run in a folder, with its stored
//! indexes and extracted sources in this build's own scratch folder, never
//! in the developer's cache.

use std::path::Path;

use assert_cmd::Command;

/// `brief-lsp` run in `cwd`, without the colour and CI settings of the
/// environment the tests run in.
pub fn brief_lsp(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brief-lsp").unwrap();
    cmd.current_dir(cwd)
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"),
        )
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_WORKSPACE");
    cmd
}
