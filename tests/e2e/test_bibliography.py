"""The bibliography Pandoc reads: a brief whose front matter names a `.bib`
gets completion, hover in its CSL style and `citation-unknown` from that
file; and real Pandoc (`pandoc --citeproc`) renders briefs brief-lsp finds
clean, with the exported bibliography and with a named `.bib`, citing
nothing it cannot find."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest
from lsprotocol import types as lsp
from pygls import uris

from helpers import definition_at, hover_at, inside, published, summary, wait_ready

REFS_BIB = """\
@report{gabuev2016,
  author = {Gabuev, Alexander},
  title = {Friends with Benefits? Russian-Chinese Relations After the Ukraine Crisis},
  institution = {Carnegie Moscow Center},
  date = {2016-06-29},
}

@article{lukin:entente,
  author = {Lukin, Artyom},
  title = {The Russia–China entente and its future},
  journaltitle = {International Politics},
  volume = {58},
  pages = {363--380},
  date = {2021},
  file = {Full Text PDF:files/9/lukin.txt:text/plain},
}
"""

LUKIN = "The Russia–China entente and its future\n\nMoscow and Beijing have formed an entente that falls short of a formal alliance.\n"

# A CSL style of our own, so that the hover shows which style rendered it.
TITLE_STYLE = """\
<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Title first</title><id>title-first</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" prefix="TITLE: " font-style="italic"/><text variable="publisher" prefix=" / "/></layout></bibliography>
</style>
"""

BRIEF = """\
---
title: Entente
bibliography: refs.bib
csl: title-first.csl
---

Gabuev [@gabuev2016] saw limits; so does [@gabuev2017].
Lukin calls it an entente that “falls short of a formal alliance” [@lukin:entente].
"""


def project(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "lukin.txt").write_text(LUKIN, encoding="utf-8")
    (tmp_path / "brief-lsp.toml").write_text('corpus = ["sources"]\n', encoding="utf-8")
    (tmp_path / "refs.bib").write_text(REFS_BIB, encoding="utf-8")
    (tmp_path / "title-first.csl").write_text(TITLE_STYLE, encoding="utf-8")
    return tmp_path


def open_file(client, path: pathlib.Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    doc = uris.from_fs_path(str(path))
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=doc, language_id="markdown", version=1, text=text)
        )
    )
    return doc


async def test_a_brief_naming_a_bib_completes_hovers_in_its_style_and_flags_unknown_keys(launch, tmp_path):
    root = project(tmp_path)
    c = await launch(root=root)
    await wait_ready(c, documents=1)
    doc = open_file(c, root / "brief.md", BRIEF)

    diags = await published(c, doc, version=1)
    assert summary(diags) == [
        (
            "citation-unknown",
            "brief-lsp",
            "unknown citation key `@gabuev2017`; did you mean `@gabuev2016`?",
        )
    ], "the .bib's keys are known, and its quote is found in the linked document"

    hover = await hover_at(c, doc, inside(BRIEF, "@gabuev2016"))
    assert "*TITLE: Friends with Benefits? Russian-Chinese Relations After the Ukraine Crisis*" in hover.contents.value
    assert "quotes from it cannot be checked" in hover.contents.value

    found = await definition_at(c, doc, inside(BRIEF, "@lukin:entente"))
    assert [pathlib.Path(uris.to_fs_path(loc.uri)).name for loc in found] == ["lukin.txt"]

    typed = BRIEF.index("@gabuev2016") + len("@gab")
    result = await c.text_document_completion_async(
        lsp.CompletionParams(
            text_document=lsp.TextDocumentIdentifier(uri=doc),
            position=lsp.Position(line=BRIEF[:typed].count("\n"), character=typed - BRIEF.rfind("\n", 0, typed) - 1),
        )
    )
    items = result.items if isinstance(result, lsp.CompletionList) else result
    gabuev = next(i for i in items if i.label == "gabuev2016")
    assert gabuev.detail == "Gabuev 2016"
    documentation = gabuev.documentation.value if hasattr(gabuev.documentation, "value") else gabuev.documentation
    assert documentation.startswith("*TITLE: Friends with Benefits?")


async def test_without_a_csl_the_reference_is_in_chicago_author_date(launch, tmp_path):
    root = project(tmp_path)
    c = await launch(root=root)
    await wait_ready(c, documents=1)
    text = BRIEF.replace("csl: title-first.csl\n", "")
    doc = open_file(c, root / "plain.md", text)
    hover = await hover_at(c, doc, inside(text, "@gabuev2016"))
    assert hover.contents.value.split("\n\n")[1].startswith(
        "Gabuev, Alexander. 2016. *Friends with Benefits? Russian-Chinese Relations After the Ukraine Crisis*."
    )


# --- real Pandoc ----------------------------------------------------------------

PANDOC = shutil.which("pandoc")

# CI (CI=true) must run this test: a missing pandoc fails there, as
# editors/ci.sh fails on a skipped editor test.
needs_pandoc = pytest.mark.skipif(
    PANDOC is None and os.environ.get("CI") != "true",
    reason="pandoc is not installed (Debian: apt-get install pandoc); CI installs it",
)


def binary() -> str:
    return os.environ["BRIEF_LSP_BIN"]


def brief_lsp(*args: str, cwd: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run([binary(), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def citeproc(brief: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    """`pandoc --citeproc` run in the brief's folder, as a writer runs it."""
    assert PANDOC is not None, "CI=true: pandoc must be installed (.ci/run installs it)"
    return subprocess.run(
        [PANDOC, "--citeproc", "--to", "plain", "--wrap", "none", brief.name, *args],
        cwd=brief.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_all_found(run: subprocess.CompletedProcess, *cited: str) -> None:
    assert run.returncode == 0, run.stderr
    assert "not found" not in run.stderr, run.stderr
    assert "[WARNING]" not in run.stderr, run.stderr
    for text in cited:
        assert text in run.stdout, run.stdout


@needs_pandoc
@pytest.mark.parametrize("fmt,name", [("csl-json", "corpus.json"), ("bibtex", "corpus.bib")])
def test_pandoc_renders_a_clean_brief_with_the_exported_bibliography(tmp_path, fmt, name):
    brief = tmp_path / "brief.md"
    brief.write_text(
        "# Entente\n\nTrenin [-@trenin2016] and Lukin [@lukin2020, p. 374] disagree; see also "
        "[@makocki2016; @carnegie2016] and @trenin2019.\n",
        encoding="utf-8",
    )
    checked = brief_lsp("check", brief.name, cwd=tmp_path)
    assert checked.returncode == 0 and "no findings" in checked.stdout, checked.stdout + checked.stderr
    exported = brief_lsp("bibliography", "--format", fmt, "--output", name, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    run = citeproc(brief, "--bibliography", name)
    assert_all_found(run, "Lukin 2020, 374", "Makocki and Popescu 2016", "International Politics")


@needs_pandoc
def test_pandoc_renders_a_brief_with_the_bib_its_front_matter_names(tmp_path):
    root = project(tmp_path)
    text = BRIEF.replace("csl: title-first.csl\n", "").replace(" so does [@gabuev2017].", " so does Lukin.")
    brief = root / "clean.md"
    brief.write_text(text, encoding="utf-8")
    checked = brief_lsp("check", brief.name, cwd=root)
    assert checked.returncode == 0 and "no findings" in checked.stdout, checked.stdout + checked.stderr
    assert_all_found(citeproc(brief), "Gabuev 2016", "Lukin 2021", "Carnegie Moscow Center")

    # The check is honest: a key the .bib lacks is what Pandoc misses too.
    broken = root / "broken.md"
    broken.write_text(BRIEF, encoding="utf-8")
    assert brief_lsp("check", broken.name, cwd=root).returncode == 1
    assert "citation gabuev2017 not found" in citeproc(broken).stderr
