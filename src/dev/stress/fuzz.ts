// Fuzzed calls against the API (fast-check generates them): submissions, reviews and registry
// saves by every kind of caller, each either clearly valid, clearly invalid (one field broken, a
// foreign organisation, no role, a month not open, a bad key…) or depending on state. A call
// accepted when it had to be refused is «wrongly accepted». Calls go through google.script.run's
// argument rules (clientArgs) and run in batches, one execution per batch and caller.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { createEmulator } from '../emulator';
import { clientArgs } from '../emulator/realm';
import { OWNER, PERIODS, STRANGER, organisationInput, reportFor, stressDistrict } from './district';

type Expect = 'accept' | 'refuse' | 'either';
interface Case {
  user: string;
  fn: string;
  args: unknown[];
  expect: Expect;
  label: string;
}

const NUMERIC = [
  'teachersTotal',
  'teachersConnected',
  'parentsTotal',
  'parentsConnected',
  'groupsTotal',
  'parentChats',
];
const BAD_VALUES: unknown[] = [-1, 1.5, 'abc', '', null, true, 1e20, [], {}];
const BAD_PERIODS: unknown[] = ['2024-02', '2099-01', '2020-01', '2023-13', '', null, 202311, 'ноябрь'];
const BAD_KEYS: unknown[] = ['', 'short', 'with spaces inside', 'x'.repeat(65), null, 12345678, 'ключ-по-русски'];

/** One generated case for a district of `orgCount` organisations. */
function caseArbitrary(d: ReturnType<typeof stressDistrict>): fc.Arbitrary<Case> {
  const orgs = d.orgs;
  const org = fc.integer({ min: 0, max: orgs.length - 1 });
  const submit = fc
    .record({
      org,
      other: org,
      caller: fc.constantFrom('own', 'other', 'stranger', 'hidden'),
      period: fc.constantFrom(...PERIODS),
      field: fc.constantFrom(...NUMERIC),
      breakWhat: fc.constantFrom(
        'none',
        'value',
        'period',
        'key',
        'orgId',
        'connected',
        'comment',
        'staffChat',
        'missing',
      ),
      bad: fc.integer({ min: 0, max: 100 }),
      n: fc.integer({ min: 0, max: 99 }),
      key: fc.stringMatching(/^[A-Za-z0-9-]{8,40}$/),
    })
    .map((c): Case => {
      const o = orgs[c.org]!;
      const report: Record<string, unknown> = reportFor(o, c.period, c.n);
      let key: unknown = c.key;
      switch (c.breakWhat) {
        case 'value':
          report[c.field] = BAD_VALUES[c.bad % BAD_VALUES.length];
          break;
        case 'period':
          report.period = BAD_PERIODS[c.bad % BAD_PERIODS.length];
          break;
        case 'key':
          key = BAD_KEYS[c.bad % BAD_KEYS.length];
          break;
        case 'orgId':
          report.orgId = c.other === c.org ? 'NO-SUCH' : orgs[c.other]!.id;
          break;
        case 'connected':
          report.teachersConnected = Number(report.teachersTotal) + 1 + (c.bad % 5);
          break;
        case 'comment':
          report.comment = 'ж'.repeat(1001 + c.bad);
          break;
        case 'staffChat':
          report.staffChat = 'может быть';
          break;
        case 'missing':
          delete report[c.field];
          break;
      }
      const user =
        c.caller === 'own'
          ? o.coordinator
          : c.caller === 'other'
            ? orgs[(c.org + 1) % orgs.length]!.coordinator
            : c.caller === 'stranger'
              ? STRANGER
              : '';
      // Valid: unbroken (or only pointed at another organisation) and sent by that organisation's coordinator.
      const target = orgs.find((x) => x.id === report.orgId);
      const valid = ['none', 'orgId'].includes(c.breakWhat) && target?.coordinator === user;
      // Figures of another type's form sent for the caller's own organisation: the server may keep
      // only the fields of its type (either answer is right).
      const expect: Expect = !valid ? 'refuse' : target.type === o.type ? 'accept' : 'either';
      return { user, fn: 'submitReport', args: [report, key], expect, label: `submit/${c.caller}/${c.breakWhat}` };
    });
  const review = fc
    .record({
      org,
      period: fc.constantFrom(...PERIODS),
      caller: fc.constantFrom('owner', 'coordinator', 'stranger'),
      decision: fc.constantFrom('accept', 'return', 'maybe', ''),
      reason: fc.constantFrom('', '   ', 'Уточните число чатов'),
      version: fc.constantFrom(1, 2, 999, -1, 1.5),
    })
    .map((c): Case => {
      const o = orgs[c.org]!;
      const user = c.caller === 'owner' ? OWNER : c.caller === 'coordinator' ? o.coordinator : STRANGER;
      const refuse =
        c.caller !== 'owner' ||
        !['accept', 'return'].includes(c.decision) ||
        (c.decision === 'return' && c.reason.trim() === '') ||
        ![1, 2].includes(c.version);
      return {
        user,
        fn: 'reviewReport',
        args: [o.id, c.period, c.version, c.decision, c.reason],
        expect: refuse ? 'refuse' : 'either',
        label: `review/${c.caller}/${c.decision}`,
      };
    });
  const save = fc
    .record({
      caller: fc.constantFrom('owner', 'coordinator'),
      breakWhat: fc.constantFrom('none', 'email', 'name', 'type', 'date', 'existing'),
      n: fc.integer({ min: 100, max: 999_999 }),
    })
    .map((c): Case => {
      const base = organisationInput(
        { id: `NEW-${c.n}`, name: `МБОУ «Школа № ${c.n}»`, type: 'school', coordinator: `c${c.n}@example.org` },
        0,
      );
      if (c.breakWhat === 'email') base.coordinatorEmails = 'не адрес';
      if (c.breakWhat === 'name') base.name = '';
      if (c.breakWhat === 'type') base.type = 'university';
      if (c.breakWhat === 'date') base.appointmentOrderDate = '31.02.2023';
      if (c.breakWhat === 'existing') base.id = orgs[0]!.id;
      const user = c.caller === 'owner' ? OWNER : orgs[0]!.coordinator;
      const refuse = c.caller !== 'owner' || c.breakWhat !== 'none';
      return {
        user,
        fn: 'saveOrganisation',
        args: [base, true],
        expect: refuse ? 'refuse' : 'either',
        label: `save/${c.caller}/${c.breakWhat}`,
      };
    });
  return fc.oneof({ arbitrary: submit, weight: 6 }, { arbitrary: review, weight: 2 }, { arbitrary: save, weight: 1 });
}

const DRIVER = `
function fuzzBatch_(cases) {
  return cases.map(function (c) {
    try {
      var value = globalThis[c.fn].apply(null, c.args);
      return { accepted: !(value && value.ok === false) };
    } catch (e) {
      return { accepted: false, message: String(e && e.message) };
    }
  });
}`;

export interface FuzzFigures {
  cases: number;
  wronglyAccepted: number;
  validRefused: number;
  examples: string[];
}

/** Runs `count` generated cases (seeded: the same cases every time) in batches of `batch`. */
export function fuzzApi(count: number, seed = 178, batch = 250): FuzzFigures {
  const d = stressDistrict(4);
  const bundle = fs.readFileSync(path.resolve(__dirname, '../../../dist/Code.js'), 'utf8');
  const driver = createEmulator({ store: d.em.store, code: bundle + DRIVER, strict: true });
  const cases = fc.sample(caseArbitrary(d), { numRuns: count, seed });
  const figures: FuzzFigures = { cases: 0, wronglyAccepted: 0, validRefused: 0, examples: [] };
  for (let i = 0; i < cases.length; i += batch) {
    const byUser = new Map<string, Case[]>();
    for (const c of cases.slice(i, i + batch)) byUser.set(c.user, [...(byUser.get(c.user) ?? []), c]);
    for (const [user, group] of byUser) {
      const sent = group.map((c) => ({ fn: c.fn, args: clientArgs(c.args) }));
      const r = driver.run<{ accepted: boolean; message?: string }[]>('fuzzBatch_', [sent], {
        user,
        documentId: d.doc,
      });
      if (!r.ok || r.unlockedWrites.length > 0)
        throw new Error('fuzz batch failed: ' + (r.error?.message ?? r.unlockedWrites.join()));
      r.value!.forEach((answer, j) => {
        const c = group[j]!;
        figures.cases++;
        if (c.expect === 'refuse' && answer.accepted) {
          figures.wronglyAccepted++;
          if (figures.examples.length < 5)
            figures.examples.push(`${c.label} as ${user || '(скрыт)'}: ${JSON.stringify(c.args).slice(0, 200)}`);
        }
        if (c.expect === 'accept' && !answer.accepted) figures.validRefused++;
      });
    }
  }
  return figures;
}
