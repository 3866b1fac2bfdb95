// The pure reminder plan: schedule per period, restart after a return, digest window, one repeated
// overdue notice per organisation, urgency, quota.
import { moscowDayNumber, startOfMoscowDay, type CalendarDate } from '../../src/domain/calendar';
import {
  digestId,
  fitQuota,
  isOverdueNoticeId,
  lastOverdueDays,
  latestSlot,
  overdueRepeatId,
  planManualReminders,
  planReminders,
  reminderId,
  type PlanInput,
  type ReportVersionState,
} from '../../src/domain/reminderPlan';
import { defaultSettings, type Settings } from '../../src/domain/schemas/settings';

const at = (day: number, month: number, year: number, hour = 7): Date =>
  new Date(startOfMoscowDay({ year, month, day }).getTime() + hour * 3_600_000);
const iso = (d: CalendarDate): string =>
  `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}`;

const ORGS = [
  { id: 'A', coordinatorEmails: ['a@example.org'] },
  { id: 'B', coordinatorEmails: ['b@example.org', 'b2@example.org'] },
];

function input(asOf: Date, overrides: Partial<PlanInput> = {}, settings: Partial<Settings> = {}): PlanInput {
  return {
    asOf,
    settings: { ...defaultSettings(), ...settings },
    owner: 'owner@example.org',
    organisations: ORGS,
    reports: [],
    sentIds: new Set(),
    lastOverdueDay: new Map(),
    ...overrides,
  };
}

/**
 * Walks day by day from `from` to `to` (07:00 MSK), "sending" everything due (the ledger keeps
 * it), and returns per date the reminders as 'org:kind:offset:period'.
 */
function walk(
  from: Date,
  to: Date,
  options: {
    reports?: (asOf: Date) => ReportVersionState[];
    settings?: Partial<Settings>;
    orgs?: PlanInput['organisations'];
  } = {},
): Record<string, string[]> {
  const sent = new Set<string>();
  const lastOverdueDay = new Map<string, number>();
  const byDay: Record<string, string[]> = {};
  for (let t = from.getTime(); t <= to.getTime(); t += 86_400_000) {
    const asOf = new Date(t);
    const plan = planReminders(
      input(
        asOf,
        { sentIds: sent, lastOverdueDay, reports: options.reports?.(asOf) ?? [], organisations: options.orgs ?? ORGS },
        options.settings,
      ),
    );
    if (plan.due.length === 0) continue;
    const d = new Date(t + 3 * 3_600_000);
    byDay[iso({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() })] = plan.due.map(
      (r) => `${r.orgId || '*'}:${r.kind}:${r.slotOffset}:${r.period}`,
    );
    for (const r of plan.due) {
      sent.add(r.id);
      if (isOverdueNoticeId(r.id)) lastOverdueDay.set(r.orgId, moscowDayNumber(asOf));
    }
  }
  return byDay;
}

test('an ordinary month: 7, 3, 1 days before, on the day, the day after with the digest, then weekly', () => {
  const days = walk(at(1, 12, 2023), at(20, 1, 2024), { orgs: [ORGS[0]!] });
  expect(days).toEqual({
    '23.12.2023': ['A:before:7:2023-11'],
    '27.12.2023': ['A:before:3:2023-11'],
    '29.12.2023': ['A:before:1:2023-11'],
    '30.12.2023': ['A:due-day:0:2023-11'],
    '31.12.2023': ['*:digest:-1:2023-11', 'A:overdue:-1:2023-11'],
    '07.01.2024': ['A:overdue-repeat:-8:2023-11'],
    '14.01.2024': ['A:overdue-repeat:-15:2023-11'],
    // December 2023's report is due 30.01.2024: its first reminder comes on 23.01.
  });
});

test('weekly repeats are per organisation: two overdue months make one e-mail a week listing both, newest first', () => {
  const days = walk(at(1, 12, 2023), at(20, 2, 2024), { orgs: [ORGS[0]!] });
  expect(days).toEqual({
    '23.12.2023': ['A:before:7:2023-11'],
    '27.12.2023': ['A:before:3:2023-11'],
    '29.12.2023': ['A:before:1:2023-11'],
    '30.12.2023': ['A:due-day:0:2023-11'],
    '31.12.2023': ['*:digest:-1:2023-11', 'A:overdue:-1:2023-11'],
    '07.01.2024': ['A:overdue-repeat:-8:2023-11'],
    '14.01.2024': ['A:overdue-repeat:-15:2023-11'],
    '21.01.2024': ['A:overdue-repeat:-22:2023-11'],
    '23.01.2024': ['A:before:7:2023-12'],
    '27.01.2024': ['A:before:3:2023-12'],
    '28.01.2024': ['A:overdue-repeat:-29:2023-11'],
    '29.01.2024': ['A:before:1:2023-12'],
    '30.01.2024': ['A:due-day:0:2023-12'],
    // December's own notice the day after its deadline; the next repeat counts from it
    '31.01.2024': ['*:digest:-1:2023-12', 'A:overdue:-1:2023-12'],
    '07.02.2024': ['A:overdue-repeat:-8:2023-11, 2023-12'],
    '14.02.2024': ['A:overdue-repeat:-15:2023-11, 2023-12'],
  });
  const plan = planReminders(
    input(at(7, 2, 2024), {
      organisations: [ORGS[0]!],
      lastOverdueDay: new Map([['A', moscowDayNumber(at(31, 1, 2024))]]),
    }),
  );
  expect(plan.due).toEqual([
    {
      id: overdueRepeatId('A', '2024-02-07'),
      kind: 'overdue-repeat',
      orgId: 'A',
      period: '2023-11, 2023-12',
      recipients: ['a@example.org'],
      daysLeft: -8,
      slotOffset: -8,
      returnedVersion: null,
      outstandingOrgIds: [],
      months: [
        { period: '2023-12', returnedVersion: null, daysLeft: -8 },
        { period: '2023-11', returnedVersion: null, daysLeft: -39 },
      ],
    },
  ]);
});

test('a newly added organisation owing five months gets one e-mail listing them all, not five', () => {
  const C = { id: 'C', coordinatorEmails: ['c@example.org'] };
  const days = walk(at(10, 5, 2024), at(8, 6, 2024), { orgs: [C] });
  const five = '2023-11, 2023-12, 2024-01, 2024-02, 2024-03';
  const six = five + ', 2024-04';
  expect(days).toEqual({
    '10.05.2024': [`C:overdue-repeat:-10:${five}`],
    '17.05.2024': [`C:overdue-repeat:-17:${five}`],
    '23.05.2024': ['C:before:7:2024-04'],
    '24.05.2024': [`C:overdue-repeat:-24:${five}`],
    '27.05.2024': ['C:before:3:2024-04'],
    '29.05.2024': ['C:before:1:2024-04'],
    '30.05.2024': ['C:due-day:0:2024-04'],
    // the repeat of 31.05 gives way to April's own notice (one overdue e-mail a day at most)
    '31.05.2024': ['*:digest:-1:2024-04', 'C:overdue:-1:2024-04'],
    '07.06.2024': [`C:overdue-repeat:-8:${six}`],
  });
});

test('the repeat interval counts from the organisation’s last overdue e-mail, whichever kind it was', () => {
  const only = { organisations: [ORGS[0]!] };
  const lastOn = (d: number, m: number, y: number) => new Map([['A', moscowDayNumber(at(d, m, y, 9))]]);
  expect(planReminders(input(at(20, 1, 2024), { ...only, lastOverdueDay: lastOn(14, 1, 2024) })).due).toEqual([]);
  expect(
    planReminders(input(at(21, 1, 2024), { ...only, lastOverdueDay: lastOn(14, 1, 2024) })).due.map((r) => r.id),
  ).toEqual([overdueRepeatId('A', '2024-01-21')]);
  // deferred for days (quota): still due, once
  expect(
    planReminders(input(at(22, 1, 2024), { ...only, lastOverdueDay: lastOn(14, 1, 2024) })).due.map((r) => r.id),
  ).toEqual([overdueRepeatId('A', '2024-01-22')]);
  // sent (or claimed) earlier today: not again, whatever the hour
  const today = planReminders(input(at(21, 1, 2024, 18), { ...only, lastOverdueDay: lastOn(21, 1, 2024) }));
  expect(today).toMatchObject({ due: [], alreadySent: 1 });
  expect(
    lastOverdueDays([
      { id: reminderId('A', '2023-11', null, 'd-1'), orgId: 'A', sentAt: at(31, 12, 2023).toISOString() },
      { id: overdueRepeatId('A', '2024-01-07'), orgId: 'A', sentAt: at(7, 1, 2024).toISOString() },
      { id: reminderId('A', '2023-12', null, 'd3'), orgId: 'A', sentAt: at(27, 1, 2024).toISOString() },
      { id: reminderId('B', '2023-12', 1, 'd-1'), orgId: 'B', sentAt: at(31, 1, 2024, 23).toISOString() },
      { id: overdueRepeatId('B', '2024-02-03'), orgId: 'B', sentAt: null },
      { id: reminderId('B', '2023-12', null, 'm2024-02-09'), orgId: 'B', sentAt: at(9, 2, 2024).toISOString() },
    ]),
  ).toEqual(
    new Map([
      ['A', moscowDayNumber(at(7, 1, 2024))],
      ['B', moscowDayNumber(at(3, 2, 2024))],
    ]),
  );
});

test('a report returned after its deadline joins its organisation’s repeated notice, with its version', () => {
  const returned: ReportVersionState = {
    orgId: 'A',
    period: '2023-11',
    version: 2,
    state: 'returned',
    reviewedAt: at(3, 1, 2024, 15).toISOString(),
  };
  const days = walk(at(2, 1, 2024), at(12, 1, 2024), {
    orgs: [ORGS[0]!],
    reports: (asOf) =>
      asOf < at(3, 1, 2024, 15) ? [{ ...returned, state: 'submitted', reviewedAt: null }] : [returned],
  });
  // no own notice any more (the return came after them all): the repeat goes out the next morning
  expect(days).toEqual({
    '02.01.2024': ['*:digest:-3:2023-11'],
    '04.01.2024': ['A:overdue-repeat:-5:2023-11'],
    '11.01.2024': ['A:overdue-repeat:-12:2023-11'],
  });
  const plan = planReminders(input(at(4, 1, 2024), { organisations: [ORGS[0]!], reports: [returned] }));
  expect(plan.due.find((r) => r.kind === 'overdue-repeat')?.months).toEqual([
    { period: '2023-11', returnedVersion: 2, daysLeft: -5 },
  ]);
});

test('January is due on the last day of February (29th in a leap year, 28th otherwise)', () => {
  const leap = walk(at(1, 2, 2024), at(9, 3, 2024), { orgs: [ORGS[0]!], settings: { firstPeriod: '2024-01' } });
  expect(Object.keys(leap)).toEqual([
    '22.02.2024',
    '26.02.2024',
    '28.02.2024',
    '29.02.2024',
    '01.03.2024',
    '08.03.2024',
  ]);
  expect(leap['29.02.2024']).toEqual(['A:due-day:0:2024-01']);
  const plain = walk(at(1, 2, 2025), at(2, 3, 2025), { orgs: [ORGS[0]!], settings: { firstPeriod: '2025-01' } });
  expect(Object.keys(plain)).toEqual(['21.02.2025', '25.02.2025', '27.02.2025', '28.02.2025', '01.03.2025']);
});

test('December is due on 30 January of the next year', () => {
  const days = walk(at(1, 1, 2024), at(1, 2, 2024), { orgs: [ORGS[0]!], settings: { firstPeriod: '2023-12' } });
  expect(Object.keys(days)).toEqual(['23.01.2024', '27.01.2024', '29.01.2024', '30.01.2024', '31.01.2024']);
  expect(days['31.01.2024']).toEqual(['*:digest:-1:2023-12', 'A:overdue:-1:2023-12']);
});

test('nothing to an organisation that submitted or was accepted; a returned report restarts from its return', () => {
  const submitted: ReportVersionState = {
    orgId: 'A',
    period: '2023-11',
    version: 1,
    state: 'submitted',
    reviewedAt: null,
  };
  const returned: ReportVersionState = {
    ...submitted,
    state: 'returned',
    reviewedAt: at(28, 12, 2023, 15).toISOString(),
  };
  const days = walk(at(20, 12, 2023), at(31, 12, 2023), {
    orgs: [ORGS[0]!],
    reports: (asOf) => (asOf < at(24, 12, 2023, 12) ? [] : asOf < at(28, 12, 2023, 15) ? [submitted] : [returned]),
  });
  expect(days).toEqual({
    '23.12.2023': ['A:before:7:2023-11'],
    // returned on 28.12 after the morning run: the schedule picks up from that day
    '29.12.2023': ['A:before:1:2023-11'],
    '30.12.2023': ['A:due-day:0:2023-11'],
    '31.12.2023': ['*:digest:-1:2023-11', 'A:overdue:-1:2023-11'],
  });
  const accepted = planReminders(
    input(at(27, 12, 2023), { reports: [{ ...submitted, state: 'accepted', reviewedAt: null }] }),
  );
  expect(accepted.due.map((r) => r.orgId)).toEqual(['B']);
});

test('a return cycle has its own ledger keys: a reminder sent before the return does not block the new one', () => {
  const returned: ReportVersionState = {
    orgId: 'A',
    period: '2023-11',
    version: 1,
    state: 'returned',
    reviewedAt: at(27, 12, 2023, 5).toISOString(),
  };
  const sentIds = new Set([reminderId('A', '2023-11', null, 'd3')]);
  const plan = planReminders(input(at(27, 12, 2023, 8), { sentIds, reports: [returned], organisations: [ORGS[0]!] }));
  expect(plan.due.map((r) => r.id)).toEqual([reminderId('A', '2023-11', 1, 'd3')]);
});

test('a deferred reminder stays due until the next one of the schedule replaces it', () => {
  // 23.12 (7 days) was not sent: on 24.12 it is still due, on 27.12 the 3-day one replaces it
  expect(planReminders(input(at(24, 12, 2023))).due.map((r) => [r.orgId, r.slotOffset, r.daysLeft])).toEqual([
    ['A', 7, 6],
    ['B', 7, 6],
  ]);
  expect(planReminders(input(at(27, 12, 2023))).due.map((r) => r.slotOffset)).toEqual([3, 3]);
});

test('the digest goes to Settings’ recipients or the owner and admins, within a week of the deadline, listing who owes', () => {
  const reports: ReportVersionState[] = [
    { orgId: 'A', period: '2023-11', version: 1, state: 'accepted', reviewedAt: null },
  ];
  const digest = planReminders(input(at(31, 12, 2023), { reports }, { adminEmails: ['Admin@Example.org'] })).due[0]!;
  expect(digest).toMatchObject({
    id: digestId('2023-11'),
    kind: 'digest',
    recipients: ['owner@example.org', 'admin@example.org'],
    outstandingOrgIds: ['B'],
  });
  const custom = planReminders(input(at(2, 1, 2024), { reports }, { digestRecipients: ['boss@example.org'] })).due.find(
    (r) => r.kind === 'digest',
  );
  expect(custom?.recipients).toEqual(['boss@example.org']);
  expect(planReminders(input(at(8, 1, 2024), { reports })).due.some((r) => r.kind === 'digest')).toBe(false);
});

test('most urgent first: the digest, then the closest to the deadline (before it wins a tie), then registry order', () => {
  const sentIds = new Set([reminderId('A', '2023-11', null, 'd-1'), reminderId('B', '2023-11', null, 'd-1')]);
  const lastOverdueDay = new Map([
    ['A', moscowDayNumber(at(21, 1, 2024))],
    ['B', moscowDayNumber(at(21, 1, 2024))],
  ]);
  // 29.01.2024: December is due tomorrow; November's weekly overdue notice of 28.01 was deferred
  const plan = planReminders(input(at(29, 1, 2024), { sentIds, lastOverdueDay }));
  // One e-mail per organisation a day: December's reminder goes and lists overdue November too.
  expect(
    plan.due.map((r) => `${r.orgId}:${r.period}:${r.daysLeft}:${r.months.map((m) => m.period).join('+')}`),
  ).toEqual(['A:2023-12:1:2023-12+2023-11', 'B:2023-12:1:2023-12+2023-11']);
  expect(planReminders({ ...input(at(31, 12, 2023)), organisations: [] }).due.map((r) => r.kind)).toEqual(['digest']);
});

test('the repeated notices come after every report’s own reminder, however close their newest month is', () => {
  // 31.01.2024: A owes December only (its own notice the day after), B owes November (repeat), C
  // owes December (its own notice) and November, returned yesterday, which waits: C's repeat
  // counts from today's own notice
  const reports: ReportVersionState[] = [
    { orgId: 'A', period: '2023-11', version: 1, state: 'accepted', reviewedAt: null },
    { orgId: 'B', period: '2023-12', version: 1, state: 'submitted', reviewedAt: null },
    { orgId: 'C', period: '2023-11', version: 1, state: 'returned', reviewedAt: at(30, 1, 2024, 15).toISOString() },
  ];
  const organisations = [...ORGS, { id: 'C', coordinatorEmails: ['c@example.org'] }];
  const plan = planReminders(
    input(at(31, 1, 2024), {
      reports,
      organisations,
      lastOverdueDay: new Map([['B', moscowDayNumber(at(24, 1, 2024))]]),
    }),
  );
  expect(plan.due.map((r) => `${r.orgId || '*'}:${r.kind}:${r.period}`)).toEqual([
    '*:digest:2023-12',
    'A:overdue:2023-12',
    'C:overdue:2023-12',
    'B:overdue-repeat:2023-11',
  ]);
  expect(fitQuota(plan.due, 3)).toMatchObject({
    send: [{ kind: 'digest' }, { orgId: 'A' }, { orgId: 'C' }],
    deferred: [{ orgId: 'B' }],
  });
});

test('the quota counts recipients; what does not fit waits, in order', () => {
  const plan = planReminders(input(at(23, 12, 2023)));
  expect(fitQuota(plan.due, 2)).toMatchObject({ send: [{ orgId: 'A' }], deferred: [{ orgId: 'B' }] });
  expect(fitQuota(plan.due, 3).send.map((r) => r.orgId)).toEqual(['A', 'B']);
  expect(fitQuota(plan.due, 0).send).toEqual([]);
});

test('organisations without a coordinator e-mail are reported, not reminded', () => {
  const plan = planReminders(input(at(23, 12, 2023), { organisations: [{ id: 'C', coordinatorEmails: [] }] }));
  expect(plan.due).toEqual([]);
  expect(plan.unreachable).toEqual([{ orgId: 'C', period: '2023-11', returnedVersion: null }]);
});

test('custom offsets and no weekly repeat', () => {
  const days = walk(at(1, 12, 2023), at(20, 1, 2024), {
    orgs: [ORGS[0]!],
    settings: { reminderOffsets: [5, -3], overdueRepeatDays: null },
  });
  expect(Object.keys(days)).toEqual(['25.12.2023', '31.12.2023', '02.01.2024']);
  expect(latestSlot({ year: 2023, month: 11 }, { ...defaultSettings(), reminderOffsets: [] }, 0, 0)).toBeNull();
});

test('custom offsets and repeat: each report’s own notices up to its last negative offset, then the organisation’s repeat', () => {
  const days = walk(at(1, 12, 2023), at(20, 1, 2024), {
    orgs: [ORGS[0]!],
    settings: { reminderOffsets: [5, -1, -3], overdueRepeatDays: 10 },
  });
  expect(days).toEqual({
    '25.12.2023': ['A:before:5:2023-11'],
    '31.12.2023': ['*:digest:-1:2023-11', 'A:overdue:-1:2023-11'],
    '02.01.2024': ['A:overdue:-3:2023-11'],
    '12.01.2024': ['A:overdue-repeat:-13:2023-11'],
  });
});

test('«напомнить сейчас»: one e-mail per chosen organisation listing all its outstanding months, once a day', () => {
  const returnedA: ReportVersionState = {
    orgId: 'A',
    period: '2023-11',
    version: 2,
    state: 'returned',
    reviewedAt: at(10, 1, 2024).toISOString(),
  };
  const first = planManualReminders(input(at(15, 1, 2024), { reports: [returnedA] }), ['B', 'A']);
  expect(first.due.map((r) => [r.orgId, r.kind, r.period, r.id])).toEqual([
    ['A', 'manual', '2023-11, 2023-12', 'A|manual|2024-01-15'],
    ['B', 'manual', '2023-11, 2023-12', 'B|manual|2024-01-15'],
  ]);
  expect(first.due[0]!.months).toEqual([
    { period: '2023-12', returnedVersion: null, daysLeft: 15 },
    { period: '2023-11', returnedVersion: 2, daysLeft: -16 },
  ]);
  expect(first.due[1]!.recipients).toEqual(['b@example.org', 'b2@example.org']);
  const again = planManualReminders(input(at(15, 1, 2024, 18), { sentIds: new Set(first.due.map((r) => r.id)) }), [
    'B',
  ]);
  expect(again).toMatchObject({ due: [], alreadySent: 1 });
  // a per-report «напомнить сейчас» of the same day (ledger rows of the earlier version) counts too
  const old = planManualReminders(
    input(at(15, 1, 2024, 18), { sentIds: new Set([reminderId('B', '2023-12', null, 'm2024-01-15')]) }),
    ['B'],
  );
  expect(old).toMatchObject({ due: [], alreadySent: 1 });
  const next = planManualReminders(
    input(at(16, 1, 2024), {
      reports: [returnedA, { ...returnedA, period: '2023-12', version: 1, state: 'submitted' }],
    }),
    ['A', 'B'],
  );
  expect(next.due.map((r) => [r.orgId, r.period, r.daysLeft, r.returnedVersion, r.months.length])).toEqual([
    ['B', '2023-11, 2023-12', 14, null, 2],
    ['A', '2023-11', -17, 2, 1],
  ]);
  const none = planManualReminders(
    input(at(16, 1, 2024), { organisations: [...ORGS, { id: 'C', coordinatorEmails: [] }] }),
    ['C'],
  );
  expect(none.due).toEqual([]);
  expect(none.unreachable.map((u) => u.orgId)).toEqual(['C', 'C']);
});

test('one e-mail per organisation a day: an organisation e-mailed today (a «напомнить сейчас») waits until tomorrow', () => {
  const asOf = at(23, 12, 2023);
  const today = moscowDayNumber(asOf);
  const plan = planReminders(input(asOf, { lastMailDay: new Map([['A', today]]) }));
  expect(plan.due.map((r) => r.orgId)).toEqual(['B']);
  const tomorrow = planReminders(input(at(24, 12, 2023), { lastMailDay: new Map([['A', today]]) }));
  // (B's would go again too: this pure plan has no ledger of today's e-mails.)
  expect(tomorrow.due.map((r) => `${r.orgId}:${r.slotOffset}`)).toEqual(['A:7', 'B:7']);
  // …and the other way round: the trigger's e-mail of today holds back «напомнить сейчас».
  const manual = planManualReminders(input(asOf, { lastMailDay: new Map([['A', today]]) }), ['A', 'B']);
  expect(manual.due.map((r) => r.orgId)).toEqual(['B']);
  expect(manual.alreadySent).toBe(1);
});

test('an organisation owes nothing before its «отчитывается с» month, and nothing at all once closed', () => {
  const orgs = [
    { id: 'NEW', coordinatorEmails: ['new@example.org'], reportsFrom: '2024-02' },
    { id: 'SHUT', coordinatorEmails: ['shut@example.org'], closedOn: '2024-01-10' },
    { id: 'OLD', coordinatorEmails: ['old@example.org'] },
  ];
  // 01.03.2024: November–January are overdue for OLD; NEW owes February only (not due yet); SHUT nothing.
  const plan = planReminders(input(at(1, 3, 2024), { organisations: orgs }));
  expect(plan.due.filter((r) => r.kind !== 'digest').map((r) => r.orgId)).toEqual(['OLD']);
  expect(plan.due.find((r) => r.kind === 'digest')?.outstandingOrgIds).toEqual(['OLD']);
  const manual = planManualReminders(input(at(1, 3, 2024), { organisations: orgs }), ['NEW', 'SHUT']);
  expect(manual.due.map((r) => `${r.orgId}:${r.months.map((m) => m.period).join('+')}`)).toEqual(['NEW:2024-02']);
  expect(manual.upToDate).toEqual(['SHUT']);
});
