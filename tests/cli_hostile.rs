//! Issue 15 reproducers against the real binary: files and inputs that used
//! to hang, panic or blow up `check` and `corpus`.

mod common;

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::str::contains;

fn brief_lsp(cwd: &Path) -> Command {
    let mut cmd = common::brief_lsp(cwd);
    cmd.timeout(Duration::from_secs(60));
    cmd
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// A temporary folder with a corpus folder `sources/` of one document, `a`.
fn folder_with_one_source() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("sources");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Trade reached $107 billion in 2018.\n").unwrap();
    (dir, corpus)
}

/// Item 4: a FIFO named like a configuration file blocked the reader
/// forever; now it is reported and skipped.
#[test]
fn fifo_config_files_are_reported_not_waited_on() {
    let (dir, corpus) = folder_with_one_source();
    mkfifo(&corpus.join("corpus.toml"));
    mkfifo(&corpus.join("entities.toml"));
    std::fs::write(dir.path().join("b.md"), "# B\n\nText [@a].\n").unwrap();
    brief_lsp(dir.path())
        .args(["check", "--corpus", "sources", "b.md"])
        .assert()
        .code(0)
        .stderr(contains("corpus.toml: cannot read: not a regular file"));
    brief_lsp(dir.path())
        .args(["corpus", "--corpus", "sources"])
        .assert()
        .success()
        .stderr(contains("entities.toml: cannot read: not a regular file"));
    mkfifo(&dir.path().join("brief-lsp.toml"));
    brief_lsp(dir.path())
        .args(["check", "b.md"])
        .assert()
        .stderr(contains("brief-lsp.toml: cannot read: not a regular file"));
}

/// Item 1: a manifest date whose 4th byte falls inside a character
/// panicked wherever the year was shown.
#[test]
fn a_manifest_date_with_multibyte_characters_does_not_panic() {
    let (dir, corpus) = folder_with_one_source();
    std::fs::write(
        corpus.join("corpus.toml"),
        "[[document]]\nfile = \"a.txt\"\nkey = \"a\"\ntitle = \"A\"\nauthors = [\"Ivanov\"]\ndate = \"12 мая 2020\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.md"), "# B\n\nText [@a] and [@b].\n").unwrap();
    brief_lsp(dir.path())
        .args(["check", "--corpus", "sources", "b.md"])
        .assert()
        .code(1)
        .stdout(contains("citation-unknown"));
    brief_lsp(dir.path())
        .args(["corpus", "--corpus", "sources"])
        .assert()
        .success();
}

/// Item 3: unclosed mixed emphasis drove tree-sitter-md's recovery
/// quadratic (28 KB took 1.8 GB, 175 KB was killed by the OOM killer). The
/// child runs under a 1 GiB address-space limit, so the old behaviour fails
/// this test rather than the machine.
#[test]
fn unclosed_emphasis_in_a_200_kb_brief_is_checked_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let brief = format!("# Brief\n\n{}\n", "*a **b ".repeat(29_000));
    std::fs::write(dir.path().join("b.md"), brief).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("brief-lsp");
    let mut cmd = Command::new("prlimit");
    cmd.current_dir(dir.path())
        .timeout(Duration::from_secs(120))
        .arg("--as=1073741824")
        .arg(bin)
        .args(["check", "b.md"]);
    cmd.assert().code(0);
}
