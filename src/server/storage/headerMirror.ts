// The hidden «Настройки» row whose formula joins the header rows of the data sheets. Read with the
// settings (one call every execution makes anyway), it gives each sheet's header without reading row 1
// of that sheet. The formula is live — a header typed over, moved or deleted by hand shows in it at
// once — and a mirror that is missing, typed over or an error (#REF! after a sheet was renamed) is not
// used: the header is read from the sheet itself, as before (table.ts).
import { headerMirrorRow, sheetNames } from '../../domain/messages';

/** The sheets whose headers the row shows, in formula order. */
const MIRRORED: readonly string[] = [sheetNames.registry, sheetNames.reports, sheetNames.audit, sheetNames.ledger];
/** Between a sheet's header cells, and between sheets: symbols no one types in a header. */
const CELL = '␟';
const SHEET = '␞';

export const HEADER_MIRROR_KEY = headerMirrorRow.key;

/** The whole of row 1 of a sheet, in A1 notation ('' doubled inside a quoted sheet name). */
const rowOne = (name: string): string => `'${name.replace(/'/g, "''")}'!1:1`;

/**
 * The formula set-up writes. TEXTJOIN with ignore_empty FALSE keeps blank header cells, so each cell
 * keeps its column (https://support.google.com/docs/answer/7013992); ';' separates arguments in every
 * locale (src/dev/emulator/formulas/parser.ts).
 */
export function headerMirrorFormula(): string {
  return '=' + MIRRORED.map((name) => `TEXTJOIN("${CELL}";FALSE;${rowOne(name)})`).join(`&"${SHEET}"&`);
}

/** Each mirrored sheet's header cells from the row's value; empty when the value is not the formula's. */
export function parseHeaderMirror(value: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (typeof value !== 'string') return out;
  const parts = value.split(SHEET);
  if (parts.length !== MIRRORED.length) return out;
  MIRRORED.forEach((name, i) => {
    out.set(name, parts[i]!.split(CELL));
  });
  return out;
}
