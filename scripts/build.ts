// `npm run build`: dist/ = exactly what clasp pushes (Code.js, appsscript.json, *.html);
// the server source map goes to build/ for local debugging.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { readServerEntryPoints, renderStubs } from './build/stubs';
import { buildHtmlEntry, listHtmlEntries } from './build/html';
import { writeAtomic } from './build/writeAtomic';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const buildDir = path.join(root, 'build');
/** The one global the bundle defines; stubs forward to it. */
export const BUNDLE_GLOBAL = 'AddOn';

async function buildServer(): Promise<void> {
  const index = path.join(root, 'src/server/index.ts');
  const result = await esbuild.build({
    entryPoints: [index],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2019',
    charset: 'utf8',
    legalComments: 'none',
    sourcemap: 'external',
    outfile: path.join(buildDir, 'Code.js'),
    write: false,
  });
  const bundle = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'))?.text ?? '';
  const stubs = renderStubs(readServerEntryPoints(index), BUNDLE_GLOBAL);
  const code =
    '// «Отчёты: Сферум и Моя школа» — built by `npm run build`; do not edit.\n' +
    bundle.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n') +
    '\n// Entry points Apps Script calls by name (generated from src/server/index.ts).\n' +
    stubs;
  if (/^\s*(import|export)\b/m.test(code)) throw new Error('build: Code.js must have no import/export');
  new vm.Script(code, { filename: 'Code.js' }); // throws on a syntax error: must parse as a plain script
  writeAtomic(path.join(dist, 'Code.js'), code);
  writeAtomic(path.join(buildDir, 'Code.js.map'), map);
}

/** The google.script shim used by the tests and the local preview (never pushed). */
async function buildShim(): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(root, 'src/dev/bridge/shimEntry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    outfile: path.join(buildDir, 'googleScriptShim.js'),
    logLevel: 'warning',
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  fs.mkdirSync(dist, { recursive: true });
  fs.mkdirSync(buildDir, { recursive: true });
  writeAtomic(path.join(dist, 'appsscript.json'), fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'));
  await buildServer();
  const clientDir = path.join(root, 'src/client');
  const html = [];
  for (const entry of listHtmlEntries(clientDir))
    html.push(path.basename(await buildHtmlEntry(clientDir, entry, dist)));
  await buildShim();
  const produced = new Set(['Code.js', 'appsscript.json', ...html]);
  for (const f of fs.readdirSync(dist))
    if (!produced.has(f) && !f.endsWith('.tmp')) fs.rmSync(path.join(dist, f), { recursive: true, force: true });
  const files = fs.readdirSync(dist).map((f) => `${f} (${fs.statSync(path.join(dist, f)).size} B)`);
  console.log(`build: dist/ ← ${files.join(', ')} in ${Date.now() - started} ms`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
