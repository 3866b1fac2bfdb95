// The size of the admin's «Сводка по округу» answers at 500 organisations × 36 months: what
// google.script.run carries to a district official's browser, often on a slow school network.
// The rows go compact (codes and numbers) and the checklist comes with its own call; what the
// dialog shows from them is what the domain summary says.
import { seedDistrict } from '../../../scripts/bench/seed';
import { OWNER } from '../../../scripts/bench/operations';
import { expandSummary } from '../../../src/client/admin/summaryData';
import { createEmulator } from '../../../src/dev/emulator';
import { checkText } from '../../../src/domain/checkText';
import { statusLabels } from '../../../src/domain/messages';
import { periodFromKey } from '../../../src/domain/period';
import { summariseDistrict } from '../../../src/domain/summary';
import type { ChecklistData, DistrictSummaryData } from '../../../src/contract/summary';
import { generateDistrict } from '../../fixtures/district';

const SIZE = { organisations: 500, months: 36 };
/** google.script.run answers above this were slow to arrive; the answer was ~720 KB (UTF-8) before. */
const LIMIT = 200 * 1024;

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

let em: ReturnType<typeof createEmulator>;
let as: { user: string; documentId: string };
beforeAll(() => {
  em = createEmulator();
  as = { user: OWNER, documentId: seedDistrict(em, SIZE, OWNER).documentId };
}, 60_000);

function summary(period: string | null): DistrictSummaryData {
  const r = em.runFromClient<DistrictSummaryData>('getDistrictSummary', [period], as);
  if (!r.ok) throw new Error(r.error?.message);
  return r.value!;
}

test('the summary answer stays under 200 KB for the newest month and for a month everyone reported', () => {
  const newest = summary(null);
  expect(newest.rows).toHaveLength(SIZE.organisations);
  expect(bytes(newest)).toBeLessThan(LIMIT);
  // The month before: nearly every organisation has a report, so every row carries its 12 checks.
  const full = summary(newest.periods[1]!.key);
  expect(full.rows.filter((r) => r[9] !== '').length).toBeGreaterThan(SIZE.organisations * 0.9);
  expect(bytes(full)).toBeLessThan(LIMIT);
});

test('the checklist comes with its own call, one row per organisation', () => {
  const r = em.runFromClient<ChecklistData>('getSetupChecklist', [], as);
  expect(r.ok).toBe(true);
  expect(r.value!.rows).toHaveLength(SIZE.organisations);
});

test('what the dialog shows from the compact rows is the domain summary in words', () => {
  const newest = summary(null);
  const key = newest.periods[1]!.key;
  const view = expandSummary(summary(key));
  const fixture = generateDistrict({ ...SIZE, seed: 178 });
  const domain = summariseDistrict({ ...fixture, asOf: new Date(em.now()), periods: [periodFromKey(key)] }).periods[0]!;
  expect(
    view.rows.map((r) => ({ orgId: r.orgId, statusLabel: r.statusLabel, compliant: r.compliant, checks: r.checks })),
  ).toEqual(
    domain.rows.map((r) => ({
      orgId: r.orgId,
      statusLabel: statusLabels[r.status],
      compliant: r.compliant,
      checks: r.compliance.map((c) => ({ id: c.id, ok: c.ok, text: checkText(c) })),
    })),
  );
});
