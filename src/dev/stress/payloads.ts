// Hostile text in every text field a person can type: formulas, HTML and e-mail header injection.
// Each payload goes in through the API; then no cell may hold a formula or anything but the text
// typed, and no e-mail may carry the HTML unescaped or a header the payload made.
import { mirrorFormulas } from '../../server/storage/sheetMirror';
import { createEmulator } from '../emulator';
import { OWNER, organisationInput, reportFor, stressDistrict, type StressDistrict } from './district';

export const PAYLOADS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1;2)',
  '=IMPORTXML("https://example.com/";"//a")',
  '=HYPERLINK("https://example.com/";"нажмите")',
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '"><b>жирный</b><a href="javascript:alert(1)">ссылка</a>',
  'Тема\r\nBcc: victim@example.com',
  'строка\nSubject: поддельная тема',
  'x%0d%0aCc: victim@example.com',
] as const;

/** Where a payload can go: the call that stores it. */
interface Field {
  name: string;
  store(d: StressDistrict, payload: string, i: number): void;
}

const REGISTRY_FIELDS = [
  'name',
  'coordinatorName',
  'coordinatorPosition',
  'coordinatorPhone',
  'appointmentOrderNumber',
];

const FIELDS: Field[] = [
  ...(['comment', 'foreignMessengersExplanation'] as const).map(
    (name): Field => ({
      name: 'report.' + name,
      store(d, payload, i) {
        const o = d.orgs[0]!;
        const report = { ...reportFor(o, '2023-11', i), [name]: payload };
        if (name === 'foreignMessengersExplanation') report.noForeignMessengers = false;
        d.call(o.coordinator, 'submitReport', report, `payload-${name}-${i}`);
      },
    }),
  ),
  ...REGISTRY_FIELDS.map(
    (name): Field => ({
      name: 'registry.' + name,
      store(d, payload) {
        const o = d.orgs[1]!;
        const saved = d.call<{ ok: boolean }>(
          OWNER,
          'saveOrganisation',
          { ...organisationInput(o, 1), [name]: payload },
          false,
        );
        if (!saved.ok) throw new Error('refused'); // field errors in Russian: nothing stored
        // The organisation's name and coordinator reach e-mails: a reminder now carries them.
        d.call(OWNER, 'remindSelected', [o.id]);
      },
    }),
  ),
  {
    name: 'review.returnReason',
    store(d, payload, i) {
      const o = d.orgs[2]!;
      const v = d.call<{ version: number }>(
        o.coordinator,
        'submitReport',
        reportFor(o, '2023-12', i),
        `payload-return-${i}`,
      );
      d.call(OWNER, 'reviewReport', o.id, '2023-12', v.version, 'return', 'Причина: ' + payload);
    },
  },
];

/** Every formula in the workbook (the add-on writes its own: the «Настройки» rows of sheetMirror.ts). */
const FORMULAS =
  'function formulas() { var all = []; SpreadsheetApp.getActive().getSheets().forEach(function (s) {' +
  ' s.getDataRange().getFormulas().forEach(function (row) { row.forEach(function (f) { if (f) all.push(f); }); }); });' +
  ' return all; }';

export interface PayloadFigures {
  payloads: number;
  executed: number;
  examples: string[];
}

/** Stores every payload in every field (the first `limit` payloads), then looks for any that took effect. */
export function injectPayloads(limit = PAYLOADS.length): PayloadFigures {
  const d = stressDistrict(3);
  const used = PAYLOADS.slice(0, limit);
  const figures: PayloadFigures = { payloads: 0, executed: 0, examples: [] };
  const mark = (what: string) => {
    figures.executed++;
    if (figures.examples.length < 5) figures.examples.push(what);
  };
  let i = 0;
  for (const field of FIELDS) {
    for (const payload of used) {
      const mailsBefore = d.em.store.mail.sent().length;
      figures.payloads++;
      try {
        field.store(d, payload, i++);
      } catch {
        continue; // refused with a Russian message: nothing stored, nothing to execute
      }
      const cells = d.sheet(field.name.startsWith('registry') ? 'Реестр организаций' : 'Отчёты').flat();
      const stored = cells.some((c) => typeof c === 'string' && c.includes(payload.slice(0, 4)));
      if (!stored) mark(`${field.name}: «${payload}» not stored as text`);
      for (const m of d.em.store.mail.sent().slice(mailsBefore)) {
        const html = m.htmlBody ?? '';
        // The payload's markup as typed (a tag and what follows it) must never reach the HTML raw.
        const markup = payload.includes('<') ? payload.slice(payload.indexOf('<'), payload.indexOf('<') + 12) : '';
        if (markup && html.includes(markup)) mark(`${field.name}: HTML in an e-mail: ${payload}`);
        if (/[\r\n]/.test(m.subject) || m.to.concat(m.cc, m.bcc).some((a) => /victim|[\r\n]/.test(a)))
          mark(`${field.name}: header injected: ${payload}`);
      }
    }
  }
  const formulas = createLikeReader(d).run<string[]>('formulas', [], { user: OWNER, documentId: d.doc }).value ?? [];
  const own = Object.values(mirrorFormulas());
  for (const f of formulas) if (!own.includes(f)) mark(`a formula cell in the workbook: ${f}`);
  return figures;
}

function createLikeReader(d: StressDistrict) {
  return createEmulator({ store: d.em.store, code: FORMULAS });
}
