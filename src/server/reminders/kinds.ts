// The Russian name of a reminder in the ledger's «Вид напоминания» column.
import { ledgerTexts, overdueRepeatTexts } from '../../domain/messages';
import type { PlannedReminder } from '../../domain/reminderPlan';

/** «за 3 дня до срока», «в день срока», «просрочка 1 день», «просроченные отчёты (2)», «сводка администраторам» … */
export function kindLabel(r: PlannedReminder): string {
  switch (r.kind) {
    case 'before':
      return ledgerTexts.kindBefore(r.slotOffset);
    case 'due-day':
      return ledgerTexts.kindDueDay;
    case 'overdue':
      return ledgerTexts.kindOverdue(-r.slotOffset);
    case 'overdue-repeat':
      return overdueRepeatTexts.kind(r.months.length);
    case 'digest':
      return ledgerTexts.kindDigest;
    default:
      return ledgerTexts.kindManual;
  }
}
