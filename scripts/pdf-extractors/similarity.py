"""Word-level similarity (difflib ratio) of each extractor's output against the
known source text and against pdftotext, and the page count kept."""
import difflib, pathlib, re, sys
def words(s): return re.findall(r"\w+", s.lower())
def ratio(a, b): return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
truth = {"river-compact": words(pathlib.Path("tests/data/sources/river-compact.txt").read_text()),
         "crazyones": words(pathlib.Path(sys.argv[1]).read_text())}
for stem in ["river-compact", "crazyones", "multilang", "GeoBase_NHNC1_Data_Model_UML_EN", "imagemagick-images", "encrypted-file"]:
    ref = pathlib.Path(f"/tmp/ev/pdftotext/{stem}.txt")
    refw = words(ref.read_text()) if ref.exists() else None
    for m in ["pdftotext", "pdftotext-layout", "oxide", "oxide-plain", "pdf-extract"]:
        p = pathlib.Path(f"/tmp/ev/{m}/{stem}.txt")
        if not p.exists(): print(f"{stem}\t{m}\t(no output)"); continue
        t = p.read_text(errors="replace"); w = words(t)
        pages = t.rstrip("\x0c").count("\x0c") + 1
        tr = f"{ratio(w, truth[stem]):.3f}" if stem in truth else "-"
        pr = f"{ratio(w, refw):.3f}" if refw else "-"
        print(f"{stem}\t{m}\twords={len(w)}\tpages={pages}\tvs_truth={tr}\tvs_pdftotext={pr}")
