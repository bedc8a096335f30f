//! The manifest, entities and accepted-findings readers on any text: they
//! return a value or an error with a line inside the text, never panic.
//! And recording an acceptance in an accepted-findings file that reads
//! keeps it readable, with one entry more (issue 15, item 9).
#![no_main]

use brief_core::analysis::{parse_accepted, record_acceptance, Acceptance};
use brief_core::corpus::parse_manifest;
use brief_core::entities::parse_entity_overrides;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lines = text.lines().count().max(1) + 1;
    match parse_manifest(text) {
        Err(e) => assert!(e.line >= 1 && e.line <= lines, "manifest error line {} of {lines}", e.line),
        Ok(entries) => {
            for entry in entries {
                assert!(entry.line >= 1 && entry.line <= lines, "entry line {} of {lines}", entry.line);
            }
        }
    }
    if let Err(e) = parse_entity_overrides(text) {
        assert!(e.line >= 1 && e.line <= lines, "entities error line {} of {lines}", e.line);
    }
    match parse_accepted(text) {
        Err(e) => assert!(e.line >= 1 && e.line <= lines, "accepted error line {} of {lines}", e.line),
        Ok(before) => check_recording(text, before.len()),
    }
});

fn check_recording(text: &str, entries_before: usize) {
    let entry = Acceptance {
        brief: "briefs/b.md".into(),
        code: "quote-not-found".into(),
        text: "a \"quoted\" ']' text".into(),
        context: "some words".into(),
        reason: String::new(),
        date: "2026-01-01".into(),
    };
    let edit = record_acceptance(Some(text), &entry).edit;
    let r = edit.range;
    assert!(r.start <= r.end && r.end <= text.len(), "edit {r:?} outside 0..{}", text.len());
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "edit {r:?} off char boundaries");
    let mut after = text.to_string();
    after.replace_range(r.start..r.end, &edit.new_text);
    match parse_accepted(&after) {
        Ok(entries) => {
            assert_eq!(entries.len(), entries_before + 1, "not one entry more:\n{after}");
            assert!(entries.contains(&entry), "the new entry is missing:\n{after}");
        }
        Err(e) => panic!("recording an acceptance made the file unreadable ({}):\n{after}", e.message),
    }
}
