// The size of the admin's «Сводка по округу» answers: what google.script.run carries to a district
// official's browser, often on a slow school network. At 500 organisations the answer must stay
// under 200 KB; the rows go compact (codes and numbers) and the checklist comes with its own call.
// The gate runs a smaller district and holds each part to its share of the 200 KB: every
// organisation's row at most 300 B on average (150 KB at 500), everything else at most 50 KB, whatever the
// number of organisations. `npm run bench` prints the answer at 500 organisations × 36 months.
import { expandSummary } from '../../../src/client/admin/summaryData';
import { generateDistrict } from '../../../src/dev/district/generate';
import { seedDistrict } from '../../../src/dev/district/seed';
import { createEmulator } from '../../../src/dev/emulator';
import { checkText } from '../../../src/domain/checkText';
import { statusLabels } from '../../../src/domain/messages';
import { periodFromKey } from '../../../src/domain/period';
import { summariseDistrict } from '../../../src/domain/summary';
import type { ChecklistData, DistrictSummaryData } from '../../../src/contract/summary';

const OWNER = 'deputy-head@example.org';
const SIZE = { organisations: 60, months: 24 };
/** Each organisation's share of the 200 KB at 500 organisations, and what is left for the rest. */
const ROW_BUDGET = 300;
const REST_BUDGET = 50 * 1024;

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

test('each organisation adds 300 B at most to the summary answer, the rest stays under 50 KB', () => {
  const newest = summary(null);
  // The month before: nearly every organisation has a report, so every row carries its 12 checks.
  const full = summary(newest.periods[1]!.key);
  expect(full.rows.filter((r) => r[9] !== '').length).toBeGreaterThan(SIZE.organisations * 0.9);
  for (const answer of [newest, full]) {
    expect(answer.rows).toHaveLength(SIZE.organisations);
    expect(bytes(answer.rows) / SIZE.organisations).toBeLessThanOrEqual(ROW_BUDGET);
    expect(bytes({ ...answer, rows: [] })).toBeLessThanOrEqual(REST_BUDGET);
  }
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
