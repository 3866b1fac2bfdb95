// Settings are edited by admins directly in the protected «Настройки» sheet, so their changes are
// noticed at the next write through the add-on and audited then (who typed them is not known).
import { describeChanges } from '../../domain/auditText';
import { auditActions, settingsAudit, settingsSheetRows } from '../../domain/messages';
import type { Settings } from '../../domain/schemas/settings';
import { appendAudit } from '../storage/auditSheet';
import { documentProperty, setDocumentProperty } from '../storage/documentProperties';
import { refreshTimeliness } from '../storage/reportsSheet';

const SNAPSHOT_PROPERTY = 'settingsSnapshot';

/** Settings as «key → value» with the sheet's row keys (coverage targets flattened). */
function flatten(settings: Settings): Record<string, unknown> {
  const flat: Record<string, unknown> = { ...settings };
  delete flat.coverageTargets;
  for (const [k, v] of Object.entries(settings.coverageTargets))
    flat['coverageTargets.' + k] = v === null ? null : `${Math.round(v * 100)} %`;
  return flat;
}

const labels: Record<string, string> = Object.fromEntries(
  Object.entries(settingsSheetRows).map(([k, [label]]) => [k, label]),
);

/**
 * Call inside the document lock. Compares the settings with the last ones seen; a difference is
 * appended to the audit once. The first call only remembers them.
 */
export function auditSettingsChanges(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  settings: Settings,
  now: Date,
): void {
  const current = JSON.stringify(settings);
  const last = documentProperty(SNAPSHOT_PROPERTY);
  if (last === current) return;
  setDocumentProperty(SNAPSHOT_PROPERTY, current);
  if (last === null) return;
  const was = JSON.parse(last) as Settings;
  // «Срок сдачи» in «Отчёты» follows the deadline day in Settings, as the summary does.
  if (was.deadlineDay !== settings.deadlineDay) refreshTimeliness(ss, settings.deadlineDay);
  const [before, after] = describeChanges(flatten(was), flatten(settings), labels);
  appendAudit(
    ss,
    [
      {
        at: now.toISOString(),
        user: settingsAudit.editedInSheet,
        action: auditActions.settingsChanged,
        orgId: '',
        period: '',
        before,
        after,
      },
    ],
    key,
  );
}
