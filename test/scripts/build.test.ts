// The build contract (SPEC §8): dist/ holds exactly what clasp pushes, Code.js is a plain script.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { readServerEntryPoints, renderStubs } from '../../scripts/build/stubs';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const code = () => fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');

test('dist/ holds only Code.js, appsscript.json and HTML files', () => {
  const files = fs.readdirSync(dist).sort();
  expect(files).toContain('Code.js');
  expect(files).toContain('appsscript.json');
  expect(files.filter((f) => !['Code.js', 'appsscript.json'].includes(f) && !f.endsWith('.html'))).toEqual([]);
});

test('Code.js parses as a plain script, with no import/export and no source-map comment', () => {
  const text = code();
  expect(() => new vm.Script(text)).not.toThrow();
  expect(text).not.toMatch(/^\s*(import|export)\b/m);
  expect(text).not.toContain('sourceMappingURL');
});

test('every entry point of src/server/index.ts is a top-level function declaration', () => {
  const context = vm.createContext({});
  new vm.Script(code()).runInContext(context);
  const entries = readServerEntryPoints(path.join(root, 'src/server/index.ts'));
  expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['onOpen', 'onInstall']));
  for (const e of entries) {
    expect(code()).toMatch(new RegExp(`^function ${e.name}\\(`, 'm'));
    expect(typeof (context as Record<string, unknown>)[e.name]).toBe('function');
  }
});

test('custom functions keep their JSDoc, with @customfunction, right above the stub', () => {
  const entries = readServerEntryPoints(path.join(root, 'src/server/index.ts'));
  const custom = entries.filter((e) => e.jsDoc.includes('@customfunction'));
  for (const e of custom) {
    const block = `${e.jsDoc}\nfunction ${e.name}(${e.params.join(', ')}) {`;
    expect(code()).toContain(block);
    for (const p of e.params) expect(e.jsDoc).toMatch(new RegExp(`@param\\s+(\\{[^}]*\\}\\s+)?\\[?${p}\\b`));
  }
});

test('stubs forward every parameter by its real name', () => {
  const text = renderStubs([{ name: 'COVERAGE', params: ['part', 'total'], jsDoc: '/** @customfunction */' }], 'AddOn');
  expect(text).toBe(
    '/** @customfunction */\nfunction COVERAGE(part, total) {\n  return AddOn.COVERAGE(part, total);\n}\n',
  );
});

test('the manifest is V8, Europe/Moscow, Stackdriver logging, least-privilege scopes', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.timeZone).toBe('Europe/Moscow');
  expect(manifest.exceptionLogging).toBe('STACKDRIVER');
  expect([...manifest.oauthScopes].sort()).toEqual(
    [
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ].sort(),
  );
});

test('each HTML file is self-contained: no external scripts, styles or fonts', () => {
  for (const f of fs.readdirSync(dist).filter((n) => n.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(dist, f), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    expect(html).toContain('<script>');
  }
});

test('two targets: dist/ asks for spreadsheets.currentonly, dist-addon/ for spreadsheets instead, same code otherwise', () => {
  const scopes = (dir: string): string[] =>
    (JSON.parse(fs.readFileSync(path.join(root, dir, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] })
      .oauthScopes;
  const bound = scopes('dist');
  const addon = scopes('dist-addon');
  expect(bound).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
  expect(bound).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  expect(addon).toContain('https://www.googleapis.com/auth/spreadsheets');
  expect(addon).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
  expect(addon.filter((s) => !s.endsWith('/spreadsheets'))).toEqual(bound.filter((s) => !s.endsWith('.currentonly')));
  const addonCode = fs.readFileSync(path.join(root, 'dist-addon', 'Code.js'), 'utf8');
  expect(addonCode).toContain('"addon"');
  expect(fs.readdirSync(path.join(root, 'dist-addon')).sort()).toEqual(fs.readdirSync(dist).sort());
});
