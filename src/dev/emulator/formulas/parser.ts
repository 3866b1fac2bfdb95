// Formula text → syntax tree, in the form Apps Script's setFormula takes (English function names,
// '.' decimals). Arguments may be separated by ',' or ';': Sheets has accepted ';' in every locale
// since 2019 (and turns it into ',' in comma locales), so the emulator must not refuse it either.
// Anything the evaluator does not understand fails to parse (the cell shows #ERROR!), never guessed.

/** One end of an A1 reference; null parts are open (`A:A`, `2:5`, `A2:A`). */
export interface RefPart {
  row: number | null;
  column: number | null;
}

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'err'; code: string }
  | { k: 'ref'; sheet: string | null; a: RefPart; b: RefPart | null }
  | { k: 'name'; name: string }
  | { k: 'call'; name: string; args: Array<Node | null> }
  | { k: 'neg'; e: Node }
  | { k: 'plus'; e: Node }
  | { k: 'pct'; e: Node }
  | { k: 'bin'; op: BinOp; l: Node; r: Node };

export type BinOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

/** Thrown for text Sheets would not parse: the cell shows #ERROR! «Formula parse error.» */
export class FormulaParseError extends Error {}

/** Thrown for valid Sheets syntax the emulator does not evaluate (array literals…): #ERROR! too. */
export class FormulaNotEmulated extends Error {}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'err'; v: string }
  | { t: 'ref'; sheet: string | null; a: RefPart; b: RefPart | null }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string }
  | { t: '(' | ')' | 'sep' | 'end' };

const ERROR_LITERALS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'];
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!`;
const PART = String.raw`\$?[A-Za-z]{0,3}\$?\d*`;
const REF_RE = new RegExp(`(?:${SHEET})?(${PART})(?::(${PART}))?`, 'y');
const NUM_RE = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const ID_RE = /[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/y;
const OPS = ['<>', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '^', '&', '%'];

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function refPart(text: string): (RefPart & { kind: 'cell' | 'col' | 'row' }) | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  if (text.includes('$') && /^\$?[A-Za-z]*\$$/.test(text)) return null;
  const column = m[1] ? lettersToColumn(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { row, column, kind: column !== null && row !== null ? 'cell' : column !== null ? 'col' : 'row' };
}

/** A reference starting at `i`, or null when the text there is not one. */
function scanRef(src: string, i: number): { token: Token; end: number } | null {
  REF_RE.lastIndex = i;
  const m = REF_RE.exec(src);
  if (!m || m[0] === '') return null;
  const end = i + m[0].length;
  // A name going on (LOG10(, A1B) is not a reference.
  if (/[\w.(\u00C0-\uFFFF]/.test(src[end] ?? '')) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  const a = refPart(m[3] ?? '');
  const b = m[4] !== undefined ? refPart(m[4]) : null;
  if (!a || (m[4] !== undefined && !b)) return null;
  if (!b) {
    if (a.kind !== 'cell') return null;
  } else {
    const ok =
      (a.kind === 'cell' && (b.kind === 'cell' || b.kind === 'col')) ||
      (a.kind === 'col' && b.kind === 'col') ||
      (a.kind === 'row' && b.kind === 'row');
    if (!ok) return null;
  }
  return {
    token: { t: 'ref', sheet, a: { row: a.row, column: a.column }, b: b ? { row: b.row, column: b.column } : null },
    end,
  };
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new FormulaParseError('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const lit = ERROR_LITERALS.find((e) => src.slice(i, i + e.length).toUpperCase() === e);
      if (!lit) throw new FormulaParseError('bad error literal');
      out.push({ t: 'err', v: lit });
      i += lit.length;
      continue;
    }
    if (ch === '{' || ch === '}') throw new FormulaNotEmulated('array literals {…}');
    if (ch === '(' || ch === ')') {
      out.push({ t: ch });
      i++;
      continue;
    }
    if (ch === ',' || ch === ';') {
      out.push({ t: 'sep' });
      i++;
      continue;
    }
    const ref = /[A-Za-z$'\d\u00C0-\uFFFF_]/.test(ch) ? scanRef(src, i) : null;
    if (ref) {
      // A bare row number (`5`) is a number, not a reference: only `2:5` forms refer to rows.
      const tok = ref.token as Extract<Token, { t: 'ref' }>;
      if (!(tok.a.column === null && tok.b === null)) {
        out.push(tok);
        i = ref.end;
        continue;
      }
    }
    NUM_RE.lastIndex = i;
    const num = NUM_RE.exec(src);
    if (num && num[0] !== '') {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    ID_RE.lastIndex = i;
    const id = ID_RE.exec(src);
    if (id && id[0] !== '') {
      if (src[i + id[0].length] === '!') throw new FormulaParseError('bad reference');
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    throw new FormulaParseError(`unexpected character ${ch}`);
  }
  out.push({ t: 'end' });
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private isOp(...ops: string[]): string | null {
    const t = this.peek();
    return t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  parse(): Node {
    const e = this.comparison();
    if (this.peek().t !== 'end') throw new FormulaParseError('unexpected text after the formula');
    return e;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let l = next();
    for (let op = this.isOp(...ops); op; op = this.isOp(...ops)) {
      this.next();
      l = { k: 'bin', op: op as BinOp, l, r: next() };
    }
    return l;
  }

  private comparison = (): Node => this.binary(this.concat, ['=', '<>', '<', '>', '<=', '>=']);
  private concat = (): Node => this.binary(this.additive, ['&']);
  private additive = (): Node => this.binary(this.multiplicative, ['+', '-']);
  private multiplicative = (): Node => this.binary(this.power, ['*', '/']);
  private power = (): Node => this.binary(this.unary, ['^']);

  private unary = (): Node => {
    const op = this.isOp('-', '+');
    if (op) {
      this.next();
      const e = this.unary();
      return op === '-' ? { k: 'neg', e } : { k: 'plus', e };
    }
    let e = this.primary();
    while (this.isOp('%')) {
      this.next();
      e = { k: 'pct', e };
    }
    return e;
  };

  private primary(): Node {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'err':
        return { k: 'err', code: t.v };
      case 'ref':
        return { k: 'ref', sheet: t.sheet, a: t.a, b: t.b };
      case '(': {
        const e = this.comparison();
        if (this.next().t !== ')') throw new FormulaParseError('missing )');
        return e;
      }
      case 'id': {
        if (this.peek().t === '(') {
          this.next();
          return { k: 'call', name: t.v.toUpperCase(), args: this.args() };
        }
        const upper = t.v.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { k: 'bool', v: upper === 'TRUE' };
        return { k: 'name', name: t.v };
      }
      default:
        throw new FormulaParseError('unexpected token');
    }
  }

  private args(): Array<Node | null> {
    const args: Array<Node | null> = [];
    if (this.peek().t === ')') {
      this.next();
      return args;
    }
    for (;;) {
      const t = this.peek().t;
      args.push(t === 'sep' || t === ')' ? null : this.comparison());
      const sep = this.next();
      if (sep.t === ')') return args;
      if (sep.t !== 'sep') throw new FormulaParseError('expected , or )');
    }
  }
}

/**
 * Parse a formula (with its leading '=').
 * @throws FormulaParseError for text Sheets would reject, FormulaNotEmulated for syntax the emulator skips
 */
export function parseFormula(formula: string): Node {
  if (!formula.startsWith('=')) throw new FormulaParseError('a formula starts with =');
  return new Parser(tokenize(formula.slice(1))).parse();
}
