"""Accepting findings, end to end: the quick fix records a finding with a
plain workspace edit to .brief-lsp/accepted.toml (no server command); a recorded
finding stays silenced when lines move and comes back when its text changes;
the inline form; `check --show-accepted`."""

from __future__ import annotations

import json
import pathlib
import subprocess

from lsprotocol import types as lsp
from pygls import uris

from conftest import SERVER
from helpers import all_actions, change, position, published, span, wait_ready

BRIEF = "# Brief\n\nSee [@nobody] here.\n\nAbout 40,000 Chinese students study in Russian universities.\n"


async def open_with_figure(client, doc: str) -> lsp.Diagnostic:
    """Opens BRIEF as `doc`; its figure-unsupported diagnostic."""
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=doc, language_id="markdown", version=1, text=BRIEF)
        )
    )
    diags = await published(client, doc, version=1)
    return next(d for d in diags if d.code == "figure-unsupported")


def apply_to_disk(edit: lsp.WorkspaceEdit):
    """Applies a workspace edit as an editor that saves would: creates the
    file and writes the text at the edit's position (the end, or over the
    whole file)."""
    for change_ in edit.document_changes or []:
        if isinstance(change_, lsp.CreateFile):
            path = pathlib.Path(uris.to_fs_path(change_.uri))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
        elif isinstance(change_, lsp.TextDocumentEdit):
            path = pathlib.Path(uris.to_fs_path(change_.text_document.uri))
            for e in change_.edits:
                lines = path.read_text().split("\n")
                start = sum(len(line) + 1 for line in lines[: e.range.start.line]) + e.range.start.character
                end = sum(len(line) + 1 for line in lines[: e.range.end.line]) + e.range.end.character
                text = path.read_text()
                path.write_text(text[:start] + e.new_text + text[end:])


async def test_an_accepted_finding_is_recorded_and_survives_edits_above_it(launch, tmp_path):
    c = await launch(root=tmp_path)
    await wait_ready(c, documents=5)
    doc = uris.from_fs_path(str(tmp_path / "brief.md"))
    figure = await open_with_figure(c, doc)
    everything = await all_actions(c, doc, figure)
    record = next(a for a in everything if a.title.startswith("Accept this finding (record"))
    assert record.command is None and record.edit is not None
    inline = next(a for a in everything if a.title.startswith("Accept this finding here"))
    assert inline.edit is not None
    apply_to_disk(record.edit)
    accepted = tmp_path / ".brief-lsp" / "accepted.toml"
    assert accepted.is_file()
    recorded = accepted.read_text()
    assert 'code = "figure-unsupported"' in recorded and 'brief = "brief.md"' in recorded
    assert 'text = "About 40,000 Chinese students"' in recorded

    # Silenced once the file is saved (the server notices the change on its
    # next check), and after lines are added above it.
    after = len(c.published)
    change(c, doc, 2, (lsp.Range(start=position(BRIEF, 9), end=position(BRIEF, 9)), "A new first paragraph.\n\n"))
    codes = [d.code for d in await published(c, doc, version=2, after=after)]
    assert codes == ["citation-unknown"]

    # The flagged text changes: the finding is back.
    text2 = BRIEF[:9] + "A new first paragraph.\n\n" + BRIEF[9:]
    after = len(c.published)
    change(c, doc, 3, (span(text2, "40,000"), "45,000"))
    codes = [d.code for d in await published(c, doc, version=3, after=after)]
    assert codes == ["citation-unknown", "figure-unsupported"]


def test_check_honours_accepted_and_inline_and_lists_them_on_request(tmp_path):
    (tmp_path / ".brief-lsp").mkdir()
    (tmp_path / ".brief-lsp" / "accepted.toml").write_text(
        '[[accepted]]\nbrief = "brief.md"\ncode = "figure-unsupported"\n'
        'text = "About 40,000 Chinese students"\nreason = "interview"\ndate = "2026-11-26"\n'
    )
    text = BRIEF.replace("See [@nobody]", '<!-- brief-lsp: accept citation-unknown "a draft key" -->\nSee [@nobody]')
    (tmp_path / "brief.md").write_text(text)
    run = subprocess.run([str(SERVER), "check", "--format", "json", "brief.md"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert json.loads(run.stdout) == []
    run = subprocess.run(
        [str(SERVER), "check", "--show-accepted", "brief.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0
    assert "accepted error[citation-unknown]" in run.stdout and "= accepted inline: a draft key" in run.stdout
    assert "accepted info[figure-unsupported]" in run.stdout and "= accepted 2026-11-26: interview" in run.stdout


async def test_the_inline_quick_fix_silences_the_finding_in_the_server(client):
    doc = "file:///e2e-briefs/inline.md"
    figure = await open_with_figure(client, doc)
    actions = await all_actions(client, doc, figure)
    inline = next(a for a in actions if a.title == "Accept this finding here (an inline comment)")
    (edits,) = inline.edit.changes.values()
    assert edits[0].new_text == '<!-- brief-lsp: accept figure-unsupported "" -->\n'
    after = len(client.published)
    change(client, doc, 2, (edits[0].range, edits[0].new_text))
    assert [d.code for d in await published(client, doc, version=2, after=after)] == ["citation-unknown"]


async def test_accepting_into_an_inline_array_keeps_the_file_valid(launch, tmp_path):
    """#15 item 9: `accepted = []` took an appended `[[accepted]]` and became
    invalid, silencing nothing from then on."""
    accepted = tmp_path / ".brief-lsp" / "accepted.toml"
    accepted.parent.mkdir()
    accepted.write_text("accepted = []\n")
    c = await launch(root=tmp_path)
    await wait_ready(c, documents=5)
    doc = uris.from_fs_path(str(tmp_path / "brief.md"))
    figure = await open_with_figure(c, doc)
    record = next(a for a in await all_actions(c, doc, figure) if a.title.startswith("Accept this finding (record"))
    apply_to_disk(record.edit)
    assert "[[accepted]]" in accepted.read_text() and "accepted = []" not in accepted.read_text()
    after = len(c.published)
    change(c, doc, 2, (lsp.Range(start=position(BRIEF, 9), end=position(BRIEF, 9)), "Intro.\n\n"))
    assert [d.code for d in await published(c, doc, version=2, after=after)] == ["citation-unknown"]
