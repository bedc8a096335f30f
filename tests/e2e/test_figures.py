"""Figures against the corpus, end to end through the real binary: the three
verdicts and their codes, hover and definition on a supported figure, the
quick fix for a contradicted one, and `brief-lsp check` agreeing; then, each
on a small corpus of its own, a misattributed figure with its fix, a bound
outranked by a precise figure, the cited source's other value as a warning,
and a paraphrased contradiction."""

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
    wait_ready,
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
            "figure credited to @trenin2016, but it is from @lukin2020: $107 billion in 2018",
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


# Each verdict below on its own small corpus, written here: what decides it
# is in the two or three sentences of the sources, not in the seed corpus.
TRADE = "Trade report\n\nIn 2018 bilateral trade between the two countries exceeded $100 billion, reaching $107 billion for the first time.\n"
PRICES = "Price report\n\nFood prices in the capital rose by 12 percent in 2019, the statistics office said.\n"
CLUB = (
    "Club report\n\nTwo Irish investors own a 29% stake in the club. "
    "Its backers want the owners of at least 75% of the club's shares to agree.\n"
)
GLAZER = "Family report\n\nThe Glazer family now holds a stake of 28.1% in the football club.\n"
POLL = "Poll report\n\nEight out of 10 voters do not trust ministers to tell the truth, a poll for the paper found.\n"


async def figures_on(launch, tmp_path, monkeypatch, sources: dict[str, str], brief: str):
    """The figure diagnostics of `brief` on a client whose corpus is `sources` (file stem: text)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "sources"
    folder.mkdir()
    for key, text in sources.items():
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    c = await launch(options={"corpus": [str(folder)]})
    await wait_ready(c, documents=len(sources))
    doc = open_brief(c, brief)
    return c, doc, figure_diagnostics(await published(c, doc, version=1))


async def test_a_figure_stated_only_in_another_source_is_misattributed(launch, tmp_path, monkeypatch):
    brief = "In 2018 bilateral trade reached $107 billion [@prices].\n"
    c, doc, diags = await figures_on(launch, tmp_path, monkeypatch, {"trade": TRADE, "prices": PRICES}, brief)
    assert [(d.code, d.severity, d.range, d.message) for d in diags] == [
        (
            "figure-misattributed",
            2,
            span(brief, "$107 billion"),
            "figure credited to @prices, but it is from @trade: $107 billion in 2018",
        )
    ]
    assert source_path(diags[0].related_information[0].location.uri).name == "trade.txt"
    actions = await actions_for(c, doc, diags[0])
    assert [a.title for a in actions] == ["Cite @trade instead"]
    (change_,) = actions[0].edit.changes.values()
    assert [(x.range, x.new_text) for x in change_] == [(span(brief, "prices"), "trade")]


async def test_a_precise_figure_of_the_same_year_outranks_a_bound(launch, tmp_path, monkeypatch):
    outranked = "In 2018 bilateral trade reached $150 billion [@trade]."
    allowed = "In 2018 bilateral trade was more than $100 billion [@trade]."
    brief = f"{outranked}\n\n{allowed}\n"
    _, _, diags = await figures_on(launch, tmp_path, monkeypatch, {"trade": TRADE}, brief)
    # Only the claim the precise figure rules out; the bound still backs what it allows.
    assert [(d.code, d.severity, d.range, d.message) for d in diags] == [
        ("figure-contradicted", 2, span(brief, "$150 billion"), "corpus: $107 billion in 2018 [@trade]")
    ]


async def test_the_cited_source_stating_another_value_is_a_warning(launch, tmp_path, monkeypatch):
    other_stake = "Two Irish investors hold a 25% stake in the club [@club]."
    other_threshold = "The backers want owners of at least 60% of the club's shares to agree [@club]."
    # The cited source's 29% is another holder's stake: the 28.1% is the other report's.
    elsewhere = "The Glazer family holds a 28.1% stake in the football club [@club]."
    brief = f"{other_stake}\n\n{other_threshold}\n\n{elsewhere}\n"
    _, _, diags = await figures_on(launch, tmp_path, monkeypatch, {"club": CLUB, "glazer": GLAZER}, brief)
    assert [(d.code, d.severity, d.range, d.message) for d in diags] == [
        ("figure-contradicted", 2, span(brief, "25%"), "corpus: 29% [@club]"),
        ("figure-contradicted", 2, span(brief, "at least 60%"), "corpus: at least 75% [@club]"),
        (
            "figure-misattributed",
            2,
            span(brief, "28.1%"),
            "figure credited to @club, but it is from @glazer: 28.1%",
        ),
    ]


async def test_a_paraphrased_claim_with_another_value_is_contradicted(launch, tmp_path, monkeypatch):
    # Other words for the subject, the share in digits where the source writes it out.
    brief = "A poll for the paper found that 70% of voters distrust ministers to tell the truth [@poll].\n"
    _, _, diags = await figures_on(launch, tmp_path, monkeypatch, {"poll": POLL}, brief)
    assert [(d.code, d.severity, d.range, d.message) for d in diags] == [
        ("figure-contradicted", 2, span(brief, "70%"), "corpus: Eight out of 10 [@poll]")
    ]
