//! The stored corpus index as a user meets it: written by the first load,
//! used by the next, rebuilt when the corpus changes or the file is
//! damaged, and shown or deleted by `brief-lsp cache`.

use std::path::Path;

use assert_cmd::Command;
use predicates::str::contains;

fn brief_lsp(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brief-lsp").unwrap();
    cmd.env("XDG_CACHE_HOME", cache);
    cmd
}

/// `brief-lsp corpus --corpus CORPUS EXTRA…`, run.
fn corpus_command(cache: &Path, corpus: &Path, extra: &[&str]) -> std::process::Output {
    brief_lsp(cache)
        .arg("corpus")
        .arg("--corpus")
        .arg(corpus)
        .args(extra)
        .output()
        .unwrap()
}

/// What `brief-lsp corpus` lists, which must succeed.
fn corpus_listing(cache: &Path, corpus: &Path, extra: &[&str]) -> String {
    let out = corpus_command(cache, corpus, extra);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn index_files(cache: &Path) -> Vec<std::path::PathBuf> {
    let dir = cache.join("brief-lsp/index");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "idx"));
    files
}

const A: &str =
    "Russia and China signed a treaty of friendship in 2001.\n\nTrade grew by 15 percent in 2018.\n";
const B: &str = "Sergey Lavrov met Wang Yi in Moscow. The Shanghai Cooperation Organisation met in 2019.\n";

/// A cache folder of the test's own, and a corpus of A and B.
fn cache_and_corpus() -> (tempfile::TempDir, tempfile::TempDir) {
    let cache = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("a.txt"), A).unwrap();
    std::fs::write(corpus.path().join("b.txt"), B).unwrap();
    (cache, corpus)
}

#[test]
fn a_damaged_index_is_rebuilt_and_a_changed_corpus_reindexed() {
    let (cache, corpus) = cache_and_corpus();

    let cold = corpus_listing(cache.path(), corpus.path(), &[]);
    assert!(cold.contains("2 documents"), "{cold}");
    let files = index_files(cache.path());
    assert_eq!(files.len(), 1, "one index, in the cache folder");
    assert!(
        std::fs::read_dir(corpus.path()).unwrap().count() == 2,
        "nothing written to the corpus"
    );
    brief_lsp(cache.path())
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(contains("2 files"))
        .stdout(contains(corpus.path().to_str().unwrap()));
    assert_eq!(
        corpus_listing(cache.path(), corpus.path(), &[]),
        cold,
        "warm start"
    );

    // Flip a byte in the middle, then truncate: each is reported, then rebuilt.
    let mut bytes = std::fs::read(&files[0]).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    std::fs::write(&files[0], &bytes).unwrap();
    brief_lsp(cache.path())
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(contains("unusable: index checksum does not match"));
    assert_eq!(corpus_listing(cache.path(), corpus.path(), &[]), cold, "rebuilt");
    brief_lsp(cache.path())
        .args(["cache", "info"])
        .assert()
        .stdout(contains("2 files"));
    let whole = std::fs::read(&files[0]).unwrap();
    std::fs::write(&files[0], &whole[..whole.len() - 100]).unwrap();
    assert_eq!(corpus_listing(cache.path(), corpus.path(), &[]), cold, "rebuilt");
    brief_lsp(cache.path())
        .args(["cache", "info"])
        .assert()
        .stdout(contains("2 files"));

    // A new file makes the index stale: the listing has it.
    std::fs::write(corpus.path().join("c.txt"), A.replace("2001", "2002")).unwrap();
    let grown = corpus_listing(cache.path(), corpus.path(), &[]);
    assert!(grown.contains("3 documents"), "{grown}");
    assert!(grown.contains("friendship in 2002"), "{grown}");
    // The same size and mtime but other content: caught by the content hash
    // of a file modified just before the build.
    let c = corpus.path().join("c.txt");
    let mtime = std::fs::metadata(&c).unwrap().modified().unwrap();
    std::fs::write(&c, A.replace("2001", "1999")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&c)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let edited = corpus_listing(cache.path(), corpus.path(), &[]);
    assert!(edited.contains("friendship in 1999"), "{edited}");
    let grown = edited;
    assert_eq!(
        corpus_listing(cache.path(), corpus.path(), &["--no-cache"]),
        grown
    );

    brief_lsp(cache.path())
        .args(["cache", "clear"])
        .assert()
        .success()
        .stdout(contains(format!(
            // The folder of both the indexes and the extracted texts.
            "{}: deleted 1 index, 0 extracted texts of PDFs and web pages, and 1 lock or unfinished file",
            cache.path().join("brief-lsp").display()
        )));
    assert!(index_files(cache.path()).is_empty());
    corpus_listing(cache.path(), corpus.path(), &["--no-cache"]);
    assert!(index_files(cache.path()).is_empty(), "--no-cache writes nothing");
}

/// `cache info`'s last column: the check a warm start makes, for the
/// corpus as it is now.
fn cache_info(cache: &Path) -> String {
    let out = brief_lsp(cache).args(["cache", "info"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn cache_info_says_whether_each_index_is_still_valid_and_why_not() {
    let cache = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let root = corpus.path().to_str().unwrap();
    std::fs::write(corpus.path().join("a.txt"), A).unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources/river-op-ed.html");
    std::fs::copy(page, corpus.path().join("op-ed.html")).unwrap();
    corpus_listing(cache.path(), corpus.path(), &[]);
    let info = cache_info(cache.path());
    assert!(
        info.contains(&format!("2 files  {root}  still valid\n")),
        "{info}"
    );

    std::fs::write(corpus.path().join("b.txt"), B).unwrap();
    let info = cache_info(cache.path());
    assert!(
        info.contains(&format!("  stale: {root}/b.txt is new\n")),
        "{info}"
    );
    std::fs::remove_file(corpus.path().join("b.txt")).unwrap();
    assert!(cache_info(cache.path()).contains("still valid"));

    std::fs::write(corpus.path().join("a.txt"), A.replace("2001", "20011")).unwrap();
    let info = cache_info(cache.path());
    assert!(
        info.contains(&format!("  stale: {root}/a.txt changed\n")),
        "{info}"
    );
    // The load rebuilds it, and it is valid again.
    corpus_listing(cache.path(), corpus.path(), &[]);
    assert!(cache_info(cache.path()).contains("still valid"));

    // The web page's text, extracted into the cache, is gone.
    std::fs::remove_dir_all(cache.path().join("brief-lsp/extracted")).unwrap();
    let info = cache_info(cache.path());
    assert!(
        info.contains(&format!(
            "  stale: the extracted text of {root}/op-ed.html is gone\n"
        )),
        "{info}"
    );
    std::fs::remove_dir_all(corpus.path()).unwrap();
    let info = cache_info(cache.path());
    assert!(
        info.contains("  stale: no corpus folder could be read: "),
        "{info}"
    );
}

#[test]
fn check_stores_the_index_and_reads_it_back_unless_told_not_to() {
    let cache = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("a.txt"), A).unwrap();
    let briefs = tempfile::tempdir().unwrap();
    let brief = briefs.path().join("brief.md");
    std::fs::write(&brief, "Trade grew by 15 percent in 2018 [@a].\n").unwrap();
    let check = |extra: &[&str]| {
        brief_lsp(cache.path())
            .arg("check")
            .arg("--corpus")
            .arg(corpus.path())
            .args(extra)
            .arg(&brief)
            .assert()
            .success()
    };
    check(&["--no-cache"]);
    assert!(index_files(cache.path()).is_empty(), "--no-cache writes no index");
    check(&[]);
    let files = index_files(cache.path());
    assert_eq!(files.len(), 1, "check stores the index");
    let stored = std::fs::metadata(&files[0]).unwrap().modified().unwrap();
    check(&[]);
    assert_eq!(
        std::fs::metadata(&files[0]).unwrap().modified().unwrap(),
        stored,
        "the second check reads the index, not writes it again"
    );
}

#[test]
fn check_reads_a_warm_index_as_needed_and_rebuilds_one_found_damaged_while_checking() {
    let (cache, corpus) = cache_and_corpus();
    let briefs = tempfile::tempdir().unwrap();
    let brief = briefs.path().join("brief.md");
    std::fs::write(
        &brief,
        "They “signed a pact of friendship in 2001” [@a]. Trade grew by 15 percent in 2018 [@a].\n",
    )
    .unwrap();
    let check = || {
        let out = brief_lsp(cache.path())
            .arg("check")
            .arg("--corpus")
            .arg(corpus.path())
            .arg(&brief)
            .output()
            .unwrap();
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
            out.status.code(),
        )
    };
    let cold = check();
    assert!(cold.0.contains("quote-inexact"), "{}", cold.0);
    assert_eq!(check(), cold, "warm start");
    // Damage a's original text, stored first (its title, in its table, is
    // the same words, and a damaged table is found as the index opens):
    // `check` opens the index, finds the damage when it reads the text (for
    // the quote's fix), throws its report away and checks again on a
    // rebuilt corpus; the report is printed once.
    let [index] = index_files(cache.path()).try_into().unwrap();
    let mut bytes = std::fs::read(&index).unwrap();
    let text = b"signed a treaty of friendship";
    let at = bytes.windows(text.len()).position(|w| w == text).unwrap();
    bytes[at] ^= 0x20;
    std::fs::write(&index, &bytes).unwrap();
    let (stdout, stderr, code) = check();
    assert_eq!((&stdout, code), (&cold.0, cold.2));
    assert!(
        stderr.contains(
            "the stored index was damaged (a part failed its check when first read); rebuilding it and checking again"
        ),
        "{stderr}"
    );
    // Said once, although the briefs were checked twice.
    assert_eq!(stderr.matches("brief-lsp: corpus:").count(), 1, "{stderr}");
    assert_ne!(std::fs::read(&index).unwrap(), bytes, "the index was rebuilt");
    assert_eq!(check(), cold, "warm start on the rebuilt index");
    // Damage found as the index opens (here a truncation) is said too.
    let whole = std::fs::read(&index).unwrap();
    std::fs::write(&index, &whole[..whole.len() / 3]).unwrap();
    let (stdout, stderr, code) = check();
    assert_eq!((&stdout, code), (&cold.0, cold.2));
    assert!(
        stderr.contains("the stored index was damaged (index is truncated); rebuilt it"),
        "{stderr}"
    );
    assert_eq!(check(), cold, "warm start on the rebuilt index");
}

/// An edit that keeps a file's size and puts its old mtime back (as
/// `touch -r` or a sync tool may) still moves its status-change time, so
/// the index built before it is not used.
#[cfg(unix)]
#[test]
fn an_edit_that_puts_the_mtime_back_is_still_seen() {
    let (cache, corpus) = cache_and_corpus();
    let a = corpus.path().join("a.txt");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let set_mtime = |when| {
        let file = std::fs::File::options().write(true).open(&a).unwrap();
        file.set_modified(when).unwrap();
    };
    set_mtime(an_hour_ago);
    let before = corpus_listing(cache.path(), corpus.path(), &[]);
    assert!(before.contains("friendship in 2001"), "{before}");
    std::fs::write(&a, A.replace("2001", "1999")).unwrap();
    set_mtime(an_hour_ago);
    let after = corpus_listing(cache.path(), corpus.path(), &[]);
    assert!(after.contains("friendship in 1999"), "{after}");
}

/// An index another build wrote (after an upgrade) is rebuilt as stale,
/// without calling it damaged.
#[test]
fn an_index_from_another_build_is_rebuilt_without_a_damage_warning() {
    let (cache, corpus) = cache_and_corpus();
    let cold = corpus_listing(cache.path(), corpus.path(), &[]);
    let files = index_files(cache.path());
    let mut bytes = std::fs::read(&files[0]).unwrap();
    // The header: magic (8 bytes), format (4), the version's length (4),
    // then the version, whose last character is changed.
    let len = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    bytes[16 + len - 1] ^= 0x01;
    std::fs::write(&files[0], &bytes).unwrap();
    let out = corpus_command(cache.path(), corpus.path(), &[]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), cold);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("damaged"), "{stderr}");
}

/// A source that cannot be read is stamped with its problem: it does not
/// make every start a cold one, and a warm start still says what is wrong.
#[test]
fn an_unreadable_source_keeps_the_index_valid_and_is_still_reported() {
    let (cache, corpus) = cache_and_corpus();
    std::fs::write(corpus.path().join("broken.pdf"), "not a PDF at all").unwrap();
    let load = || String::from_utf8(corpus_command(cache.path(), corpus.path(), &[]).stderr).unwrap();
    let cold = load();
    assert!(cold.contains("broken.pdf: unreadable PDF"), "{cold}");
    assert_eq!(load(), cold, "a warm start says the same");
    brief_lsp(cache.path())
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(contains("3 files"))
        .stdout(contains("still valid"));
    // Replaced, it is read again.
    std::fs::write(corpus.path().join("broken.pdf"), "another file, still not a PDF").unwrap();
    brief_lsp(cache.path())
        .args(["cache", "info"])
        .assert()
        .success()
        .stdout(contains("broken.pdf changed"));
}
