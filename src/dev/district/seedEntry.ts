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

/** Writes the registry and every report version in two batched appends. */
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
  // As set-up would after a bulk import: the index of where each organisation's and month's rows are.
  // A sheet that has grown keeps formatted rows ahead (appendRows grows by 500): so does the seed.
  const sheet = ss.getSheetByName(REPORTS_LAYOUT.sheetName)!;
  const last = sheet.getMaxRows();
  sheet.insertRowsAfter(last, 250);
  sheet
    .getRange(last + 1, 1, 250, REPORTS_LAYOUT.columns.length)
    .setNumberFormats(Array.from({ length: 250 }, () => REPORTS_LAYOUT.columns.map((c) => NUMBER_FORMAT[c.kind])));
  markFormattedThrough(sheet, last + 250);
  rebuildReportIndex(ss, key, new Map(organisations.map((o) => [o.id, o.type])), deadlineDay);
}
