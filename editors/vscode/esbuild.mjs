// Bundles the extension (dist/extension.js, `vscode` left external) or, with
// --test, each test/*.test.ts into out/test/ for `node --test`.
import { readdirSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const test = process.argv.includes('--test');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };

if (test) {
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
