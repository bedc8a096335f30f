//! The JSON Schemas of the project's TOML files, checked in under schemas/
//! for editors (Taplo, Even Better TOML) to validate and complete with:
//! they must match the types that read the files, and accept what those
//! types accept. `UPDATE_SCHEMAS=1 cargo test --test schemas` rewrites them.

use std::path::{Path, PathBuf};

fn schemas() -> [(&'static str, schemars::Schema); 3] {
    [
        ("brief-lsp.schema.json", brief_lsp::config::project_file_schema()),
        ("corpus.schema.json", brief_core::corpus::manifest_schema()),
        (
            "entities.schema.json",
            brief_core::entities::entity_overrides_schema(),
        ),
    ]
}

fn checked_in(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas").join(name)
}

#[test]
fn checked_in_schemas_match_the_config_types() {
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for (name, schema) in schemas() {
        let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        let path = checked_in(name);
        if update {
            std::fs::write(&path, &generated).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(generated.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/{stale:?} differ from the types; run `UPDATE_SCHEMAS=1 cargo test --test schemas`"
    );
}

/// Whether the TOML `text` is valid under the schema `name` (as generated:
/// the test above keeps the checked-in one the same).
fn valid(name: &str, text: &str) -> bool {
    let (_, schema) = schemas().into_iter().find(|(n, _)| *n == name).unwrap();
    let schema = schema.to_value();
    let instance: serde_json::Value = toml::from_str(text).unwrap();
    jsonschema::draft7::new(&schema).unwrap().is_valid(&instance)
}

#[test]
fn the_schemas_accept_what_the_readers_accept_and_reject_the_rest() {
    let project = "corpus = [\"sources\"]\nbibliography = [\"refs.bib\"]\n[bibliography-documents]\nlukin2020 = \"sources/lukin.pdf\"\n[severity]\nfigure-unsupported = \"warning\"\nquote-uncited = \"off\"\n[exclude]\ncorpus = [\"nav/\"]\nbriefs = [\"drafts/*.md\", \"!drafts/final.md\"]\n";
    assert!(valid("brief-lsp.schema.json", project));
    assert!(!valid(
        "brief-lsp.schema.json",
        "[severity]\nquote-uncited = \"loud\"\n"
    ));
    assert!(!valid(
        "brief-lsp.schema.json",
        "[severity]\nquote-typo = \"off\"\n"
    ));
    assert!(!valid("brief-lsp.schema.json", "corpus = \"sources\"\n"));
    assert!(!valid("brief-lsp.schema.json", "[exclude]\nfiles = []\n"));

    let seeds =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/corpus.toml")).unwrap();
    assert!(valid("corpus.schema.json", &seeds));
    assert!(
        !valid("corpus.schema.json", "[[document]]\nkey = \"a\"\n"),
        "file is required"
    );
    assert!(!valid(
        "corpus.schema.json",
        "[[document]]\nfile = \"a.txt\"\nkey = \"a\"\nyear = 2020\n"
    ));

    let entities = "suppress = [\"Link Copied\"]\n[[entity]]\nname = \"Power of Siberia\"\nkind = \"event/project\"\naliases = [\"PoS\"]\n[[entity]]\nname = \"Gazprom\"\nkind = \"company\"\n[[merge]]\ninto = \"A\"\nnames = [\"B\"]\n[[rename]]\nfrom = \"Dmitri Trenin\"\nto = \"Dmitry Trenin\"\n";
    assert!(valid("entities.schema.json", entities));
    assert!(
        valid(
            "entities.schema.json",
            "[[entity]]\nname = \"X\"\naliases = [\"Y\"]\n"
        ),
        "kind is optional"
    );
    assert!(!valid(
        "entities.schema.json",
        "[[entity]]\nname = \"X\"\nkind = \"event/party\"\n"
    ));
    assert!(!valid("entities.schema.json", "[[rename]]\nfrom = \"X\"\n"));
}

/// Both readers agree with the schema on the same texts: what the schema
/// accepts here, the core parses.
#[test]
fn the_core_parses_what_the_schemas_accept() {
    let entities = "[[entity]]\nname = \"Gazprom\"\nkind = \"company\"\n";
    assert!(valid("entities.schema.json", entities));
    assert!(brief_core::entities::parse_entity_overrides(entities).is_ok());
    let seeds =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/corpus.toml")).unwrap();
    assert!(brief_core::corpus::parse_manifest(&seeds).is_ok());
}
