//! `brief-lsp bibliography` and `check` with a front matter bibliography, as
//! a user runs them: the real binary, from a folder that is not the project
//! (so the embedded seed corpus). `tests/e2e/test_bibliography.py` feeds the
//! output to real Pandoc.

mod common;
use common::brief_lsp;

#[test]
fn csl_json_export_has_every_seed_reference_with_pandocs_date_form() {
    let dir = tempfile::tempdir().unwrap();
    let out = brief_lsp(dir.path())
        .args(["bibliography", "--format", "csl-json"])
        .assert()
        .success();
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "trenin2016",
            "trenin2019",
            "carnegie2016",
            "lukin2020",
            "makocki2016"
        ]
    );
    let lukin = &items[3];
    assert_eq!(
        lukin["issued"],
        serde_json::json!({"date-parts": [[2020, 6, 13]]})
    );
    assert_eq!(
        lukin["author"],
        serde_json::json!([{"family": "Lukin", "given": "Artyom"}])
    );
    assert_eq!(lukin["type"], "article-journal");
}

#[test]
fn bibtex_export_writes_a_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    brief_lsp(dir.path())
        .args(["bibliography", "--format", "bibtex", "--output", "out/corpus.bib"])
        .assert()
        .success()
        .stderr(predicates::str::contains("wrote 5 references to out/corpus.bib"));
    let bib = std::fs::read_to_string(dir.path().join("out/corpus.bib")).unwrap();
    assert!(bib.contains("@article{lukin2020,"), "{bib}");
    assert!(bib.contains("@techreport{makocki2016,"), "{bib}");
    assert!(
        bib.contains("author = {Michal Makocki and Nicu Popescu}"),
        "{bib}"
    );
}

#[test]
fn check_reads_the_bib_the_front_matter_names_and_reports_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("refs.bib"),
        "@book{gabuev2016, author = {Gabuev, Alexander}, title = {Friends with Benefits?}, date = {2016}}\n",
    )
    .unwrap();
    let brief = "---\nbibliography: refs.bib\n---\n\nSee [@gabuev2016] and [@gabuev2017].\n";
    std::fs::write(dir.path().join("brief.md"), brief).unwrap();
    std::fs::write(
        dir.path().join("missing.md"),
        "---\nbibliography: [nowhere.bib]\n---\n\nSee [@lukin2020].\n",
    )
    .unwrap();
    let out = brief_lsp(dir.path())
        .args(["check", "--format", "json", "brief.md", "missing.md"])
        .assert()
        .code(1);
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let codes: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("brief.md", "citation-unknown"),
            ("missing.md", "bibliography-invalid")
        ],
        "{findings:#?}"
    );
    assert!(findings[0]["message"]
        .as_str()
        .unwrap()
        .contains("did you mean `@gabuev2016`"));
    assert!(findings[1]["message"]
        .as_str()
        .unwrap()
        .starts_with("bibliography nowhere.bib: cannot read"));
}
