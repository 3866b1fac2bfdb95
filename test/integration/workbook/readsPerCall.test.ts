// Counted work per call at scale (issue 14): a coordinator's call reads and checks only its own
// registry row, the checklist and the district report read the rows they show whatever the months
// stored, and the summary's reads do not grow with new versions after an acceptance.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { createEmulator, type ExecutionResult } from '../../../src/dev/emulator';
import { REPORTS_LAYOUT } from '../../../src/server/storage/reportsSheet';
import { msk } from '../../support/bigDistrict';
import {
  district,
  kindergartenReport,
  schoolReport,
  COORD_A,
  COORD_B,
  KINDERGARTEN,
  OWNER,
  SCHOOL,
  type District,
} from '../../support/district';
import { checklistOf, summaryOf } from '../../support/summarySupport';

const REGISTRY = 'Реестр организаций';
const REPORTS = 'Отчёты';
const WIDTH = REPORTS_LAYOUT.columns.length;

/** What a call did that grows with data: cells read per sheet and checksums computed. */
const work = (r: ExecutionResult, sheet: string) => ({
  cells: r.cells?.[sheet]?.read ?? 0,
  checksums: r.calls['Utilities.computeHmacSha256Signature'] ?? 0,
});

/** Twelve more organisations, each with its own coordinator. */
function addOrganisations(d: District): void {
  for (let i = 3; i <= 14; i++)
    d.call(
      OWNER,
      'saveOrganisation',
      { ...KINDERGARTEN, id: `DOU-${i}`, name: `МБДОУ «Детский сад № ${i}»`, coordinatorEmails: `kg${i}@example.org` },
      true,
    );
}

test("a coordinator's form and submission read and check their own registry row, however many organisations", () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'reads-school-1');
  d.call(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'reads-kg-1');
  // Versions 2 and 3: each reads the version before it.
  const form = d.run(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  const submit = d.run(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'reads-kg-2');
  addOrganisations(d);
  const formAfter = d.run(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  const submitAfter = d.run(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'reads-kg-3');
  expect([form.ok, submit.ok, formAfter.ok, submitAfter.ok]).toEqual([true, true, true, true]);
  expect(work(formAfter, REGISTRY)).toEqual(work(form, REGISTRY));
  expect(work(submitAfter, REGISTRY)).toEqual(work(submit, REGISTRY));
  expect(formAfter.spreadsheetCalls).toBe(form.spreadsheetCalls);
  // The admin's registry view reads every organisation (14 rows now).
  expect(d.run(OWNER, 'getRegistry').cells![REGISTRY]!.read).toBeGreaterThan(14 * 10);
});

/** A district in February 2024 where both organisations reported November to January. */
function threeMonths(): District {
  const d = district(msk(2024, 2, 5, 9));
  for (const period of ['2023-11', '2023-12', '2024-01']) {
    d.call(COORD_A, 'submitReport', schoolReport({ period }), `reads-school-${period}`);
    d.call(COORD_B, 'submitReport', kindergartenReport(period), `reads-kg-${period}`);
  }
  return d;
}

test('the set-up checklist reads no report rows, whatever the months stored: the index has the chats', () => {
  const one = district(msk(2024, 2, 5, 9));
  one.call(COORD_A, 'submitReport', schoolReport(), 'reads-school-nov');
  one.call(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'reads-kg-nov');
  const three = threeMonths();
  const first = one.run(OWNER, 'getSetupChecklist');
  const later = three.run(OWNER, 'getSetupChecklist');
  expect(three.sheet(REPORTS)).toHaveLength(7);
  expect(first.cells![REPORTS]?.read ?? 0).toBe(0);
  expect(later.cells![REPORTS]?.read ?? 0).toBe(0);
  expect(later.spreadsheetCalls).toBe(first.spreadsheetCalls);
  // The organisations' structure as their January reports give it.
  expect(checklistOf(three).rows.map((r) => [r.orgId, r.structure.text])).toEqual([
    [SCHOOL.id, expect.stringContaining('январь 2024')],
    [KINDERGARTEN.id, expect.stringContaining('январь 2024')],
  ]);
});

let indexTools: string | null = null;
/** The bundle plus entriesWithoutChats(period): rewrites a month's index entries as the index kept them before the chats. */
function withIndexTools(d: District) {
  indexTools ??= buildSync({
    stdin: {
      contents: `
        import { openWorkbook } from './src/server/workbook/workbook';
        import { readMonthEntries, readOrgIndex, recordInIndex } from './src/server/storage/reportIndex';
        import { reportRowCount } from './src/server/storage/reportsSheet';
        import { withDocumentLock } from './src/server/workbook/lock';
        export const entriesWithoutChats = (period: string) => withDocumentLock(() => {
          const wb = openWorkbook();
          const rows = reportRowCount(wb.ss);
          for (const [orgId, entry] of readMonthEntries(wb.ss, wb.key, period, rows)!) {
            const refs = readOrgIndex(wb.ss, wb.key, orgId, rows)!;
            const version = refs.find((v) => v.period === period && v.version === entry.version)!;
            const change = { orgId, version, entry: { ...entry, structure: null } };
            recordInIndex(wb.ss, wb.key, change, rows, rows, wb.settings.deadlineDay);
          }
        });`,
      resolveDir: path.resolve(__dirname, '../../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'IndexTools',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2019',
    write: false,
  }).outputFiles[0]!.text;
  const code =
    fs.readFileSync(path.resolve(__dirname, '../../../dist/Code.js'), 'utf8') +
    `\n${indexTools}\nfunction entriesWithoutChats(p) { return IndexTools.entriesWithoutChats(p); }\n`;
  return createEmulator({ store: d.em.store, code, strict: true });
}

test('month entries written before the index kept the chats: the checklist reads those rows only', () => {
  const d = threeMonths();
  const shown = checklistOf(d).rows;
  const r = withIndexTools(d).run('entriesWithoutChats', ['2024-01'], { user: OWNER, documentId: d.doc });
  expect(r.error?.message ?? '').toBe('');
  const older = d.run(OWNER, 'getSetupChecklist');
  // January's two rows (the header comes with the settings); the same checklist.
  expect(older.cells![REPORTS]!.read).toBe(2 * WIDTH);
  expect(checklistOf(d).rows).toEqual(shown);
  // A new version records its chats again: only the kindergarten's row is read.
  d.call(COORD_A, 'submitReport', schoolReport({ period: '2024-01', staffChat: false }), 'reads-school-jan-2');
  const after = d.run(OWNER, 'getSetupChecklist');
  expect(after.cells![REPORTS]!.read).toBe(WIDTH);
  expect(checklistOf(d).rows.find((row) => row.orgId === SCHOOL.id)!.structure.state).toBe('missing');
});

test('the district report reads the shown month’s rows only, the month before from the index', () => {
  const d = threeMonths();
  const r = d.run(OWNER, 'generateDistrictReport', '2024-01');
  expect(r.ok).toBe(true);
  // January's two rows of the seven in the sheet (the header comes with the settings), up to the
  // last column the record needs: the printed report shows no hand-edit mark, so it reads no seal.
  // December's figures still compared.
  expect(r.cells![REPORTS]!.read).toBe(2 * (REPORTS_LAYOUT.columns.findIndex((c) => c.key === 'returnReason') + 1));
  // The checksums are the two months' index entries' seals: none of a row.
  expect(work(r, REPORTS).checksums).toBe(2);
  const sheet = d.sheet('Сводный отчёт январь 2024');
  expect(sheet.some((row) => row.includes('Прошлый месяц'))).toBe(true);
});

test('the summary reads the shown month’s rows only, whatever the months before it or stored', () => {
  const d = threeMonths();
  const first = d.run(OWNER, 'getDistrictSummary', '2023-11');
  const second = d.run(OWNER, 'getDistrictSummary', '2023-12');
  const last = d.run(OWNER, 'getDistrictSummary', '2024-01');
  expect([first.ok, second.ok, last.ok]).toEqual([true, true, true]);
  // The month's two latest rows, for the first month and for the third (the header comes with the settings).
  expect(first.cells![REPORTS]!.read).toBe(2 * WIDTH);
  expect(last.cells![REPORTS]!.read).toBe(2 * WIDTH);
  // The month before is one index read, however many months precede it.
  expect(last.spreadsheetCalls).toBe(second.spreadsheetCalls);
  expect(last.cells!['Служебный индекс']!.read).toBe(second.cells!['Служебный индекс']!.read);
});

test('the trend comes with the document properties: the index sheet gives only the two months’ entries', () => {
  const d = threeMonths();
  const trend = () => summaryOf(d, '2024-01').trend;
  const shown = trend();
  expect(shown.length).toBeGreaterThanOrEqual(3);
  const withProperties = d.run(OWNER, 'getDistrictSummary', '2024-01');
  // December's and January's entries: four chunks and a seal each, no month's aggregate.
  expect(withProperties.cells!['Служебный индекс']!.read).toBe(2 * 5);
  // An index meta written before it kept them: the sealed aggregates column is read, the same trend.
  d.em.store.properties.remove(`document:${d.doc}`, ['reportIndex.aggs.0']);
  const fromSheet = d.run(OWNER, 'getDistrictSummary', '2024-01');
  expect(fromSheet.cells!['Служебный индекс']!.read).toBe(2 * 5 + 3 * 3);
  expect(trend()).toEqual(shown);
  // A write keeps using the sheet's; set-up rebuilds the index with them.
  d.call(COORD_A, 'submitReport', schoolReport({ period: '2024-01', staffChat: false }), 'reads-trend-2');
  expect(d.run(OWNER, 'getDistrictSummary', '2024-01').cells!['Служебный индекс']!.read).toBe(2 * 5 + 3 * 3);
  expect(d.run(OWNER, 'setupWorkbook').ok).toBe(true);
  expect(d.run(OWNER, 'getDistrictSummary', '2024-01').cells!['Служебный индекс']!.read).toBe(2 * 5);
  expect(trend()).toEqual(shown);
});

test('a new version after an acceptance is named in the summary without reading that organisation’s index', () => {
  const d = district(msk(2023, 12, 5));
  d.call(COORD_A, 'submitReport', schoolReport(), 'reads-acc-1');
  d.call(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'reads-acc-kg');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  const before = d.run(OWNER, 'getDistrictSummary', '2023-11');
  d.call(COORD_A, 'submitReport', schoolReport({ teachersConnected: 40 }), 'reads-acc-2');
  const after = d.run(OWNER, 'getDistrictSummary', '2023-11');
  expect(after.spreadsheetCalls).toBe(before.spreadsheetCalls);
  expect(after.cells!['Служебный индекс']!.read).toBe(before.cells!['Служебный индекс']!.read);
  expect(summaryOf(d, '2023-11').rows.find((r) => r.orgId === SCHOOL.id)).toMatchObject({
    afterAccepted: true,
    version: 2,
  });
});
