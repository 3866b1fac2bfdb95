// Mid-write faults and hand edits of the grid. A fault fails the n-th write of an operation (for
// every n the operation makes); the check must then name the half-done state or find none, and a
// retry with the same key must complete it exactly once. Hand edits — deletions, replays,
// duplicates, truncations, reorders, rows inserted or deleted while the add-on writes — must be
// named by «Проверить изменения вручную», or leave every add-on write on its own row.
import { beforeRowRead, failAtWrite, sheetIdOf } from '../emulator/faults';
import {
  INTACT,
  OWNER,
  organisationInput,
  reportFor,
  reportRows,
  stressDistrict,
  type StressDistrict,
} from './district';

export interface FaultFigures {
  faults: number;
  undetected: number;
  examples: string[];
}

const REPORTS = 'Отчёты';
const AUDIT = 'Журнал изменений';
const REGISTRY = 'Реестр организаций';
const LEDGER = 'Журнал напоминаний';
const REASON = 'Уточните число чатов';

const auditCount = (d: StressDistrict, action: string): number => d.sheet(AUDIT).filter((r) => r[2] === action).length;

/** One operation that can be cut short: its call, and whether the workbook holds it once. */
interface Operation {
  name: string;
  prepare(d: StressDistrict): void;
  run(d: StressDistrict): { ok: boolean; error?: string };
  /** true when the data row and the audit agree (both there or both absent). */
  consistent(d: StressDistrict): boolean;
  /** true when the operation is stored exactly once, audited once (and its notice sent once). */
  complete(d: StressDistrict): boolean;
}

const outcome = (r: { ok: boolean; error?: { message: string } }) => ({ ok: r.ok, error: r.error?.message });

const OPERATIONS: Operation[] = [
  {
    name: 'submit',
    prepare() {},
    run: (d) => outcome(d.run(d.orgs[0]!.coordinator, 'submitReport', reportFor(d.orgs[0]!, '2023-11'), 'fault-key-1')),
    consistent: (d) => reportRows(d).some((r) => r.key === 'fault-key-1') === auditCount(d, 'Сдача отчёта') > 0,
    complete: (d) =>
      reportRows(d).filter((r) => r.key === 'fault-key-1').length === 1 && auditCount(d, 'Сдача отчёта') === 1,
  },
  {
    name: 'return',
    prepare: (d) =>
      void d.call(d.orgs[0]!.coordinator, 'submitReport', reportFor(d.orgs[0]!, '2023-11'), 'fault-key-2'),
    run: (d) => outcome(d.run(OWNER, 'reviewReport', d.orgs[0]!.id, '2023-11', 1, 'return', REASON)),
    consistent: (d) => reportRows(d).some((r) => r.state === 'возвращён') === auditCount(d, 'Отчёт возвращён') > 0,
    complete: (d) =>
      reportRows(d).filter((r) => r.state === 'возвращён').length === 1 &&
      auditCount(d, 'Отчёт возвращён') === 1 &&
      d.em.store.mail.sent().filter((m) => m.body.includes(REASON)).length === 1,
  },
  {
    name: 'registry update',
    prepare() {},
    run: (d) =>
      outcome(d.run(OWNER, 'saveOrganisation', { ...registryInput(d), coordinatorPhone: '+7 900 111-22-33' }, false)),
    consistent: (d) =>
      d.sheet(REGISTRY).some((r) => r.includes('+7 900 111-22-33')) === auditCount(d, 'Изменение реестра') > 0,
    complete: (d) =>
      d.sheet(REGISTRY).filter((r) => r.includes('+7 900 111-22-33')).length === 1 &&
      auditCount(d, 'Изменение реестра') === 1,
  },
];

const registryInput = (d: StressDistrict) => organisationInput(d.orgs[0]!, 0);

/** Every mid-write fault of `ops`: the n-th write fails, for each n until the operation makes fewer. */
function midWriteFaults(ops: readonly Operation[], figures: FaultFigures): void {
  for (const op of ops) {
    for (let n = 1; n < 40; n++) {
      const d = stressDistrict(2);
      op.prepare(d);
      const fault = failAtWrite(d.em.store, n);
      const first = op.run(d);
      fault.restore();
      if (!fault.failed()) break;
      figures.faults++;
      const problems: string[] = [];
      // (An answer of success is right when the fault hit only the e-mail's bookkeeping after the commit.)
      if (first.ok && !op.consistent(d)) problems.push('answered ok with a half-written state');
      if (!op.consistent(d) && d.integrity().includes(INTACT)) problems.push('half-write not named');
      const retry = op.run(d);
      if (!retry.ok) problems.push('retry refused: ' + retry.error);
      if (!op.complete(d)) problems.push('retry did not complete it exactly once');
      if (!d.integrity().includes(INTACT)) problems.push('check after the retry: ' + d.integrity());
      if (problems.length > 0) {
        figures.undetected++;
        if (figures.examples.length < 5) figures.examples.push(`${op.name}, write ${n}: ${problems.join('; ')}`);
      }
    }
  }
}

/** A district where two organisations submitted November, one return and one resubmission. */
function busyDistrict(): StressDistrict {
  const d = stressDistrict(3);
  const [a, b] = d.orgs as [(typeof d.orgs)[0], (typeof d.orgs)[0]];
  d.call(a.coordinator, 'submitReport', reportFor(a, '2023-11'), 'edit-a-1');
  d.call(b.coordinator, 'submitReport', reportFor(b, '2023-11'), 'edit-b-1');
  d.call(OWNER, 'reviewReport', a.id, '2023-11', 1, 'return', REASON);
  d.call(a.coordinator, 'submitReport', reportFor(a, '2023-11', 2), 'edit-a-2');
  return d;
}

/** Sheet row of a report version (1-based), or 0. */
function rowOf(d: StressDistrict, orgId: string, version: number): number {
  const at = reportRows(d).findIndex((r) => r.orgId === orgId && r.version === version);
  return at < 0 ? 0 : at + 2;
}

const copyRow = (from: string, fromRow: number, to: string, toRow: number): string => `
  var a = ss.getSheetByName('${from}'), b = ss.getSheetByName('${to}') || ss.insertSheet('${to}');
  var n = a.getLastColumn(), src = a.getRange(${fromRow}, 1, 1, n);
  if (b.getMaxColumns() < n) b.insertColumnsAfter(b.getMaxColumns(), n - b.getMaxColumns());
  b.getRange(${toRow}, 1, 1, n).setNumberFormats(src.getNumberFormats()).setValues(src.getValues());`;

/** A hand edit and what must follow: a finding containing `named`, or a check of its own. */
interface HandEdit {
  name: string;
  apply(d: StressDistrict): void;
  /** A text the check must contain, or a predicate over the district (true = as it must be). */
  expect: string | ((d: StressDistrict) => boolean);
}

const HAND_EDITS: HandEdit[] = [
  {
    name: 'report row deleted',
    apply: (d) => d.handEdit(`ss.getSheetByName('${REPORTS}').deleteRow(${rowOf(d, d.orgs[1]!.id, 1)});`),
    expect: 'удалён отчёт',
  },
  {
    name: 'returned v1 deleted',
    apply: (d) => d.handEdit(`ss.getSheetByName('${REPORTS}').deleteRow(${rowOf(d, d.orgs[0]!.id, 1)});`),
    expect: 'статус «возвращён» по журналу',
  },
  {
    name: 'old copy replayed',
    apply(d) {
      const row = rowOf(d, d.orgs[1]!.id, 1);
      d.handEdit(copyRow(REPORTS, row, 'копия', 1));
      d.call(OWNER, 'reviewReport', d.orgs[1]!.id, '2023-11', 1, 'accept', '');
      d.handEdit(copyRow('копия', 1, REPORTS, row));
    },
    expect: 'заменён своей старой копией',
  },
  {
    name: 'row duplicated below',
    apply: (d) => d.handEdit(copyRow(REPORTS, 2, REPORTS, reportRows(d).length + 3)),
    expect: 'повторён вручную',
  },
  {
    name: 'sheet «Отчёты» deleted, set-up run again',
    apply(d) {
      d.handEdit(`ss.deleteSheet(ss.getSheetByName('${REPORTS}'));`);
      d.call(OWNER, 'setupWorkbook');
    },
    expect: 'удалены строки',
  },
  {
    name: 'audit tail truncated',
    apply: (d) => d.handEdit(`var s = ss.getSheetByName('${AUDIT}'); s.deleteRow(s.getLastRow());`),
    expect: 'удалены последние записи',
  },
  {
    name: 'audit emptied under its header',
    apply: (d) => d.handEdit(`var s = ss.getSheetByName('${AUDIT}'); s.deleteRows(2, s.getLastRow() - 1);`),
    expect: 'удалены последние записи',
  },
  {
    name: 'audit rows reordered',
    apply: (d) =>
      d.handEdit(
        copyRow(AUDIT, 2, AUDIT, 3).replace(
          'b.getRange(3',
          'var keep = b.getRange(3, 1, 1, n).getValues(); b.getRange(3',
        ) + ` b.getRange(2, 1, 1, n).setValues(keep);`,
      ),
    expect: 'цепочка записей нарушена',
  },
  {
    name: 'registry row deleted',
    apply: (d) => d.handEdit(`ss.getSheetByName('${REGISTRY}').deleteRow(3);`),
    expect: 'удалена организация',
  },
  {
    name: 'registry row replayed',
    apply(d) {
      d.handEdit(copyRow(REGISTRY, 2, 'копия', 1));
      d.call(OWNER, 'saveOrganisation', { ...registryInput(d), coordinatorPhone: '+7 900 000-77-77' }, false);
      d.handEdit(copyRow('копия', 1, REGISTRY, 2));
    },
    expect: 'заменены их старой копией',
  },
  {
    name: 'ledger row forged as sent',
    apply(d) {
      d.call(OWNER, 'remindSelected', [d.orgs[2]!.id]);
      d.handEdit(copyRow(LEDGER, 2, LEDGER, 3) + ` b.getRange(3, 7).setValue('поддельный-ключ');`);
    },
    expect: 'лист «Журнал напоминаний», строка 3',
  },
  {
    name: 'ledger rows deleted: reminders stop instead of going out twice',
    apply(d) {
      d.call(OWNER, 'remindSelected', [d.orgs[2]!.id]);
      d.handEdit(`ss.getSheetByName('${LEDGER}').deleteRow(2);`);
    },
    expect: (d) => {
      const sent = d.em.store.mail.sent().length;
      const r = d.run(OWNER, 'remindSelected', [d.orgs[2]!.id]);
      return !r.ok && /удалены строки/.test(r.error?.message ?? '') && d.em.store.mail.sent().length === sent;
    },
  },
  {
    name: 'reports sorted by hand, then a review',
    apply(d) {
      // Rows in reverse order, formats and values (as a sort by hand would leave them).
      d.handEdit(`var s = ss.getSheetByName('${REPORTS}'), r = s.getRange(2, 1, ${reportRows(d).length}, s.getLastColumn());
        r.setNumberFormats(r.getNumberFormats().reverse()).setValues(r.getValues().reverse());`);
      d.call(OWNER, 'reviewReport', d.orgs[1]!.id, '2023-11', 1, 'accept', '');
    },
    expect: (d) =>
      reportRows(d)
        .filter((r) => r.state === 'принят')
        .every((r) => r.orgId === d.orgs[1]!.id) && d.integrity().includes(INTACT),
  },
  {
    name: 'row inserted above while a review writes',
    apply(d) {
      const undo = beforeRowRead(d.em.store, sheetIdOf(d.em.store, d.doc, REPORTS), widthOf(d, REPORTS), () =>
        d.handEdit(`ss.getSheetByName('${REPORTS}').insertRowBefore(2);`),
      );
      d.call(OWNER, 'reviewReport', d.orgs[1]!.id, '2023-11', 1, 'accept', '');
      undo();
    },
    expect: (d) => {
      const accepted = reportRows(d).filter((r) => r.state === 'принят');
      return accepted.length === 1 && accepted[0]!.orgId === d.orgs[1]!.id && d.integrity().includes(INTACT);
    },
  },
  {
    name: 'the row deleted while a review writes',
    apply(d) {
      const row = rowOf(d, d.orgs[1]!.id, 1);
      const undo = beforeRowRead(d.em.store, sheetIdOf(d.em.store, d.doc, REPORTS), widthOf(d, REPORTS), () =>
        d.handEdit(`ss.getSheetByName('${REPORTS}').deleteRow(${row});`),
      );
      const r = d.run(OWNER, 'reviewReport', d.orgs[1]!.id, '2023-11', 1, 'accept', '');
      undo();
      // Refused whichever read sees the deletion first: the version's load, or the re-read before writing.
      if (r.ok || !/переместили или удалили|версия отчёта не найдена/.test(r.error?.message ?? ''))
        throw new Error('not refused');
    },
    expect: (d) => reportRows(d).every((r) => r.state !== 'принят') && auditCount(d, 'Отчёт принят') === 0,
  },
  {
    name: 'row inserted above while the registry writes',
    apply(d) {
      const undo = beforeRowRead(d.em.store, sheetIdOf(d.em.store, d.doc, REGISTRY), widthOf(d, REGISTRY), () =>
        d.handEdit(`ss.getSheetByName('${REGISTRY}').insertRowBefore(2);`),
      );
      d.call(
        OWNER,
        'saveOrganisation',
        { ...organisationInput(d.orgs[1]!, 1), coordinatorPhone: '+7 900 555-00-00' },
        false,
      );
      undo();
    },
    expect: (d) => {
      const rows = d.sheet(REGISTRY);
      const changed = rows.filter((r) => r.includes('+7 900 555-00-00'));
      return (
        changed.length === 1 &&
        changed[0]![0] === d.orgs[1]!.id &&
        rows.some((r) => r[0] === d.orgs[0]!.id) &&
        d.integrity().includes(INTACT)
      );
    },
  },
];

const widthOf = (d: StressDistrict, sheet: string): number => (d.sheet(sheet)[0] as unknown[]).length;

/** Every hand edit, `rounds` times each (each round on a fresh district). */
function handEdits(rounds: number, figures: FaultFigures): void {
  for (let round = 0; round < rounds; round++) {
    for (const edit of HAND_EDITS) {
      figures.faults++;
      let ok = false;
      let why = '';
      try {
        const d = busyDistrict();
        edit.apply(d);
        if (typeof edit.expect === 'string') {
          why = d.integrity();
          ok = why.includes(edit.expect);
        } else ok = edit.expect(d);
      } catch (err) {
        why = (err as Error).message;
      }
      if (!ok) {
        figures.undetected++;
        if (figures.examples.length < 5) figures.examples.push(`${edit.name}: ${why.slice(0, 300)}`);
      }
    }
  }
}

/** Mid-write faults of every operation (or only the first `opCount`), and every hand edit `rounds` times. */
export function faultsAndHandEdits(rounds: number, opCount = OPERATIONS.length): FaultFigures {
  const figures: FaultFigures = { faults: 0, undetected: 0, examples: [] };
  midWriteFaults(OPERATIONS.slice(0, opCount), figures);
  handEdits(rounds, figures);
  return figures;
}
