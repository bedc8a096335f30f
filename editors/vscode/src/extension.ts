// The VS Code extension: starts brief-lsp for Markdown files, keeps its
// settings in sync, and shows the corpus state in the status bar.

import * as fs from 'node:fs';

import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

import {
  bundledServerPath,
  initializationOptions,
  readSettings,
  SECTION,
  serverCommand,
  type Settings,
} from './config';
import { documentPicks, type CorpusDocument } from './documents';
import { isIndexingToken, StatusController, type ServerStatus } from './status';

const POLL_MS = 1000;

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let corpusStatus: CorpusStatus | undefined;
/** The server inside this extension (the platform-specific .vsix), if any. */
let bundledServer: string | undefined;

/** The status bar item, kept current by a `StatusController`. */
class CorpusStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  readonly controller: StatusController;

  constructor() {
    this.item = vscode.window.createStatusBarItem('briefLsp.corpus', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Brief LSP corpus';
    this.item.command = 'briefLsp.showCorpusDocuments';
    this.controller = new StatusController(
      (view) => {
        this.item.text = view.text;
        this.item.tooltip = view.tooltip;
      },
      POLL_MS,
      (message) => output?.warn(message),
    );
    this.item.show();
  }

  dispose(): void {
    this.controller.dispose();
    this.item.dispose();
  }
}

function settings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return readSettings((key) => config.get(key));
}

/** The carried server, if this package has one that can run. */
function findBundledServer(extensionPath: string): string | undefined {
  const candidate = bundledServerPath(extensionPath);
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    return undefined;
  }
}

function createClient(
  channel: vscode.LogOutputChannel,
  status: StatusController,
  current: Settings,
  server: { command: string; args: string[]; cwd: string | undefined },
): LanguageClient {
  const serverOptions: ServerOptions = { command: server.command, args: server.args, options: { cwd: server.cwd } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: initializationOptions(current),
    // brief-lsp reads pushed settings (it sends no workspace/configuration
    // request): on a change of briefLsp.* the client sends the section.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    synchronize: { configurationSection: SECTION },
    outputChannel: channel,
    middleware: {
      handleWorkDoneProgress: (token, params, next) => {
        if (isIndexingToken(token)) {
          status.progress(params);
        }
        next(token, params);
      },
    },
  };
  // The id makes `briefLsp.trace.server` the trace setting.
  return new LanguageClient('briefLsp', 'Brief LSP', serverOptions, clientOptions);
}

async function startClient(): Promise<void> {
  if (output === undefined || corpusStatus === undefined) {
    return;
  }
  const status = corpusStatus.controller;
  const current = settings();
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const cwd = root?.scheme === 'file' ? root.fsPath : undefined;
  const server = serverCommand(current, cwd, bundledServer);
  output.info(`starting ${server.command} ${server.args.join(' ')}`);
  const c = createClient(output, status, current, { ...server, cwd });
  client = c;
  status.attach({
    request: () => c.sendRequest<ServerStatus>('brief-lsp/status'),
    isRunning: () => c.isRunning(),
  });
  c.onDidChangeState((e) => {
    if (c !== client) {
      return;
    }
    if (e.newState === State.Running) {
      void status.refresh();
    } else if (e.newState === State.Stopped) {
      status.stopped();
    }
  });
  try {
    await c.start();
  } catch (err) {
    if (c === client) {
      status.stopped();
      void reportStartFailure(server.command, err);
    }
    return;
  }
  void status.refresh();
}

/** Says why the server did not start and how to fix it, without holding up
 * activation while the message is open. */
async function reportStartFailure(command: string, err: unknown): Promise<void> {
  output?.error(`cannot start ${command}: ${String(err)}`);
  const choice = await vscode.window.showErrorMessage(
    `Brief LSP: cannot start the server "${command}" (${String(err)}). ` +
      'Install brief-lsp on PATH (cargo install --path . --locked) or set "briefLsp.serverPath".',
    'Open Settings',
    'Show Output',
  );
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'briefLsp.serverPath');
  } else if (choice === 'Show Output') {
    output?.show(true);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c === undefined) {
    return;
  }
  try {
    if (c.isRunning()) {
      await c.stop();
    }
  } catch (err) {
    output?.warn(`stopping brief-lsp failed: ${String(err)}`);
  }
  await c.dispose().catch(() => undefined);
}

async function restartServer(): Promise<void> {
  await stopClient();
  corpusStatus?.controller.stopped();
  await startClient();
}

async function showCorpusDocuments(): Promise<void> {
  const c = client;
  if (c?.state === State.Starting) {
    void vscode.window.showInformationMessage('Brief LSP: the server is starting.');
    return;
  }
  if (!c?.isRunning()) {
    const choice = await vscode.window.showWarningMessage('Brief LSP is not running.', 'Restart Server');
    if (choice === 'Restart Server') {
      await restartServer();
    }
    return;
  }
  const docs = await c.sendRequest<CorpusDocument[]>('brief-lsp/documents');
  const picks = documentPicks(docs);
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(
      docs.length === 0 ? 'Brief LSP: the corpus is still being indexed.' : 'Brief LSP: no corpus document has a file.',
    );
    return;
  }
  const chosen = await vscode.window.showQuickPick(picks, {
    title: 'Corpus documents',
    placeHolder: 'Open a corpus document',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (chosen !== undefined) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(chosen.uri));
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Brief LSP', { log: true });
  bundledServer = findBundledServer(context.extensionPath);
  corpusStatus = new CorpusStatus();
  context.subscriptions.push(
    output,
    corpusStatus,
    vscode.commands.registerCommand('briefLsp.restartServer', restartServer),
    vscode.commands.registerCommand('briefLsp.showCorpusDocuments', showCorpusDocuments),
    vscode.commands.registerCommand('briefLsp.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // corpus and inlayHints reach the running server through the client's
      // configuration sync; a new binary needs a new process.
      if (e.affectsConfiguration(`${SECTION}.serverPath`)) {
        void restartServer();
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
