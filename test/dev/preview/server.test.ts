// The preview server answers only its own page on loopback: a page on another origin cannot drive
// the add-on through it (no cross-origin POST changes anything), a rebound DNS name gets nothing.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { refusalOf } from '../../../src/dev/preview/originGuard';
import { startPreview, type RunningPreview } from '../../../src/dev/preview/server';

let preview: RunningPreview;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-origin-'));
  preview = await startPreview({ port: 0, dataDir, log: () => undefined });
});

afterAll(async () => {
  await preview.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One raw request (node's http lets the test set Host and Origin as any browser or attacker might). */
function request(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: preview.port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const own = (): Record<string, string> => ({ host: `localhost:${preview.port}` });
const ownOrigin = (): Record<string, string> => ({ ...own(), origin: `http://localhost:${preview.port}` });
const json = { 'content-type': 'application/json' };
const clock = async (): Promise<number> => preview.session.em.now();

test('a POST from another origin is refused and changes nothing', async () => {
  const before = await clock();
  const res = await request(
    'POST',
    '/api/clock',
    { ...own(), ...json, origin: 'https://attacker.example.com', 'sec-fetch-site': 'cross-site' },
    { advanceDays: 7 },
  );
  expect(res.status).toBe(403);
  expect(res.text).toBe('Запрос пришёл не со страницы просмотра и отклонён.');
  expect(await clock()).toBe(before);
});

test('a POST without Origin (a form or script that hides it) is refused too', async () => {
  const before = await clock();
  const res = await request('POST', '/api/clock', { ...own(), ...json }, { advanceDays: 7 });
  expect(res.status).toBe(403);
  expect(await clock()).toBe(before);
});

test("the page's own POST goes through", async () => {
  const before = await clock();
  const res = await request('POST', '/api/clock', { ...ownOrigin(), ...json }, { advanceDays: 1 });
  expect(res.status).toBe(200);
  expect(await clock()).toBe(before + 86_400_000);
});

test('a foreign Host (a DNS name rebound to 127.0.0.1) gets neither the page nor the data', async () => {
  for (const p of ['/', '/api/state', '/api/xlsx']) {
    const res = await request('GET', p, { host: `attacker.example.com:${preview.port}` });
    expect(res.status).toBe(403);
    expect(res.text).toBe('Просмотр открывается только по адресу localhost этого компьютера.');
    expect(res.text).not.toContain('example.org');
  }
});

test('the page opens by any loopback name, and a cross-site script cannot read the state', async () => {
  for (const host of [`localhost:${preview.port}`, `127.0.0.1:${preview.port}`]) {
    const res = await request('GET', '/', { host });
    expect(res.status).toBe(200);
  }
  const state = await request('GET', '/api/state', {
    ...own(),
    'sec-fetch-site': 'cross-site',
    'sec-fetch-mode': 'cors',
  });
  expect(state.status).toBe(403);
  const linked = await request('GET', '/', { ...own(), 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' });
  expect(linked.status).toBe(200);
});

describe('refusalOf', () => {
  const port = 8152;
  const h = (extra: Record<string, string>) => ({ host: `localhost:${port}`, ...extra });
  test.each([
    ['GET', '/api/state', h({}), null],
    ['GET', '/api/state', h({ 'sec-fetch-site': 'same-origin' }), null],
    ['POST', '/api/run', h({ origin: `http://localhost:${port}` }), null],
    ['POST', '/api/run', { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` }, null],
    ['POST', '/api/run', h({ origin: `http://127.0.0.1:${port}` }), 'origin'],
    ['POST', '/api/run', h({ origin: `http://localhost:${port + 1}` }), 'origin'],
    ['POST', '/api/run', h({ origin: 'null' }), 'origin'],
    ['GET', '/api/xlsx', h({ 'sec-fetch-site': 'same-site' }), 'origin'],
    ['GET', '/', { host: `localhost:${port + 1}` }, 'host'],
    ['GET', '/', { host: 'localhost' }, 'host'],
    ['GET', '/', {}, 'host'],
  ])('%s %s %j → %s', (method, pathname, headers, expected) => {
    expect(refusalOf(method, pathname, headers, port)).toBe(expected);
  });
});
