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
