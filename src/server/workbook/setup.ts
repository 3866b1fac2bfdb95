// «Настроить таблицу округа»: creates or upgrades the workbook's sheets without losing data.
// Idempotent: a second run finds nothing to change and writes nothing.
import {
  auditActions,
  districtReportSheet,
  protectionNotes,
  serverErrors,
  setupMessages,
  sheetNames,
  workbookSetupNotes,
} from '../../domain/messages';
import { ensureReportTemplate } from '../storage/districtReportTemplate';
import { defaultSettings } from '../../domain/schemas/settings';
import { sameEmail } from '../../domain/email';
import { activeEmail, ownerEmail } from '../access/roles';
import { alertError, UserError } from '../errors/userError';
import { withDocumentLock } from './lock';
import { appendAudit, AUDIT_LAYOUT } from '../storage/auditSheet';
import { readAnchors, resetAnchor } from '../storage/anchors';
import { YES, NO, quoteAsText } from '../storage/cells';
import { ensureIntegrityKey, migrateLegacySeals } from '../storage/rowSeal';
import { ensureIndexSheet, indexIsCurrent } from '../storage/reportIndex';
import { rebuildReportIndex } from '../storage/reportReads';
import { forgetSheetFacts } from '../storage/table';
import { LEDGER_LAYOUT } from '../storage/ledgerSheet';
import { readRegistry, REGISTRY_LAYOUT } from '../storage/registrySheet';
import { refreshTimeliness, REPORTS_LAYOUT, reportRowCount } from '../storage/reportsSheet';
import {
  readSettings,
  SETTING_KEYS,
  settingRows,
  SETTINGS_LAYOUT,
  writeSettingMonthsInWords,
  type SettingKey,
} from '../storage/settingsSheet';
import { ensureTableSheet, protectSheet, writeMonthsInWords } from '../storage/sheetSetup';
import { ensureMirrorRows } from './mirrorRows';
import { auditSettingsChanges } from './settingsAudit';
import { ensureTodayCell } from './todayCell';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MOSCOW_TIME_ZONE = 'Europe/Moscow';

/** Adds the settings rows that are missing (all of them on a new sheet), keeping every value typed. */
function ensureSettingRows(ss: Spreadsheet, created: boolean, initialAdmins: readonly string[]): string[] {
  const present = created ? [] : readSettings(ss).keys;
  const missing = SETTING_KEYS.filter((k) => !present.includes(k));
  if (missing.length === 0) return [];
  const sheet = ss.getSheetByName(SETTINGS_LAYOUT.sheetName)!;
  const { cells, formats } = settingRows({ ...defaultSettings(), adminEmails: [...initialAdmins] }, missing);
  const range = sheet.getRange(Math.max(sheet.getLastRow(), 1) + 1, 1, cells.length, 4);
  range.setNumberFormats(formats).setValues(cells.map((row) => row.map(quoteAsText)));
  const yesNo = missing.indexOf('storeTeacherCodes' as SettingKey);
  if (yesNo >= 0) {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList([YES, NO], true).setAllowInvalid(false).build();
    range.offset(yesNo, 2, 1, 1).setDataValidation(rule);
  }
  return created ? [] : [setupMessages.settingsAdded(missing.length)];
}

/** Creates or upgrades every sheet; returns what changed (empty on a second run). */
export function setUpWorkbook(ss: Spreadsheet, admins: readonly string[]): string[] {
  const changes: string[] = [];
  // Dates are written as Moscow days: the spreadsheet must show them in Moscow time too.
  if (ss.getSpreadsheetTimeZone() !== MOSCOW_TIME_ZONE) {
    ss.setSpreadsheetTimeZone(MOSCOW_TIME_ZONE);
    changes.push(workbookSetupNotes.timeZoneSet);
  }
  const settings = ensureTableSheet(ss, SETTINGS_LAYOUT);
  changes.push(...settings.changes, ...ensureSettingRows(ss, settings.created, admins));
  changes.push(...ensureTodayCell(ss, settings.created));
  for (const layout of [REGISTRY_LAYOUT, REPORTS_LAYOUT, AUDIT_LAYOUT, LEDGER_LAYOUT])
    changes.push(...ensureTableSheet(ss, layout).changes);
  // After the sheets they name: the settings rows whose formulas show their headers and registry columns.
  changes.push(...ensureMirrorRows(ss, settings.created));
  // The district report's fixed formats (widths, font, the rows above the table), copied by every report;
  // a template of an older release is made again.
  if (ensureReportTemplate(ss).created) changes.push(setupMessages.created(districtReportSheet.templateName));
  const editors = [ownerEmail(ss), ...admins].filter((e) => e !== '');
  for (const layout of [SETTINGS_LAYOUT, REGISTRY_LAYOUT]) {
    if (protectSheet(ss.getSheetByName(layout.sheetName)!, protectionNotes.adminsOnly, editors))
      changes.push(setupMessages.protected(layout.sheetName));
  }
  for (const layout of [REPORTS_LAYOUT, AUDIT_LAYOUT, LEDGER_LAYOUT]) {
    if (protectSheet(ss.getSheetByName(layout.sheetName)!, protectionNotes.addOnOnly, null))
      changes.push(setupMessages.protected(layout.sheetName));
  }
  const index = ensureIndexSheet(ss);
  if (index.created) changes.push(setupMessages.created(sheetNames.index));
  if (protectSheet(index.sheet, protectionNotes.addOnOnly, null))
    changes.push(setupMessages.protected(sheetNames.index));
  return changes;
}

/**
 * Set-up, after the sheets: checksums of the first release re-sealed as HMACs, and the report
 * index rebuilt when it is not current. Returns what changed.
 */
export function upgradeIntegrity(ss: Spreadsheet, key: string): string[] {
  const changes: string[] = [];
  const resealed = migrateLegacySeals(ss, REPORTS_LAYOUT, key) + migrateLegacySeals(ss, REGISTRY_LAYOUT, key, true);
  if (resealed > 0) changes.push(setupMessages.resealed(resealed));
  forgetSheetFacts();
  if (!indexIsCurrent(ss, reportRowCount(ss))) {
    const { settings } = readSettings(ss);
    const types = new Map(readRegistry(ss, key).entries.map((e) => [e.organisation.id, e.organisation.type]));
    rebuildReportIndex(ss, key, types, settings.deadlineDay);
  }
  return changes;
}

/**
 * Set-up, after the sheets: months an older version wrote as keys (2023-11) are shown in words in
 * every sheet a person reads («ноябрь 2023»; the hidden «Служебный индекс» keeps keys: it is
 * technical), and the derived «Срок сдачи» column is filled in. Seals and the audit chain cover
 * months by key, so rows keep verifying. Returns what changed.
 */
export function upgradeSheetTexts(ss: Spreadsheet): string[] {
  const changes: string[] = [];
  const settings = writeSettingMonthsInWords(ss);
  if (settings > 0) changes.push(setupMessages.monthsInWords(SETTINGS_LAYOUT.sheetName, settings));
  for (const layout of [REPORTS_LAYOUT, AUDIT_LAYOUT, LEDGER_LAYOUT]) {
    const cells = writeMonthsInWords(ss.getSheetByName(layout.sheetName)!, layout);
    if (cells > 0) changes.push(setupMessages.monthsInWords(layout.sheetName, cells));
  }
  forgetSheetFacts();
  const filled = refreshTimeliness(ss, readSettings(ss).settings.deadlineDay);
  if (filled > 0) changes.push(setupMessages.timelinessFilled(filled));
  return changes;
}

/** Yes/No in Russian: the person at the keyboard confirms they manage the shared drive. */
function confirmedBy(ui: GoogleAppsScript.Base.Ui, email: string): boolean {
  const answer = ui.alert(setupMessages.sharedDriveTitle, setupMessages.sharedDriveConfirm(email), ui.ButtonSet.YES_NO);
  return answer === ui.Button.YES;
}

/**
 * Rows deleted from the reminder ledger stop the reminders (they would go out again); an admin
 * running set-up accepts the ledger as it is. The loss stays in the audit as this set-up's note.
 */
function acceptLedgerLoss(ss: Spreadsheet): string[] {
  const anchored = readAnchors()?.ledger?.rows ?? 0;
  const found = Math.max(0, ss.getSheetByName(LEDGER_LAYOUT.sheetName)!.getLastRow() - 1);
  if (anchored <= found) return [];
  resetAnchor('ledger', { rows: found, seq: 0, hash: '' });
  return [workbookSetupNotes.ledgerAccepted(anchored, found)];
}

/** Menu item «Настроить таблицу округа»: the owner (first time) or an admin sets up the workbook. */
export function setupWorkbook(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const email = activeEmail();
  try {
    if (email === '') throw new UserError(serverErrors.noEmail);
    // A file on a shared drive has no owner. The person who sets it up becomes its admin, so they
    // must say so in a dialog first (a call through google.script.run gets no «Да» from anyone),
    // before the lock is taken and before anything is written.
    const ownerlessAtStart = ownerEmail(ss) === '' && ss.getSheetByName(SETTINGS_LAYOUT.sheetName) === null;
    if (ownerlessAtStart && !confirmedBy(ui, email)) {
      ui.alert(setupMessages.title, setupMessages.sharedDriveCancelled, ui.ButtonSet.OK);
      return;
    }
    const changes = withDocumentLock(() => {
      const isSetUp = ss.getSheetByName(SETTINGS_LAYOUT.sheetName) !== null;
      const admins = isSetUp ? readSettings(ss).settings.adminEmails.map((a) => a.toLowerCase()) : [];
      const owner = ownerEmail(ss);
      if (email === '') throw new UserError(serverErrors.noEmail);
      // Still unset and ownerless under the lock (else someone set it up meanwhile: admins decide).
      const ownerless = ownerlessAtStart && owner === '' && !isSetUp;
      if (!sameEmail(email, owner) && !ownerless && !(isSetUp && admins.some((a) => sameEmail(a, email))))
        throw new UserError(isSetUp ? serverErrors.notAdmin : serverErrors.setupOwnerOnly);
      const key = ensureIntegrityKey();
      // A new workbook lists the person setting it up (the owner, or on a shared drive the one who
      // confirmed) as its admin in «Настройки»: visible and editable there, and the admin's calls
      // then need not ask Drive who owns the file (docs/performance.md).
      const done = setUpWorkbook(ss, isSetUp ? admins : [email]);
      done.push(...upgradeIntegrity(ss, key), ...upgradeSheetTexts(ss));
      if (ownerless) done.push(workbookSetupNotes.sharedDriveAdmin(email));
      else if (!isSetUp) done.push(workbookSetupNotes.ownerAdmin(email));
      done.push(...acceptLedgerLoss(ss));
      auditSettingsChanges(ss, key, readSettings(ss).settings, new Date());
      if (done.length > 0) {
        appendAudit(
          ss,
          [
            {
              at: new Date().toISOString(),
              user: email,
              action: auditActions.setup,
              orgId: '',
              period: '',
              before: '',
              after: done.join('; '),
            },
          ],
          key,
        );
      }
      return done;
    });
    ui.alert(
      setupMessages.title,
      changes.length > 0 ? setupMessages.done(changes) : setupMessages.nothingToDo,
      ui.ButtonSet.OK,
    );
  } catch (err) {
    alertError(setupMessages.title, err);
  }
}
