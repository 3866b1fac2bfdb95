// One submission key per submission attempt: a double click or a retry of the same values reuses it,
// so the server stores one version; changed values make a new attempt with a new key.
import type { MonthlyReport } from '../../domain/schemas/report';
import type { TeacherWeeks } from '../../domain/teacherActivity';

/** A random key the server accepts ([A-Za-z0-9-]{8,64}). */
export function newSubmissionKey(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return 'sub-' + Array.from(random(16), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class SubmissionAttempt {
  private key: string | null = null;
  private snapshot = '';

  constructor(private readonly makeKey: () => string = () => newSubmissionKey()) {}

  /** The key for sending `payload`: the pending one when the payload is unchanged, else a new one. */
  keyFor(payload: unknown): string {
    const snapshot = JSON.stringify(payload);
    if (this.key === null || snapshot !== this.snapshot) {
      this.key = this.makeKey();
      this.snapshot = snapshot;
    }
    return this.key;
  }

  /** The server stored the submission (or the form moved to another report): forget the key. */
  finish(): void {
    this.key = null;
    this.snapshot = '';
  }
}

/** Per-teacher weekly figures applied from the paste panel, with the count they gave. */
export interface PendingTeacherWeeks {
  count: number;
  teacherWeeks: TeacherWeeks[];
}

/**
 * What the sidebar sends: the report, plus the weekly figures under teacher codes only when the
 * admin allows storing them and the report still carries the count they gave (the coordinator's
 * number stays authoritative; a hand-changed count sends counts only). Off: never any figures.
 */
export function submissionPayload(
  report: MonthlyReport,
  pending: PendingTeacherWeeks | null,
  storeTeacherCodes: boolean,
): MonthlyReport & { teacherWeeks?: TeacherWeeks[] } {
  if (!storeTeacherCodes || !pending || pending.count !== report.teachersMeetingMinimum) return report;
  return { ...report, teacherWeeks: pending.teacherWeeks };
}
