// Reading what the admin summary and the district report produce: the summary and the checklist as
// the dialog shows them, the domain summary recomputed from the sheets, and a sheet's values,
// formulas and charts as Apps Script sees them.
import { expandChecklist, expandSummary } from '../../src/client/admin/summaryData';
import { createEmulator } from '../../src/dev/emulator';
import type { ChartData } from '../../src/dev/emulator/store/spreadsheetStore';
import { storedStateLabels } from '../../src/domain/messages';
import { periodFromKey } from '../../src/domain/period';
import type { Organisation } from '../../src/domain/schemas/organisation';
import { reportRecordSchema, type ReportRecord } from '../../src/domain/schemas/report';
import { defaultSettings } from '../../src/domain/schemas/settings';
import { summariseDistrict, type PeriodSummary } from '../../src/domain/summary';
import { fromCell } from '../../src/server/storage/cells';
import type {
  ChecklistData,
  ChecklistView,
  DistrictSummaryData,
  DistrictSummaryView,
} from '../../src/contract/summary';
import { REPORTS_LAYOUT } from '../../src/server/storage/reportsSheet';
import { OWNER, type District } from './district';

/** getDistrictSummary's answer as the admin's dialog shows it (expandSummary, as the dialog does). */
export function summaryOf(d: District, period: string | null, user = OWNER): DistrictSummaryView {
  return expandSummary(d.call<DistrictSummaryData>(user, 'getDistrictSummary', period));
}

/** getSetupChecklist's answer as the checklist tab shows it. */
export function checklistOf(d: District, user = OWNER): ChecklistView {
  return expandChecklist(d.call<ChecklistData>(user, 'getSetupChecklist'));
}

/** Every stored version, read back from the «Отчёты» sheet through the layout. */
export function storedReports(d: District): ReportRecord[] {
  const [header, ...rows] = d.sheet('Отчёты');
  const states = new Map<string, string>(Object.entries(storedStateLabels).map(([k, v]) => [v, k]));
  return rows.map((cells) => {
    const o: Record<string, unknown> = {};
    for (const c of REPORTS_LAYOUT.columns) o[c.key] = fromCell(c.kind, cells[header!.indexOf(c.header)]);
    o.state = states.get(String(o.state));
    return reportRecordSchema.parse(o);
  });
}

/** The domain's summary of one month, from the workbook's registry and reports. */
export function domainSummary(d: District, period: string): PeriodSummary {
  const organisations = d.call<{ organisations: Organisation[] }>(OWNER, 'getRegistry').organisations;
  return summariseDistrict({
    organisations,
    reports: storedReports(d),
    settings: defaultSettings(),
    asOf: new Date(d.em.now()),
    periods: [periodFromKey(period)],
  }).periods[0]!;
}

export interface SheetDump {
  values: unknown[][];
  formulas: string[][];
  display: string[][];
  charts: ChartData[];
  sheetNames: string[];
}

/** Values, formulas, displayed text and charts of sheet `name`. */
export function dumpSheet(d: District, name: string): SheetDump {
  const code = `function dump(n) { var ss = SpreadsheetApp.getActive(); var s = ss.getSheetByName(n); var r = s.getDataRange();
    return { values: r.getValues(), formulas: r.getFormulas(), display: r.getDisplayValues(), sheetId: s.getSheetId(), names: ss.getSheets().map(function (x) { return x.getName(); }) }; }`;
  const reader = createEmulator({ store: d.em.store, code });
  const r = reader.run<{
    values: unknown[][];
    formulas: string[][];
    display: string[][];
    sheetId: number;
    names: string[];
  }>('dump', [name], { user: OWNER, documentId: d.doc });
  if (!r.ok) throw new Error(r.error?.message);
  const v = r.value!;
  return {
    values: v.values,
    formulas: v.formulas,
    display: v.display,
    charts: d.em.store.spreadsheets.listCharts(d.doc, v.sheetId),
    sheetNames: v.names,
  };
}
