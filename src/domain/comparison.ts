// Month-to-month change of a figure or a share, in words, flagged when it moves by more than the
// threshold set in «Настройки» (a share of the previous value: 0,2 = 20 %).
import { percentText } from './checkText';
import { summaryUi } from './messages';

export interface Change {
  /** «+3 (+12 %)» or «−4,5 п. п.»; '' when either side is missing. */
  text: string;
  flagged: boolean;
}

const NONE: Change = { text: '', flagged: false };

/** Relative move beyond `threshold` (null = never flagged); from 0 any move counts. */
function beyond(current: number, previous: number, threshold: number | null): boolean {
  if (threshold === null || current === previous) return false;
  if (previous === 0) return true;
  return Math.abs(current - previous) / Math.abs(previous) > threshold + 1e-12;
}

/** A count against last month's: the difference and its share of last month's. */
export function countChange(current: number | null, previous: number | null, threshold: number | null): Change {
  if (current === null || previous === null) return NONE;
  const delta = current - previous;
  const percent = previous === 0 ? null : percentText(Math.abs(delta) / Math.abs(previous));
  return {
    text: summaryUi.countChange(delta, percent && delta !== 0 ? (delta > 0 ? '+' : '−') + percent : null),
    flagged: beyond(current, previous, threshold),
  };
}

/** A share (0–1) against last month's, in percentage points. */
export function shareChange(current: number | null, previous: number | null, threshold: number | null): Change {
  if (current === null || previous === null) return NONE;
  const tenths = Math.round(current * 1000) - Math.round(previous * 1000);
  return { text: summaryUi.pointsChange(tenths), flagged: beyond(current, previous, threshold) };
}
