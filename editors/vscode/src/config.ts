// The extension's settings and what they become for the server. No `vscode`
// import here: the Node protocol tests build the server's options with the
// same functions the extension uses.

import * as os from 'node:os';
import * as path from 'node:path';

/** The configuration section of every setting (`briefLsp.*`). */
export const SECTION = 'briefLsp';

/** The `briefLsp.*` settings the extension reads. */
export interface Settings {
  /** The server binary: a name looked up on PATH, or a path; empty: the
   * server the extension carries, else `brief-lsp` on PATH. */
  serverPath: string;
  /** Corpus folders, relative to the workspace root or absolute. */
  corpus: string[];
  /** Show each verified quote's source key after it. */
  inlayHints: boolean;
  /** Per check code: `error`, `warning`, `info`, `hint` or `off`. */
  severity: Record<string, string>;
  /** `.gitignore`-style patterns of corpus files and briefs to leave out. */
  exclude: Exclude;
}

export interface Exclude {
  corpus?: string[];
  briefs?: string[];
}

export const DEFAULTS: Readonly<Settings> = Object.freeze({
  serverPath: '',
  corpus: [],
  inlayHints: true,
  severity: {},
  exclude: {},
});

/** What the server accepts as `initializationOptions` (and, nested under
 * `briefLsp`, in `workspace/didChangeConfiguration`). */
export interface InitializationOptions {
  corpus: string[];
  inlayHints: boolean;
  severity: Record<string, string>;
  exclude: Exclude;
}

/** Reads one setting by its key inside the section, e.g.
 * `vscode.workspace.getConfiguration('briefLsp').get`, or a plain object's
 * lookup in tests. */
export type Lookup = (key: keyof Settings) => unknown;

/** The settings, with defaults for missing or ill-typed values. Well-typed
 * values are kept as they are: the language client also sends the raw
 * `briefLsp` section (workspace/didChangeConfiguration, right after start and
 * on every change), and the server re-indexes when what it gets differs from
 * the initialization options. */
export function readSettings(lookup: Lookup): Settings {
  const serverPath = lookup('serverPath');
  const corpus = lookup('corpus');
  const inlayHints = lookup('inlayHints');
  const severity = lookup('severity');
  const exclude = lookup('exclude');
  const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const isExclude = (v: unknown): v is Exclude =>
    typeof v === 'object' && v !== null && !Array.isArray(v) &&
    Object.entries(v).every(([k, x]) => (k === 'corpus' || k === 'briefs') && isStrings(x));
  const isLevels = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
  return {
    serverPath: typeof serverPath === 'string' ? serverPath.trim() : DEFAULTS.serverPath,
    corpus: Array.isArray(corpus) && corpus.every((c) => typeof c === 'string') ? [...corpus] : [],
    inlayHints: typeof inlayHints === 'boolean' ? inlayHints : DEFAULTS.inlayHints,
    severity: isLevels(severity) ? { ...severity } : {},
    exclude: isExclude(exclude) ? { ...exclude } : {},
  };
}

/** The server's `initializationOptions` for these settings. */
export function initializationOptions(settings: Settings): InitializationOptions {
  return {
    corpus: [...settings.corpus],
    inlayHints: settings.inlayHints,
    severity: { ...settings.severity },
    exclude: { ...settings.exclude },
  };
}

/** The name looked up on PATH when neither the setting nor the extension
 * names a server. */
export const SERVER_ON_PATH = 'brief-lsp';

/** Where the platform-specific `.vsix` carries the server, inside the
 * extension's folder (see `package-linux-x64.sh`). */
export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(extensionPath, 'server', platform === 'win32' ? 'brief-lsp.exe' : 'brief-lsp');
}

/** The command that starts the server on stdio, in order of choice:
 * - the `briefLsp.serverPath` setting, when set: a bare name is looked up on
 *   PATH, `~/…` is the home folder, any other relative path
 *   (`./target/debug/brief-lsp`) is relative to the workspace folder. As with
 *   rust-analyzer's `server.path`, a setting the user wrote wins, so that a
 *   development build can stand in for the carried one;
 * - `bundled`: the server inside the extension, when it has one (the caller
 *   checks that the file exists);
 * - `brief-lsp` on PATH. */
export function serverCommand(
  settings: Settings,
  workspaceRoot?: string,
  bundled?: string,
): { command: string; args: string[] } {
  let command = settings.serverPath.trim();
  if (command === '') {
    command = bundled ?? SERVER_ON_PATH;
  } else if (command === '~' || command.startsWith('~/')) {
    command = path.join(os.homedir(), command.slice(1));
  } else if (!path.isAbsolute(command) && /[\\/]/.test(command) && workspaceRoot !== undefined) {
    command = path.resolve(workspaceRoot, command);
  }
  return { command, args: ['serve'] };
}
