//! `brief-lsp check` and `brief-lsp corpus` as a user runs them: the real
//! binary, from a folder that is not the project, asserting output and exit
//! status.

mod common;
use common::brief_lsp;

use assert_cmd::Command;
use predicates::str::contains;

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn check_reports_unknown_keys_like_a_compiler_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "b.md",
        "# Brief\n\nCafé — “entente” [@lukin2021; @trenin2016].\n",
    );
    brief_lsp(dir.path())
        .args(["check", "b.md"])
        .assert()
        .code(1)
        .stdout(contains(
            "error[citation-unknown]: unknown citation key `@lukin2021`; did you mean `@lukin2020`?\n --> b.md:3:19\n  |\n3 | Café — “entente” [@lukin2021; @trenin2016].\n  |                   ^^^^^^^^^^\n  |\n  = fix: Change to `@lukin2020`\n",
        ))
        .stdout(contains("\n1 error in 1 brief\n"));
}

/// `check --format json` of a brief of `text` that has findings.
fn check_json(text: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let brief = write(dir.path(), "b.md", text);
    let out = brief_lsp(dir.path())
        .args(["check", "--format", "json"])
        .arg(&brief)
        .assert()
        .code(1);
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn check_json_uses_zero_based_utf16_positions() {
    let json = check_json("😀 ’ [@nobody]\n");
    assert_eq!(json[0]["code"], "citation-unknown");
    assert_eq!(json[0]["severity"], "error");
    // 😀 is two UTF-16 units, ’ one: `@` starts at 2 + 1 + 1 + 1 + 1 = 6.
    assert_eq!(
        json[0]["range"]["start"],
        serde_json::json!({"line": 0, "character": 6})
    );
    assert_eq!(
        json[0]["range"]["end"],
        serde_json::json!({"line": 0, "character": 13})
    );
}

#[test]
fn check_json_gives_each_fix_with_its_edits() {
    let json = check_json("é — [@lukin2021].\n");
    assert_eq!(json[0]["code"], "citation-unknown");
    let fix = &json[0]["fixes"][0];
    assert_eq!(fix["title"], "Change to `@lukin2020`");
    // The key's name after "é — [@", six UTF-16 units.
    assert_eq!(
        fix["edits"][0],
        serde_json::json!({
            "range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 15}},
            "new_text": "lukin2020",
        })
    );
}

#[test]
fn a_clean_brief_exits_0_and_the_example_brief_shows_each_kind_of_finding() {
    let dir = tempfile::tempdir().unwrap();
    let brief = write(dir.path(), "ok.md", "Trenin [@trenin2016] and `@code`.\n");
    brief_lsp(dir.path())
        .arg("check")
        .arg(&brief)
        .assert()
        .code(0)
        .stdout("no findings in 1 brief\n");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/brief.md");
    let out = brief_lsp(dir.path())
        .args(["check", "--format", "json"])
        .arg(example)
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let found: Vec<String> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {}", f["range"]["start"]["line"], f["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            "13 figure-contradicted",
            "19 quote-inexact",
            "23 citation-unknown"
        ]
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    brief_lsp(dir.path())
        .args(["check", "missing.md"])
        .assert()
        .code(2)
        .stderr(contains("cannot read missing.md"));
    brief_lsp(dir.path()).args(["check"]).assert().code(2);
    let brief = write(dir.path(), "b.md", "x\n");
    brief_lsp(dir.path())
        .args(["check", "--corpus", "nowhere"])
        .arg(&brief)
        .assert()
        .code(2)
        .stderr(contains("no corpus folder could be read"));
}

#[test]
fn corpus_lists_the_embedded_seeds_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = brief_lsp(dir.path()).arg("corpus").assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for key in [
        "trenin2016",
        "trenin2019",
        "carnegie2016",
        "lukin2020",
        "makocki2016",
    ] {
        assert!(stdout.contains(key), "{stdout}");
    }
    assert!(stdout.contains("5 documents"), "{stdout}");
}

#[test]
fn corpus_columns_stay_aligned_with_keys_longer_than_the_usual() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-source-with-a-rather-long-file-name.txt", "Long.\n");
    write(dir.path(), "short.txt", "Short.\n");
    let out = brief_lsp(dir.path())
        .args(["corpus", "--corpus", "."])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    // The second column ("bytes") ends at the same place on the header and
    // on each row.
    let second_ends = |row: &str| {
        let first = row.find(' ').unwrap();
        let second = first + row[first..].find(|c: char| c != ' ').unwrap();
        second + row[second..].find(' ').unwrap()
    };
    let ends: Vec<usize> = stdout.lines().take(3).map(second_ends).collect();
    assert!(ends.iter().all(|&e| e == ends[0]), "{stdout}");
}

#[test]
fn own_corpus_from_flag_or_project_file_with_bad_files_reported() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    write(&sources, "memo.txt", "A memo about the Arctic.\n");
    std::fs::write(sources.join("latin1.txt"), b"Caf\xe9 au lait.\n").unwrap();
    std::fs::write(sources.join("blob.txt"), b"\x00\x01binary").unwrap();
    let brief = write(dir.path(), "b.md", "See @memo and @latin1, not @lukin2020.\n");
    let assert = brief_lsp(dir.path())
        .args(["check", "--corpus", "sources", "--format", "json"])
        .arg(&brief)
        .assert()
        .code(1)
        .stderr(contains("blob.txt: binary file (contains NUL bytes); skipped"))
        .stderr(contains("latin1.txt:1: not valid UTF-8"));
    let json: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1, "{json}");
    assert!(json[0]["message"].as_str().unwrap().contains("@lukin2020"));

    write(dir.path(), "brief-lsp.toml", "corpus = [\"sources\"]\n");
    brief_lsp(dir.path())
        .arg("corpus")
        .assert()
        .success()
        .stdout(contains("memo"))
        .stdout(contains("2 documents"));
    write(dir.path(), "brief-lsp.toml", "corpus = [\"sources\"\n");
    brief_lsp(dir.path())
        .arg("corpus")
        .assert()
        .code(2)
        .stderr(contains("brief-lsp.toml:1: unclosed array"));
}

#[test]
fn project_file_severities_change_and_disable_checks() {
    let dir = tempfile::tempdir().unwrap();
    let brief = write(
        dir.path(),
        "b.md",
        "See [@nobody].\n\n“Chinese and Russians now better understand both the potential and the limitations of their relationship.”\n",
    );
    let codes = |cmd: &mut Command| {
        let out = cmd
            .args(["check", "--format", "json"])
            .arg(&brief)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let found: Vec<String> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["code"].as_str().unwrap(),
                    f["severity"].as_str().unwrap()
                )
            })
            .collect();
        (found, out.status.code())
    };
    assert_eq!(
        codes(&mut brief_lsp(dir.path())),
        (
            vec!["citation-unknown error".into(), "quote-uncited hint".into()],
            Some(1)
        )
    );
    write(
        dir.path(),
        "brief-lsp.toml",
        "[severity]\ncitation-unknown = \"info\"\nquote-uncited = \"off\"\n",
    );
    assert_eq!(
        codes(&mut brief_lsp(dir.path())),
        (vec!["citation-unknown info".into()], Some(0))
    );
    write(
        dir.path(),
        "brief-lsp.toml",
        "[severity]\ncitation-unknwn = \"off\"\n",
    );
    brief_lsp(dir.path())
        .arg("check")
        .arg(&brief)
        .assert()
        .code(1)
        .stderr(contains("unknown check `citation-unknwn`"));
}

#[test]
fn excludes_leave_out_briefs_and_corpus_files() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(sources.join("nav")).unwrap();
    write(&sources, "memo.txt", "A memo about the Arctic.\n");
    write(&sources.join("nav"), "menu.txt", "Home About Contact\n");
    write(&sources, "keep.txt", "Kept text.\n");
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    let draft = write(&dir.path().join("drafts"), "a.md", "[@nobody]\n");
    let kept = write(&dir.path().join("drafts"), "final.md", "[@nobody]\n");
    write(
        dir.path(),
        "brief-lsp.toml",
        "corpus = [\"sources\"]\n[exclude]\ncorpus = [\"nav/\", \"*.txt\", \"!memo.txt\"]\nbriefs = [\"drafts/*.md\", \"!drafts/final.md\"]\n",
    );
    brief_lsp(dir.path())
        .arg("corpus")
        .assert()
        .success()
        .stdout(contains("1 document,"));
    brief_lsp(dir.path())
        .arg("check")
        .arg(&draft)
        .assert()
        .code(0)
        .stdout("no findings in 0 briefs\n")
        .stderr(contains("is excluded by brief-lsp.toml; not checked"));
    brief_lsp(dir.path())
        .arg("check")
        .arg(&kept)
        .assert()
        .code(1)
        .stdout(contains("citation-unknown"));
}
