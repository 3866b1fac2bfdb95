// Driving the daily reminder trigger through dist/Code.js on a simulated clock.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { createEmulator, type DeploymentProfile, type Emulator, type ExecutionResult } from '../../../src/dev/emulator';
import { startOfMoscowDay } from '../../../src/domain/calendar';
import { district, OWNER, schoolReport, type District } from '../../support/district';

/** dd.mm.yyyy hh:00 Moscow time as an instant. */
export function msk(date: string, hour = 7): number {
  const [day, month, year] = date.split('.').map(Number) as [number, number, number];
  return startOfMoscowDay({ year, month, day }).getTime() + hour * 3_600_000;
}

/** 'dd.mm.yyyy' of a Moscow day. */
export function dateOf(ms: number): string {
  const d = new Date(ms + 3 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

/**
 * A set-up district (school SCH-01, kindergarten DOU-02) on `date` at noon, reminders switched on by
 * the owner, under the deployment `profile`.
 */
export function remindersDistrict(date: string, profile: DeploymentProfile = 'bound'): District {
  const d = district(msk(date, 12), profile);
  d.call(OWNER, 'enableReminders');
  return d;
}

export function reminderTriggers(em: Emulator) {
  return em.store.triggers.list().filter((t) => t.handler === 'runDailyReminders');
}

/** Fires the (one) reminder trigger now; fails the test when the execution throws. */
export function fire(em: Emulator, triggerId?: string): ExecutionResult {
  const id = triggerId ?? reminderTriggers(em)[0]?.id;
  if (!id) throw new Error('no reminder trigger');
  const r = em.runTrigger(id);
  if (!r.ok) throw new Error('runDailyReminders failed: ' + r.error?.message);
  return r;
}

/** One e-mail in a compact form: 'to → subject'. */
export const line = (m: { to: string[]; subject: string }): string => `${m.to.join(',')} → ${m.subject}`;

/** Mails sent since `since` (an index into the mail store). */
export function mailsSince(em: Emulator, since: number) {
  return em.store.mail.sent().slice(since);
}

/**
 * Walks the clock day by day from `from` to `to`: the trigger fires at 07:00 MSK, then the day's
 * `events` run at 12:00. Returns the e-mails of each day that had any, as 'to → subject'.
 */
export function walk(
  d: District,
  from: string,
  to: string,
  events: Record<string, () => void> = {},
): Record<string, string[]> {
  const byDay: Record<string, string[]> = {};
  for (let t = msk(from); t <= msk(to); t += 86_400_000) {
    const date = dateOf(t);
    d.em.setNow(t);
    const before = d.em.store.mail.sent().length;
    fire(d.em);
    const sent = mailsSince(d.em, before).map(line);
    if (sent.length > 0) byDay[date] = sent;
    d.em.setNow(msk(date, 12));
    events[date]?.();
  }
  return byDay;
}

/** The ledger sheet's data rows. */
export function ledgerRows(d: District): unknown[][] {
  return d.sheet('Журнал напоминаний').slice(1);
}

export interface LastRun {
  at: string;
  outcome: string;
  message: string;
  error: string;
  sent: number;
  deferred: number;
  failed: number;
}

/** The recorded outcome of the last daily run. */
/** A value the add-on keeps on the spreadsheet as project developer metadata (src/server/storage/projectMetadata.ts). */
export function metadata(d: District, key: string): string | null {
  const entries = Object.values(d.em.store.properties.getAll('developerMetadata:' + d.doc)).map(
    (json) => JSON.parse(json) as { key: string; value: string | null },
  );
  return entries.find((e) => e.key === key)?.value ?? null;
}

export function lastRun(d: District): LastRun | null {
  const text = metadata(d, 'reminders.lastRun');
  return text ? (JSON.parse(text) as LastRun) : null;
}

/** Submits a report of `orgId` for `period` as its coordinator. */
export function submit(
  d: District,
  user: string,
  orgId: string,
  period: string,
  extra: Record<string, unknown> = {},
): void {
  const preschool = orgId.startsWith('DOU');
  const kid = preschool ? { pupilsTotal: null, pupilsConnected: null, pupilChats: null, mySchoolTeachers: null } : {};
  d.call(
    user,
    'submitReport',
    schoolReport({ orgId, period, ...kid, ...extra }),
    `s-${orgId}-${period}-${Math.random().toString(36).slice(2, 10)}`,
  );
}

/** Sets one value in the «Настройки» sheet by its key, as an admin typing in the grid would. */
export function setSetting(d: District, key: string, value: string): void {
  const editor = createEmulator({
    store: d.em.store,
    code: `function edit(k, v) { var s = SpreadsheetApp.getActive().getSheetByName('Настройки'); var rows = s.getDataRange().getValues();
      for (var i = 0; i < rows.length; i++) if (rows[i][0] === k) s.getRange(i + 1, 3).setValue(v); }`,
  });
  const r = editor.run('edit', [key, value], { user: OWNER, documentId: d.doc });
  if (!r.ok) throw new Error(r.error?.message);
}

let apiBundle: string | null = null;
/**
 * The bundle plus remindNow and getReminderStatus as top-level functions: the admin summary calls
 * them from its own server code, which is not built yet.
 */
export function withReminderApi(d: District, patch = ''): Emulator {
  if (apiBundle === null) {
    const out = buildSync({
      stdin: {
        contents:
          "export { remindNow } from './src/server/reminders/remindNow'; export { getReminderStatus } from './src/server/reminders/status';",
        resolveDir: path.resolve(__dirname, '../../..'),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'ReminderApi',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2019',
      write: false,
    });
    apiBundle = out.outputFiles[0]!.text;
  }
  const code =
    fs.readFileSync(path.resolve(__dirname, '../../../dist/Code.js'), 'utf8') +
    '\n' +
    apiBundle +
    '\nfunction remindNow(ids) { return ReminderApi.remindNow(ids); }\nfunction getReminderStatus() { return ReminderApi.getReminderStatus(); }\n' +
    patch;
  return createEmulator({ store: d.em.store, code, strict: true });
}

/** Runs the bundle with extra top-level code after it (e.g. a MailApp that fails), as the trigger. */
export function patchedTrigger(d: District, patch: string): ExecutionResult {
  const code = fs.readFileSync(path.resolve(__dirname, '../../../dist/Code.js'), 'utf8') + '\n' + patch;
  const em = createEmulator({ store: d.em.store, code, strict: true });
  return em.runTrigger(reminderTriggers(d.em)[0]!.id);
}
