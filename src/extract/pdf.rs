//! PDF text with pdf-extract (lopdf underneath; BENCHMARKS.md "PDF
//! extractors" says why this crate): one string per page, joined by form
//! feeds, so that the core's page marks (`Document::pages`) see every page.
//! Line-end hyphens and running headers are left to the core's layout and
//! normalization, which treat every source alike.

/// Fewer letters than this per page, on average, is no text layer: a
/// scanned or image-only PDF (pdf-extract finds a few stray glyphs on some).
const MIN_LETTERS_PER_PAGE: usize = 40;

/// The text of a PDF, pages separated by `\x0c`, or why there is none.
pub fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let pages = pdf_extract::extract_text_from_mem_by_pages(bytes).map_err(describe)?;
    let letters: usize = pages
        .iter()
        .map(|p| p.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if pages.is_empty() || letters < MIN_LETTERS_PER_PAGE * pages.len() {
        return Err(format!(
            "no text layer ({letters} letters on {} pages): a scanned or image-only PDF? Add a text version (OCR) instead",
            pages.len()
        ));
    }
    let pages: Vec<&str> = pages.iter().map(|p| p.trim_matches('\x0c')).collect();
    Ok(pages.join("\x0c"))
}

fn describe(err: pdf_extract::OutputError) -> String {
    match err {
        pdf_extract::OutputError::PdfError(pdf_extract::Error::Decryption(err)) => {
            format!("encrypted PDF ({err}); save a copy without a password")
        }
        err => format!("unreadable PDF: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(path: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn a_typeset_pdf_gives_its_pages_between_form_feeds() {
        let text = pdf_text(&data("sources/river-compact.pdf")).unwrap();
        assert_eq!(text.matches('\x0c').count(), 1);
        let (first, second) = text.split_once('\x0c').unwrap();
        assert!(first.contains("The river compact signed by the three"));
        assert!(second.contains("The third, and most ambitious, would"));
    }

    #[test]
    fn encrypted_image_only_and_malformed_pdfs_say_why() {
        let err = |name: &str| pdf_text(&data(&format!("odd-pdfs/{name}"))).unwrap_err();
        assert!(err("encrypted-file.pdf").starts_with("encrypted PDF"));
        assert!(err("imagemagick-images.pdf").starts_with("no text layer"));
        assert!(err("issue-297.pdf").starts_with("unreadable PDF"));
        let truncated = &data("sources/river-compact.pdf")[..20_000];
        assert!(pdf_text(truncated).unwrap_err().starts_with("unreadable PDF"));
    }
}
