// The schemas' shortcuts (quickParse.ts) give exactly what the schemas give — for every row of a
// seeded district and for generated rows — and decline (null) whatever the schema would refuse.
import fc from 'fast-check';
import { createEmulator } from '../../../src/dev/emulator';
import { seedDistrict } from '../../../src/dev/district/seed';
import { organisationTypeLabels, storedStateLabels } from '../../../src/domain/messages';
import { organisationSchema, ORGANISATION_TYPES } from '../../../src/domain/schemas/organisation';
import { quickOrganisation, quickReportRecord } from '../../../src/domain/schemas/quickParse';
import { REPORT_STATES, reportRecordSchema } from '../../../src/domain/schemas/report';
import { fromCell } from '../../../src/server/storage/cells';
import { REGISTRY_LAYOUT } from '../../../src/server/storage/registrySheet';
import { RECORD_COLUMNS, REPORTS_LAYOUT } from '../../../src/server/storage/reportsSheet';
import type { TableLayout } from '../../../src/server/storage/table';

const OWNER = 'deputy-head@example.org';
type Values = Record<string, unknown>;

/** The schema's answer: its record, or null when it refuses. */
const bySchema = {
  report: (v: Values, state: unknown) => {
    const parsed = reportRecordSchema.safeParse({ ...v, state });
    return parsed.success ? parsed.data : null;
  },
  organisation: (v: Values, type: unknown) => {
    const parsed = organisationSchema.safeParse({ ...v, type });
    return parsed.success ? parsed.data : null;
  },
};

/** The shortcut agrees: the same record with its keys in the same order, or null (the schema decides). */
function expectSame(quick: object | null, schema: object | null): void {
  if (quick === null) return;
  expect(quick).toStrictEqual(schema);
  expect(Object.keys(quick)).toEqual(Object.keys(schema!));
}

/** A sheet's rows as the add-on decodes them (table.ts: columns by header, each through fromCell). */
function decoded(values: unknown[][], layout: TableLayout): Values[] {
  const header = (values[0] ?? []).map((h) => String(h).trim());
  return values
    .slice(1)
    .filter((cells) => cells.some((c) => c !== ''))
    .map((cells) => {
      const record: Values = {};
      for (const c of layout.columns) {
        const at = header.indexOf(c.header);
        record[c.key] = fromCell(c.kind, at < 0 ? '' : cells[at]);
      }
      return record;
    });
}

function seededSheets(): { reports: Values[]; registry: Values[] } {
  const em = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
  const { documentId } = seedDistrict(em, { organisations: 60, months: 14 }, OWNER);
  const reader = createEmulator({
    store: em.store,
    code: 'function read(n) { return SpreadsheetApp.getActive().getSheetByName(n).getDataRange().getValues(); }',
  });
  const read = (layout: TableLayout): Values[] => {
    const r = reader.run<unknown[][]>('read', [layout.sheetName], { user: OWNER, documentId });
    if (!r.ok) throw new Error(r.error?.message);
    return decoded(r.value!, layout);
  };
  return { reports: read(REPORTS_LAYOUT), registry: read(REGISTRY_LAYOUT) };
}

const stateOf = (label: unknown): unknown => REPORT_STATES.find((s) => storedStateLabels[s] === label) ?? label;
const typeOf = (label: unknown): unknown =>
  ORGANISATION_TYPES.find((t) => organisationTypeLabels[t] === label) ?? label;

test('every row of a seeded district reads through the shortcut, exactly as the schema reads it', () => {
  const { reports, registry } = seededSheets();
  expect(reports.length).toBeGreaterThan(500);
  expect(registry).toHaveLength(60);
  for (const v of reports) {
    const quick = quickReportRecord(v, stateOf(v.state));
    expect(quick).not.toBeNull();
    expectSame(quick, bySchema.report(v, stateOf(v.state)));
  }
  for (const v of registry) {
    const quick = quickOrganisation(v, typeOf(v.type));
    expect(quick).not.toBeNull();
    expectSame(quick, bySchema.organisation(v, typeOf(v.type)));
  }
});

/** Values near what a cell decodes to and just past every rule of the schemas. */
const anyCell = fc.oneof(
  fc.constantFrom(null, undefined, '', ' ', true, false, 0, -0, -1, 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom(9_999_999, 10_000_000, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, new Date(0)),
  fc.string({ maxLength: 3 }),
  fc.integer(),
);
const textAround = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(max - 1, max, max + 1).map((n) => 'ё'.repeat(n)),
    anyCell,
  );
const countCell = fc.oneof(fc.integer({ min: 0, max: 9_999_999 }), fc.constant(null), anyCell);
const emailCell = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('coord@example.org', 'a@b.c', 'a..b@example.org', 'a@example', 'а@пример.рф', ' a@example.org'),
  anyCell,
);
const periodCell = fc.oneof(
  fc.constantFrom('2023-11', '2023-13', '1899-12', '1900-01', '9999-12', '2023-1', ' 2023-11', '2023-11 '),
  anyCell,
);
const dateCell = fc.oneof(
  fc.constantFrom('2024-02-29', '2023-02-29', '2023-11-31', '0999-01-01', '2023-1-01', null),
  fc.date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)) }).map((d) => fromCell('date', d)),
  anyCell,
);
const datetimeCell = fc.oneof(
  fc.date({ min: new Date(-62_198_755_200_000), max: new Date(253_402_300_799_999) }).map((d) => d.toISOString()),
  fc.constantFrom('2023-12-01T10:00:00Z', '2023-12-01T10:00Z', '2023-12-01T24:00:00.000Z', '2023-12-01 10:00:00.000Z'),
  anyCell,
);
/** Mostly the valid value, sometimes anything: so that both answers come up often. */
const mostly = <T>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: other, weight: 1 });
const validText = (max: number) => fc.string({ maxLength: Math.min(max, 20) });

const reportValues = fc.record({
  orgId: mostly(fc.string({ minLength: 1, maxLength: 12 }), textAround(50)),
  period: mostly(fc.constantFrom('2023-11', '2025-01'), periodCell),
  ...Object.fromEntries(
    ['teachersTotal', 'teachersConnected', 'parentsTotal', 'parentsConnected', 'groupsTotal', 'groupsInSferum']
      .concat(['parentChats', 'teachersMeetingMinimum'])
      .map((k) => [k, mostly(fc.integer({ min: 0, max: 9_999_999 }), countCell)]),
  ),
  ...Object.fromEntries(
    ['pupilsTotal', 'pupilsConnected', 'pupilChats', 'teacherMessages', 'teacherCalls', 'mySchoolTeachers'].map((k) => [
      k,
      mostly(fc.option(fc.integer({ min: 0, max: 9_999_999 })), countCell),
    ]),
  ),
  staffChat: mostly(fc.boolean(), anyCell),
  noForeignMessengers: mostly(fc.boolean(), anyCell),
  foreignMessengersExplanation: mostly(validText(1000), textAround(1000)),
  comment: mostly(validText(1000), textAround(1000)),
  version: mostly(fc.integer({ min: 1, max: 40 }), anyCell),
  submittedBy: mostly(fc.constantFrom('coord@example.org', 'b.c-d@example.com'), emailCell),
  submittedAt: mostly(fc.constant('2023-12-20T09:15:00.000Z'), datetimeCell),
  returnReason: mostly(validText(50), anyCell),
  orgName: fc.string(),
  checksum: fc.string(),
  seq: anyCell,
});
const stateCell = mostly(fc.constantFrom(...REPORT_STATES), fc.constantFrom('сдан', 'Submitted', '', null));

const organisationValues = fc.record({
  id: mostly(fc.string({ minLength: 1, maxLength: 12 }), textAround(50)),
  name: mostly(fc.string({ minLength: 1, maxLength: 30 }), textAround(300)),
  coordinatorName: mostly(validText(200), textAround(200)),
  coordinatorPosition: mostly(validText(200), textAround(200)),
  coordinatorEmails: mostly(
    fc.array(fc.constantFrom('coord@example.org', 'b.c-d@example.com'), { maxLength: 10 }),
    fc.oneof(fc.array(emailCell, { maxLength: 12 }), anyCell),
  ),
  coordinatorPhone: mostly(validText(50), textAround(50)),
  appointmentOrderNumber: mostly(validText(50), textAround(50)),
  appointmentOrderDate: mostly(fc.constantFrom(null, '2023-11-17'), dateCell),
  orderCopyReceived: mostly(fc.constantFrom(null, '2023-11-20'), dateCell),
  reportsFrom: mostly(fc.constantFrom(null, '2023-11'), periodCell),
  closedOn: mostly(fc.constantFrom(null, '2024-06-01'), dateCell),
  seq: anyCell,
  checksum: fc.string(),
});
const typeCell = mostly(fc.constantFrom(...ORGANISATION_TYPES), fc.constantFrom('школа', 'School', '', null));

/** Runs both readers over generated rows; counts the rows the shortcut read and those the schema refused. */
function agreement<V extends Values>(
  rows: fc.Arbitrary<V>,
  labels: fc.Arbitrary<unknown>,
  quick: (v: V, label: unknown) => object | null,
  schema: (v: V, label: unknown) => object | null,
): { taken: number; refused: number } {
  const counts = { taken: 0, refused: 0 };
  fc.assert(
    fc.property(rows, labels, (v, label) => {
      const fast = quick(v, label);
      const slow = schema(v, label);
      expectSame(fast, slow);
      if (fast) counts.taken++;
      if (!slow) counts.refused++;
    }),
    { numRuns: 4000, seed: 178 },
  );
  return counts;
}

test('generated report rows: the shortcut gives the schema’s record or leaves the row to the schema', () => {
  const { taken, refused } = agreement(reportValues, stateCell, quickReportRecord, bySchema.report);
  // Both sides came up: rows the shortcut read, and rows the schema refused (so null was right).
  expect(taken).toBeGreaterThan(200);
  expect(refused).toBeGreaterThan(200);
});

test('generated registry rows: the shortcut gives the schema’s organisation or leaves the row to the schema', () => {
  const { taken, refused } = agreement(organisationValues, typeCell, quickOrganisation, bySchema.organisation);
  expect(taken).toBeGreaterThan(200);
  expect(refused).toBeGreaterThan(200);
});

test('a row the schema reads is read by the shortcut too when it holds what the add-on writes', () => {
  // The schema-valid rows the generators make mostly come through the shortcut, not the fallback.
  let valid = 0;
  let quick = 0;
  fc.assert(
    fc.property(reportValues, stateCell, (v, state) => {
      if (!bySchema.report(v, state)) return;
      valid++;
      if (quickReportRecord(v, state)) quick++;
    }),
    { numRuns: 2000, seed: 7 },
  );
  expect(quick).toBe(valid);
});

test('the district report’s narrow read takes every column the record schema reads', () => {
  // readReportFigures stops at the last of RECORD_COLUMNS: a key the schema reads and the list lacks
  // would read as blank and refuse every row.
  const schemaKeys = Object.keys(reportRecordSchema.shape);
  expect([...RECORD_COLUMNS].sort()).toEqual([...schemaKeys].sort());
  expect(RECORD_COLUMNS.every((k) => REPORTS_LAYOUT.columns.some((c) => c.key === k))).toBe(true);
});
