// Bench-only Apps Script entry: fills a set-up workbook in bulk through the real storage modules
// (never part of dist/Code.js). Bundled by scripts/bench/seed.ts.
import type { Organisation } from '../../src/domain/schemas/organisation';
import type { ReportRecord } from '../../src/domain/schemas/report';
import { integrityKey } from '../../src/server/storage/rowSeal';
import { appendOrganisations } from '../../src/server/storage/registrySheet';
import { appendReports } from '../../src/server/storage/reportsSheet';

/** Writes the registry and every report version in two batched appends. */
export function seed(organisations: Organisation[], reports: ReportRecord[]): void {
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
      submissionKey: `bench-${r.orgId}-${r.period}-${r.version}`,
      seq: 0,
    })),
    key,
  );
}
