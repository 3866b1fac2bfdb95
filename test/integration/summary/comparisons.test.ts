// Over time: the month the summary opens on, each figure beside last month's, an organisation's
// history, what a hand edit changed, and a new version after acceptance named in the summary.
import { bigDistrict, msk } from '../../support/bigDistrict';
import { district, handEdit, schoolReport, COORD_A, OWNER, SCHOOL } from '../../support/district';
import { summaryOf } from '../../support/summarySupport';
import type { AdminReportView } from '../../../src/contract/summary';

test('the summary opens on the month whose deadline is nearest, never on one not yet ended', () => {
  // 01.03.2024: January was due 29.02 (yesterday), February is due 30.03 — January.
  const march1 = summaryOf(district(msk(2024, 3, 1, 9)), null);
  expect(march1.period?.key).toBe('2024-01');
  expect(march1.periods.map((p) => p.key)).not.toContain('2024-03');
  // 20.03.2024: February's deadline is ten days away, January's twenty days past — February.
  expect(summaryOf(district(msk(2024, 3, 20)), null).period?.key).toBe('2024-02');
});

test('the report panel shows each figure beside last month’s, flags big moves, and the last months', () => {
  const d = bigDistrict();
  const view = d.call<AdminReportView>(OWNER, 'getAdminReport', 'SCH-01', '2023-12');
  expect(view.previousLabel).toBe('ноябрь 2023');
  expect(view.thresholdText).toBe('Изменение больше 20 % отмечено «!».');
  const teachers = view.versions[0]!.fields.find((f) => f.key === 'teachersTotal')!;
  // bigDistrict: SCH-01 had 27 teachers in November and 34 in December.
  expect(teachers).toMatchObject({ value: '34', previous: '27', change: '+7 (+25,9 %)', flagged: true });
  const chats = view.versions[0]!.fields.find((f) => f.key === 'staffChat')!;
  expect(chats).toMatchObject({ previous: '', change: '', flagged: false });
  expect(view.history.map((h) => [h.label, h.statusLabel])).toEqual([
    ['ноябрь 2023', 'принят'],
    ['декабрь 2023', 'сдан вовремя'],
  ]);
  expect(view.history[0]!.figures).toMatch(/^педагоги 25 из 27 \(92,6 %\), обучающиеся \d+ из \d+/);
  expect(view.canReopen).toBe(false);
  const accepted = d.call<AdminReportView>(OWNER, 'getAdminReport', 'SCH-01', '2023-11');
  expect(accepted).toMatchObject({ canReview: false, canReopen: true, previousLabel: '' });
});

test('a hand-edited version says which fields differ from what the add-on wrote', () => {
  const d = district(msk(2023, 12, 5));
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-edit1');
  d.call(
    COORD_A,
    'submitReport',
    schoolReport({ teachersConnected: 39, comment: 'Уточнено; см. письмо' }),
    'submission-edit2',
  );
  // Column 10 of «Отчёты» is «Подключено педагогов»; row 3 is version 2.
  handEdit(d, OWNER, "ss.getSheetByName('Отчёты').getRange(3, 10).setValue(41);");
  const view = d.call<AdminReportView>(OWNER, 'getAdminReport', SCHOOL.id, '2023-11');
  expect(view.versions[0]!.handEdited).toBe(true);
  expect(view.versions[0]!.editedFields).toEqual([{ label: 'Подключено педагогов', written: '39', now: '41' }]);
  expect(view.versions[1]!.editedFields).toBeNull();
});

test('a coordinator’s new version of an accepted report is named in the summary', () => {
  const d = district(msk(2023, 12, 5));
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-acc1');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  expect(summaryOf(d, '2023-11').rows.find((r) => r.orgId === SCHOOL.id)!.afterAccepted).toBe(false);
  d.call(COORD_A, 'submitReport', schoolReport({ teachersConnected: 40 }), 'submission-acc2');
  const row = summaryOf(d, '2023-11').rows.find((r) => r.orgId === SCHOOL.id)!;
  expect(row).toMatchObject({ afterAccepted: true, version: 2, state: 'submitted' });
});

test('last month’s figures from the index are the ones its rows give: summary and district report', () => {
  const d = bigDistrict();
  const shown = () => {
    const s = summaryOf(d, '2023-12');
    return { coverage: s.coverage, reported: s.reported, trend: s.trend, backlog: s.backlog };
  };
  d.call(OWNER, 'generateDistrictReport', '2023-12');
  const fromIndex = { summary: shown(), sheet: d.sheet('Сводный отчёт декабрь 2023') };
  // Every «по сравнению с ноябрём» names a change: the months' figures differ.
  expect(fromIndex.summary.coverage.filter((c) => c.changeText.includes('ноябр')).length).toBeGreaterThan(0);
  // Without the index (its record gone), every row is read: the same figures, the same sheet.
  handEdit(d, OWNER, `PropertiesService.getDocumentProperties().deleteProperty('reportIndex');`);
  d.call(OWNER, 'generateDistrictReport', '2023-12');
  const fromRows = { summary: shown(), sheet: d.sheet('Сводный отчёт декабрь 2023') };
  expect(fromRows.summary).toEqual(fromIndex.summary);
  const undated = (rows: unknown[][]) => rows.filter((r) => !String(r[0]).includes('сформирован'));
  expect(undated(fromRows.sheet)).toEqual(undated(fromIndex.sheet));
});
