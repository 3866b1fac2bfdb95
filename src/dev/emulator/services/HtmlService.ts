// Emulated HtmlService: HtmlOutput, files from the dist folder, and templates with scriptlets.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecutionContext } from '../context';
import { makeEnum } from './enums';

/** Turns a template's generated body into a function in the script's realm (so it sees Code.js globals). */
export type TemplateCompiler = (
  functionSource: string,
) => (vars: object, out: string[], esc: (v: unknown) => string) => void;

export interface HtmlServiceOptions {
  /** Folder holding the bundle's .html files. */
  distDir: string;
  /** Defaults to compiling in Node's own realm (no access to the script's globals). */
  compile?: TemplateCompiler;
}

/** HTML-escape like Apps Script's printing scriptlet <?= ?>. */
export function escapeHtml(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Source of `function (__vars, __out, __esc) { ... }` for a template with <? ?>, <?= ?> and <?!= ?>. */
export function compileTemplateSource(html: string): string {
  let body = '';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > last) body += `__out.push(${JSON.stringify(html.slice(last, m.index))});\n`;
    const code = m[2]!.trim().replace(/;+\s*$/, '');
    if (m[1] === '=') body += `__out.push(__esc(${code}));\n`;
    else if (m[1] === '!=')
      body += `__out.push((function (v) { return v === undefined || v === null ? '' : String(v); })(${code}));\n`;
    else body += `${m[2]}\n`;
    last = re.lastIndex;
  }
  if (last < html.length) body += `__out.push(${JSON.stringify(html.slice(last))});\n`;
  return `(function (__vars, __out, __esc) { with (__vars) {\n${body}} })`;
}

/** HtmlService for one execution. */
export function createHtmlService(ctx: ExecutionContext, opts: HtmlServiceOptions): GoogleAppsScript.HTML.HtmlService {
  const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
  const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const compile: TemplateCompiler =
    opts.compile ?? ((src) => new Function(`return ${src}`)() as ReturnType<TemplateCompiler>);
  const count = (m: string): void => ctx.count('HtmlService', m);

  function readFile(name: string): string {
    const file = path.join(opts.distDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!fs.existsSync(file)) throw ctx.createError(`No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  }

  function output(initial: string): GoogleAppsScript.HTML.HtmlOutput {
    let content = initial;
    let title = '';
    let width: number | null = null;
    let height: number | null = null;
    let favicon: string | null = null;
    const metaTags: { name: string; content: string }[] = [];
    const int = (v: unknown, what: string): number => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw ctx.createError(`Invalid argument: ${what}`);
      return Math.floor(v);
    };
    /** Runs a setter's effect and returns the output, so calls chain as in Apps Script. */
    const then = (effect: () => void): GoogleAppsScript.HTML.HtmlOutput => {
      effect();
      return o;
    };
    const o: GoogleAppsScript.HTML.HtmlOutput = {
      getContent: () => content,
      setContent: (c) =>
        then(() => {
          content = String(c);
        }),
      append: (c) =>
        then(() => {
          content += String(c);
        }),
      appendUntrusted: (c) =>
        then(() => {
          content += escapeHtml(c);
        }),
      clear: () =>
        then(() => {
          content = '';
        }),
      asTemplate: () => template(content),
      getTitle: () => title,
      setTitle: (t) =>
        then(() => {
          title = String(t);
        }),
      getWidth: () => width as number,
      setWidth: (w) =>
        then(() => {
          width = int(w, 'width');
        }),
      getHeight: () => height as number,
      setHeight: (h) =>
        then(() => {
          height = int(h, 'height');
        }),
      getFaviconUrl: () => favicon as string,
      setFaviconUrl: (u) =>
        then(() => {
          favicon = String(u);
        }),
      addMetaTag: (name, c) => then(() => metaTags.push({ name: String(name), content: String(c) })),
      getMetaTags: () => metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content })),
      setSandboxMode: () => o,
      setXFrameOptionsMode: () => o,
      getAs: () => ctx.notEmulated('HtmlOutput.getAs'),
      getBlob: () => ctx.notEmulated('HtmlOutput.getBlob'),
    };
    return o;
  }

  function template(html: string): GoogleAppsScript.HTML.HtmlTemplate {
    const t = {} as GoogleAppsScript.HTML.HtmlTemplate;
    const method = (name: string, fn: unknown): void => {
      Object.defineProperty(t, name, { value: fn, enumerable: false });
    };
    method('evaluate', () => {
      count('HtmlTemplate.evaluate');
      const vars: Record<string, unknown> = {};
      for (const k of Object.keys(t)) vars[k] = (t as unknown as Record<string, unknown>)[k];
      const out: string[] = [];
      compile(compileTemplateSource(html))(vars, out, escapeHtml);
      return output(out.join(''));
    });
    method('getRawContent', () => html);
    method('getCode', () => compileTemplateSource(html));
    method('getCodeWithComments', () => compileTemplateSource(html));
    return t;
  }

  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown) {
      count('createHtmlOutput');
      if (html !== undefined && typeof html !== 'string') return ctx.notEmulated('HtmlService.createHtmlOutput(blob)');
      return output(html ?? '');
    },
    createHtmlOutputFromFile(filename: string) {
      count('createHtmlOutputFromFile');
      return output(readFile(String(filename)));
    },
    createTemplate(html: unknown) {
      count('createTemplate');
      if (typeof html !== 'string') return ctx.notEmulated('HtmlService.createTemplate(blob)');
      return template(html);
    },
    createTemplateFromFile(filename: string) {
      count('createTemplateFromFile');
      return template(readFile(String(filename)));
    },
    getUserAgent: () => ctx.notEmulated('HtmlService.getUserAgent'),
  } as unknown as GoogleAppsScript.HTML.HtmlService;
}
