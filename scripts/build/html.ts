// Builds each sidebar/dialog under src/client/<entry>/ into one self-contained HTML file.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { writeAtomic } from './writeAtomic';

/** `coordinator` → `Coordinator`: the name HtmlService.createHtmlOutputFromFile() uses. */
export function htmlFileName(entry: string): string {
  return entry.replace(/(^|[-_])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());
}

/** Script text safe to inline inside <script>…</script>. */
function inlineSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * Bundles src/client/<entry>/main.ts (browser, IIFE) and inlines it, with the common and the
 * entry's styles, into src/client/<entry>/index.html at the `<!-- inline:style -->` and
 * `<!-- inline:script -->` markers.
 */
export async function buildHtmlEntry(clientDir: string, entry: string, outDir: string): Promise<string> {
  const dir = path.join(clientDir, entry);
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const result = await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  const js = result.outputFiles[0]?.text ?? '';
  const css = ['common/style.css', `${entry}/style.css`]
    .map((f) => path.join(clientDir, f))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
  for (const marker of ['<!-- inline:style -->', '<!-- inline:script -->']) {
    if (!template.includes(marker)) throw new Error(`build: ${entry}/index.html lacks ${marker}`);
  }
  const html = template
    .replace('<!-- inline:style -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${inlineSafe(js)}</script>`);
  const file = path.join(outDir, htmlFileName(entry) + '.html');
  writeAtomic(file, html);
  return file;
}

/** Every folder of src/client except the shared kit is one HTML entry. */
export function listHtmlEntries(clientDir: string): string[] {
  return fs
    .readdirSync(clientDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'common' && fs.existsSync(path.join(clientDir, d.name, 'main.ts')))
    .map((d) => d.name)
    .sort();
}
