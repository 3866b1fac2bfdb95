// Seed-only Apps Script entry: fills a set-up workbook in bulk through the real storage modules
// (never part of dist/Code.js). Bundled by ./seed.ts.
import type { Organisation } from '../../domain/schemas/organisation';
import type { ReportRecord } from '../../domain/schemas/report';
import { integrityKey } from '../../server/storage/rowSeal';
import { appendOrganisations } from '../../server/storage/registrySheet';
import { appendReports } from '../../server/storage/reportsSheet';

/** Writes the registry and every report version in two batched appends. */
export function seed(organisations: Organisation[], reports: ReportRecord[]): void {
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
      submissionKey: `seed-${r.orgId}-${r.period}-${r.version}`,
    })),
    key,
  );
}
