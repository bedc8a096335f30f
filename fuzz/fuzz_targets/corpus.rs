//! Corpus decoding, normalization and the offset map on a one-file folder:
//! every normalized range maps back inside the original, on char boundaries.
#![no_main]

use std::path::PathBuf;

use brief_core::corpus::{CorpusFolder, Documents, SourceFile};
use brief_core::text::TextRange;
use libfuzzer_sys::fuzz_target;

fn assert_range(text: &str, r: TextRange, what: &str) {
    assert!(r.start <= r.end && r.end <= text.len(), "{what} {r:?} outside 0..{}", text.len());
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{what} {r:?} off char boundaries");
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file kind, so one corpus covers each decoder.
    let Some((&kind, bytes)) = data.split_first() else { return };
    let ext = ["md", "txt", "html", "pdf"][usize::from(kind % 4)];
    let folder = CorpusFolder {
        root: PathBuf::from("/corpus"),
        manifest: None,
        entities: None,
        files: vec![SourceFile {
            path: PathBuf::from(format!("/corpus/doc.{ext}")),
            rel_path: format!("doc.{ext}"),
            bytes: bytes.to_vec(),
        extracted: None,
        }],
    };
    let docs = Documents::build(vec![folder], &|_, _| {});
    for doc in &docs.documents {
        let (orig, norm) = (&doc.original, &doc.normalized);
        let mut last = 0;
        for p in &doc.paragraphs {
            assert_range(norm, p.range, "paragraph");
            assert!(p.range.start >= last, "paragraphs overlap or out of order");
            last = p.range.end;
            assert!(p.sentences.end <= doc.sentences.len());
        }
        for w in doc.sentences.windows(2) {
            assert!(w[0].end <= w[1].start, "sentences overlap: {:?} {:?}", w[0], w[1]);
        }
        for s in doc.sentences.iter().chain(doc.paragraphs.iter().map(|p| &p.range)) {
            assert_range(norm, *s, "sentence");
            let o = doc.to_original(*s);
            assert_range(orig, o, "original of normalized range");
            let _ = doc.display(*s);
        }
        // Every char boundary maps back, as an empty range and as a range
        // to the end.
        for (i, _) in norm.char_indices().chain([(norm.len(), ' ')]) {
            assert_range(orig, doc.to_original(TextRange::empty(i)), "original of offset");
            assert_range(orig, doc.to_original(TextRange::new(i, norm.len())), "original of tail");
        }
        if let Some(t) = doc.title_range {
            assert_range(orig, t, "title range");
        }
    }
});
