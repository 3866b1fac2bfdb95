// Bench-only Apps Script entry: fills a set-up workbook in bulk through the real storage modules
// (never part of dist/Code.js). Bundled by scripts/bench/seed.ts.
import type { Organisation } from '../../src/domain/schemas/organisation';
import type { ReportRecord } from '../../src/domain/schemas/report';
import { integrityKey } from '../../src/server/storage/rowSeal';
import { appendOrganisations } from '../../src/server/storage/registrySheet';
import { rebuildReportIndex } from '../../src/server/storage/reportReads';
import { appendReports } from '../../src/server/storage/reportsSheet';

/** Writes the registry and every report version in two batched appends. */
export function seed(organisations: Organisation[], reports: ReportRecord[], deadlineDay: number): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const key = integrityKey();
  appendOrganisations(ss, organisations, key);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  appendReports(
    ss,
    reports.map((r) => ({
      ...r,
      orgName: names.get(r.orgId) ?? '',
      reviewedBy: '',
      reviewedAt: null,
      submissionKey: `bench-${r.orgId}-${r.period}-${r.version}`,
    })),
    key,
  );
  // As set-up would after a bulk import: the index of where each organisation's and month's rows are.
  rebuildReportIndex(ss, key, new Map(organisations.map((o) => [o.id, o.type])), deadlineDay);
}
