// The one-time items of order № 178 per organisation (п. 3.1, 6): coordinator, appointing order,
// copy received by the set-up deadline, groups and chats built (from the latest report).
import { formatDate, parseCalendarDate } from '../../domain/calendar';
import { appointmentOrder, summaryUi } from '../../domain/messages';
import { formatPeriod, periodFromKey } from '../../domain/period';
import { hasPupils, type Organisation } from '../../domain/schemas/organisation';
import type { ReportRecord } from '../../domain/schemas/report';
import type { ChecklistFacts } from '../storage/reportReads';
import type { ChecklistData, ChecklistItemData, ChecklistState } from '../../contract/summary';

type ChecklistRow = ChecklistData['rows'][number];

/** The label of the state is the dialog's (summaryUi.checklistState): not sent once per item. */
const item = (state: ChecklistState, text: string): ChecklistItemData => ({ state, text });

/** 'ГГГГ-ММ-ДД' strings compare as dates. */
const byDeadline = (isoDate: string, deadline: string): ChecklistState => (isoDate <= deadline ? 'done' : 'late');

const shown = (isoDate: string): string => {
  const d = parseCalendarDate(isoDate);
  return d ? formatDate(d) : isoDate;
};

function structureItem(org: Organisation, latest: ChecklistFacts | undefined): ChecklistItemData {
  if (!latest) return item('unknown', summaryUi.empty);
  const pupils = hasPupils(org.type);
  const say = summaryUi.checklistStructure;
  const parts = [
    say.groups(latest.groupsInSferum, latest.groupsTotal),
    say.staffChat(latest.staffChat),
    ...(pupils ? [say.pupilChats(latest.pupilChats ?? 0)] : []),
    say.parentChats(latest.parentChats),
  ];
  const built =
    latest.groupsInSferum >= latest.groupsTotal &&
    latest.staffChat &&
    latest.parentChats >= latest.groupsTotal &&
    (!pupils || (latest.pupilChats ?? 0) >= latest.groupsTotal);
  return item(
    built ? 'done' : 'missing',
    parts.join(', ') + ' ' + say.from(formatPeriod(periodFromKey(latest.period))),
  );
}

/**
 * One checklist row per organisation.
 * @param latestReports the latest version of each organisation's most recent reported month
 * @param setupDeadline 'ГГГГ-ММ-ДД' from Settings (order: 2023-11-21)
 */
export function buildChecklist(
  organisations: readonly Organisation[],
  latestReports: ReadonlyMap<string, ChecklistFacts>,
  setupDeadline: string,
): ChecklistRow[] {
  return organisations.map((org) => {
    const named = org.coordinatorName.trim() !== '' && org.coordinatorEmails.length > 0;
    const coordinator = named
      ? item('done', `${org.coordinatorName}, ${org.coordinatorEmails.join(', ')}`)
      : item('missing', summaryUi.empty);
    const order =
      org.appointmentOrderNumber.trim() !== '' && org.appointmentOrderDate
        ? item(
            byDeadline(org.appointmentOrderDate, setupDeadline),
            appointmentOrder(org.appointmentOrderNumber.trim(), shown(org.appointmentOrderDate)),
          )
        : item('missing', summaryUi.empty);
    const copy = org.orderCopyReceived
      ? item(byDeadline(org.orderCopyReceived, setupDeadline), shown(org.orderCopyReceived))
      : item('missing', summaryUi.empty);
    const structure = structureItem(org, latestReports.get(org.id));
    const complete = [coordinator, order, copy, structure].every((i) => i.state === 'done');
    return { orgId: org.id, name: org.name, coordinator, order, copy, structure, complete };
  });
}

/** The latest version of each organisation's most recent reported month. */
export function latestReportPerOrganisation(reports: readonly ReportRecord[]): Map<string, ReportRecord> {
  const latest = new Map<string, ReportRecord>();
  for (const r of reports) {
    const known = latest.get(r.orgId);
    if (!known || r.period > known.period || (r.period === known.period && r.version > known.version))
      latest.set(r.orgId, r);
  }
  return latest;
}
