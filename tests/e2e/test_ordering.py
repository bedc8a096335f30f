"""Incremental edits sent back to back must be applied in the order sent."""

from __future__ import annotations

import random

from lsprotocol import types as lsp

from helpers import change, document_text, hover_at, open_brief, position, published, wait_ready

PIECES = ["é", "’", "😀", "—", "a", "bc", " ", "\n", "@lukin2020", "[@x]", "日本", "“q”"]
START = "# Brief\n\nCafé — “entente” 😀 [@lukin2020] and Russia’s ‘pivot’.\n"


def random_edit(rng: random.Random, text: str) -> tuple[int, int, str]:
    """A replacement (start, end, new) on code-point indices of `text`."""
    start = rng.randint(0, len(text))
    if text and rng.random() < 0.4:
        end = min(len(text), start + rng.randint(1, 6))
        new = rng.choice(["", "", rng.choice(PIECES)])
    else:
        end = start
        new = "".join(rng.choices(PIECES, k=rng.randint(1, 3)))
    return start, end, new


async def test_rapid_incremental_changes_apply_in_order(enc_client):
    enc = enc_client.encoding
    rng = random.Random(20240611)
    text = START
    doc = open_brief(enc_client, text, version=1)
    version = 1
    for _ in range(320):
        version += 1
        # Usually one change per notification, sometimes several: each is
        # against the text as left by the ones before it.
        changes = []
        for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 4)):
            start, end, new = random_edit(rng, text)
            rng_ = lsp.Range(start=position(text, start, enc), end=position(text, end, enc))
            changes.append((rng_, new))
            text = text[:start] + new + text[end:]
        change(enc_client, doc, version, *changes)

    server = await document_text(enc_client, doc)
    assert server["version"] == version == 321
    assert server["text"] == text
    assert any(ch in text for ch in "é’😀")


async def test_a_brief_typed_into_is_checked_like_the_same_text_opened_fresh(client):
    """Each version is parsed from the one before (`Brief::next_version`):
    after typing that opens and closes code spans and paragraphs, the
    diagnostics equal those of the final text opened as a new brief."""
    await wait_ready(client)
    paragraph = "Café — see [@nokey1] and `@code` in “a quote” [@nokey2], 😀 日本.\n\n"
    text = "# Brief\n\n" + paragraph * 30
    doc = open_brief(client, text, version=1)
    rng = random.Random(11)
    pieces = ["`", "\n\n", "é", "[@typed]", "> ", "😀", "@"]
    for version in range(2, 42):
        start = rng.randint(0, len(text))
        new = rng.choice(pieces)
        rng_ = lsp.Range(start=position(text, start), end=position(text, start))
        text = text[:start] + new + text[start:]
        change(client, doc, version, (rng_, new))
        # A request parses this version, so the next parses from it.
        await hover_at(client, doc, position(text, len(text) // 2))
    typed = await published(client, doc, version=41)
    fresh = await published(client, open_brief(client, text, name="fresh.md"), version=1)
    as_compared = lambda ds: [(d.range, d.code, d.message) for d in ds]  # noqa: E731
    assert as_compared(typed) == as_compared(fresh)
    assert any(d.code == "citation-unknown" for d in typed)
