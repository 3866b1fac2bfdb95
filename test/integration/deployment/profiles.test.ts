// A district's first days under each deployment profile, through the built bundle (dist/ for the
// bound script, dist-addon/ for the add-on), with Google revealing as little as it may: the menu
// never depends on the e-mail, roles are decided on the click, hidden e-mails get one Russian
// explanation, reminders go out with no active spreadsheet, a stopped trigger shows after 26 hours,
// and «Проверка установки» reports on all of it.
import { PROFILES } from '../../../src/dev/emulator';
import { accessHelp, identityHelp, serverErrors, setupCheckTexts } from '../../../src/domain/messages';
import { COORD_A, district, OWNER, SCHOOL, STRANGER, type District } from '../../support/district';
import { lastRun, metadata, msk, reminderTriggers } from '../reminders/reminderSupport';

const events = (d: District, user: string) => d.em.store.ui.listEvents(d.doc, user);
const lastEvent = (d: District, user: string) => events(d, user).at(-1)!;

/** The menu `user` gets when the document opens (onOpen in LIMITED: Google reveals no e-mail). */
function menuOnOpen(d: District, user: string): string[] {
  const r = d.em.run('onOpen', [{ authMode: 'LIMITED' }], { user, documentId: d.doc, authMode: 'LIMITED' });
  expect(r.ok).toBe(true);
  return d.em.store.ui
    .getMenus(d.doc, user)
    .flatMap((m) => m.items)
    .map((i) => i.functionName ?? '—');
}

/** A menu item clicked by `user` (FULL mode); returns what the user saw. */
function click(d: District, user: string, fn: string, emailHiding: 'none' | 'active' | 'both' = 'none') {
  const r = d.em.run(fn, [], { user, documentId: d.doc, authMode: 'FULL', emailHiding });
  expect(r.error).toBeUndefined();
  return lastEvent(d, user);
}

describe.each(PROFILES)('profile %s', (profile) => {
  it('everyone gets the same working menu from onOpen; the role is decided on the click', () => {
    const d = district(msk('20.12.2023', 12), profile);
    const menu = menuOnOpen(d, OWNER);
    expect(menuOnOpen(d, COORD_A)).toEqual(menu);
    expect(menuOnOpen(d, STRANGER)).toEqual(menu);
    expect(menu).toEqual(
      expect.arrayContaining(['showReportSidebar', 'showDistrictSummary', 'showAccessHelp', 'runSetupCheck']),
    );
    // Personal accounts of another domain: getActiveUser() is hidden, getEffectiveUser() is not.
    expect(click(d, OWNER, 'showDistrictSummary', 'active')).toMatchObject({ kind: 'sidebar' });
    expect(click(d, COORD_A, 'showReportSidebar', 'active')).toMatchObject({ kind: 'sidebar' });
    expect(click(d, COORD_A, 'showDistrictSummary', 'active')).toMatchObject({
      kind: 'alert',
      content: serverErrors.notAdmin,
    });
    expect(click(d, STRANGER, 'showReportSidebar')).toMatchObject({
      kind: 'alert',
      content: expect.stringContaining(`Адрес ${STRANGER} не указан в реестре`),
    });
  });

  it('«Как получить доступ» consults the registry: a registered coordinator is never told they are missing', () => {
    const d = district(msk('20.12.2023', 12), profile);
    const help = click(d, COORD_A, 'showAccessHelp', 'active');
    expect(help.content).toContain(SCHOOL.name);
    expect(help.content).not.toContain('не указан');
    expect(click(d, OWNER, 'showAccessHelp').content).toContain('администратор округа');
    // Registered under another form of the same address: still the same person.
    expect(click(d, COORD_A.toUpperCase(), 'showAccessHelp').content).toContain(SCHOOL.name);
  });

  it('when Google hides the e-mail even in FULL mode: one Russian explanation, nothing opened', () => {
    const d = district(msk('20.12.2023', 12), profile);
    expect(click(d, COORD_A, 'showReportSidebar', 'both')).toMatchObject({
      kind: 'alert',
      content: serverErrors.noEmail,
    });
    expect(serverErrors.noEmail).toContain(identityHelp.oneAccount);
    const access = d.em.runFromClient<{ role: string; message: string }>('getMyAccess', [], {
      user: COORD_A,
      documentId: d.doc,
      emailHiding: 'both',
    });
    expect(access.value).toMatchObject({ role: 'none', message: serverErrors.noEmail });
    expect(click(d, COORD_A, 'showAccessHelp', 'both').content).toBe(accessHelp.noEmail(OWNER));
  });

  it('the reminder run sends, records its context and keeps «Сегодня»; a silent trigger shows after 26 hours', () => {
    const d = district(msk('20.12.2023', 12), profile);
    d.call(OWNER, 'enableReminders');
    d.em.setNow(msk('23.12.2023', 7));
    const [trigger] = reminderTriggers(d.em);
    expect(trigger?.schedule).toEqual({ everyHours: 1 });
    const r = d.em.runTrigger(trigger!.id);
    expect(r.ok).toBe(true);
    expect(d.em.store.mail.sent().map((m) => m.to[0])).toEqual(expect.arrayContaining([COORD_A]));
    expect(lastRun(d)).toMatchObject({
      outcome: 'ok',
      context: { activeSpreadsheet: profile === 'bound', documentProperties: profile === 'bound', lock: 'script' },
    });
    const today = d.sheet('Настройки').find((row) => row[0] === 'today');
    expect(today?.[2]).toEqual(new Date(msk('23.12.2023', 0)));
    // Nothing runs for 27 hours: the summary and the self-check say so.
    d.em.setNow(msk('24.12.2023', 10));
    const summary = d.call<{ reminders: { lines: string[]; failed: boolean } }>(OWNER, 'getDistrictSummary', null);
    expect(summary.reminders.failed).toBe(true);
    expect(summary.reminders.lines.join(' ')).toContain('Напоминания не срабатывают');
    expect(click(d, OWNER, 'runSetupCheck').content).toContain(`${setupCheckTexts.problem} ${setupCheckTexts.stale}`);
    // «Включить напоминания» re-creates the broken trigger.
    expect(click(d, OWNER, 'enableReminders').content).toContain(setupCheckTexts.triggerRecreated.trim());
    const [recreated] = reminderTriggers(d.em);
    expect(recreated!.id).not.toBe(trigger!.id);
    expect(JSON.parse(metadata(d, 'reminders.trigger')!)).toMatchObject({ triggerId: recreated!.id });
    const again = d.call<{ reminders: { lines: string[] } }>(OWNER, 'getDistrictSummary', null);
    expect(again.reminders.lines.join(' ')).not.toContain('Напоминания не срабатывают');
  });

  it('a trigger nobody recorded removes itself without sending', () => {
    const d = district(msk('20.12.2023', 12), profile);
    d.call(OWNER, 'enableReminders');
    const [trigger] = reminderTriggers(d.em);
    d.em.store.properties.remove(`user:${OWNER}`, [`reminders.trigger.${trigger!.id}`]);
    d.em.setNow(msk('23.12.2023', 7));
    d.em.runTrigger(trigger!.id);
    if (profile === 'addon') {
      // No document, no record: it cannot know its spreadsheet, so it goes.
      expect(reminderTriggers(d.em)).toEqual([]);
      expect(d.em.store.mail.sent()).toEqual([]);
    } else {
      // The bound script's trigger still has its spreadsheet.
      expect(d.em.store.mail.sent().length).toBeGreaterThan(0);
    }
  });

  it('«Проверка установки» reports every assumption and removes its scratch sheet', () => {
    const d = district(msk('20.12.2023', 12), profile);
    const sheetsBefore = d.em.store.spreadsheets.getSpreadsheet(d.doc)!.sheets.map((s) => s.name);
    const report = click(d, OWNER, 'runSetupCheck');
    expect(report.kind).toBe('modal');
    const text = report.content;
    expect(text).toContain(`сборка ${profile}`);
    expect(text).toContain(setupCheckTexts.callerVisible(OWNER));
    expect(text).toContain(setupCheckTexts.ownerVisible(OWNER));
    expect(text).toContain('Часовой пояс таблицы: Europe/Moscow; скрипта: Europe/Moscow.');
    expect(text).toContain('Ни один координатор не может его менять');
    expect(text).toContain(setupCheckTexts.remindersOff);
    expect(text).toContain('Осталось писем на сегодня по квоте Google: 100.');
    for (const t of ['=1+1', '+7 900 000-00-00', '@x'])
      expect(text).toContain(`${setupCheckTexts.ok} ${setupCheckTexts.formulaText(t, true)}`);
    expect(text).toContain(setupCheckTexts.bigCount(true));
    expect(text).toContain(setupCheckTexts.longComment(true));
    expect(text).toContain(setupCheckTexts.verdict(0));
    expect(d.em.store.spreadsheets.getSpreadsheet(d.doc)!.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(click(d, COORD_A, 'runSetupCheck')).toMatchObject({ kind: 'alert', content: serverErrors.notAdmin });
  });

  it(`onInstall ${profile === 'addon' ? 'builds the menu when the add-on is installed' : 'never runs for a bound script'}`, () => {
    const d = district(msk('20.12.2023', 12), profile);
    const r = d.em.install({ user: OWNER, documentId: d.doc });
    if (profile === 'addon') {
      expect(r?.ok).toBe(true);
      expect(d.em.store.ui.getMenus(d.doc, OWNER)).not.toEqual([]);
    } else expect(r).toBeNull();
  });
});
