// Seed-only Apps Script entry: fills a set-up workbook in bulk through the real storage modules
// (never part of dist/Code.js). Bundled by ./seed.ts.
import type { Organisation } from '../../domain/schemas/organisation';
import type { ReportRecord } from '../../domain/schemas/report';
import { integrityKey } from '../../server/storage/rowSeal';
import { appendOrganisations } from '../../server/storage/registrySheet';
import { rebuildReportIndex } from '../../server/storage/reportReads';
import { appendReports, REPORTS_LAYOUT } from '../../server/storage/reportsSheet';
import { NUMBER_FORMAT } from '../../server/storage/cells';
import { markFormattedThrough } from '../../server/storage/sheetSetup';
import { appendAudit, AUDIT_LAYOUT, type AuditEntry } from '../../server/storage/auditSheet';
import type { TableLayout } from '../../server/storage/table';
import { auditActions } from '../../domain/messages';

/**
 * The change log a district would have: one entry per version submitted and one per review (entries
 * of the older release: no row references, as the rows carry sequence 0), in time order.
 */
function changeLog(reports: readonly ReportRecord[]): AuditEntry[] {
  const day = 86_400_000;
  const entries: AuditEntry[] = [];
  for (const r of reports) {
    const base = { orgId: r.orgId, period: r.period, before: '', ref: '' };
    entries.push({
      ...base,
      at: r.submittedAt,
      user: r.submittedBy,
      action: auditActions.submit,
      after: `v${r.version}`,
    });
    if (r.state === 'submitted') continue;
    const at = new Date(Date.parse(r.submittedAt) + day).toISOString();
    const action = r.state === 'accepted' ? auditActions.accept : auditActions.return;
    entries.push({ ...base, at, user: 'deputy-head@example.org', action, after: r.returnReason });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** Writes the registry, every report version and the change log in batched appends. */
export function seed(organisations: Organisation[], reports: ReportRecord[], deadlineDay: number): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const key = integrityKey();
  // Sequence 0: rows as an older version wrote them (no audit entries to check them against).
  appendOrganisations(ss, organisations, key, 0);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  appendReports(
    ss,
    reports.map((r) => ({
      ...r,
      orgName: names.get(r.orgId) ?? '',
      reviewedBy: '',
      reviewedAt: null,
      submissionKey: `seed-${r.orgId}-${r.period}-${r.version}`,
      seq: 0,
    })),
    key,
    deadlineDay,
  );
  const sheet = growAhead(ss, REPORTS_LAYOUT);
  // As set-up would after a bulk import: the index of where each organisation's and month's rows are.
  rebuildReportIndex(ss, key, new Map(organisations.map((o) => [o.id, o.type])), deadlineDay);
  // The log's last write moves the anchors as a submission's would: the reports' to its last row.
  appendAudit(ss, changeLog(reports), key, { reports: { rows: sheet.getLastRow() - 1, seq: 0, hash: '' } });
  growAhead(ss, AUDIT_LAYOUT);
}

/**
 * A sheet that has grown keeps formatted rows ahead (appendRows grows by 500 at once, so a call
 * grows a sheet once in 500 appends): so does the seeded one, 250 rows, the middle of that cycle.
 */
function growAhead(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, layout: TableLayout) {
  const sheet = ss.getSheetByName(layout.sheetName)!;
  const last = sheet.getMaxRows();
  sheet.insertRowsAfter(last, 250);
  sheet
    .getRange(last + 1, 1, 250, layout.columns.length)
    .setNumberFormats(Array.from({ length: 250 }, () => layout.columns.map((c) => NUMBER_FORMAT[c.kind])));
  markFormattedThrough(sheet, last + 250);
  return sheet;
}
