// Opens a built sidebar/dialog in Chromium with google.script.run bridged to the emulator, as a user.
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { withShim } from '../../src/dev/bridge/inject';
import type { District } from './district';

export interface SidebarSession {
  page: Page;
  /** Every google.script.run call the page made, in order. */
  calls: { fn: string; args: unknown[] }[];
  /** Holds server answers until release() — to see spinners and disabled buttons. */
  hold(): void;
  release(): void;
  /** True once the page called google.script.host.close(). */
  closed(): boolean;
}

/**
 * Loads dist/<htmlName>.html in a 300-px page; each google.script.run call is one emulator
 * execution as `user` (runFromClient: Apps Script's argument and return rules).
 */
export async function openSidebar(
  browser: Browser,
  d: District,
  user: string,
  htmlName: string,
  width = 300,
  opts: { multiLogin?: boolean } = {},
): Promise<SidebarSession> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const calls: SidebarSession['calls'] = [];
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  let closed = false;
  await page.exposeFunction('__gasCall', async (fn: string, args: unknown[]) => {
    calls.push({ fn, args });
    if (gate) await gate;
    const r = d.run(user, fn, ...args);
    return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error?.message };
  });
  await page.exposeFunction('__gasClose', () => {
    closed = true;
  });
  const html = fs.readFileSync(path.resolve(__dirname, '../../dist', htmlName + '.html'), 'utf8');
  await page.setContent(
    withShim(html, { call: '__gasCall', close: '__gasClose', multiLogin: opts.multiLogin === true }),
  );
  return {
    page,
    calls,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
    closed: () => closed,
  };
}
