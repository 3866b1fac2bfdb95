// One preview session: the persisted emulator store with the demo district, who is at the
// keyboard, and every action of the page as an Apps Script execution of the real dist/Code.js.
import fs from 'node:fs';
import path from 'node:path';
import { shimTags } from '../bridge/inject';
import { createEmulator, type Emulator, type ExecutionResult } from '../emulator';
import { loadStore, restoreStore, saveStore, snapshotStore } from '../emulator/store/memory';
import type { MenuData, MenuItemData, UiEvent, UiResponse } from '../emulator/store/spreadsheetStore';
import { DEMO_OWNER, DEMO_SPREADSHEET_NAME, DEMO_STRANGER, DEMO_TODAY, seedDemo } from './demo';
import { writeOutbox, emlName } from './eml';
import { columnLetter, sheetGrid, sheetTabs, type GridView, type SheetTab } from './grid';

/** Typing into a cell, run as the user through Apps Script's own Range methods (protections apply). */
const EDIT_CODE = `function previewEdit_(sheetId, row, column, input) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets().filter(function (s) { return s.getSheetId() === sheetId; })[0];
  var range = sheet.getRange(row, column);
  if (String(input).charAt(0) === '=') range.setFormula(input); else range.setValue(input);
}`;
import { previewText } from './messages';

export interface PreviewOptions {
  /** Folder of store.json, meta.json and outbox/ (created when missing). */
  dataDir: string;
  /** Throw the saved state away and seed the demo district again. */
  reset?: boolean;
  /** Where the terminal log goes (default: console.log). */
  log?: (line: string) => void;
  /** Folder with the built Code.js and HTML (default: the repository's dist/). */
  distDir?: string;
}

export interface PreviewUser {
  email: string;
  label: string;
}

/** A UI event as the page shows it (the HTML of sidebars/dialogs is served at /ui/<index>). */
export interface UiEventView {
  index: number;
  kind: UiEvent['kind'];
  title: string;
  /** Message text of alerts, prompts and toasts. */
  text: string;
  width: number | null;
  height: number | null;
  buttons: string | null;
}

/** A dialog the script is waiting on: the page asks the user and answers with its token. */
export interface Question extends UiEventView {
  token: string;
}

export interface OutboxItem {
  n: number;
  file: string;
  from: string;
  to: string;
  subject: string;
  body: string;
  sentAt: number;
}

export interface PreviewState {
  spreadsheetName: string;
  user: string;
  users: PreviewUser[];
  now: number;
  menus: MenuData[];
  tabs: SheetTab[];
  grid: GridView | null;
  outbox: OutboxItem[];
  quota: { user: string; remaining: number; limit: number };
  triggers: { handler: string; owner: string; every: string }[];
  /** Sidebars, dialogs, alerts and toasts shown since the page last asked. */
  events: UiEventView[];
}

const flatten = (items: MenuItemData[]): MenuItemData[] =>
  items.flatMap((i) => (i.kind === 'submenu' ? flatten(i.items ?? []) : [i]));
const SHOWN_KINDS = new Set<UiEvent['kind']>(['sidebar', 'modal', 'modeless', 'alert', 'prompt', 'toast']);

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** The emulated district and what the page does with it. */
export class PreviewSession {
  readonly em: Emulator;
  readonly doc: string;
  user: string;
  private readonly storeFile: string;
  private readonly metaFile: string;
  readonly outboxDir: string;
  private readonly log: (line: string) => void;
  /** Index of the first UI event the page has not been told about. */
  private cursor: number;
  /** Per user (each browser tab acts as its own user): events not yet shown to them. */
  private pending = new Map<string, UiEventView[]>();
  private editor: Emulator | null = null;
  private questions = new Map<string, { fn: string; user: string; answers: UiResponse[] }>();
  private usersCache: PreviewUser[] | null = null;
  private sequence = 0;

  constructor(opts: PreviewOptions) {
    this.log = opts.log ?? ((line) => console.log(line));
    fs.mkdirSync(opts.dataDir, { recursive: true });
    this.storeFile = path.join(opts.dataDir, 'store.json');
    this.metaFile = path.join(opts.dataDir, 'meta.json');
    this.outboxDir = path.join(opts.dataDir, 'outbox');
    if (opts.reset) {
      fs.rmSync(this.storeFile, { force: true });
      fs.rmSync(this.metaFile, { force: true });
      fs.rmSync(this.outboxDir, { recursive: true, force: true });
    }
    const fresh = !fs.existsSync(this.storeFile);
    const store = fresh ? undefined : loadStore(this.storeFile);
    this.em = createEmulator({
      ...(store ? { store } : { now: DEMO_TODAY }),
      ...(opts.distDir ? { distDir: opts.distDir } : {}),
    });
    if (fresh) {
      const started = Date.now();
      this.doc = this.em.createSpreadsheet({ name: DEMO_SPREADSHEET_NAME, owner: DEMO_OWNER });
      const runs = seedDemo(this.em, this.doc, this.log);
      this.log(previewText.log.seeded(runs, Date.now() - started));
    } else {
      const id = this.em.store.spreadsheets.listSpreadsheetIds()[0];
      if (!id) throw new Error(`${this.storeFile}: no spreadsheet; start with --reset`);
      this.doc = id;
      this.log(previewText.log.loaded(this.storeFile));
    }
    const meta = fs.existsSync(this.metaFile)
      ? (JSON.parse(fs.readFileSync(this.metaFile, 'utf8')) as { user?: string })
      : {};
    this.user = typeof meta.user === 'string' ? meta.user : DEMO_OWNER;
    this.cursor = this.em.store.ui.listEvents(this.doc).length;
    this.save();
  }

  /** Store and meta to disk, atomically; new e-mails as .eml files. */
  save(): void {
    saveStore(this.em.store, this.storeFile);
    const tmp = `${this.metaFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ user: this.user }));
    fs.renameSync(tmp, this.metaFile);
    writeOutbox(this.outboxDir, this.em.store.mail.sent());
  }

  private report(what: string, user: string, r: ExecutionResult): void {
    const who = user || previewText.noEmailShort;
    let line = `[${clock()}] ${what} · ${who} · ${Math.round(r.durationMs)} мс · ${previewText.log.calls(r.spreadsheetCalls)}`;
    if (!r.ok) line += ` · ${previewText.log.error}: ${r.error?.message}`;
    this.log(line);
    for (const l of r.logs) this.log(`    ${l}`);
    if (r.unlockedWrites.length > 0)
      this.log(`    ${previewText.log.unlocked}: ${r.unlockedWrites.slice(0, 3).join('; ')}`);
  }

  /** Moves UI events recorded since the cursor into the page's queue. */
  private collect(): void {
    const events = this.em.store.ui.listEvents(this.doc);
    for (let i = this.cursor; i < events.length; i++) {
      const e = events[i]!;
      if (!SHOWN_KINDS.has(e.kind)) continue;
      this.pending.set(e.user, [...(this.pending.get(e.user) ?? []), this.view(e, i)]);
    }
    this.cursor = events.length;
    this.usersCache = null;
  }

  private view(e: UiEvent, index: number): UiEventView {
    const html = e.kind === 'sidebar' || e.kind === 'modal' || e.kind === 'modeless';
    return {
      index,
      kind: e.kind,
      title: e.title,
      text: html ? '' : e.content,
      width: e.width,
      height: e.height,
      buttons: e.buttons,
    };
  }

  /** The simple trigger onOpen as the current user, as Sheets runs it when the document opens. */
  openDocument(): void {
    const r = this.em.run('onOpen', [{ authMode: 'LIMITED', source: null, user: null }], {
      user: this.user,
      documentId: this.doc,
      authMode: 'LIMITED',
    });
    this.report('onOpen', this.user, r);
    this.collect();
    this.save();
  }

  /** The people one can be: the admin, each coordinator of the registry, an unknown user, no e-mail. */
  users(): PreviewUser[] {
    if (this.usersCache) return this.usersCache;
    const owner = this.em.store.spreadsheets.getSpreadsheet(this.doc)?.owner ?? DEMO_OWNER;
    const list: PreviewUser[] = [{ email: owner, label: previewText.users.admin(owner) }];
    const r = this.em.runFromClient<{ organisations: { name: string; coordinatorEmails: string[] }[] }>(
      'getRegistry',
      [],
      { user: owner, documentId: this.doc },
    );
    if (r.ok && r.value) {
      const byEmail = new Map<string, string[]>();
      for (const org of r.value.organisations)
        for (const e of org.coordinatorEmails) byEmail.set(e, [...(byEmail.get(e) ?? []), org.name]);
      for (const [email, orgs] of byEmail)
        if (email !== owner) list.push({ email, label: previewText.users.coordinator(email, orgs) });
    }
    list.push(
      { email: DEMO_STRANGER, label: previewText.users.stranger(DEMO_STRANGER) },
      { email: '', label: previewText.users.noEmail },
    );
    if (!list.some((u) => u.email === this.user)) list.push({ email: this.user, label: this.user });
    this.usersCache = list;
    return list;
  }

  /** Switch who is at the keyboard: reopens the document (onOpen) as them. */
  setUser(email: string): void {
    this.user = email.trim().toLowerCase();
    this.pending.delete(this.user);
    for (const [token, q] of this.questions) if (q.user === this.user) this.questions.delete(token);
    this.openDocument();
  }

  /**
   * Runs `fn` as `user` (a browser tab's own user; null: the session's default). Every action is
   * synchronous, so no other tab's request runs in between; the default is restored after.
   */
  withUser<T>(user: string | null, fn: () => T): T {
    if (user === null) return fn();
    const saved = this.user;
    this.user = user.trim().toLowerCase();
    try {
      return fn();
    } finally {
      this.user = saved;
    }
  }

  /**
   * Typing into a cell of the grid, as the current user: a value (read as Sheets reads typed input)
   * or a formula (one starting with «=», custom functions included). Protections are the store's:
   * a protected cell the user may not edit is refused with Apps Script's message; a warning-only one
   * asks first (`confirmed` false → the warning, nothing written), as Sheets' own dialog does.
   */
  editCell(
    sheetId: number,
    row: number,
    column: number,
    input: string,
    confirmed: boolean,
  ): { ok?: true; warning?: string; error?: string } {
    const store = this.em.store;
    const sheet = store.spreadsheets.getSpreadsheet(this.doc)?.sheets.find((s) => s.sheetId === sheetId);
    if (!sheet) return { error: previewText.edit.noSheet };
    const inRect = (r: { row: number; column: number; numRows: number; numColumns: number }): boolean =>
      row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns;
    const warning = store.spreadsheets
      .listProtections(this.doc)
      .find(
        (p) =>
          p.sheetId === sheetId && p.warningOnly && (p.rect === null || inRect(p.rect)) && !p.unprotected.some(inRect),
      );
    if (warning && !confirmed) return { warning: previewText.edit.warning(warning.description) };
    this.editor ??= createEmulator({ store, code: EDIT_CODE });
    const r = this.editor.run('previewEdit_', [sheetId, row, column, input], {
      user: this.user,
      documentId: this.doc,
      authMode: 'FULL',
    });
    this.report(previewText.edit.log(sheet.name, columnLetter(column) + String(row)), this.user, r);
    this.save();
    return r.ok ? { ok: true } : { error: r.error?.message ?? 'Error' };
  }

  private menuFunctions(): Set<string> {
    const names = this.em.store.ui
      .getMenus(this.doc, this.user)
      .flatMap((m) => flatten(m.items))
      .map((i) => i.functionName ?? '');
    return new Set(names.filter((n) => n !== ''));
  }

  /**
   * A menu item: runs `fn` as the current user. When the script asks something (a prompt or a
   * Yes/No alert), the run is undone and the question returned; answer() replays it with the answers.
   * @throws if `fn` is not an item of the current user's menus
   */
  runMenuItem(fn: string, answers: UiResponse[] = []): { question?: Question; error?: string } {
    if (!this.menuFunctions().has(fn)) throw new Error(previewText.notInMenu(fn));
    const before = snapshotStore(this.em.store);
    const start = this.em.store.ui.listEvents(this.doc).length;
    for (const a of answers) this.em.store.ui.queueResponse(this.doc, this.user, a);
    const r = this.em.run(fn, [], { user: this.user, documentId: this.doc, authMode: 'FULL' });
    while (this.em.store.ui.takeResponse(this.doc, this.user)) {
      /* drop answers the script did not use */
    }
    const dialogs = this.em.store.ui
      .listEvents(this.doc)
      .slice(start)
      .map((e, i) => ({ e, i: start + i }))
      .filter(({ e }) => e.kind === 'alert' || e.kind === 'prompt');
    const given = [...answers];
    for (let k = given.length; k < dialogs.length; k++) {
      const { e, i } = dialogs[k]!;
      if (e.kind === 'alert' && e.buttons === 'OK') {
        given.push({ button: 'OK' });
        continue;
      }
      restoreStore(this.em.store, before);
      this.report(`${fn} (${previewText.log.waits})`, this.user, r);
      const token = `q${++this.sequence}`;
      this.questions.set(token, { fn, user: this.user, answers: given });
      return { question: { ...this.view(e, i), token } };
    }
    this.report(fn, this.user, r);
    // Questions the user answered are not shown again; plain messages and new panels are.
    const answered = new Set(
      dialogs.filter(({ e }, k) => k < answers.length && !(e.kind === 'alert' && e.buttons === 'OK')).map(({ i }) => i),
    );
    this.collect();
    this.pending.set(
      this.user,
      (this.pending.get(this.user) ?? []).filter((v) => !answered.has(v.index)),
    );
    this.save();
    return r.ok ? {} : { error: r.error?.message ?? '' };
  }

  /** The user's answer to a question from runMenuItem: replays the menu item with it. */
  answer(token: string, response: UiResponse): { question?: Question; error?: string } {
    const q = this.questions.get(token);
    this.questions.delete(token);
    if (!q || q.user !== this.user) throw new Error(previewText.staleQuestion);
    return this.runMenuItem(q.fn, [...q.answers, response]);
  }

  /**
   * google.script.run from a sidebar or dialog: Apps Script's argument and result rules, as the user
   * who opened it (the current user when `ui` is not given).
   */
  runClient(fn: string, args: unknown[], ui: number | null): { ok: boolean; value?: unknown; error?: string } {
    const event = ui === null ? undefined : this.em.store.ui.listEvents(this.doc)[ui];
    const user = event ? event.user : this.user;
    const r = this.em.runFromClient(fn, Array.isArray(args) ? args : [], {
      user,
      documentId: this.doc,
      authMode: 'FULL',
    });
    this.report(`google.script.run.${fn}`, user, r);
    this.collect();
    this.save();
    return r.ok ? { ok: true, value: r.value ?? null } : { ok: false, error: r.error?.message ?? 'Error' };
  }

  /** Sets "today" (epoch ms). */
  setNow(ms: number): void {
    this.em.setNow(ms);
    this.log(`[${clock()}] ${previewText.log.clock(ms)}`);
    this.save();
  }

  /** «Запустить ежедневный триггер»: every time-driven trigger of the document, as its owner. */
  runDailyTrigger(): { message: string; sent: number } {
    const triggers = this.em.store.triggers.list().filter((t) => t.documentId === this.doc && t.eventType === 'CLOCK');
    if (triggers.length === 0) return { message: previewText.trigger.none, sent: 0 };
    const before = this.em.store.mail.sent().length;
    const failures: string[] = [];
    for (const t of triggers) {
      const r = this.em.runTrigger(t.id);
      this.report(`${previewText.log.trigger} ${t.handler}`, t.owner, r);
      if (!r.ok) failures.push(`${t.handler}: ${r.error?.message}`);
    }
    this.collect();
    this.save();
    const sent = this.em.store.mail.sent().length - before;
    return {
      message: failures.length
        ? previewText.trigger.failed(failures.join('; '))
        : previewText.trigger.done(
            triggers.map((t) => t.handler),
            sent,
          ),
      sent,
    };
  }

  /** The HTML of a sidebar/dialog with google.script.run bridged to this session as its user. */
  uiHtml(index: number): string | null {
    const e = this.em.store.ui.listEvents(this.doc)[index];
    if (!e || !['sidebar', 'modal', 'modeless'].includes(e.kind)) return null;
    const call =
      `<script>window.__previewCall=function(fn,args){return fetch('/api/run',{method:'POST',headers:{'content-type':'application/json'},` +
      `body:JSON.stringify({fn:fn,args:args,ui:${index}})}).then(function(r){return r.json();}).then(function(a){` +
      `try{window.parent.postMessage({type:'preview.ran'},'*');}catch(e){}return a;});};</script>\n`;
    const tags = call + shimTags({ call: '__previewCall', close: '' });
    const at = e.content.indexOf('<head>');
    return at < 0 ? tags + e.content : e.content.slice(0, at + 6) + '\n' + tags + e.content.slice(at + 6);
  }

  /** Everything the page draws, for sheet `sheetId` (default: the active or first visible sheet). */
  state(sheetId: number | null): PreviewState {
    const store = this.em.store;
    const tabs = sheetTabs(store, this.doc);
    const active = store.spreadsheets.getActiveSheetId(this.doc, this.user);
    const withContent = (t: SheetTab) =>
      !t.hidden && (store.spreadsheets.getDataExtent(this.doc, t.sheetId)?.lastRow ?? 0) > 0;
    const chosen =
      tabs.find((t) => t.sheetId === sheetId) ??
      tabs.find((t) => t.sheetId === active && !t.hidden) ??
      tabs.find(withContent) ??
      tabs.find((t) => !t.hidden) ??
      tabs[0];
    const sent = store.mail.sent();
    const quotaUser = this.user || DEMO_OWNER;
    const events = this.pending.get(this.user) ?? [];
    this.pending.delete(this.user);
    return {
      spreadsheetName: store.spreadsheets.getSpreadsheet(this.doc)?.name ?? '',
      user: this.user,
      users: this.users(),
      now: this.em.now(),
      menus: store.ui.getMenus(this.doc, this.user),
      tabs,
      grid: chosen ? sheetGrid(store, this.doc, chosen.sheetId) : null,
      outbox: sent
        .map((m, i) => ({
          n: i + 1,
          file: emlName(m, i + 1),
          from: m.from,
          to: m.to.join(', '),
          subject: m.subject,
          body: m.body,
          sentAt: m.sentAt,
        }))
        .reverse(),
      quota: {
        user: quotaUser,
        remaining: store.mail.remaining(quotaUser, this.em.now()),
        limit: store.mail.getDailyLimit(),
      },
      triggers: store.triggers
        .list()
        .filter((t) => t.documentId === this.doc)
        .map((t) => ({
          handler: t.handler,
          owner: t.owner,
          every: previewText.trigger.schedule(t.eventType, t.schedule),
        })),
      events,
    };
  }
}
