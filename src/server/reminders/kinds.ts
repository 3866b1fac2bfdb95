// The Russian name of a reminder in the ledger's «Вид напоминания» column.
import { ledgerTexts } from '../../domain/messages';
import type { PlannedReminder } from '../../domain/reminderPlan';

/** «за 3 дня до срока», «в день срока», «просрочка 8 дней», «сводка администраторам» … */
export function kindLabel(r: PlannedReminder): string {
  switch (r.kind) {
    case 'before':
      return ledgerTexts.kindBefore(r.slotOffset);
    case 'due-day':
      return ledgerTexts.kindDueDay;
    case 'overdue':
      return ledgerTexts.kindOverdue(-r.slotOffset);
    case 'digest':
      return ledgerTexts.kindDigest;
    default:
      return ledgerTexts.kindManual;
  }
}
