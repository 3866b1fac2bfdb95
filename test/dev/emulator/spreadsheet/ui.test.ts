// Ui and Menu: menus per document and user, dialogs recorded, alerts/prompts answered from a queue.
import { makeStore, makeTestContext, DOC_ID, OWNER, EDITOR } from './testContext';

const html = (content: string, title = 'Отчёт', width = 300, height = 200) => ({
  getContent: () => content,
  getTitle: () => title,
  getWidth: () => width,
  getHeight: () => height,
});

describe('Ui', () => {
  it('records add-on menus per user, replacing the previous one on reopen', () => {
    const store = makeStore();
    const ui = makeTestContext({ store }).app.getUi();
    ui.createAddonMenu()
      .addItem('Открыть', 'openSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Админ').addItem('Сводка', 'showSummary'))
      .addToUi();
    makeTestContext({ store }).app.getUi().createAddonMenu().addItem('Только одно', 'one').addToUi();
    expect(store.ui.getMenus(DOC_ID, OWNER)).toEqual([
      { key: 'addon', name: '', items: [{ kind: 'item', caption: 'Только одно', functionName: 'one' }] },
    ]);
    expect(store.ui.getMenus(DOC_ID, EDITOR)).toEqual([]);
  });

  it('records sidebars and dialogs with their HTML', () => {
    const { app, store } = makeTestContext();
    const ui = app.getUi();
    ui.showSidebar(html('<b>Sidebar</b>') as never);
    ui.showModalDialog(html('<p>Modal</p>') as never, 'Заголовок');
    expect(store.ui.listEvents(DOC_ID, OWNER)).toMatchObject([
      { kind: 'sidebar', title: 'Отчёт', content: '<b>Sidebar</b>', width: 300, height: 200 },
      { kind: 'modal', title: 'Заголовок', content: '<p>Modal</p>' },
    ]);
  });

  it('answers alerts and prompts from the scripted queue; defaults OK / CLOSE', () => {
    const { app, store } = makeTestContext();
    const ui = app.getUi();
    expect(ui.alert('Сохранено')).toBe(ui.Button.OK);
    expect(ui.alert('Удалить?', ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
    store.ui.queueResponse(DOC_ID, OWNER, { button: 'YES' });
    expect(ui.alert('Внимание', 'Удалить?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    store.ui.queueResponse(DOC_ID, OWNER, { button: 'OK', text: 'причина' });
    const r = ui.prompt('Причина возврата', ui.ButtonSet.OK_CANCEL);
    expect([r.getSelectedButton(), r.getResponseText()]).toEqual([ui.Button.OK, 'причина']);
    expect(String(ui.prompt('Ещё').getSelectedButton())).toBe('CLOSE');
    expect(
      store.ui
        .listEvents(DOC_ID)
        .filter((e) => e.kind === 'alert')
        .map((e) => [e.title, e.content, e.buttons]),
    ).toEqual([
      ['', 'Сохранено', 'OK'],
      ['', 'Удалить?', 'YES_NO'],
      ['Внимание', 'Удалить?', 'YES_NO'],
    ]);
  });

  it('rejects things that are not HtmlOutput', () => {
    const ui = makeTestContext().app.getUi();
    expect(() => ui.showSidebar('<b>x</b>' as never)).toThrow(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });
});
