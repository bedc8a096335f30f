// A small LSP client for the tests: spawns the real brief-lsp binary and talks
// to it with Microsoft's protocol libraries (the ones vscode-languageclient is
// built on), announcing the capabilities the extension's client relies on.

import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InlayHintRefreshRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';

import { initializationOptions, SECTION, serverCommand, type Settings } from '../src/config';
import type { CorpusDocument } from '../src/documents';
import type { ServerStatus } from '../src/status';

/** editors/vscode (the tests run from out/test/). */
export const PACKAGE_DIR = path.resolve(__dirname, '..', '..');

/** The server binary: $BRIEF_LSP_BIN, else the workspace's debug build. */
export const SERVER_BIN = process.env.BRIEF_LSP_BIN
  ? path.resolve(process.env.BRIEF_LSP_BIN)
  : path.resolve(PACKAGE_DIR, '..', '..', 'target', 'debug', 'brief-lsp');

export function requireServer(): void {
  if (!fs.existsSync(SERVER_BIN)) {
    throw new Error(
      `no server binary at ${SERVER_BIN}: run \`cargo build --bin brief-lsp\` at the repository root or set BRIEF_LSP_BIN`,
    );
  }
}

/** What vscode-languageclient announces, as far as brief-lsp looks at it. */
export const CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true, showMessage: {} },
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    inlayHint: { refreshSupport: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: {
      completionItem: { documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true },
      contextSupport: true,
    },
    definition: { linkSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
      isPreferredSupport: true,
    },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
    inlayHint: {},
  },
};

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** What vscode-languageclient sends for `synchronize.configurationSection:
 * 'briefLsp'`, right after start and on each change: the whole section, nested
 * under its name, including the keys only the extension reads. */
export function syncedSection(settings: Settings): object {
  return { [SECTION]: { ...settings, trace: { server: 'off' } } };
}

export interface Server {
  conn: ProtocolConnection;
  init: InitializeResult;
  /** Every publishDiagnostics, in order. */
  published: PublishDiagnosticsParams[];
  /** $/progress values per work-done token. */
  progress: Map<string, ProgressValue[]>;
  logs: LogMessageParams[];
  messages: ShowMessageParams[];
  /** Called with each $/progress value as it arrives. */
  onProgress: ((token: string, value: ProgressValue) => void)[];
  /** workspace/inlayHint/refresh requests received. */
  inlayRefreshes: number;
  stderr: () => string;
  status: () => Promise<ServerStatus>;
  documents: () => Promise<CorpusDocument[]>;
  open: (uri: string, text: string, version?: number) => Promise<void>;
  close: () => Promise<void>;
}

/** Starts brief-lsp the way the extension does: the command from
 * `serverCommand`, `initializationOptions` from the settings, the workspace
 * folder `root`. */
export async function startServer(settings: Settings, root: string): Promise<Server> {
  requireServer();
  const { command, args } = serverCommand(settings, root);
  const proc = cp.spawn(command, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => { resolve(); }));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const progress = new Map<string, ProgressValue[]>();
  const logs: LogMessageParams[] = [];
  const messages: ShowMessageParams[] = [];
  let inlayRefreshes = 0;
  const onProgress: ((token: string, value: ProgressValue) => void)[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
  });
  conn.onNotification(LogMessageNotification.type, (p) => {
    logs.push(p);
  });
  conn.onNotification(ShowMessageNotification.type, (p) => {
    messages.push(p);
  });
  // As the language client does: a progress part per created token.
  conn.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
    const values: ProgressValue[] = [];
    progress.set(String(token), values);
    conn.onProgress(WorkDoneProgress.type, token, (value) => {
      values.push(value);
      for (const listener of onProgress) {
        listener(String(token), value);
      }
    });
  });
  conn.onRequest(InlayHintRefreshRequest.type, () => {
    inlayRefreshes += 1;
  });
  conn.listen();
  const rootUri = fileUri(root);
  let init: InitializeResult;
  try {
    init = await withTimeout(
      conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'brief-lsp vscode test' },
        // Both, as vscode-languageclient sends them.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
        capabilities: CAPABILITIES,
        initializationOptions: initializationOptions(settings),
      }),
      20_000,
      'initialize',
    );
  } catch (err) {
    proc.kill();
    throw new Error(`${String(err)}\nserver stderr:\n${stderr}`, { cause: err });
  }
  await conn.sendNotification(InitializedNotification.type, {});
  await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: syncedSection(settings) });

  const server: Server = {
    conn,
    init,
    published,
    progress,
    logs,
    messages,
    onProgress,
    get inlayRefreshes() {
      return inlayRefreshes;
    },
    stderr: () => stderr,
    status: () => conn.sendRequest<ServerStatus>('brief-lsp/status'),
    documents: () => conn.sendRequest<CorpusDocument[]>('brief-lsp/documents'),
    open: (uri, text, version = 1) =>
      conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version, text },
      }),
    close: async () => {
      try {
        await withTimeout(conn.sendRequest(ShutdownRequest.type), 5_000, 'shutdown');
        await conn.sendNotification(ExitNotification.type);
        await withTimeout(exited, 5_000, 'exit');
      } finally {
        if (proc.exitCode === null && proc.signalCode === null) {
          proc.kill();
        }
        conn.dispose();
      }
    },
  };
  return server;
}

export function fileUri(p: string): string {
  return pathToFileURL(path.resolve(p)).href;
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { reject(new Error(`timed out after ${ms} ms waiting for ${what}`)); }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `probe` until it returns something other than undefined/false/null. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The first publish for `uri` (with `version`, if given) at index `after` or later. */
export function published(server: Server, uri: string, version?: number, after = 0): Promise<PublishDiagnosticsParams> {
  return waitFor(
    () => server.published.slice(after).find((p) => p.uri === uri && (version === undefined || p.version === version)),
    `publishDiagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`,
  );
}

export async function waitReady(server: Server, documents?: number): Promise<ServerStatus> {
  return waitFor(async () => {
    const s = await server.status();
    return s.state === 'ready' && (s.loading ?? null) === null && (documents === undefined || s.documents === documents) && s;
  }, `the corpus ready${documents === undefined ? '' : ` with ${documents} documents`}`);
}

// --- positions: JavaScript strings are UTF-16, as LSP positions are ----------

const LINE_BREAK = /\r\n|\r|\n/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(LINE_BREAK)) {
    starts.push(m.index + m[0].length);
  }
  return starts;
}

export function positionAt(text: string, index: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= index) {
    line += 1;
  }
  return { line, character: index - (starts[line] ?? 0) };
}

export function offsetAt(text: string, pos: Position): number {
  const start = lineStarts(text)[pos.line];
  if (start === undefined) {
    throw new Error(`line ${pos.line} is past the end`);
  }
  return start + pos.character;
}

export function span(text: string, needle: string): Range {
  const start = text.indexOf(needle);
  if (start < 0) {
    throw new Error(`${needle} not in text`);
  }
  return { start: positionAt(text, start), end: positionAt(text, start + needle.length) };
}

export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** A position `by` UTF-16 units into the first `needle`. */
export function inside(text: string, needle: string, by = 2): Position {
  return positionAt(text, text.indexOf(needle) + by);
}
