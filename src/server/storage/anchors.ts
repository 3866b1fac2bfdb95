// Anchors of the workbook's sheets, kept in document properties (no grid user reaches them):
// per sheet the position of its last data row, the last sequence number issued and, for the
// audit, the last chain hash. A sheet holding fewer rows than its anchor lost rows by hand.
//
// Where: document properties, read once per execution through documentProperties.ts — the
// store that already holds the integrity key, so whatever can seal a row can anchor it. Developer
// metadata with PROJECT visibility would also hide them from editors, but it travels with the
// sheet's copies and the emulator does not model it. Where document properties are unavailable
// (a trigger run without its document, per Google's «returns null if ... not an add-on or bound»),
// anchors are neither read nor written: the checks fall back to seals, sequences and the audit.
import { documentProperty, setDocumentProperty } from './documentProperties';

/** The sheets that carry an anchor. */
export type AnchoredSheet = 'reports' | 'registry' | 'audit' | 'ledger';

/** One sheet's anchor; `rows` is the last data row's position (row number − 1). */
export interface Anchor {
  rows: number;
  seq: number;
  hash: string;
}

export type Anchors = Partial<Record<AnchoredSheet, Anchor>>;

const PROPERTY = 'anchors';

/** The anchors' text, or null when document properties cannot be read here (a trigger without its document). */
function storedText(): string | null | undefined {
  try {
    return documentProperty(PROPERTY);
  } catch {
    return undefined;
  }
}

/** Every anchor, or null when document properties cannot be read here. */
export function readAnchors(): Anchors | null {
  const text = storedText();
  if (text === undefined) return null;
  if (!text) return {};
  try {
    return JSON.parse(text) as Anchors;
  } catch {
    return {};
  }
}

/**
 * Moves anchors forward (call under the document lock, as the last write of an operation: an
 * operation cut short leaves its rows ahead of the anchor, never behind it). Never moves back.
 * Stored with the operation's other document properties at its end, or at once with `now` (a
 * number reserved before the write that uses it).
 */
export function advanceAnchors(changes: Anchors, now = false): void {
  const current = readAnchors();
  if (current === null) return;
  for (const [sheet, next] of Object.entries(changes) as [AnchoredSheet, Anchor][]) {
    const known = current[sheet];
    current[sheet] = known
      ? {
          rows: Math.max(known.rows, next.rows),
          seq: Math.max(known.seq, next.seq),
          hash: next.rows >= known.rows && next.hash !== '' ? next.hash : known.hash,
        }
      : next;
  }
  setDocumentProperty(PROPERTY, JSON.stringify(current), now);
}

/** Sets one anchor to what the sheet holds now (an admin accepting a loss in set-up). */
export function resetAnchor(sheet: AnchoredSheet, anchor: Anchor): void {
  const current = readAnchors();
  if (current === null) return;
  current[sheet] = anchor;
  setDocumentProperty(PROPERTY, JSON.stringify(current));
}

/** The next sequence number of a sheet: above its anchor and above every number already seen. */
export function nextSeq(anchors: Anchors | null, sheet: AnchoredSheet, seenMax: number): number {
  return Math.max(anchors?.[sheet]?.seq ?? 0, seenMax) + 1;
}
