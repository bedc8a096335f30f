// Bundles the extension (dist/extension.js, `vscode` left external); with
// --test, each test/*.test.ts into out/test/ for `node --test`; with --e2e,
// the real VS Code test into out/e2e/ (e2e/run.sh runs it).
import { readdirSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const test = process.argv.includes('--test');
const e2e = process.argv.includes('--e2e');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };

if (e2e) {
  rmSync('out/e2e', { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: ['e2e/vscode.e2e.ts'],
    outdir: 'out/e2e',
    packages: 'external',
    sourcemap: 'inline',
  });
} else if (test) {
  rmSync('out', { recursive: true, force: true });
  const entryPoints = readdirSync('test')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/${f}`);
  await esbuild.build({ ...common, entryPoints, outdir: 'out/test', packages: 'external', sourcemap: 'inline' });
} else {
  rmSync('dist', { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: true,
    sourcemap: false,
  });
}
