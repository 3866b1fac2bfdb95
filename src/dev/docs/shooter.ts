// Replays the entries of shots.ts in the local preview (headless Chromium) and writes one PNG each.
// Each shot starts from its own copy of a freshly seeded demo district, so no shot depends on another.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { createEmulator } from '../emulator';
import { DEMO_TODAY } from '../preview/demo';
import { parseClock } from '../preview/page/clock';
import { startPreview, type RunningPreview } from '../preview/server';
import type { Area, Capture, Shot, Step } from './shots';

const DEFAULT_VIEWPORT = { width: 1280, height: 800 };
/** Debian's Chromium (no browser download); CHROMIUM_PATH overrides it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The preview's own toolbar is not part of Google Sheets: a guide never shows it. */
const HIDE_PREVIEW_CHROME = '.preview-bar { display: none !important; } #status:empty { display: none; }';

export interface ShooterOptions {
  /** Folder the PNGs are written to. */
  outDir: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-system-deps.sh first`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** One seeded demo district, copied for every shot; takeShots removes it at the end. */
async function seedTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-shots-seed-'));
  const preview = await startPreview({ port: 0, dataDir: dir, log: () => undefined });
  await preview.close();
  return dir;
}

function clockOf(shot: Shot): number {
  if (!shot.clock) return DEMO_TODAY;
  const parsed = parseClock(shot.clock);
  if (!parsed.ok) throw new Error(`${shot.name}: ${parsed.error}`);
  return parsed.ms;
}

/** The frame a selector lives in: the page, the sidebar's iframe or the open dialog's iframe. */
async function frameOf(page: Page, area: Area | undefined): Promise<Frame> {
  if (!area || area === 'page') return page.mainFrame();
  const host = area === 'sidebar' ? '#sidebar:not([hidden]) #sidebar-frame' : '#modal:not([hidden]) iframe';
  const frame = await (await page.waitForSelector(host)).contentFrame();
  if (!frame) throw new Error(`${host} has no document`);
  return frame;
}

/** Waits until every frame has answered its server calls (no busy marks, no spinner) and drawn. */
async function settle(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    await frame
      .waitForFunction(
        () =>
          !document.body?.hasAttribute('aria-busy') &&
          document.getElementById('app')?.getAttribute('aria-busy') !== 'true' &&
          !Array.from(document.querySelectorAll<HTMLElement>('.spinner')).some((e) => e.offsetParent !== null),
        undefined,
        { timeout: 20_000 },
      )
      .catch(() => undefined); // a frame that went away while waiting
  }
  await page.waitForTimeout(250); // CSS transitions and the chart's first paint
}

async function openAddonMenu(page: Page): Promise<void> {
  await page.click('#extensions-button');
  await page.click('#addon-entry');
  await page.waitForSelector('#addon-menu .menu-item');
}

/** Runs one step; `preview` is the shot's own server. */
async function runStep(page: Page, preview: RunningPreview, step: Step): Promise<void> {
  if ('menu' in step) {
    await openAddonMenu(page);
    await page.click(`#addon-menu .menu-item[data-fn="${step.menu}"]`);
    await page.waitForSelector('#modal:not([hidden]), #sidebar:not([hidden])');
  } else if ('openMenu' in step) await openAddonMenu(page);
  else if ('sheet' in step) {
    await page.click(`#tabs .tab:text-is("${step.sheet}")`);
    await page.waitForSelector(`#grid table[data-sheet-name="${step.sheet}"]`);
  } else if ('click' in step) await (await frameOf(page, step.in)).click(step.click);
  else if ('fill' in step) await (await frameOf(page, step.in)).fill(step.fill, step.value);
  else if ('select' in step) await (await frameOf(page, step.in)).selectOption(step.select, step.value);
  else if ('press' in step) await (await frameOf(page, step.in)).press(step.press, step.key);
  else if ('waitFor' in step) await (await frameOf(page, step.in)).waitForSelector(step.waitFor);
  else if ('scroll' in step)
    await (await frameOf(page, step.in)).$eval(step.scroll, (e) => e.scrollIntoView({ block: 'start' }));
  else if ('closeDialog' in step) await page.click('#modal-close');
  else if ('runTrigger' in step) {
    // The preview's toolbar is hidden in the pictures: its buttons are pressed from script.
    await page.$eval('#trigger-run', (b) => (b as HTMLButtonElement).click());
    await page.waitForFunction(() => /триггер|Напоминания/.test(document.querySelector('#status')?.textContent ?? ''));
  } else if ('showOutbox' in step) {
    if (await page.isHidden('#outbox')) await page.$eval('#outbox-toggle', (b) => (b as HTMLButtonElement).click());
    await page.waitForSelector('#outbox:not([hidden])');
  } else if ('print' in step) {
    // «Печать листа» opens the print view of the sheet shown; the picture is that view, in this tab.
    await page.click(`#tabs .tab:text-is("${step.print}")`);
    await page.waitForSelector(`#grid table[data-sheet-name="${step.print}"]`);
    const href = await page.$eval('#print-link', (a) => (a as HTMLAnchorElement).href);
    await page.goto(href);
    await page.waitForSelector('body[data-pages] .page');
  } else if ('call' in step) {
    const r = preview.session.runClient(step.call, step.args, null);
    if (!r.ok) throw new Error(`${step.call}: ${r.error}`);
    await page.reload();
    await page.waitForSelector('#grid table');
  } else if ('handEdit' in step) {
    const editor = createEmulator({
      store: preview.session.em.store,
      code: `function edit() { var ss = SpreadsheetApp.getActive(); ${step.handEdit} }`,
    });
    const r = editor.run('edit', [], { user: preview.session.user, documentId: preview.session.doc });
    if (!r.ok) throw new Error(`handEdit: ${r.error?.message}`);
    preview.session.save();
    await page.reload();
    await page.waitForSelector('#grid table');
  }
  await settle(page);
}

/** The rectangle around the capture's elements, padded, cut at maxHeight and at the window. */
async function clipOf(page: Page, capture: Capture): Promise<{ x: number; y: number; width: number; height: number }> {
  const frame = await frameOf(page, capture.in);
  const selectors = Array.isArray(capture.selector) ? capture.selector : [capture.selector];
  const boxes = [];
  await frame
    .locator(selectors[0] ?? '')
    .first()
    .scrollIntoViewIfNeeded();
  for (const selector of selectors) {
    const box = await frame.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not visible`);
    boxes.push(box);
  }
  const pad = capture.pad ?? 8;
  const view = page.viewportSize() ?? DEFAULT_VIEWPORT;
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const right = Math.min(view.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  let bottom = Math.min(view.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  if (capture.maxHeight) bottom = Math.min(bottom, top + capture.maxHeight);
  return { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(right - left), height: Math.ceil(bottom - top) };
}

async function takeShot(browser: Browser, template: string, shot: Shot, outDir: string): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `docs-shot-${shot.name}-`));
  fs.cpSync(template, dataDir, { recursive: true });
  const preview = await startPreview({ port: 0, dataDir, log: () => undefined });
  const page = await browser.newPage({
    viewport: shot.viewport ?? DEFAULT_VIEWPORT,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  try {
    preview.session.setNow(clockOf(shot));
    preview.session.setUser(shot.user);
    await page.goto(preview.url);
    await page.waitForSelector('#grid table');
    await page.addStyleTag({ content: HIDE_PREVIEW_CHROME });
    for (const step of shot.steps) await runStep(page, preview, step);
    const file = path.join(outDir, `${shot.name}.png`);
    await page.screenshot({ path: file, clip: await clipOf(page, shot.capture), animations: 'disabled' });
    return file;
  } catch (e) {
    throw new Error(`${shot.name}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await page.close();
    await preview.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Takes every shot into `outDir`, each against its own copy of the demo district and its own port.
 * A shot that fails does not stop the others; the error names every failed shot.
 * @returns the PNG files written, in the order of `shots`
 * @throws when any shot failed (its step or its element no longer exists)
 */
export async function takeShots(shots: readonly Shot[], opts: ShooterOptions): Promise<string[]> {
  fs.mkdirSync(opts.outDir, { recursive: true });
  const [template, browser] = await Promise.all([seedTemplate(), launchChromium()]);
  try {
    const files: string[] = [];
    const failures: string[] = [];
    for (const shot of shots) {
      try {
        files.push(await takeShot(browser, template, shot, opts.outDir));
        opts.log?.(`${shot.name}.png`);
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
        opts.log?.(`${shot.name}: FAILED`);
      }
    }
    if (failures.length > 0) throw new Error(`${failures.length} screenshot(s) failed:\n${failures.join('\n')}`);
    return files;
  } finally {
    await browser.close();
    fs.rmSync(template, { recursive: true, force: true });
  }
}
