//! Extract each PDF with one extractor; write <out>/<stem>.txt (pages split by \x0c); print seconds and MB.
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, out) = (&args[1], &args[2]);
    for path in &args[3..] {
        let bytes = std::fs::read(path).unwrap();
        let t = Instant::now();
        let res = std::panic::catch_unwind(|| -> Result<Vec<String>, String> {
            match mode.as_str() {
                "oxide" | "oxide-plain" => {
                    let doc = pdf_oxide::PdfDocument::from_bytes(bytes.clone()).map_err(|e| e.to_string())?;
                    let n = doc.page_count().map_err(|e| e.to_string())?;
                    let opts = pdf_oxide::converters::ConversionOptions::default();
                    (0..n).map(|i| if mode == "oxide" { doc.extract_text(i) } else { doc.to_plain_text(i, &opts) }.map_err(|e| e.to_string())).collect()
                }
                "pdf-extract" => pdf_extract::extract_text_from_mem_by_pages(&bytes).map_err(|e| e.to_string()),
                _ => panic!("mode"),
            }
        });
        let secs = t.elapsed().as_secs_f64();
        let stem = std::path::Path::new(path).file_stem().unwrap().to_string_lossy().to_string();
        match res {
            Ok(Ok(pages)) => { std::fs::write(format!("{out}/{stem}.txt"), pages.join("\x0c")).unwrap(); println!("{stem}\t{secs:.4}\t{}\tok", bytes.len()); }
            Ok(Err(e)) => println!("{stem}\t{secs:.4}\t{}\terror: {}", bytes.len(), e.replace('\n', " ")),
            Err(_) => println!("{stem}\t{secs:.4}\t{}\tpanic", bytes.len()),
        }
    }
}
