"""Figures against the corpus, end to end through the real binary: the three
verdicts and their codes, hover and definition on a supported figure, the
quick fix for a contradicted one, and `brief-lsp check` agreeing."""

from __future__ import annotations

import json
import subprocess

from conftest import SERVER
from helpers import (
    actions_for,
    change,
    definition_at,
    edit,
    hover_at,
    inside,
    located,
    open_brief,
    published,
    source_path,
    span,
)

LUKIN = "003_9556968063aa75cc.txt"
SUPPORTED = "In 2018 Russia–China trade reached $107 billion [@lukin2020]."
CONTRADICTED = "In 2018 bilateral trade between Russia and China — é — reached $120 billion [@lukin2020]."
UNSUPPORTED = "About 40,000 Chinese students study in Russian universities."
NOT_FIGURES = "The G20 met in Hangzhou in 2016; Vostok-2018 and the S-400 (p. 374) are names."
BRIEF = "# Figures\n\n" + "\n\n".join([SUPPORTED, CONTRADICTED, UNSUPPORTED, NOT_FIGURES]) + "\n"


def figure_diagnostics(diags):
    return [d for d in diags if d.code.startswith("figure-")]


async def test_the_three_verdicts_with_their_codes_and_ranges(enc_client):
    client, enc = enc_client, enc_client.encoding
    doc = open_brief(client, BRIEF)
    diags = figure_diagnostics(await published(client, doc, version=1))
    assert [(d.code, d.severity, d.range) for d in diags] == [
        ("figure-contradicted", 2, span(BRIEF, "$120 billion", enc)),
        ("figure-unsupported", 3, span(BRIEF, "About 40,000 Chinese students", enc)),
    ]
    contradicted = diags[0]
    assert contradicted.source == "brief-lsp"
    assert contradicted.message == "corpus: $107 billion in 2018 [@lukin2020]"
    related = contradicted.related_information[0]
    assert source_path(related.location.uri).name == LUKIN
    assert located(related.location, enc) == "$107 billion"


async def test_hover_and_definition_on_a_supported_figure(enc_client):
    client, enc = enc_client, enc_client.encoding
    doc = open_brief(client, BRIEF)
    await published(client, doc, version=1)
    hover = await hover_at(client, doc, inside(BRIEF, "$107 billion", enc))
    assert hover.contents.value.startswith("**Figure supported**")
    assert "**@lukin2020** · Lukin 2020" in hover.contents.value
    assert "reaching **$107 billion**" in hover.contents.value
    assert hover.range == span(BRIEF, "$107 billion", enc)
    locations = await definition_at(client, doc, inside(BRIEF, "$107 billion", enc))
    assert [source_path(loc.uri).name for loc in locations] == [LUKIN]
    assert located(locations[0], enc) == "$107 billion"
    g20 = await hover_at(client, doc, inside(BRIEF, "G20", enc))
    assert "Figure" not in g20.contents.value  # a name, not a figure
    assert g20.contents.value.startswith("**G20** · actor · organization")


async def test_the_quick_fix_puts_in_the_source_figure(client):
    doc = open_brief(client, BRIEF)
    diags = figure_diagnostics(await published(client, doc, version=1))
    actions = await actions_for(client, doc, diags[0])
    fix = next(a for a in actions if a.title.startswith("Use the source’s figure"))
    assert fix.is_preferred
    (edits,) = fix.edit.changes.values()
    assert [(e.range, e.new_text) for e in edits] == [(span(BRIEF, "$120 billion"), "$107 billion")]
    fixed = edit(BRIEF, edits[0].range, edits[0].new_text)
    change(client, doc, 2, (edits[0].range, edits[0].new_text))
    assert [d.code for d in figure_diagnostics(await published(client, doc, version=2))] == ["figure-unsupported"]
    assert "$107 billion [@lukin2020]." in fixed


async def test_check_reports_the_same_figures(client, tmp_path):
    doc = open_brief(client, BRIEF)
    served = figure_diagnostics(await published(client, doc, version=1))
    path = tmp_path / "brief.md"
    path.write_text(BRIEF, encoding="utf-8")
    run = subprocess.run([str(SERVER), "check", "--format", "json", str(path)], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    printed = [f for f in json.loads(run.stdout) if f["code"].startswith("figure-")]
    assert [(f["code"], f["message"]) for f in printed] == [(d.code, d.message) for d in served]
    assert [f["range"]["start"] for f in printed] == [
        {"line": d.range.start.line, "character": d.range.start.character} for d in served
    ]


# Issue 11: the cited source is read first, and a precise figure outranks a bound.
BOUND_OUTRANKED = "In 2018 bilateral trade reached $150 billion [@lukin2020]."
PARAPHRASED = "In 2018 China took 25 percent of Russia's exports and imports [@lukin2020]."
MISATTRIBUTED = "In 2018 Russia–China trade reached $107 billion [@trenin2016]."
CITED = "# Cited sources\n\n" + "\n\n".join([BOUND_OUTRANKED, CONTRADICTED, PARAPHRASED, MISATTRIBUTED]) + "\n"


async def test_the_cited_source_contradicts_and_a_precise_figure_outranks_a_bound(client):
    doc = open_brief(client, CITED)
    diags = figure_diagnostics(await published(client, doc, version=1))
    assert [(d.code, d.severity, d.range, d.message) for d in diags] == [
        ("figure-contradicted", 2, span(CITED, "$150 billion"), "corpus: $107 billion in 2018 [@lukin2020]"),
        ("figure-contradicted", 2, span(CITED, "$120 billion"), "corpus: $107 billion in 2018 [@lukin2020]"),
        ("figure-contradicted", 2, span(CITED, "25 percent"), "corpus: 15 percent in 2018 [@lukin2020]"),
        (
            "figure-misattributed",
            2,
            span(CITED, "$107 billion"),
            "figure credited to @trenin2016, but it is from $107 billion in 2018 [@lukin2020]",
        ),
    ]


async def test_a_misattributed_figure_offers_the_right_key(client):
    doc = open_brief(client, CITED)
    diags = figure_diagnostics(await published(client, doc, version=1))
    misattributed = next(d for d in diags if d.code == "figure-misattributed")
    assert source_path(misattributed.related_information[0].location.uri).name == LUKIN
    actions = await actions_for(client, doc, misattributed)
    assert [a.title for a in actions] == ["Cite @lukin2020 instead"]
    (change_,) = actions[0].edit.changes.values()
    assert [(c.range, c.new_text) for c in change_] == [(span(CITED, "trenin2016"), "lukin2020")]
