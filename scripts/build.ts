// `npm run build`: dist/ = exactly what clasp pushes for the container-bound script (Code.js,
// appsscript.json, *.html); `npm run build:addon` (`--target=addon`): dist-addon/ = the same for
// the editor add-on, whose manifest asks for `spreadsheets` instead of `spreadsheets.currentonly`
// (its time-driven trigger has no active spreadsheet and opens the district's one by id).
// The server source map goes to build/ for local debugging.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { readServerEntryPoints, renderStubs } from './build/stubs';
import { buildHtmlEntry, listHtmlEntries } from './build/html';
import { writeAtomic } from './build/writeAtomic';

const root = path.resolve(__dirname, '..');
/** Which deployment this build is for: `bound` (default) or `addon`. */
const target: 'bound' | 'addon' = process.argv.includes('--target=addon') ? 'addon' : 'bound';
const dist = path.join(root, target === 'addon' ? 'dist-addon' : 'dist');
const buildDir = path.join(root, 'build');
/** The one global the bundle defines; stubs forward to it. */
export const BUNDLE_GLOBAL = 'AddOn';
const SCOPE_CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const SCOPE_SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';

/** The manifest of this target: the add-on swaps `spreadsheets.currentonly` for `spreadsheets`. */
export function manifestFor(buildTarget: 'bound' | 'addon', bound: string): string {
  if (buildTarget === 'bound') return bound;
  const manifest = JSON.parse(bound) as { oauthScopes: string[] };
  manifest.oauthScopes = manifest.oauthScopes.map((s) => (s === SCOPE_CURRENT_ONLY ? SCOPE_SPREADSHEETS : s));
  return JSON.stringify(manifest, null, 2) + '\n';
}

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
    define: { DEPLOYMENT_TARGET: JSON.stringify(target) },
    outfile: path.join(buildDir, target === 'addon' ? 'Code-addon.js' : 'Code.js'),
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
  writeAtomic(path.join(buildDir, target === 'addon' ? 'Code-addon.js.map' : 'Code.js.map'), map);
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
  writeAtomic(
    path.join(dist, 'appsscript.json'),
    manifestFor(target, fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')),
  );
  await buildServer();
  const clientDir = path.join(root, 'src/client');
  const html = [];
  for (const entry of listHtmlEntries(clientDir))
    html.push(path.basename(await buildHtmlEntry(clientDir, entry, dist)));
  if (target === 'bound') await buildShim();
  const produced = new Set(['Code.js', 'appsscript.json', ...html]);
  for (const f of fs.readdirSync(dist))
    if (!produced.has(f) && !f.endsWith('.tmp')) fs.rmSync(path.join(dist, f), { recursive: true, force: true });
  const files = fs.readdirSync(dist).map((f) => `${f} (${fs.statSync(path.join(dist, f)).size} B)`);
  console.log(`build: ${path.basename(dist)}/ ← ${files.join(', ')} in ${Date.now() - started} ms`);
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
