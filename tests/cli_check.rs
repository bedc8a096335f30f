//! `brief-lsp check` for terminals and CI: the compiler-style output of a
//! multi-line finding, colour, folders and stdin, unreadable briefs, the
//! `github` and `sarif` formats against their specifications, and the
//! generated completions and manual.

mod common;
use common::brief_lsp;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use expect_test::expect;
use predicates::prelude::PredicateBooleanExt as _;
use predicates::str::contains;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The README's own example, whose wrong "12.7%" sits on the second line
/// of its finding.
#[test]
fn the_readme_example_shows_every_line_of_a_finding_and_the_source_beside_it() {
    let out = stdout(brief_lsp(repo()).args(["check", "examples/brief.md"]), 1);
    expect![[r#"
        warning[figure-contradicted]: corpus: from 29.9 to 9.7% in 2018 [@lukin2020]
           --> examples/brief.md:14:70
            |
         14 |   In 2018 the Central Bank cut the share of its assets held in the USA from
            |  ______________________________________________________________________^
         15 | | 29.9 to 12.7% [@lukin2020].
            | |_____________^
            |
           ::: seeds/003_9556968063aa75cc.txt:112:28
            |
        112 |   its assets held in the USA from 29.9 to 9.7%. At the same time, the Central Bank 
            |                              ----------------- the corpus figure
            |
            = fix: Use the source’s figure: from 29.9 to 9.7%

        warning[quote-inexact]: inexact quote of @trenin2019 (94% of words match): the brief drops “not necessarily”.
          --> examples/brief.md:20:54
           |
        20 |   [see @makocki2016; @carnegie2016]. As Trenin put it, “Russia and China will
           |  ______________________________________________________^
        21 | | never be against each other, but they will always be with each other”
           | |_____________________________________________________________________^
           |
          ::: seeds/001_7dc4b461ced45b39.txt:11:70
           |
        11 |   ...ed thus: Russia and China will never be against each other, but they will not necessarily always be with each other.
           |               ---------------------------------------------------------------------------------------------------------- the source passage
           |
           = fix: Replace with the wording of @trenin2019: “Russia and China will never be against each other, but they will not necessarily always be with each other”

        error[citation-unknown]: unknown citation key `@trenin2017`; did you mean `@trenin2016`?
          --> examples/brief.md:24:34
           |
        24 | A later op-ed repeats the point [@trenin2017].
           |                                  ^^^^^^^^^^^
           |
           = fix: Change to `@trenin2016`

        1 error, 2 warnings in 1 brief
    "#]]
    .assert_eq(&out);
    let json = stdout(
        brief_lsp(repo()).args(["check", "--format", "json", "examples/brief.md"]),
        1,
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json[0]["related"][0],
        serde_json::json!({
            "file": "seeds/003_9556968063aa75cc.txt",
            "range": { "start": { "line": 111, "character": 27 }, "end": { "line": 111, "character": 44 } },
            "message": "the corpus figure",
        })
    );
}

#[test]
fn colour_only_on_request_or_a_terminal_and_never_with_no_color_on_auto() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.md", "See [@nobody].\n");
    let esc = |s: &str| s.contains('\x1b');
    assert!(!esc(&stdout(brief_lsp(dir.path()).args(["check", "b.md"]), 1)));
    assert!(esc(&stdout(
        brief_lsp(dir.path()).args(["check", "--color", "always", "b.md"]),
        1
    )));
    assert!(!esc(&stdout(
        brief_lsp(dir.path()).args(["check", "--color", "never", "b.md"]),
        1
    )));
    // The flag wins over the environment; NO_COLOR wins over `auto`, which
    // a pipe already turns off (a terminal cannot be had in a test).
    let mut always = brief_lsp(dir.path());
    always
        .env("NO_COLOR", "1")
        .args(["check", "--color", "always", "b.md"]);
    assert!(esc(&stdout(&mut always, 1)));
}

fn files_in_json(out: &str) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(out).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_folder_is_searched_for_briefs_less_hidden_folders_and_excludes() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "briefs/a.md",
        "briefs/sub/b.md",
        "briefs/.hidden/c.md",
        "briefs/drafts/d.md",
    ] {
        write(dir.path(), name, "See [@nobody].\n");
    }
    write(dir.path(), "briefs/notes.txt", "See [@nobody].\n");
    write(
        dir.path(),
        "brief-lsp.toml",
        "[exclude]\nbriefs = [\"briefs/drafts/\"]\n",
    );
    let out = stdout(
        brief_lsp(dir.path()).args(["check", "--format", "json", "briefs"]),
        1,
    );
    assert_eq!(files_in_json(&out), ["briefs/a.md", "briefs/sub/b.md"]);
    let human = stdout(brief_lsp(dir.path()).args(["check", "briefs"]), 1);
    assert!(human.ends_with("\n2 errors in 2 briefs\n"), "{human}");
    brief_lsp(dir.path())
        .args(["check", "briefs/drafts"])
        .assert()
        .code(0)
        .stdout("no findings in 0 briefs\n")
        .stderr(contains("no briefs (.md files) to check in briefs/drafts"));
}

#[test]
fn a_dash_reads_the_brief_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(
        brief_lsp(dir.path())
            .args(["check", "--format", "json", "-"])
            .write_stdin("Unknown [@nobody].\n"),
        1,
    );
    assert_eq!(files_in_json(&out), ["<stdin>"]);
    brief_lsp(dir.path())
        .args(["check", "-"])
        .write_stdin("Known [@trenin2016].\n")
        .assert()
        .code(0)
        .stdout("no findings in 1 brief\n");
}

/// An editor or a pre-commit hook pipes a buffer and names its file, so
/// that annotations land on it and its front matter's paths resolve.
#[test]
fn stdin_filename_names_standard_input_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "docs/refs.json",
        r#"[{"id": "own2024", "type": "report", "title": "Own"}]"#,
    );
    let brief = "---\nbibliography: refs.json\n---\nKnown [@own2024], unknown [@nobody].\n";
    let out = stdout(
        brief_lsp(dir.path())
            .args([
                "check",
                "--format",
                "github",
                "--stdin-filename",
                "docs/brief.md",
                "-",
            ])
            .write_stdin(brief),
        1,
    );
    let files: Vec<String> = out
        .lines()
        .map(parse_workflow_command)
        .map(|(_, props, message)| {
            let file = props.iter().find(|(k, _)| k == "file").map(|(_, v)| v.clone());
            format!("{} {message}", file.unwrap_or_default())
        })
        .collect();
    assert_eq!(files.len(), 1, "only @nobody is unknown: {files:?}");
    assert!(files[0].starts_with("docs/brief.md "), "{files:?}");
    assert!(files[0].contains("nobody"), "{files:?}");
}

#[test]
fn unreadable_briefs_are_reported_the_others_checked_then_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.md"), b"Caf\xe9 [@nobody]\n").unwrap();
    write(dir.path(), "ok.md", "Fine [@trenin2016], unknown [@nobody].\n");
    let out = brief_lsp(dir.path())
        .args(["check", "latin1.md", "missing.md", "ok.md"])
        .assert()
        .code(2)
        .stderr(contains(
            "cannot read latin1.md: not valid UTF-8 (line 1, byte 3)",
        ))
        .stderr(contains("cannot read missing.md"));
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("--> ok.md:1:30"), "{stdout}");
    assert!(
        stdout.ends_with("\n1 error in 1 brief; 2 briefs could not be read\n"),
        "{stdout}"
    );
}

/// A workflow command as the Actions runner reads it: `::name k=v,…::data`,
/// with the toolkit's escapes undone.
fn parse_workflow_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let unescape = |s: &str| {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let rest = line
        .strip_prefix("::")
        .expect("a workflow command starts with ::");
    let (head, data) = rest.split_once("::").expect("a command has a :: before its data");
    // Unescaped `:` or `,` inside a value would break the split above or
    // below; the escapes must hide them.
    let (name, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("a property is key=value");
            (k.to_string(), unescape(v))
        })
        .collect();
    assert!(!data.contains('\n') && !data.contains('\r'));
    (name.to_string(), props, unescape(data))
}

#[test]
fn github_format_writes_escaped_workflow_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(repo().join("examples/brief.md")).unwrap();
    write(dir.path(), "a,b: c.md", &example);
    let out = stdout(
        brief_lsp(dir.path()).args(["check", "--format", "github", "a,b: c.md"]),
        1,
    );
    let commands: Vec<_> = out.lines().map(parse_workflow_command).collect();
    let summary: Vec<String> = commands
        .iter()
        .map(|(name, props, _)| {
            let props: Vec<String> = props.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{name} {}", props.join(" "))
        })
        .collect();
    expect![[r#"
        [
            "warning file=a,b: c.md line=14 endLine=15 title=brief-lsp: figure-contradicted",
            "warning file=a,b: c.md line=20 endLine=21 title=brief-lsp: quote-inexact",
            "error file=a,b: c.md line=24 col=34 endColumn=45 title=brief-lsp: citation-unknown",
        ]
    "#]]
    .assert_debug_eq(&summary);
    let (_, _, message) = &commands[0];
    assert_eq!(
        *message,
        "corpus: from 29.9 to 9.7% in 2018 [@lukin2020]\nthe corpus figure: seeds/003_9556968063aa75cc.txt:112:28\nfix: Use the source’s figure: from 29.9 to 9.7%"
            .replace("seeds/", &format!("{}/seeds/", repo().display()))
    );
}

#[test]
fn github_annotations_name_files_from_the_workspace_root_when_run_in_a_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/brief.md", "See [@nobody].\n");
    let docs = dir.path().join("docs");
    let out = stdout(
        brief_lsp(&docs)
            .env("GITHUB_WORKSPACE", dir.path())
            .args(["check", "--format", "github", "brief.md"]),
        1,
    );
    let (_, props, _) = parse_workflow_command(out.lines().next().unwrap());
    assert!(
        props.contains(&("file".to_string(), "docs/brief.md".to_string())),
        "{props:?}"
    );
}

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("tests/data/sarif-2.1.0-rtm.5.json")).unwrap();
    // The schema's pattern for `run.language` has a bare `]`, a literal in
    // ECMAScript's legacy syntax but an error for the Rust regex engine;
    // escaped, it means the same and compiles.
    let bare = r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"#;
    assert!(text.contains(bare));
    let text = text.replace(bare, r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$"#);
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft4::new(&schema).unwrap()
}

fn assert_valid_sarif(log: &serde_json::Value) {
    let errors: Vec<String> = sarif_validator()
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_format_is_valid_sarif_2_1_0_with_rules_regions_and_sources() {
    let out = stdout(
        brief_lsp(repo()).args(["check", "--format", "sarif", "examples/brief.md"]),
        1,
    );
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"figure-contradicted") && rules.len() == brief_core::analysis::Code::ALL.len(),
        "{rules:?}"
    );
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "figure-contradicted");
    assert_eq!(
        rules[result["ruleIndex"].as_u64().unwrap() as usize],
        "figure-contradicted"
    );
    assert_eq!(result["level"], "warning");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "examples/brief.md");
    assert_eq!(location["artifactLocation"]["uriBaseId"], "SRCROOT");
    let region = &location["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ),
        (&14.into(), &70.into(), &15.into(), &14.into())
    );
    assert_eq!(region["snippet"]["text"], "from\n29.9 to 12.7%");
    let source = &result["relatedLocations"][0]["physicalLocation"];
    assert_eq!(
        source["artifactLocation"]["uri"],
        "seeds/003_9556968063aa75cc.txt"
    );
    assert_eq!(source["region"]["snippet"]["text"], "from 29.9 to 9.7%");
    assert_eq!(
        result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "from 29.9 to 9.7%"
    );
    assert_eq!(run["results"][2]["level"], "error");
}

#[test]
fn sarif_reports_unreadable_briefs_and_accepted_findings_and_stays_valid() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "b.md",
        "<!-- brief-lsp: accept citation-unknown \"a forthcoming paper\" -->\nSee [@nobody].\n\nAnd [@other] in “Ünïcode 😀”.\n",
    );
    std::fs::write(dir.path().join("bad.md"), b"\xff\n").unwrap();
    let out = stdout(
        brief_lsp(dir.path()).args(["check", "--format", "sarif", "--show-accepted", "b.md", "bad.md"]),
        2,
    );
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notification = &run["invocations"][0]["toolExecutionNotifications"][0];
    assert!(notification["message"]["text"]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8"));
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bad.md"
    );
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["suppressions"][0]["kind"], "inSource");
    assert!(results[1].get("suppressions").is_none());
    // The validator proves the shape; a wrong log must fail it.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_validator().is_valid(&broken));
}

#[test]
fn completions_and_the_manual_come_from_the_command_definitions() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(brief_lsp(dir.path()).args(["completions", shell]), 0);
        assert!(
            script.contains("show-accepted") && script.contains("sarif"),
            "{shell}"
        );
    }
    let man = stdout(brief_lsp(dir.path()).arg("man"), 0);
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq \\(aq") || man.contains(".TH brief-lsp 1"),
        "{man}"
    );
    assert!(man.contains("brief\\-lsp\\-check(1)"), "{man}");
    brief_lsp(dir.path())
        .args(["man", "--output-dir", "share/man/man1"])
        .assert()
        .success();
    let check = std::fs::read_to_string(dir.path().join("share/man/man1/brief-lsp-check.1")).unwrap();
    assert!(
        check.contains("\\-\\-format") && check.contains("github"),
        "{check}"
    );
}

#[test]
fn stdio_is_a_flag_of_the_server_alone() {
    let dir = tempfile::tempdir().unwrap();
    // Editors start `brief-lsp --stdio`; with stdin closed at once the
    // server sees the end of its input and stops, with 1 since no
    // `shutdown` came first (as the LSP specification says of `exit`).
    brief_lsp(dir.path())
        .arg("--stdio")
        .write_stdin("")
        .assert()
        .code(1);
    brief_lsp(dir.path())
        .args(["serve", "--stdio"])
        .write_stdin("")
        .assert()
        .code(1);
    brief_lsp(dir.path())
        .args(["check", "--stdio", "b.md"])
        .assert()
        .code(2)
        .stderr(contains("unexpected argument '--stdio'"));
    brief_lsp(dir.path())
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains("--stdio").not());
}

#[test]
fn a_broken_project_file_is_an_error_not_a_run_on_the_seed_corpus() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "brief-lsp.toml", "corpus = [\"sources\"\n");
    let brief = write(dir.path(), "briefs/brief.md", "As reported [@lukin2020].\n");
    let out = brief_lsp(dir.path()).arg("check").arg(&brief).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("brief-lsp.toml:1: unclosed array"), "{stderr}");
    assert!(!stderr.contains("seed"), "{stderr}");
    assert!(
        out.get_output().stdout.is_empty(),
        "no findings from another corpus"
    );
}

#[test]
fn an_empty_corpus_folder_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    let brief = write(dir.path(), "brief.md", "Plain prose.\n");
    let out = brief_lsp(dir.path())
        .args(["check", "--corpus", "sources"])
        .arg(&brief)
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("warning: the corpus has no documents"),
        "{stderr}"
    );
}

/// Trial 10: the corpus line named a missing folder among those checked
/// against, beside the error that it could not be read.
#[test]
fn the_corpus_line_names_only_the_folders_that_loaded() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "sources/rail.txt",
        "A break of gauge adds a day to each journey.\n",
    );
    let brief = write(dir.path(), "brief.md", "Plain prose.\n");
    let out = brief_lsp(dir.path())
        .args(["check", "--corpus", "missing-folder", "--corpus", "sources"])
        .arg(&brief)
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let line = stderr
        .lines()
        .find(|l| l.contains("(1 document)"))
        .unwrap_or_else(|| panic!("a corpus line: {stderr}"));
    assert!(
        line.contains("sources") && !line.contains("missing-folder"),
        "{line}"
    );
    assert!(
        stderr.contains("missing-folder: cannot read corpus folder"),
        "the failure is still said: {stderr}"
    );
}

/// From a new user's trial: "author" for "authors" in one entry threw the
/// whole manifest away, so every cited key of the folder was unknown.
#[test]
fn a_mistyped_manifest_field_costs_that_field_not_the_folders_keys() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sources/a.txt", "Trade grew quickly.\n");
    write(dir.path(), "sources/b.txt", "Ports were rebuilt.\n");
    write(
        dir.path(),
        "sources/corpus.toml",
        "[[document]]\nfile = \"a.txt\"\nkey = \"lee2020\"\nauthor = [\"Ann Lee\"]\n\n[[document]]\nfile = \"b.txt\"\nkey = \"kim2021\"\n",
    );
    let brief = write(
        dir.path(),
        "brief.md",
        "Trade grew [@lee2020]; ports were rebuilt [@kim2021].\n",
    );
    let out = brief_lsp(dir.path())
        .args(["check", "--corpus", "sources"])
        .arg(&brief)
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("corpus.toml:4")
            && stderr.contains("unknown field `author` (did you mean `authors`?); it is ignored"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!stdout.contains("citation-unknown"), "{stdout}");
}

/// Issue 15, item 5's class: the human format rendered a finding's whole
/// line, so 1,000 findings on one 75 KB line cost each the whole line. The
/// excerpt is cut around the finding; the location still counts from the
/// line's start, in characters.
#[test]
fn a_finding_on_a_long_line_shows_a_cut_excerpt_at_the_right_column() {
    let dir = tempfile::tempdir().unwrap();
    // Wide and multi-byte characters far before the finding, where the
    // column counts them; plain prose in the excerpt, where carets align.
    let before = format!(
        "{}{}",
        "Déjà vu, 日本. ".repeat(1_000),
        "Plain prose. ".repeat(30)
    );
    let brief = write(
        dir.path(),
        "long.md",
        &format!(
            "{before}Unknown [@nobody] here.{}\n",
            " More prose.".repeat(1_000)
        ),
    );
    let out = stdout(brief_lsp(dir.path()).arg("check").arg(&brief), 1);
    let column = before.chars().count() + "Unknown [".chars().count() + 1;
    assert!(out.contains(&format!("long.md:1:{column}")), "{out}");
    assert!(out.len() < 1_500, "the excerpt is cut: {} bytes", out.len());
    let lines: Vec<&str> = out.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.starts_with("1 | "))
        .expect("the source line");
    let caret = lines[source + 1].find('^').unwrap();
    assert_eq!(lines[source].get(caret..caret + 7), Some("@nobody"), "{out}");
}

/// A folder whose `sources` corpus holds one of `tests/data/sources` (a web
/// page or PDF) and a note of our own, `@notes`, to credit its quotes to.
fn corpus_with_extracted_source(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    std::fs::copy(repo().join("tests/data/sources").join(name), sources.join(name)).unwrap();
    write(
        &sources,
        "notes.txt",
        "Notes of our own about the river compact.\n",
    );
    dir
}

/// A passage of a web page or PDF is shown from its extracted text in the
/// cache; the label names the file the reader knows.
#[test]
fn a_passage_of_an_extracted_source_names_its_original_file() {
    let dir = corpus_with_extracted_source("river-op-ed.html");
    let brief = write(
        dir.path(),
        "brief.md",
        "Columnists agree: “If the gauge readings were published every day, in full and without delay” [@notes].\n",
    );
    let out = stdout(
        brief_lsp(dir.path())
            .args(["check", "--corpus", "sources"])
            .arg(&brief),
        1,
    );
    assert!(out.contains("quote-misattributed"), "{out}");
    assert!(
        out.contains("the quoted passage (the text of sources/river-op-ed.html)"),
        "{out}"
    );
}

/// The machine formats read on a CI runner, which has the PDF but not the
/// text extracted from it into this machine's cache: a related passage of a
/// PDF names the PDF and its printed page, and keeps the passage's text.
#[test]
fn machine_formats_name_the_pdf_of_a_related_passage_not_its_cached_text() {
    let dir = corpus_with_extracted_source("river-compact.pdf");
    let brief = write(
        dir.path(),
        "brief.md",
        "Some say “a compact designed for average conditions cannot survive extreme ones without modification” [@notes].\n",
    );
    let check = |format: &str| {
        stdout(
            brief_lsp(dir.path())
                .args(["check", "--corpus", "sources", "--format", format])
                .arg(&brief),
            1,
        )
    };
    let json: serde_json::Value = serde_json::from_str(&check("json")).unwrap();
    let related = &json[0]["related"][0];
    assert_eq!(related["file"], "sources/river-compact.pdf", "{json:#}");
    let page = related["page"].as_u64().expect("the printed page");
    assert!(related["passage"]
        .as_str()
        .unwrap()
        .starts_with("a compact designed for"));
    let cached = related["extracted_text"]["file"].as_str().unwrap();
    assert!(cached.ends_with("river-compact.pdf.txt"), "{cached}");
    assert!(related["extracted_text"]["range"]["start"]["line"].is_u64());

    let github = check("github");
    let place = format!("the quoted passage: sources/river-compact.pdf, page {page}%0A");
    assert!(github.contains(&place), "{github}");
    assert!(!github.contains(".pdf.txt"), "{github}");

    let sarif: serde_json::Value = serde_json::from_str(&check("sarif")).unwrap();
    assert_valid_sarif(&sarif);
    let location = &sarif["runs"][0]["results"][0]["relatedLocations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "sources/river-compact.pdf"
    );
    let message = location["message"]["text"].as_str().unwrap();
    assert!(
        message.contains(&format!(
            "page {page}): a compact designed for average conditions"
        )),
        "{message}"
    );
}

/// Corpus problems went to stderr only, which a pull request never shows.
#[test]
fn github_format_annotates_corpus_problems_at_their_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sources/a.txt", "Trade grew quickly.\n");
    write(
        dir.path(),
        "sources/corpus.toml",
        "[[document]]\nfile = \"a.txt\"\nkey = \"lee2020\"\nautor = \"x\"\n",
    );
    let brief = write(dir.path(), "brief.md", "Trade grew [@lee2020].\n");
    let out = stdout(
        brief_lsp(dir.path())
            .args(["check", "--format", "github", "--corpus", "sources"])
            .arg(&brief),
        0,
    );
    let commands: Vec<_> = out.lines().map(parse_workflow_command).collect();
    let [(name, props, message)] = commands.as_slice() else {
        panic!("one annotation: {out}")
    };
    assert_eq!(name, "warning");
    assert!(
        props.contains(&("file".to_string(), "sources/corpus.toml".to_string())),
        "{props:?}"
    );
    assert!(
        props.contains(&("line".to_string(), "4".to_string())),
        "{props:?}"
    );
    assert!(message.contains("did you mean `authors`?"), "{message}");
}

/// A brief named from outside its project is checked against that
/// project's corpus, as the server would check it; briefs of two projects
/// fall back to the current folder's, and say so.
#[test]
fn a_brief_is_checked_against_the_project_it_lies_in() {
    let dir = tempfile::tempdir().unwrap();
    for (project, key) in [("alpha", "memo"), ("beta", "note")] {
        write(
            dir.path(),
            &format!("{project}/sources/{key}.txt"),
            "The Arctic council met.\n",
        );
        write(
            dir.path(),
            &format!("{project}/brief-lsp.toml"),
            "corpus = [\"sources\"]\n",
        );
        write(
            dir.path(),
            &format!("{project}/briefs/b.md"),
            &format!("See [@{key}].\n"),
        );
    }
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let alpha_brief = dir.path().join("alpha/briefs/b.md");
    brief_lsp(&elsewhere)
        .arg("check")
        .arg(&alpha_brief)
        .assert()
        .code(0)
        .stderr(contains("alpha/brief-lsp.toml"));
    brief_lsp(&elsewhere)
        .args(["check", "-", "--stdin-filename"])
        .arg(&alpha_brief)
        .write_stdin("See [@memo].\n")
        .assert()
        .code(0);
    brief_lsp(&elsewhere)
        .arg("check")
        .arg(dir.path().join("beta/briefs"))
        .assert()
        .code(0)
        .stderr(contains("beta/brief-lsp.toml"));
    brief_lsp(&elsewhere)
        .arg("check")
        .arg(&alpha_brief)
        .arg(dir.path().join("beta/briefs/b.md"))
        .assert()
        .code(1)
        .stderr(contains("the briefs lie in different projects"))
        .stdout(contains("citation-unknown"));
}
