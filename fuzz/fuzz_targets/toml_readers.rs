//! The manifest, entities and accepted-findings readers on any text: they
//! return a value or an error with a line inside the text, never panic.
#![no_main]

use brief_core::analysis::parse_accepted;
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
    if let Err(e) = parse_accepted(text) {
        assert!(e.line >= 1 && e.line <= lines, "accepted error line {} of {lines}", e.line);
    }
});
