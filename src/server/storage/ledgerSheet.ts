// Layout of the «Журнал напоминаний» sheet: one row per reminder e-mail sent (the reminders use it).
import { organisationFieldLabels, reportFieldLabels, sheetNames, workbookHeaders as h } from '../../domain/messages';
import type { TableLayout } from './table';

export const LEDGER_LAYOUT: TableLayout = {
  sheetName: sheetNames.ledger,
  columns: [
    { key: 'orgId', header: organisationFieldLabels.id, kind: 'text', width: 110 },
    { key: 'period', header: reportFieldLabels.period, kind: 'text', width: 90 },
    { key: 'kind', header: h.ledgerKind, kind: 'text', width: 160 },
    { key: 'recipient', header: h.ledgerRecipient, kind: 'text', width: 220 },
    { key: 'sentAt', header: h.ledgerSentAt, kind: 'datetime', width: 140 },
  ],
};
