// The admin's district summary through the built bundle: statuses, totals, flags, refusals.
import { bigDistrict, EXPECTED, HOSTILE_EXPLANATION, msk, T_FEB_15 } from '../../support/bigDistrict';
import { district, handEdit, schoolReport, COORD_A, OWNER, STRANGER, SCHOOL } from '../../support/district';
import { checklistOf, domainSummary, summaryOf } from '../../support/summarySupport';
import { expandSummary } from '../../../src/client/admin/summaryData';
import type { AdminReportView, DistrictSummaryData } from '../../../src/contract/summary';

let d: ReturnType<typeof bigDistrict>;
beforeAll(() => {
  d = bigDistrict();
});

test('every month shows the right status of each of the 12 organisations', () => {
  const first = summaryOf(d, null);
  expect(first.periods.map((p) => p.key)).toEqual(['2024-01', '2023-12', '2023-11']);
  expect(first.period).toEqual({ key: '2024-01', label: 'январь 2024', due: '29.02.2024' });
  for (const period of Object.keys(EXPECTED)) {
    const view = summaryOf(d, period);
    expect(view.rows).toHaveLength(12);
    expect(Object.fromEntries(view.rows.map((r) => [r.orgId, r.statusLabel]))).toEqual(EXPECTED[period]);
  }
});

test('district totals and coverage agree with the domain summary', () => {
  const view = summaryOf(d, '2023-12');
  const s = domainSummary(d, '2023-12');
  const share = Object.fromEntries(view.coverage.map((c) => [c.id, c.share]));
  expect(share).toEqual(s.coverage);
  const reported = s.rows.length - s.missingOrgIds.length;
  expect(view.coverage[0]!.detail).toBe(
    `${s.totals.teachersConnected} из ${s.totals.teachersTotal} — по сдавшим ${reported} из ${s.rows.length}`,
  );
  // The share reported comes with the figures, and says what they are of.
  expect(view.reported).toMatchObject({ reported, total: 12, base: `по сдавшим ${reported} из 12` });
  expect(Object.fromEntries(view.counts.map((c) => [c.status, c.count]))).toEqual(s.counts);
  expect(view.trend.map((t) => t.period)).toEqual(['2023-11', '2023-12', '2024-01']);
  expect(view.trend[1]!.teachers).toBeCloseTo(s.coverage.teachers!);
});

test('each compliance check is a mark with its value in words; foreign messengers are flagged', () => {
  const view = summaryOf(d, '2023-11');
  expect(view.checkColumns).toHaveLength(12);
  const school = view.rows.find((r) => r.orgId === 'SCH-07')!;
  expect(school.foreignMessengers).toBe(true);
  expect(school.foreignExplanation).toBe(HOSTILE_EXPLANATION);
  const messenger = school.checks.find((c) => c.id === 'noForeignMessengers')!;
  expect(messenger).toEqual({ id: 'noForeignMessengers', ok: false, text: 'нет' });
  expect(view.checkColumns.find((c) => c.id === 'noForeignMessengers')!.short).toBe('Мессенджеры');
  const onTime = school.checks.find((c) => c.id === 'submittedOnTime')!;
  expect(onTime).toMatchObject({ ok: true, text: 'сдан 30.12.2023, срок 30.12.2023' });
  const teachers = school.checks.find((c) => c.id === 'teachersCoverage')!;
  expect(teachers.text).toMatch(/^\d+(,\d)? % \(цель 100 %\)$/);
  const kindergarten = view.rows.find((r) => r.orgId === 'DOU-02')!;
  expect(kindergarten.checks.find((c) => c.id === 'pupilsCoverage')).toMatchObject({
    ok: null,
    text: 'не применяется к этому типу организации',
  });
  const missing = view.rows.find((r) => r.orgId === 'SCH-08')!;
  expect(missing).toMatchObject({ status: 'overdue', version: null, checks: [] });
});

test('the admin opens a report with every version and the return reason', () => {
  const view = d.call<AdminReportView>(OWNER, 'getAdminReport', 'SCH-04', '2023-11');
  expect(view.canReview).toBe(false);
  expect(view.versions).toHaveLength(1);
  expect(view.versions[0]).toMatchObject({ state: 'returned', returnReason: 'Проверьте число педагогов.' });
  expect(view.versions[0]!.fields.find((f) => f.label === 'Педагогов, использующих ФГИС «Моя школа»')).toBeDefined();
  const kg = d.call<AdminReportView>(OWNER, 'getAdminReport', 'DOU-02', '2023-12');
  expect(kg.canReview).toBe(true);
  expect(kg.versions[0]!.fields.map((f) => f.label)).not.toContain('Всего обучающихся');
});

test('the set-up checklist shows each organisation’s one-time items against 21.11.2023', () => {
  const checklist = checklistOf(d);
  expect(checklist.deadline).toBe('21.11.2023');
  const byId = Object.fromEntries(checklist.rows.map((r) => [r.orgId, r]));
  expect(byId['SCH-01']).toMatchObject({
    complete: true,
    order: { state: 'done', text: '№ 45-од от 17.11.2023' },
    copy: { state: 'done', text: '20.11.2023' },
  });
  expect(byId['DOU-02']!.order.state).toBe('missing');
  expect(byId['SCH-05']!.copy).toMatchObject({ state: 'late', text: '28.11.2023' });
  expect(byId['SCH-07']!.order.state).toBe('missing');
  expect(byId['SCH-08']!.structure.state).toBe('unknown');
  expect(byId['DOU-09']!.structure.state).toBe('done');
  expect(checklist.done).toBe(checklist.rows.filter((r) => r.complete).length);
});

test('non-admins are refused every admin function, and nothing is written', () => {
  const before = d.sheet('Отчёты').length;
  for (const user of [COORD_A, STRANGER]) {
    expect(d.refuse(user, 'getDistrictSummary', null)).toContain('только администраторам');
    expect(d.refuse(user, 'getSetupChecklist')).toContain('только администраторам');
    expect(d.refuse(user, 'getAdminReport', SCHOOL.id, '2023-11')).toContain('только администраторам');
    expect(d.refuse(user, 'generateDistrictReport', '2023-11')).toContain('только администраторам');
    expect(d.refuse(user, 'sendReturnNotices')).toContain('только администраторам');
    expect(d.refuse(user, 'remindSelected', ['SCH-08'])).toContain('только администраторам');
  }
  expect(d.refuse('', 'getDistrictSummary', null)).toContain('Google не сообщил');
  expect(d.em.store.mail.sent().filter((m) => m.to.includes('coord.sch08@example.org'))).toEqual([]);
  expect(d.sheet('Отчёты').length).toBe(before);
  expect(d.refuse(OWNER, 'getDistrictSummary', '2031-01')).toBe(
    'Отчётный месяц указан неверно: выберите месяц из списка.',
  );
});

test('rows changed by hand in the grid are flagged in the table and listed', () => {
  const fresh = district(T_FEB_15);
  fresh.call(COORD_A, 'submitReport', schoolReport(), 'submission-hand1');
  handEdit(fresh, OWNER, "ss.getSheetByName('Отчёты').getRange(2, 10).setValue(41);");
  const view = summaryOf(fresh, '2023-11');
  expect(view.rows.find((r) => r.orgId === SCHOOL.id)!.handEdited).toBe(true);
  expect(view.integrity.join('\n')).toContain('строка 2: отчёт SCH-01 за ноябрь 2023 (версия 1) изменён вручную');
});

test('the summary shows the state of the daily reminders', () => {
  const view = summaryOf(d, null);
  expect(view.remindNowAvailable).toBe(true);
  expect(view.reminders.lines).toEqual([
    'Ежедневные напоминания отключены (меню дополнения → «Включить напоминания»).',
    'Ежедневный запуск ещё не выполнялся.',
  ]);
});

test('other months with overdue or returned organisations are noticed above the table, from the same reads', () => {
  const first = d.run<DistrictSummaryData>(OWNER, 'getDistrictSummary', null);
  const view = expandSummary(first.value!);
  expect(view.period?.key).toBe('2024-01');
  expect(view.backlog).toEqual({
    months: [
      { period: '2023-12', label: 'декабрь 2023', overdue: 2, returned: 0, text: 'За декабрь 2023: не сдали 2' },
      {
        period: '2023-11',
        label: 'ноябрь 2023',
        overdue: 1,
        returned: 1,
        text: 'За ноябрь 2023: не сдали 1, возвращено 1',
      },
    ],
    moreText: '',
  });
  // The month shown is not noticed again; January owes nothing overdue yet (due 29.02.2024).
  const dec = summaryOf(d, '2023-12');
  expect(dec.backlog.months.map((m) => m.text)).toEqual(['За ноябрь 2023: не сдали 1, возвращено 1']);
  const nov = d.run<DistrictSummaryData>(OWNER, 'getDistrictSummary', '2023-11');
  expect(expandSummary(nov.value!).backlog.months.map((m) => m.text)).toEqual(['За декабрь 2023: не сдали 2']);
  // Bounded reads: the shown month and the one before it (November, the first month, has none before it).
  expect(nov.spreadsheetCalls).toBeLessThanOrEqual(first.spreadsheetCalls!);
  // At most the three latest such months, then how many more.
  const late = district(msk(2024, 6, 15));
  const june = summaryOf(late, null);
  expect(june.period?.key).toBe('2024-05');
  expect(june.backlog.months.map((m) => m.text)).toEqual([
    'За апрель 2024: не сдали 2',
    'За март 2024: не сдали 2',
    'За февраль 2024: не сдали 2',
  ]);
  expect(june.backlog.moreText).toBe('и ещё 3 месяца');
});
