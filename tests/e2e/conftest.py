"""Clients for the end-to-end tests: each test gets its own brief-lsp process.

The server binary is `$BRIEF_LSP_BIN`, else `target/debug/brief-lsp` in the
repository (build it first with `cargo build --bin brief-lsp`)."""

from __future__ import annotations

import asyncio
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from helpers import wait_ready

REPO = pathlib.Path(__file__).resolve().parents[2]
SERVER = pathlib.Path(os.environ.get("BRIEF_LSP_BIN") or REPO / "target" / "debug" / "brief-lsp")


class BriefClient(LanguageClient):
    """pytest-lsp's client, also keeping every publishDiagnostics in order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.published: list[lsp.PublishDiagnosticsParams] = []


def _publish_diagnostics(client: LanguageClient, params: lsp.PublishDiagnosticsParams):
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def make_client() -> BriefClient:
    client = BriefClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _publish_diagnostics
    register_lsp_features(client, features)
    return client


CONFIG = ClientServerConfig(server_command=[str(SERVER)], client_factory=make_client)


@pytest.fixture(autouse=True, scope="session")
def _scratch_cache(tmp_path_factory):
    """Stored indexes and extracted sources in a folder of this run's own,
    never the developer's cache (a test that needs its own sets it again)."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


def init_params(
    encodings=("utf-16",),
    options=None,
    root: pathlib.Path | None = None,
    progress: bool = False,
    pull: bool = False,
    watch: bool = False,
) -> lsp.InitializeParams:
    caps = lsp.ClientCapabilities(
        general=lsp.GeneralClientCapabilities(position_encodings=list(encodings)) if encodings else None,
        window=lsp.WindowClientCapabilities(work_done_progress=progress),
        text_document=lsp.TextDocumentClientCapabilities(
            hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown]),
            completion=lsp.CompletionClientCapabilities(
                completion_item=lsp.ClientCompletionItemOptions(
                    documentation_format=[lsp.MarkupKind.Markdown]
                )
            ),
            publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(version_support=True),
            diagnostic=lsp.DiagnosticClientCapabilities() if pull else None,
        ),
    )
    caps.workspace = lsp.WorkspaceClientCapabilities(
        diagnostics=lsp.DiagnosticWorkspaceClientCapabilities(refresh_support=True) if pull else None,
        did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        if watch
        else None,
    )
    return lsp.InitializeParams(
        capabilities=caps,
        initialization_options=options,
        root_uri=root.as_uri() if root else None,
        workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name="ws")] if root else None,
    )


@pytest.fixture(scope="session", autouse=True)
def _server_binary():
    if not SERVER.is_file():
        pytest.exit(f"no server binary at {SERVER}: run `cargo build --bin brief-lsp` or set BRIEF_LSP_BIN", 2)


async def initialize(c: BriefClient, **kwargs) -> None:
    """initialize + initialized, then wait for the seed corpus (requests answer
    null until it is indexed). Kills the server if that fails, since pygls
    would otherwise wait forever for it to exit."""
    try:
        c.init_result = await c.initialize_session(init_params(**kwargs))
        if not kwargs.get("options") and not kwargs.get("root"):
            await wait_ready(c, documents=5)
    except BaseException:
        kill(c)
        raise


def kill(c: BriefClient) -> None:
    if c._server is not None and c._server.returncode is None:
        c._server.kill()


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: BriefClient):
    """A client offering only UTF-16 positions, on the embedded seed corpus."""
    await initialize(lsp_client)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG, params=["utf-16", "utf-8"])
async def enc_client(request, lsp_client: BriefClient):
    """Parametrized: a client offering only UTF-16, and one offering UTF-8 first."""
    lsp_client.encoding = request.param
    await initialize(lsp_client, encodings=["utf-16"] if request.param == "utf-16" else ["utf-8", "utf-16"])
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
async def launch():
    """Starts clients with custom initialize params (see `init_params`); shuts
    them all down after the test."""
    started = []

    async def start(**kwargs) -> BriefClient:
        c = await CONFIG.start()
        started.append(c)
        await initialize(c, **kwargs)
        return c

    yield start
    for c in started:
        try:
            await asyncio.wait_for(c.shutdown_session(), 10)
        finally:
            kill(c)
            await c.stop()
