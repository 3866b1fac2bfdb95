// «Проверка установки»: checks, in the real spreadsheet, every assumption the add-on makes about
// Google — deployment, which e-mails Google reveals, time zones, who may edit «Настройки», the
// reminder trigger and what context it had, the mail quota, the property stores, and round trips
// through a scratch sheet it removes afterwards — and prints a Russian report (also logged).
import { sameEmail } from '../../domain/email';
import { formatDateTime } from '../../domain/calendar';
import { serverErrors, setupCheckTexts as t } from '../../domain/messages';
import { activeEmail, ownerEmail, requireAdmin } from '../access/roles';
import { alertError, UserError } from '../errors/userError';
import { deploymentTarget } from './deployment';
import { getReminderStatus, readTriggerRecord } from '../reminders/status';
import { ownReminderTriggers } from '../reminders/trigger';
import { NUMBER_FORMAT } from '../storage/cells';
import { SETTINGS_LAYOUT } from '../storage/settingsSheet';
import { withDocumentLock } from '../workbook/lock';
import { verifyTextStaysText } from '../workbook/textCheck';
import { openWorkbook } from '../workbook/workbook';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const MOSCOW = 'Europe/Moscow';

/** The report: one line per check, each marked ✓ (as assumed), ✗ (needs action) or • (information). */
export interface SetupCheckReport {
  lines: string[];
  problems: number;
}

class Report {
  readonly lines: string[] = [];
  problems = 0;
  check(ok: boolean, text: string): void {
    if (!ok) this.problems++;
    this.lines.push(`${ok ? t.ok : t.problem} ${text}`);
  }
  info(text: string): void {
    this.lines.push(`• ${text}`);
  }
}

/** UTF-8 size of a property store, as Google counts its 500 KB limit. */
function storeBytes(props: GoogleAppsScript.Properties.Properties | null): number | null {
  if (!props) return null;
  let bytes = 0;
  for (const [k, v] of Object.entries(props.getProperties())) {
    for (const ch of k + v) {
      const c = ch.codePointAt(0)!;
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
  }
  return bytes;
}

function identity(r: Report, ss: Ss): void {
  let source = '?';
  try {
    source = String(ScriptApp.getInstallationSource());
  } catch {
    // Not every context reports it; the build target still says which deployment this is.
  }
  r.info(t.profile(deploymentTarget(), source));
  const active = Session.getActiveUser().getEmail() ?? '';
  const effective = Session.getEffectiveUser().getEmail() ?? '';
  if (active !== '') r.check(true, t.callerVisible(active));
  else if (effective !== '') r.check(true, t.callerEffectiveOnly(effective));
  else r.check(false, t.callerHidden);
  const owner = ownerEmail(ss);
  r.check(true, owner === '' ? t.ownerHidden : t.ownerVisible(owner));
  const sheetZone = ss.getSpreadsheetTimeZone();
  const scriptZone = Session.getScriptTimeZone();
  r.check(sheetZone === MOSCOW && scriptZone === MOSCOW, t.timeZones(sheetZone, scriptZone, sheetZone === MOSCOW));
}

function protections(r: Report, ss: Ss): void {
  const wb = openWorkbook();
  const sheet = ss.getSheetByName(SETTINGS_LAYOUT.sheetName)!;
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (!protection) {
    r.check(false, t.settingsUnprotected);
    return;
  }
  const editors = protection.getEditors().map((u) => u.getEmail());
  const coordinators = wb.registry.flatMap((e) => e.organisation.coordinatorEmails);
  const admins = [wb.owner, ...wb.settings.adminEmails];
  const open = Array.from(
    new Set(coordinators.filter((c) => !admins.some((a) => sameEmail(a, c)) && editors.some((e) => sameEmail(e, c)))),
  );
  r.check(
    open.length === 0,
    open.length === 0 ? t.settingsProtected(editors.join(', ')) : t.settingsOpen(open.join(', ')),
  );
}

function reminders(r: Report, ss: Ss, me: string): void {
  const status = getReminderStatus(ss);
  const record = readTriggerRecord(ss);
  if (!status.enabled || !record) {
    r.info(t.remindersOff);
    return;
  }
  const mine = sameEmail(record.owner, me);
  const found = ownReminderTriggers(ss).some((x) => x.getUniqueId() === record.triggerId);
  if (mine && !found) r.check(false, t.remindersMissing(record.owner));
  else r.check(true, t.remindersOn(record.owner, mine));
  if (status.lastSuccessAt) r.info(t.lastSuccess(formatDateTime(new Date(status.lastSuccessAt))));
  else r.info(t.noRunYet);
  const context = status.lastRun?.context;
  if (context) r.info(t.lastContext(context.activeSpreadsheet, context.documentProperties));
  if (status.stale) r.check(false, t.stale);
}

/** Writes the way the add-on writes user text, reads back values and formulas; removes the sheet. */
function roundTrips(r: Report, ss: Ss): void {
  const texts = ['=1+1', '+7 900 000-00-00', '@x'];
  const count = 1234567;
  const comment = 'Комментарий. '.repeat(77).slice(0, 1000);
  const written = new Date();
  const sheet = ss.insertSheet(`${t.scratchSheet} ${written.getTime()}`);
  try {
    const row = sheet.getRange(1, 1, 1, 6);
    row.setNumberFormats([[NUMBER_FORMAT.datetime, '@', '@', '@', NUMBER_FORMAT.int, '@']]);
    row.setValues([[written, ...texts, count, comment]]);
    SpreadsheetApp.flush();
    const values = row.getValues()[0]!;
    const formulas = row.getFormulas()[0]!;
    const back = values[0];
    const diff = back instanceof Date ? back.getTime() - written.getTime() : Number.NaN;
    const dateOk = Math.abs(diff) < 1000;
    r.check(dateOk, dateOk ? t.dateTime(diff) : t.dateTimeBad(diff));
    texts.forEach((text, i) => {
      const kept = values[i + 1] === text && formulas[i + 1] === '';
      r.check(kept, t.formulaText(text, kept));
    });
    r.check(values[4] === count, t.bigCount(values[4] === count));
    r.check(values[5] === comment, t.longComment(values[5] === comment));
  } catch (err) {
    r.check(false, t.scratchFailed(err instanceof Error ? err.message : String(err)));
  } finally {
    ss.deleteSheet(sheet);
    r.info(t.scratchRemoved);
  }
}

/**
 * Runs every check as the admin at the keyboard (call holding the document lock: the scratch sheet
 * is written). Before set-up only the owner may run it.
 */
export function checkSetup(): SetupCheckReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const setUp = ss.getSheetByName(SETTINGS_LAYOUT.sheetName) !== null;
  const me = activeEmail();
  if (setUp) requireAdmin(openWorkbook().caller);
  else if (me === '') throw new UserError(serverErrors.noEmail);
  else if (!sameEmail(me, ownerEmail(ss))) throw new UserError(serverErrors.notAdmin);
  const r = new Report();
  identity(r, ss);
  if (setUp) protections(r, ss);
  else r.check(false, t.notSetUp);
  if (setUp) reminders(r, ss, me);
  r.info(t.mailQuota(MailApp.getRemainingDailyQuota()));
  r.info(
    t.properties(
      storeBytes(PropertiesService.getDocumentProperties()),
      storeBytes(PropertiesService.getUserProperties()) ?? 0,
    ),
  );
  roundTrips(r, ss);
  // User text under every number format a person may give a column (issue 15: text stays text).
  const text = verifyTextStaysText(ss);
  r.check(text.ok, text.summary);
  for (const problem of text.problems.slice(1)) r.info(problem);
  r.lines.push(t.verdict(r.problems));
  return { lines: r.lines, problems: r.problems };
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Menu item «Проверка установки»: the report in a dialog (selectable, copyable) and in the log. */
export function runSetupCheck(): void {
  try {
    const report = withDocumentLock(checkSetup);
    const text = [t.title, ...report.lines].join('\n');
    console.log(text);
    const html =
      '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"></head>' +
      '<body style="font:14px Arial,sans-serif;margin:8px">' +
      `<p>${escapeHtml(t.intro)}</p>` +
      `<textarea id="report" readonly aria-label="${escapeHtml(t.title)}" style="width:100%;height:380px;box-sizing:border-box">` +
      `${escapeHtml(text)}</textarea>` +
      `<p>${escapeHtml(t.copyHint)}</p>` +
      `<button type="button" onclick="google.script.host.close()">${escapeHtml(t.close)}</button>` +
      '</body></html>';
    const output = HtmlService.createHtmlOutput(html).setWidth(760).setHeight(540).setTitle(t.title);
    SpreadsheetApp.getUi().showModalDialog(output, t.title);
  } catch (err) {
    alertError(t.title, err);
  }
}
