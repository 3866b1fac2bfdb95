// HtmlService: outputs, files from the dist folder, templates with scriptlets.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileTemplateSource, createHtmlService } from '../../../../src/dev/emulator/services/HtmlService';
import { mockContext } from './mockContext';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'html-'));
fs.writeFileSync(
  path.join(dist, 'Sidebar.html'),
  '<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?><?!= raw ?>',
);
const html = createHtmlService(mockContext(), { distDir: dist });

describe('HtmlService', () => {
  it('builds outputs with title, size, content and meta tags', () => {
    const out = html.createHtmlOutput('<p>a</p>').setTitle('Отчёты').setWidth(300).setHeight(200);
    out.append('<b>b</b>').appendUntrusted('<script>x</script>');
    expect(out.getTitle()).toBe('Отчёты');
    expect(out.getWidth()).toBe(300);
    expect(out.getHeight()).toBe(200);
    expect(out.getContent()).toBe('<p>a</p><b>b</b>&lt;script&gt;x&lt;/script&gt;');
    out
      .addMetaTag('viewport', 'width=device-width')
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL);
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([['viewport', 'width=device-width']]);
  });

  it("reads files from the dist folder, with Apps Script's error when missing", () => {
    expect(html.createHtmlOutputFromFile('Sidebar').getContent()).toContain('<h1>');
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  it('evaluates templates: escaped, raw and code scriptlets with variables', () => {
    const t = html.createTemplateFromFile('Sidebar');
    Object.assign(t, { title: '<Школа & "1">', n: 2, raw: '<hr>' });
    expect(t.evaluate().getContent()).toBe('<h1>&lt;Школа &amp; &quot;1&quot;&gt;</h1><i>0</i><i>1</i><hr>');
    expect(() => html.createTemplate('<?= missing ?>').evaluate()).toThrow(/missing is not defined/);
    const empty = Object.assign(html.createTemplate('<?= nothing ?>|<?!= nothing ?>'), { nothing: null });
    expect(empty.evaluate().getContent()).toBe('|');
  });

  it('compiles scriptlets to a function source', () => {
    expect(compileTemplateSource('a<?= 1 ?>b')).toContain('__out.push(__esc(1))');
  });
});
