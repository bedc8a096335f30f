"""A corpus folder as analysts keep one: a typeset PDF (two columns, running
heads, printed pages 366–367), a saved web page and a text file, end to end
through the real binary: quotes found in each, go-to-source on the exact
characters of the extracted text (cached outside the corpus folder), the
page in the hover with a link that opens the PDF there, a wrong page
locator flagged and fixed; and PDFs without usable text reported and
skipped."""

from __future__ import annotations

import pathlib
import shutil

from helpers import (
    actions_for,
    definition_at,
    edit,
    hover_at,
    inside,
    located,
    open_brief,
    published,
    source_path,
    summary,
    wait_ready,
    wait_until,
)

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"

PDF_QUOTE = "The third, and most ambitious, would create a standing secretariat with the authority to publish binding forecasts"
PAGE_QUOTE = "If the gauge readings were published every day, in full and without delay"
TEXT_QUOTE = "A corpus document of our own about the river compact"
BRIEF = (
    "# Brief\n\n"
    f"Reformers are ambitious: “{PDF_QUOTE}” [@river-compact, p. 366].\n\n"
    f"Columnists agree: “{PAGE_QUOTE}” [@river-op-ed].\n\n"
    f"And we wrote: “{TEXT_QUOTE}” [@notes].\n"
)


def corpus(tmp_path: pathlib.Path, monkeypatch) -> tuple[pathlib.Path, pathlib.Path]:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(DATA / "sources" / "river-compact.pdf", folder)
    shutil.copy(DATA / "sources" / "river-op-ed.html", folder)
    (folder / "notes.txt").write_text(f"Notes\n\n{TEXT_QUOTE}, written in Café Ümlaut.\n", encoding="utf-8")
    return folder, cache


async def test_pdf_page_and_text_sources_end_to_end(launch, tmp_path, monkeypatch):
    folder, cache = corpus(tmp_path, monkeypatch)
    c = await launch(options={"corpus": [str(folder)]})
    ready = await wait_ready(c, documents=3)
    assert ready["problems"] == []
    doc = open_brief(c, BRIEF)
    diags = await published(c, doc, version=1)
    assert summary(diags) == [
        ("locator-wrong", "brief-lsp", "the passage is on p. 367 of @river-compact, not 366"),
    ], summary(diags)

    # Go-to-source: the extracted text in the cache folder (the text file
    # itself for notes.txt), at the quote.
    for quote, extracted in ((PDF_QUOTE, True), (PAGE_QUOTE, True), (TEXT_QUOTE, False)):
        [location] = await definition_at(c, doc, inside(BRIEF, quote, by=5))
        path = source_path(location.uri)
        assert (cache in path.parents) == extracted and (folder in path.parents) != extracted, path
        assert " ".join(located(location).split()) == quote
    [pdf_location] = await definition_at(c, doc, inside(BRIEF, PDF_QUOTE, by=5))
    assert source_path(pdf_location.uri).name == "river-compact.pdf.txt"

    # The hover names the printed page and links the PDF's physical page.
    hover = await hover_at(c, doc, inside(BRIEF, PDF_QUOTE, by=5))
    assert "**Quote found**" in hover.contents.value
    # The printed page and, since they differ, the PDF page the link opens.
    assert "· p. 367 (PDF page 2)\n" in hover.contents.value
    pdf_uri = (folder / "river-compact.pdf").as_uri()
    assert f"[river-compact.pdf, page 2]({pdf_uri}#page=2)" in hover.contents.value

    # The web page's facts come from its citation_* tags.
    hover = await hover_at(c, doc, inside(BRIEF, "@river-op-ed", by=3))
    # The reference in Chicago author-date, which title-cases it.
    assert "Share the Water, Share the Data" in hover.contents.value
    assert "Okonkwo" in hover.contents.value and "2021" in hover.contents.value
    # Its key is the file name's (README: keys of unlisted files), but the
    # quote hover names the page by its tags' authors, year and title.
    hover = await hover_at(c, doc, inside(BRIEF, PAGE_QUOTE, by=5))
    assert "**@river-op-ed** · Okonkwo and Lindqvist 2021 · *Share the water, share the data*" in hover.contents.value

    # The fix rewrites the locator to the right page, and the brief is clean.
    [wrong] = diags
    [fix] = await actions_for(c, doc, wrong)
    assert fix.title == "Cite page 367"
    (e,) = fix.edit.changes[doc]
    fixed = edit(BRIEF, e.range, e.new_text)
    assert "[@river-compact, p. 367]" in fixed
    again = open_brief(c, fixed, name="fixed.md")
    assert summary(await published(c, again, version=1)) == []
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "river-compact.pdf", "river-op-ed.html"]


async def test_go_to_source_on_a_pdf_survives_clearing_the_cache(launch, tmp_path, monkeypatch):
    # From a new-user trial: after `brief-lsp cache clear` with the server
    # running, go-to-source on a PDF quote pointed at a deleted file.
    folder, cache = corpus(tmp_path, monkeypatch)
    c = await launch(options={"corpus": [str(folder)]})
    await wait_ready(c, documents=3)
    doc = open_brief(c, BRIEF)
    await published(c, doc, version=1)
    shutil.rmtree(cache / "brief-lsp" / "extracted")
    [location] = await definition_at(c, doc, inside(BRIEF, PDF_QUOTE, by=5))
    assert source_path(location.uri).name == "river-compact.pdf.txt"
    assert " ".join(located(location).split()) == PDF_QUOTE

    # Where the text cannot be written again, there is no location, and a
    # warning says why.
    extracted = cache / "brief-lsp" / "extracted"
    shutil.rmtree(extracted)
    extracted.write_text("not a folder", encoding="utf-8")
    assert await definition_at(c, doc, inside(BRIEF, PAGE_QUOTE, by=5)) == []
    shown = await wait_until(lambda: c.messages, "a warning about the unwritable text")
    assert "river-op-ed.html is gone from the cache and cannot be written again" in shown[0].message


async def test_pdfs_without_usable_text_are_reported_and_skipped(launch, tmp_path, monkeypatch):
    folder, _ = corpus(tmp_path, monkeypatch)
    for name in ("encrypted-file.pdf", "imagemagick-images.pdf", "issue-297.pdf"):
        shutil.copy(DATA / "odd-pdfs" / name, folder)
    (folder / "truncated.pdf").write_bytes((DATA / "sources" / "river-compact.pdf").read_bytes()[:20_000])
    c = await launch(options={"corpus": [str(folder)]})
    ready = await wait_ready(c, documents=3)
    problems = sorted(ready["problems"])
    assert [p.split(": ")[0] for p in problems] == [
        str(folder / n) for n in ("encrypted-file.pdf", "imagemagick-images.pdf", "issue-297.pdf", "truncated.pdf")
    ]
    assert "encrypted PDF" in problems[0]
    assert "no text layer" in problems[1]
    assert "unreadable PDF" in problems[2] and "unreadable PDF" in problems[3]
    assert all(p.endswith("; skipped") for p in problems)
    doc = open_brief(c, BRIEF + "\nA broken file [@truncated].\n")
    diags = await published(c, doc, version=1)
    assert [d.code for d in diags] == ["locator-wrong", "citation-unknown"]
    assert diags[1].message.startswith("`@truncated` is the corpus file truncated.pdf, which could not be read: unreadable PDF")
    shown = await wait_until(lambda: c.messages, "a showMessage naming the unreadable sources")
    assert shown[0].message.startswith("brief-lsp: 4 corpus sources could not be read; citing them is flagged.")
    assert shown[0].message.endswith("; and 1 more (see the log)")


async def test_a_missing_page_is_hinted_when_the_setting_asks(launch, tmp_path, monkeypatch):
    folder, _ = corpus(tmp_path, monkeypatch)
    brief = f"“{PDF_QUOTE}” [@river-compact].\n"
    c = await launch(options={"briefLsp": {"corpus": [str(folder)], "severity": {"locator-missing": "hint"}}})
    await wait_ready(c, documents=3)
    doc = open_brief(c, brief)
    diags = await published(c, doc, version=1)
    assert summary(diags) == [
        ("locator-missing", "brief-lsp", "the passage is on p. 367 of @river-compact; cite the page"),
    ]
    [fix] = await actions_for(c, doc, diags[0])
    (e,) = fix.edit.changes[doc]
    assert edit(brief, e.range, e.new_text).endswith("[@river-compact, p. 367].\n")
