// Anchors of the workbook's sheets, kept in document properties (no grid user reaches them):
// per sheet the position of its last data row, the last sequence number issued and, for the
// audit, the last chain hash. A sheet holding fewer rows than its anchor lost rows by hand.
//
// Where: document properties, read through PropertiesService.getDocumentProperties() — the
// store that already holds the integrity key, so whatever can seal a row can anchor it. Developer
// metadata with PROJECT visibility would also hide them from editors, but it travels with the
// sheet's copies and the emulator does not model it. Where document properties are unavailable
// (a trigger run without its document, per Google's «returns null if ... not an add-on or bound»),
// anchors are neither read nor written: the checks fall back to seals, sequences and the audit.

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

function documentStore(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties() ?? null;
  } catch {
    return null;
  }
}

/** Every anchor, or null when document properties cannot be read here. */
export function readAnchors(): Anchors | null {
  const props = documentStore();
  if (!props) return null;
  const text = props.getProperty(PROPERTY);
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
 */
export function advanceAnchors(changes: Anchors): void {
  const props = documentStore();
  if (!props) return;
  const current = readAnchors() ?? {};
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
  props.setProperty(PROPERTY, JSON.stringify(current));
}

/** Sets one anchor to what the sheet holds now (an admin accepting a loss in set-up). */
export function resetAnchor(sheet: AnchoredSheet, anchor: Anchor): void {
  const props = documentStore();
  if (!props) return;
  const current = readAnchors() ?? {};
  current[sheet] = anchor;
  props.setProperty(PROPERTY, JSON.stringify(current));
}

/** The next sequence number of a sheet: above its anchor and above every number already seen. */
export function nextSeq(anchors: Anchors | null, sheet: AnchoredSheet, seenMax: number): number {
  return Math.max(anchors?.[sheet]?.seq ?? 0, seenMax) + 1;
}
