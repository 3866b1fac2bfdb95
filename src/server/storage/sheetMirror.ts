// Hidden «Настройки» rows whose formulas show what every call needs of other sheets: the data sheets'
// header rows, and the registry's code and e-mail columns. Read with the settings (one call every
// execution makes anyway), they spare a read of row 1 of each sheet and of a registry column. The
// formulas are live — a header or a registry cell changed by hand shows in them at once — and a
// mirror that is missing, typed over, an error (#REF! after a sheet was renamed, #VALUE! past a
// cell's 50 000 characters) or not the layout's is not used: the sheet is read as before (table.ts).
import { mirrorRows, sheetNames } from '../../domain/messages';
import { REGISTRY_LAYOUT } from './registrySheet';
import { columnLetters, rememberColumn, rememberHeaders } from './table';

/** The sheets whose headers the first row shows, in formula order. */
const MIRRORED: readonly string[] = [sheetNames.registry, sheetNames.reports, sheetNames.audit, sheetNames.ledger];
/** Between cells, and between sheets: symbols no one types in a sheet. */
const CELL = '␟';
const SHEET = '␞';
/** The registry columns mirrored, by layout key. */
const COLUMNS = { registryIds: 'id', registryEmails: 'coordinatorEmails' } as const;

export type MirrorKey = keyof typeof mirrorRows.labels;

const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * The formula of each row, as set-up writes it. TEXTJOIN with ignore_empty FALSE keeps blank cells,
 * so each keeps its place (https://support.google.com/docs/answer/7013992); ';' separates arguments
 * in every locale (src/dev/emulator/formulas/parser.ts). A column's mirror starts at its header cell,
 * so a column moved by hand (Sheets moves the reference with it) still names what it holds.
 */
export function mirrorFormulas(): Record<MirrorKey, string> {
  const column = (key: string): string => {
    const at = columnLetters(REGISTRY_LAYOUT.columns.findIndex((c) => c.key === key) + 1);
    return `=TEXTJOIN("${CELL}";FALSE;${quoted(sheetNames.registry)}!${at}1:${at})`;
  };
  return {
    sheetHeaders: '=' + MIRRORED.map((name) => `TEXTJOIN("${CELL}";FALSE;${quoted(name)}!1:1)`).join(`&"${SHEET}"&`),
    registryIds: column(COLUMNS.registryIds),
    registryEmails: column(COLUMNS.registryEmails),
  };
}

const MIRROR_KEYS: readonly string[] = Object.keys(mirrorRows.labels);

export const isMirrorKey = (key: unknown): key is MirrorKey => typeof key === 'string' && MIRROR_KEYS.includes(key);

/** Takes a mirror row's value (as the settings read it) as this execution's knowledge of the sheets. */
export function applyMirror(key: MirrorKey, value: unknown): void {
  if (typeof value !== 'string') return;
  if (key === 'sheetHeaders') {
    const parts = value.split(SHEET);
    if (parts.length === MIRRORED.length)
      rememberHeaders(new Map(MIRRORED.map((name, i) => [name, parts[i]!.split(CELL)])));
    return;
  }
  const [header = '', ...cells] = value.split(CELL);
  rememberColumn(REGISTRY_LAYOUT, COLUMNS[key], header, cells);
}
