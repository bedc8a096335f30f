//! The figure extractor on any text: ranges on char boundaries, inside the
//! text, in text order; values are numbers.
#![no_main]

use brief_core::figures::extract_figures;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let figures = extract_figures(text);
    for f in &figures {
        let r = f.range;
        assert!(r.start < r.end && r.end <= text.len(), "figure {r:?} outside 0..{}", text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "figure {r:?} off char boundaries");
        assert!(!f.value.is_nan(), "NaN figure at {r:?}");
        if let Some(upper) = f.upper {
            assert!(!upper.is_nan(), "NaN upper at {r:?}");
        }
    }
    for w in figures.windows(2) {
        assert!(w[0].range.start <= w[1].range.start, "figures out of text order: {:?} {:?}", w[0].range, w[1].range);
    }
});
