// «Включить / Отключить напоминания»: exactly one hourly trigger, shown in the status; admins only.
import { ADMIN2, COORD_A, district, OWNER } from '../../support/district';
import { fire, msk, reminderTriggers, setSetting, withReminderApi } from './reminderSupport';

const alerts = (d: ReturnType<typeof district>, user: string) =>
  d.em.store.ui
    .listEvents(d.doc, user)
    .filter((e) => e.kind === 'alert')
    .map((e) => e.content);

interface Status {
  enabled: boolean;
  triggerOwner: string;
  lastRun: { at: string; outcome: string; error: string } | null;
  lastSuccessAt: string | null;
  stale: boolean;
}
const status = (d: ReturnType<typeof district>): Status => {
  const r = withReminderApi(d).run<Status>('getReminderStatus', [], { user: OWNER, documentId: d.doc });
  if (!r.ok) throw new Error(r.error?.message);
  return r.value!;
};

test('«включить» twice leaves one hourly trigger; «отключить» removes it', () => {
  const d = district(msk('20.12.2023', 12));
  d.call(OWNER, 'enableReminders');
  d.call(OWNER, 'enableReminders');
  const triggers = reminderTriggers(d.em);
  expect(triggers).toHaveLength(1);
  expect(triggers[0]).toMatchObject({
    owner: OWNER,
    documentId: d.doc,
    eventType: 'CLOCK',
    schedule: { everyHours: 1 },
  });
  const [first, second] = alerts(d, OWNER).slice(-2);
  expect(first).toContain('Напоминания включены');
  expect(second).toContain('Напоминания уже включены');
  expect(status(d)).toEqual({ enabled: true, triggerOwner: OWNER, lastRun: null, lastSuccessAt: null, stale: false });
  d.em.setNow(msk('23.12.2023'));
  fire(d.em);
  expect(status(d).lastRun).toMatchObject({ outcome: 'ok', error: '' });
  d.call(OWNER, 'disableReminders');
  expect(reminderTriggers(d.em)).toEqual([]);
  expect(status(d)).toMatchObject({ enabled: false, triggerOwner: '' });
  d.call(OWNER, 'disableReminders');
  expect(alerts(d, OWNER).slice(-2)).toEqual([
    expect.stringContaining('Напоминания отключены'),
    'Напоминания и так отключены.',
  ]);
});

test('another admin taking over: the old trigger removes itself when it fires, and sends nothing', () => {
  const d = district(msk('20.12.2023', 12));
  setSetting(d, 'adminEmails', ADMIN2);
  d.call(OWNER, 'enableReminders');
  const ownerTrigger = reminderTriggers(d.em)[0]!.id;
  d.call(ADMIN2, 'enableReminders');
  expect(alerts(d, ADMIN2).pop()).toContain(`Раньше напоминания отправлялись от имени ${OWNER}`);
  expect(reminderTriggers(d.em).map((t) => t.owner)).toEqual([OWNER, ADMIN2]);
  d.em.setNow(msk('23.12.2023'));
  fire(d.em, ownerTrigger);
  expect(d.em.store.mail.sent()).toEqual([]);
  expect(reminderTriggers(d.em).map((t) => t.owner)).toEqual([ADMIN2]);
  fire(d.em);
  expect(d.em.store.mail.sent().map((m) => m.from)).toEqual([ADMIN2, ADMIN2]);
  expect(status(d).triggerOwner).toBe(ADMIN2);
});

test('a trigger left after «отключить» by another admin deletes itself', () => {
  const d = district(msk('20.12.2023', 12));
  setSetting(d, 'adminEmails', ADMIN2);
  d.call(OWNER, 'enableReminders');
  d.call(ADMIN2, 'disableReminders');
  expect(alerts(d, ADMIN2).pop()).toContain(`созданный ${OWNER}, удалится сам`);
  d.em.setNow(msk('23.12.2023'));
  fire(d.em);
  expect(reminderTriggers(d.em)).toEqual([]);
  expect(d.em.store.mail.sent()).toEqual([]);
});

test('a coordinator cannot switch reminders on; the admin menu offers both items', () => {
  const d = district(msk('20.12.2023', 12));
  d.call(COORD_A, 'enableReminders');
  expect(alerts(d, COORD_A).pop()).toContain('только администраторам');
  expect(reminderTriggers(d.em)).toEqual([]);
  d.call(OWNER, 'onOpen', { authMode: 'FULL' });
  const items = d.em.store.ui
    .getMenus(d.doc, OWNER)
    .flatMap((m) => m.items)
    .map((i) => [i.caption, i.functionName]);
  expect(items).toEqual(
    expect.arrayContaining([
      ['Включить напоминания', 'enableReminders'],
      ['Отключить напоминания', 'disableReminders'],
    ]),
  );
});
