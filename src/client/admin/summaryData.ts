// The summary and the checklist as the dialog shows them, from the compact forms the server sends
// (DistrictSummaryData, ChecklistData): labels from the same catalogues, check values in words by
// the same functions the server uses for its own texts (src/domain/checkText.ts). No DOM: the
// tests read the server's answers through these too.
import { formatDateTime } from '../../domain/calendar';
import { checkValueText } from '../../domain/checkText';
import { complianceShortLabels, organisationTypeLabels, statusLabels, summaryUi } from '../../domain/messages';
import {
  ROW_FLAGS,
  type ChecklistData,
  type ChecklistItemData,
  type ChecklistItemView,
  type ChecklistView,
  type DistrictSummaryData,
  type DistrictSummaryView,
  type RowCheckView,
  type SummaryRowData,
  type SummaryRowView,
} from '../../contract/summary';

const OK: Record<string, boolean | null> = { '1': true, '0': false, '-': null };

function expandRow(row: SummaryRowData, columns: DistrictSummaryData['checkColumns']): SummaryRowView {
  const [orgId, name, type, status, flags, version, state, submittedAt, compliant, marks, values, foreignExplanation] =
    row;
  const checks = [...marks].map((mark, i): RowCheckView => {
    const column = columns[i]!;
    const value = values[i] ?? null;
    const [actual, target] = Array.isArray(value) ? value : [value, column.target];
    return { id: column.id, ok: OK[mark] ?? null, text: checkValueText(column.id, actual, target) };
  });
  return {
    orgId,
    name,
    typeLabel: organisationTypeLabels[type],
    status,
    statusLabel: statusLabels[status],
    late: (flags & ROW_FLAGS.late) !== 0,
    version,
    state,
    submittedAtText: submittedAt === null ? '' : formatDateTime(new Date(submittedAt)),
    checks,
    compliant,
    handEdited: (flags & ROW_FLAGS.handEdited) !== 0,
    registryEdited: (flags & ROW_FLAGS.registryEdited) !== 0,
    foreignMessengers: (flags & ROW_FLAGS.foreignMessengers) !== 0,
    foreignExplanation,
    afterAccepted: (flags & ROW_FLAGS.afterAccepted) !== 0,
  };
}

/** What getDistrictSummary sent, as the dialog shows it. */
export function expandSummary(data: DistrictSummaryData): DistrictSummaryView {
  const { checkColumns, rows, ...rest } = data;
  return {
    ...rest,
    checkColumns: checkColumns.map((c) => ({ id: c.id, short: complianceShortLabels[c.id], label: c.label })),
    rows: rows.map((r) => expandRow(r, checkColumns)),
  };
}

const item = (i: ChecklistItemData): ChecklistItemView => ({
  state: i.state,
  stateLabel: summaryUi.checklistState[i.state],
  text: i.text,
});

/** What getSetupChecklist sent, as the tab shows it. */
export function expandChecklist(data: ChecklistData): ChecklistView {
  return {
    deadline: data.deadline,
    done: data.done,
    rows: data.rows.map((r) => ({
      orgId: r.orgId,
      name: r.name,
      coordinator: item(r.coordinator),
      order: item(r.order),
      copy: item(r.copy),
      structure: item(r.structure),
      complete: r.complete,
    })),
  };
}
