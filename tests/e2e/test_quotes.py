"""Quoted claims against the corpus, end to end through the real binary:
matching across the source's line breaks, page headers, elisions and
editorial brackets; the quote diagnostics and their quick fixes; hover,
definition and inlay hints on quotes; and `brief-lsp check` agreeing with
the server."""

from __future__ import annotations

import json
import pathlib
import re
import subprocess

import pytest
from lsprotocol import types as lsp
from pygls import uris

from conftest import SERVER
from helpers import (
    actions_for,
    change,
    definition_at,
    edit,
    hover_at,
    ident,
    inside,
    located,
    open_brief,
    position,
    published,
    source_path,
    span,
    summary,
    text_at,
    units,
    wait_ready,
)

LUKIN = "003_9556968063aa75cc.txt"
TRENIN2016 = "000_4a4712e541d2533e.txt"
TRENIN2019 = "001_7dc4b461ced45b39.txt"

# Quotes of the seed corpus, with their marks.
HYPHENATED = "“Its current state can be characterized as a quasi-alliance, or entente”"
ACROSS_HEADER = (
    "“strike a rather stable balance — in Central Asia, whereby Beijing has emerged as the main economic force”"
)
ELIDED = "“Russia and China will never be against each other … they will not necessarily always be with each other”"
EDITORIAL = '"[I]t was hoped that China would become a major buyer of Siberian hydrocarbons"'
VARIANTS = "“the Sino–Russian ‘strategic partnership’ was proclaimed in April 1996”"
INVENTED = "“The committee unanimously endorsed the plan for lunar wheat exports”"
MISQUOTE = "“the mid-1960s marked a watershed both in Russia and China’s foreign policies”"
MISQUOTE_FIXED = "the mid-1990s marked a watershed both in Russia and China’s foreign policies"
MISQUOTE_DIFF = "the source has “mid-1990s” where the brief has “mid-1960s”."
POWER = "“the Power of Siberia pipeline started delivering natural gas to China”"
UNCITED = "“Chinese and Russians now better understand both the potential and the limitations of their relationship.”"
NOT_FOUND_MESSAGE = "quote not found: no corpus passage contains these words"


# --- small protocol helpers ---------------------------------------------------


async def inlay_hints(client, doc: str, text: str, enc: str = "utf-16", start: int = 0, end: int | None = None):
    """The inlay hints of string indices `start..end` of `text` (all of it by default)."""
    end = len(text) if end is None else end
    whole = lsp.Range(start=position(text, start, enc), end=position(text, end, enc))
    return await client.text_document_inlay_hint_async(lsp.InlayHintParams(text_document=ident(doc), range=whole))


def brief(*lines: str) -> str:
    return "# Brief\n\n" + "\n\n".join(lines) + "\n"


async def single_definition(client, text: str, quote: str, file: str, enc: str = "utf-16") -> str:
    doc = open_brief(client, text)
    assert await published(client, doc, version=1) == []
    locations = await definition_at(client, doc, inside(text, quote, enc, by=5))
    assert len(locations) == 1, locations
    assert source_path(locations[0].uri).name == file
    return located(locations[0], enc)


# --- matching ---------------------------------------------------------------


async def test_quote_across_a_hyphenated_line_break(client):
    text = brief(f"Lukin: {HYPHENATED} [@lukin2020].")
    found = await single_definition(client, text, HYPHENATED, LUKIN)
    assert found == "Its current state can be charac-\nterized as a quasi-alliance, or entente"


async def test_quote_across_a_page_header(client):
    text = brief(f"Lukin: {ACROSS_HEADER} [@lukin2020].")
    found = await single_definition(client, text, ACROSS_HEADER, LUKIN)
    assert found.startswith("strike a rather stable balance—in Central Asia,")
    assert found.endswith("whereby Beijing has emerged as the main economic force")
    assert "374 A.\u00a0Lukin" in found  # the running header, inside the passage
    assert found == (
        "strike a rather stable balance—in Central Asia, \n\n\n\n374 A.\u00a0Lukin \n\n"
        "whereby Beijing has emerged as the main economic force"
    )


@pytest.mark.parametrize("mark", ["…", "...", "[...]", "[…]"])
async def test_elided_quote_is_exact_and_spans_the_whole_passage(client, mark):
    quote = ELIDED.replace("…", mark)
    text = brief(f"As Trenin put it, {quote} [@trenin2019].")
    found = await single_definition(client, text, quote, TRENIN2019)
    assert found == (
        "Russia and China will never be against each other, but they will not necessarily always be with each other"
    )


async def test_elided_fragments_out_of_order_are_not_exact(client):
    # The same fragments, swapped: the elision only bridges them in order.
    swapped = "“they will not necessarily always be with each other … Russia and China will never be against each other”"
    text = brief(f"Trenin: {swapped} [@trenin2019].")
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    assert [d.code for d in diags] in (["quote-not-found"], ["quote-inexact"])
    assert diags[0].range == span(text, swapped)


async def test_editorial_bracket_quote_is_exact(client):
    text = brief(f"Gabuev (2016) recalls that {EDITORIAL} [@lukin2020].")
    found = await single_definition(client, text, EDITORIAL, LUKIN)
    assert found == "[i]t was hoped that China would become a major buyer of Siberian hydro-\ncarbons"


async def test_dash_and_quote_variants_are_exact(client):
    text = brief(f"Lukin: {VARIANTS} [@lukin2020].")
    found = await single_definition(client, text, VARIANTS, LUKIN)
    assert found == "The Sino-Russian ‘strategic partnership’ was proclaimed in April \n1996"  # case ignored


# --- diagnostics, hover and fixes ---------------------------------------------


async def test_scare_quote_is_not_reported_but_hover_cites_it(client):
    text = brief("Both call it an “entente” and mean it.")
    doc = open_brief(client, text)
    assert await published(client, doc, version=1) == []
    hover = await hover_at(client, doc, inside(text, "“entente”", by=3))
    assert hover is not None
    assert hover.contents.kind == lsp.MarkupKind.Markdown
    value = hover.contents.value
    found = re.match(r"\*\*Quote found\*\* in (\d+) passages\n", value)
    assert found, value
    n = int(found.group(1))
    assert n > 3  # the word is all over the corpus: three passages are shown
    assert value.count("\n\n---\n\n**@") == 3
    assert value.endswith(f"\n\n…and {n - 3} more")
    assert hover.range == span(text, "“entente”")


async def test_quote_from_outside_the_corpus_is_not_found(client):
    text = brief(f"Reportedly, {INVENTED} [@lukin2020].")
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    assert summary(diags) == [("quote-not-found", "brief-lsp", NOT_FOUND_MESSAGE)]
    assert diags[0].severity == lsp.DiagnosticSeverity.Warning
    assert diags[0].range == span(text, INVENTED)
    assert not diags[0].related_information
    hover = await hover_at(client, doc, inside(text, INVENTED, by=10))
    assert hover.contents.value == "**Quote not found** in the corpus (5 documents)"
    assert hover.range == span(text, INVENTED)
    assert await definition_at(client, doc, inside(text, INVENTED, by=10)) == []
    assert await actions_for(client, doc, diags[0]) == []


async def test_one_word_misquote_is_inexact_and_its_fix_restores_the_wording(client):
    text = brief(f"He notes that {MISQUOTE} [@lukin2020].")
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    assert summary(diags) == [
        ("quote-inexact", "brief-lsp", f"inexact quote of @lukin2020 (92% of words match): {MISQUOTE_DIFF}")
    ]
    (diag,) = diags
    assert diag.severity == lsp.DiagnosticSeverity.Warning
    assert diag.range == span(text, MISQUOTE)
    (related,) = diag.related_information
    assert related.message == "the source passage"
    assert source_path(related.location.uri).name == LUKIN
    passage = located(related.location)
    assert "mid-1990s" in passage
    assert passage == "the mid-1990s marked a watershed both in Russia and China’s foreign poli-\ncies"

    hover = await hover_at(client, doc, inside(text, MISQUOTE, by=20))
    value = hover.contents.value
    assert value.startswith("**Inexact quote**: the nearest passage matches 92% of its words")
    assert f"Differences: {MISQUOTE_DIFF}" in value
    assert "**@lukin2020** · Lukin 2020" in value
    assert "**the mid-1990s marked a watershed both in Russia and China’s foreign policies**" in value
    assert hover.range == span(text, MISQUOTE)

    (fix,) = await actions_for(client, doc, diag)
    assert fix.title == "Replace with the wording of @lukin2020"
    assert fix.kind == lsp.CodeActionKind.QuickFix
    assert fix.is_preferred
    assert list(fix.edit.changes) == [doc]
    (e,) = fix.edit.changes[doc]
    content = MISQUOTE[1:-1]
    assert e.range == span(text, content)  # inside the marks, which stay
    assert e.new_text == MISQUOTE_FIXED
    change(client, doc, 2, (e.range, e.new_text))
    fixed = edit(text, e.range, e.new_text)
    assert f"that “{MISQUOTE_FIXED}” [@lukin2020]." in fixed
    assert await published(client, doc, version=2) == []


async def test_misattributed_quote_names_the_source_and_its_fix_changes_the_key(client):
    text = brief(f"Trenin observes that {POWER} [@trenin2016].")
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    assert summary(diags) == [
        ("quote-misattributed", "brief-lsp", "quote credited to @trenin2016, but it is from @lukin2020")
    ]
    (diag,) = diags
    assert diag.severity == lsp.DiagnosticSeverity.Warning
    assert diag.range == span(text, POWER)
    (related,) = diag.related_information
    assert source_path(related.location.uri).name == LUKIN
    assert located(related.location) == "the Power of Siberia pipeline started deliv-\nering natural gas to China"

    hover = await hover_at(client, doc, inside(text, POWER, by=8))
    assert hover.contents.value.startswith("**Quote found** in 1 passage")
    assert "Cited as `@trenin2016`, but the passage is in `@lukin2020`." in hover.contents.value

    (fix,) = await actions_for(client, doc, diag)
    assert fix.title == "Cite @lukin2020 instead"
    (e,) = fix.edit.changes[doc]
    assert e.range == span(text, "trenin2016")
    assert e.new_text == "lukin2020"
    change(client, doc, 2, (e.range, e.new_text))
    assert edit(text, e.range, e.new_text).endswith(f"{POWER} [@lukin2020].\n")
    assert await published(client, doc, version=2) == []


async def test_uncited_quote_is_a_hint_and_its_fix_inserts_the_citation(client):
    text = brief(f"One view: {UNCITED} Others disagree.")
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    assert summary(diags) == [("quote-uncited", "brief-lsp", "quote from @trenin2016 has no citation")]
    (diag,) = diags
    assert diag.severity == lsp.DiagnosticSeverity.Hint
    assert diag.range == span(text, UNCITED)
    (related,) = diag.related_information
    assert source_path(related.location.uri).name == TRENIN2016
    # Skeletons keep letters and digits: the passage ends at the last word.
    assert located(related.location) == UNCITED[1:-2]

    (fix,) = await actions_for(client, doc, diag)
    assert fix.title == "Cite @trenin2016"
    (e,) = fix.edit.changes[doc]
    after_quote = position(text, text.index(UNCITED) + len(UNCITED))
    assert e.range == lsp.Range(start=after_quote, end=after_quote)
    assert e.new_text == " [@trenin2016]"
    change(client, doc, 2, (e.range, e.new_text))
    assert f"{UNCITED} [@trenin2016] Others disagree." in edit(text, e.range, e.new_text)
    assert await published(client, doc, version=2) == []


async def test_quotes_in_code_links_and_front_matter_are_ignored(client):
    text = (
        '---\ntitle: "The committee unanimously endorsed the plan for lunar wheat exports"\n---\n\n'
        "# Brief\n\n"
        "Inline `“The committee unanimously endorsed the plan for lunar wheat exports”` code.\n\n"
        '```\n"The committee unanimously endorsed the plan for lunar wheat exports"\n```\n\n'
        '~~~\n“The committee unanimously endorsed the plan for lunar wheat exports”\n~~~\n\n'
        "A [link](https://x.org/“The-committee-unanimously-endorsed-the-plan”) here.\n\n"
        f"Control: {INVENTED}.\n"
    )
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    # Only the quote in prose is looked up.
    control = text.index(f"Control: {INVENTED}") + len("Control: ")
    expected = lsp.Range(start=position(text, control), end=position(text, control + len(INVENTED)))
    assert [(d.code, d.range) for d in diags] == [("quote-not-found", expected)]
    for needle in (
        "“The committee unanimously endorsed the plan for lunar wheat exports”`",
        '"The committee unanimously endorsed the plan for lunar wheat exports"\n```',
        "“The committee unanimously endorsed the plan for lunar wheat exports”\n~~~",
        "The-committee-unanimously",
        'title: "The committee',
    ):
        pos = inside(text, needle, by=12)
        assert await hover_at(client, doc, pos) is None, needle
        assert await definition_at(client, doc, pos) == [], needle


async def test_quote_ranges_after_non_ascii_text(enc_client):
    enc = enc_client.encoding
    line = f"Russia’s view — café 😀: {POWER} [@trenin2016], and ‘{INVENTED[1:-1]}’ é."
    invented = f"‘{INVENTED[1:-1]}’"
    text = brief(line)
    doc = open_brief(enc_client, text)
    diags = await published(enc_client, doc, version=1)
    assert [d.code for d in diags] == ["quote-misattributed", "quote-not-found"]
    assert [d.range for d in diags] == [span(text, POWER, enc), span(text, invented, enc)]
    assert [text_at(text, d.range, enc) for d in diags] == [POWER, invented]
    start = line.index(POWER)
    expected = {"utf-16": 25, "utf-8": 32}[enc]
    assert units(line[:start], enc) == expected
    assert (diags[0].range.start.line, diags[0].range.start.character) == (2, expected)
    assert diags[0].range.end.character == expected + units(POWER, enc)
    # The related passage, in the client's encoding too.
    assert located(diags[0].related_information[0].location, enc).startswith("the Power of Siberia pipeline")

    # Hover and the cite-instead fix use the same positions.
    hover = await hover_at(enc_client, doc, inside(text, POWER, enc, by=4))
    assert hover.range == span(text, POWER, enc)
    (fix,) = await actions_for(enc_client, doc, diags[0])
    (e,) = fix.edit.changes[doc]
    assert e.range == span(text, "trenin2016", enc)


async def test_definition_positions_after_non_ascii_in_the_source(enc_client):
    # In the source the quote starts right after a curly quote mark.
    enc = enc_client.encoding
    quote = "“strategic partnership between Moscow and Beijing is already more than two decades old”"
    text = brief(f"Café 😀 {quote} [@lukin2020].")
    doc = open_brief(enc_client, text)
    assert await published(enc_client, doc, version=1) == []
    (location,) = await definition_at(enc_client, doc, inside(text, quote, enc, by=6))
    assert source_path(location.uri).name == LUKIN
    start = {"utf-16": 5, "utf-8": 7}[enc]  # after "The ‘"
    assert (location.range.start.line, location.range.start.character) == (1, start)
    assert located(location, enc) == (
        "strategic partnership’ between Moscow and Beijing is already more than two \ndecades old"
    )


async def test_block_quote_is_checked_as_one_quote(client):
    quote = "> Russia and China will never be against each other, but they will\n> not necessarily always be with each other [@trenin2019]."
    text = brief("Trenin sums it up:", quote)
    doc = open_brief(client, text)
    assert await published(client, doc, version=1) == []
    (location,) = await definition_at(client, doc, inside(text, "never be against", by=2))
    assert source_path(location.uri).name == TRENIN2019
    assert located(location) == (
        "Russia and China will never be against each other, but they will not necessarily always be with each other"
    )
    hover = await hover_at(client, doc, inside(text, "never be against", by=2))
    assert hover.contents.value.startswith("**Quote found** in 1 passage")
    assert hover.range == span(text, quote)  # from the first `>` to the end of the block


async def test_nested_quote_is_not_reported_but_hovered(client):
    # The inner quote is from @trenin2019, the outer one from nowhere; only
    # the outer one (depth 0) is reported.
    inner = "‘Russia and China will never be against each other’"
    outer = f"“The minister once told the committee that {inner} and left the room early”"
    text = brief(f"Reportedly, {outer} [@lukin2020].")
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    assert [(d.code, d.range) for d in diags] == [("quote-not-found", span(text, outer))]
    hover = await hover_at(client, doc, inside(text, inner, by=8))
    assert hover.range == span(text, inner)
    assert hover.contents.value.startswith("**Quote found** in 1 passage")
    assert "**@trenin2019**" in hover.contents.value
    (location,) = await definition_at(client, doc, inside(text, inner, by=8))
    assert located(location) == inner[1:-1]
    hover = await hover_at(client, doc, inside(text, outer, by=8))
    assert hover.range == span(text, outer)
    assert hover.contents.value.startswith("**Quote not found**")


async def test_quotes_across_crlf_line_breaks_in_the_brief(enc_client):
    enc = enc_client.encoding
    wrapped = "“Its current state can be\r\ncharacterized as a quasi-alliance, or entente”"
    text = f"# Brief\r\n\r\nLukin — é: {wrapped} [@lukin2020],\r\nbut 😀 {MISQUOTE} [@lukin2020].\r\n"
    doc = open_brief(enc_client, text)
    diags = await published(enc_client, doc, version=1)
    assert [(d.code, d.range) for d in diags] == [("quote-inexact", span(text, MISQUOTE, enc))]
    assert diags[0].range.start.line == 4  # \r\n is one line break
    hover = await hover_at(enc_client, doc, position(text, text.index("characterized"), enc))
    assert hover.range == span(text, wrapped, enc)
    assert hover.range.end.line == 3
    assert hover.contents.value.startswith("**Quote found** in 1 passage")


# --- several documents ------------------------------------------------------

SHARED = "The two capitals have agreed to expand cooperation on Arctic shipping routes."


@pytest.mark.parametrize("enc", ["utf-16", "utf-8"])
async def test_same_sentence_in_two_documents_lists_both_cited_first(launch, tmp_path, enc):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "alpha-memo.txt").write_text(f"Alpha memo\n\nFirst. {SHARED} Then more.\n", encoding="utf-8")
    # Here the sentence follows non-ASCII text on its line.
    (folder / "beta-memo.txt").write_text(
        f"Beta memo\n\nSomething else entirely.\n\nAs reported — é 😀: {SHARED}\n", encoding="utf-8"
    )
    c = await launch(options={"corpus": [str(folder)]}, encodings=[enc])
    assert c.init_result.capabilities.position_encoding == enc
    await wait_ready(c, documents=2)
    quote = f"“{SHARED}”"
    for cited, other in (("beta-memo", "alpha-memo"), ("alpha-memo", "beta-memo")):
        text = brief(f"Reports say {quote} [@{cited}].")
        doc = open_brief(c, text, name=f"{cited}.md")
        assert await published(c, doc, version=1) == []
        locations = await definition_at(c, doc, inside(text, quote, enc, by=7))
        assert [source_path(loc.uri).name for loc in locations] == [f"{cited}.txt", f"{other}.txt"]
        assert [located(loc, enc) for loc in locations] == [SHARED[:-1], SHARED[:-1]]  # to the last word
        hover = await hover_at(c, doc, inside(text, quote, enc, by=7))
        assert hover.contents.value.startswith("**Quote found** in 2 passages")
        assert hover.contents.value.index(f"**@{cited}**") < hover.contents.value.index(f"**@{other}**")
        hints = await inlay_hints(c, doc, text, enc)
        assert [h.label for h in hints] == [f"@{cited}"]


# --- inlay hints ------------------------------------------------------------


async def test_inlay_hint_names_the_source_after_a_verified_quote(enc_client):
    enc = enc_client.encoding
    verified = "“Russia and China will never be against each other”"
    later = "“Its current state can be characterized as a quasi-alliance, or entente”"
    text = brief(
        f"Trenin — é 😀: {verified} [@trenin2019], the “entente”, and {INVENTED}, and {MISQUOTE} [@lukin2020].",
        f"Lukin 😀 says {later} [@lukin2020].",
    )
    doc = open_brief(enc_client, text)
    await published(enc_client, doc, version=1)
    after = [text.index(q) + len(q) for q in (verified, later)]
    hints = await inlay_hints(enc_client, doc, text, enc)
    # Only verified quotes of four words or more: not the scare quote, the
    # invented quote or the misquote.
    assert [(h.label, h.position) for h in hints] == [
        ("@trenin2019", position(text, after[0], enc)),
        ("@lukin2020", position(text, after[1], enc)),
    ]
    assert hints[0].position.character == units(text[text.index("Trenin — ") : after[0]], enc)
    # Only the hints in the requested range.
    first_paragraph = text.index("Lukin 😀")
    hints = await inlay_hints(enc_client, doc, text, enc, end=first_paragraph)
    assert [h.label for h in hints] == ["@trenin2019"]
    hints = await inlay_hints(enc_client, doc, text, enc, start=first_paragraph)
    assert [h.label for h in hints] == ["@lukin2020"]


async def test_inlay_hints_can_be_turned_off(launch):
    c = await launch(options={"briefLsp": {"inlayHints": False}})
    await wait_ready(c, documents=5)
    verified = "“Russia and China will never be against each other”"
    text = brief(f"Trenin: {verified} [@trenin2019].")
    doc = open_brief(c, text)
    assert await published(c, doc, version=1) == []
    assert not await inlay_hints(c, doc, text)
    # Diagnostics and hover are still served.
    hover = await hover_at(c, doc, inside(text, verified, by=4))
    assert hover.contents.value.startswith("**Quote found**")


# --- the command line -------------------------------------------------------


async def test_check_command_reports_what_the_server_publishes(client, tmp_path):
    text = brief(
        f"Exact: {HYPHENATED} [@lukin2020] and {ELIDED} [@trenin2019].",
        f"Café 😀 — misquote: {MISQUOTE} [@lukin2020].",
        f"Wrong key: {POWER} [@trenin2016].",
        f"Uncited: {UNCITED}",
        f"Invented: {INVENTED} [@lukin2020], and the “entente”.",
        "Code: `“The committee unanimously endorsed the plan for lunar wheat exports”`.",
    )
    doc = open_brief(client, text)
    diags = await published(client, doc, version=1)
    assert [d.code for d in diags] == ["quote-inexact", "quote-misattributed", "quote-uncited", "quote-not-found"]
    assert [text_at(text, d.range) for d in diags] == [MISQUOTE, POWER, UNCITED, INVENTED]

    path = tmp_path / "brief.md"
    path.write_bytes(text.encode("utf-8"))
    # In an empty folder, so that no brief-lsp.toml chooses another corpus.
    run = subprocess.run(
        [str(SERVER), "check", "--format", "json", str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr  # warnings fail the check
    findings = json.loads(run.stdout)
    severity = {
        lsp.DiagnosticSeverity.Error: "error",
        lsp.DiagnosticSeverity.Warning: "warning",
        lsp.DiagnosticSeverity.Information: "information",
        lsp.DiagnosticSeverity.Hint: "hint",
    }
    from_server = [
        (
            d.code,
            (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character),
            severity[d.severity],
            d.message,
        )
        for d in diags
    ]
    from_cli = [
        (
            f["code"],
            (
                f["range"]["start"]["line"],
                f["range"]["start"]["character"],
                f["range"]["end"]["line"],
                f["range"]["end"]["character"],
            ),
            f["severity"],
            f["message"],
        )
        for f in findings
    ]
    assert from_cli == from_server
    assert {f["file"] for f in findings} == {str(path)}
