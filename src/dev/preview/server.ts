// `npm start`: the local preview — the real dist/Code.js and HTML against the emulated demo district,
// served on http://localhost:8080 (PORT) with a Sheets-like page; `npm start -- --reset` reseeds.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { UiResponse } from '../emulator/store/spreadsheetStore';
import { previewText } from './messages';
import { refusalOf } from './originGuard';
import { PreviewSession, type PreviewOptions } from './session';
import { exportXlsx } from './xlsx';
import { printHtml } from './print';

const ROOT = path.resolve(__dirname, '../../..');
export const DEFAULT_DATA_DIR = path.join(ROOT, '.preview-data');
const BODY_LIMIT = 5 * 1024 * 1024;
const DAY = 86_400_000;
const BUTTONS = new Set(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']);

export interface RunningPreview {
  url: string;
  port: number;
  session: PreviewSession;
  close(): Promise<void>;
}

/** The page: index.html with its stylesheet and the bundled main.ts inlined (never part of dist/). */
export async function buildPage(): Promise<string> {
  const dir = path.join(__dirname, 'page');
  const out = await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    charset: 'utf8',
    logLevel: 'warning',
  });
  const js = (out.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script');
  const css = fs.readFileSync(path.join(dir, 'style.css'), 'utf8');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  return html.replace('/*STYLE*/', () => css).replace('/*SCRIPT*/', () => js);
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  // Only the preview's own page may frame it (its sidebars are same-origin iframes).
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-frame-options': 'SAMEORIGIN',
    ...extra,
  });
  res.end(body);
}
const json = (res: http.ServerResponse, value: unknown, status = 200): void =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) reject(new Error('слишком большой запрос'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        const value = text ? (JSON.parse(text) as unknown) : {};
        resolve(value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    req.on('error', reject);
  });
}

const sheetOf = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;

/** Routes of the preview server (own page only: see originGuard). */
function handler(session: PreviewSession, page: string, port: () => number): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    const refused = refusalOf(req.method ?? '', url.pathname, req.headers, port());
    if (refused) return send(res, 403, previewText.refused[refused], 'text/plain; charset=utf-8');
    const body = () => readJson(req);
    // Each browser tab sends its own user (sessionStorage): two tabs can be two people.
    const header = req.headers['x-preview-user'];
    const tab = typeof header === 'string' ? decodeURIComponent(header) : null;
    const my = <T>(fn: () => T): T => session.withUser(tab, fn);
    const answer = async (): Promise<void> => {
      if (route === 'GET /') return send(res, 200, page, 'text/html; charset=utf-8');
      if (route === 'GET /favicon.ico') return send(res, 204, '', 'image/x-icon');
      if (route === 'GET /api/state')
        return json(
          res,
          my(() => session.state(sheetOf(url.searchParams.get('sheet')))),
        );
      if (route === 'POST /api/open') {
        const b = await body();
        return json(
          res,
          my(() => {
            session.openDocument();
            return session.state(sheetOf(b.sheet));
          }),
        );
      }
      if (route === 'POST /api/user') {
        const b = await body();
        const email = String(b.email ?? '');
        // The tab's new user; also the default for tabs that have not chosen one (and after a restart).
        session.setUser(email);
        return json(res, session.state(sheetOf(b.sheet)));
      }
      if (route === 'POST /api/edit') {
        const b = await body();
        const n = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : NaN);
        const [sheet, row, column] = [sheetOf(b.sheet), n(b.row), n(b.column)];
        if (sheet === null || Number.isNaN(row) || Number.isNaN(column)) throw new Error('неверная ячейка');
        return json(
          res,
          my(() => session.editCell(sheet, row, column, String(b.input ?? ''), b.confirmed === true)),
        );
      }
      if (route === 'POST /api/menu') {
        const fn = String((await body()).fn ?? '');
        return json(
          res,
          my(() => session.runMenuItem(fn)),
        );
      }
      if (route === 'POST /api/answer') {
        const b = await body();
        const button = String(b.button ?? '');
        if (!BUTTONS.has(button)) throw new Error('неизвестная кнопка');
        const response: UiResponse = { button: button as UiResponse['button'], text: String(b.text ?? '') };
        return json(
          res,
          my(() => session.answer(String(b.token ?? ''), response)),
        );
      }
      if (route === 'POST /api/run') {
        const b = await body();
        return json(
          res,
          session.runClient(
            String(b.fn ?? ''),
            Array.isArray(b.args) ? b.args : [],
            typeof b.ui === 'number' ? b.ui : null,
          ),
        );
      }
      if (route === 'POST /api/clock') {
        const b = await body();
        const now =
          typeof b.now === 'number'
            ? b.now
            : session.em.now() + (typeof b.advanceDays === 'number' ? b.advanceDays : 0) * DAY;
        if (!Number.isFinite(now)) throw new Error('неверная дата');
        session.setNow(now);
        return json(
          res,
          my(() => session.state(sheetOf(b.sheet))),
        );
      }
      if (route === 'POST /api/trigger') return json(res, session.runDailyTrigger());
      if (route === 'GET /api/xlsx') {
        const bytes = await exportXlsx(session.em.store, session.doc);
        const name = `${session.state(null).spreadsheetName || 'district'}.xlsx`;
        return send(res, 200, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
          'content-disposition': `attachment; filename="district.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        });
      }
      const print = /^GET \/print\/(\d+)$/.exec(route);
      if (print) {
        const html = printHtml(session.em.store, session.doc, Number(print[1]));
        return html === null
          ? send(res, 404, 'нет такого листа', 'text/plain; charset=utf-8')
          : send(res, 200, html, 'text/html; charset=utf-8');
      }
      const ui = /^GET \/ui\/(\d+)$/.exec(route);
      if (ui) {
        const html = session.uiHtml(Number(ui[1]));
        return html === null
          ? send(res, 404, 'нет такого окна', 'text/plain; charset=utf-8')
          : send(res, 200, html, 'text/html; charset=utf-8');
      }
      const eml = /^GET \/outbox\/([\w.-]+\.eml)$/.exec(route);
      if (eml) {
        const file = path.join(session.outboxDir, eml[1]!);
        if (fs.existsSync(file))
          return send(res, 200, fs.readFileSync(file), 'message/rfc822', {
            'content-disposition': `attachment; filename="${eml[1]}"`,
          });
      }
      send(res, 404, 'не найдено', 'text/plain; charset=utf-8');
    };
    answer().catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`${route}: ${message}`);
      if (!res.headersSent) json(res, { failure: message }, 400);
    });
  };
}

/**
 * Starts the preview server.
 * @param opts data folder, reset, log; `port` 0 picks a free port
 * @returns the URL, the session and a close() that stops listening
 */
export async function startPreview(
  opts: Partial<PreviewOptions> & { port?: number; host?: string } = {},
): Promise<RunningPreview> {
  const session = new PreviewSession({ dataDir: opts.dataDir ?? DEFAULT_DATA_DIR, ...opts });
  const page = await buildPage();
  const server: http.Server = http.createServer(handler(session, page, () => (server.address() as AddressInfo).port));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/`,
    port,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  const reset = process.argv.includes('--reset');
  const dataDir = process.env.PREVIEW_DATA ? path.resolve(process.env.PREVIEW_DATA) : DEFAULT_DATA_DIR;
  startPreview({ port: Number(process.env.PORT ?? 8080), reset, dataDir })
    .then((p) => console.log(previewText.log.listening(p.url, dataDir)))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
