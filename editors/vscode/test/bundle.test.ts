// The packaged bundle and the manifest: dist/extension.js loads with only
// `vscode` and Node built-ins outside it, and package.json contributes the
// commands and settings the code uses.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module, { builtinModules, createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, test } from 'node:test';

import { DEFAULTS, SECTION } from '../src/config';
import { PACKAGE_DIR } from './lsp';

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as Manifest;
const BUNDLE = path.join(PACKAGE_DIR, manifest.main);

/** A stand-in for the `vscode` module: every property, call and `new` gives
 * another stand-in, which is enough to evaluate the bundle's top level. */
function standIn(): object {
  const target = function () {
    /* a callable target */
  };
  return new Proxy(target, {
    get: (_t, prop) => (typeof prop === 'symbol' || prop === 'then' ? undefined : standIn()),
    apply: () => standIn(),
    construct: () => standIn(),
  });
}

describe('bundle and manifest', () => {
  test('dist/extension.js requires only vscode and Node built-ins, and exports activate/deactivate', () => {
    assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\``);
    const source = fs.readFileSync(BUNDLE, 'utf8');
    const required = new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? ''));
    const builtins = new Set(builtinModules);
    for (const name of required) {
      assert.ok(name === 'vscode' || builtins.has(name.replace(/^node:/, '')), `the bundle requires ${name}`);
    }
    assert.ok(required.has('vscode'));

    const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const resolve = loader._resolveFilename;
    const fake = path.join(PACKAGE_DIR, 'out', 'vscode-stand-in.js');
    require.cache[fake] = { id: fake, filename: fake, loaded: true, exports: standIn() } as NodeJS.Module;
    loader._resolveFilename = (request, ...rest) =>
      request === 'vscode' ? fake : resolve.call(loader, request, ...rest);
    try {
      const extension = createRequire(__filename)(BUNDLE) as Record<string, unknown>;
      assert.equal(typeof extension.activate, 'function');
      assert.equal(typeof extension.deactivate, 'function');
    } finally {
      loader._resolveFilename = resolve;
      Reflect.deleteProperty(require.cache, fake);
    }
  });

  test('the commands registered are the commands contributed', () => {
    const source = fs.readFileSync(path.join(PACKAGE_DIR, 'src', 'extension.ts'), 'utf8');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(registered, ['briefLsp.restartServer', 'briefLsp.showCorpusDocuments', 'briefLsp.showOutput']);
    assert.deepEqual(contributed, registered);
  });

  test('the settings read are the settings contributed, with the same defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), [
      'briefLsp.corpus',
      'briefLsp.exclude',
      'briefLsp.inlayHints',
      'briefLsp.serverPath',
      'briefLsp.severity',
      'briefLsp.trace.server',
    ]);
    for (const [key, value] of Object.entries(DEFAULTS)) {
      assert.deepEqual(properties[`${SECTION}.${key}`]?.default, value, key);
    }
    assert.equal(properties['briefLsp.trace.server']?.default, 'off');
  });

  test('markdown activates the extension; @types/vscode is no newer than the engine', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    assert.equal(manifest.devDependencies['@types/vscode'], engine);
  });
});
