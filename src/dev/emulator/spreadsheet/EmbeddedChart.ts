// EmbeddedChart and its builder: chart type, source ranges, anchor position and options are recorded.
import type { ExecutionContext } from '../context';
import type { ChartData } from '../store/spreadsheetStore';
import type { RangeLoc } from './access';
import { emulated } from './emulated';
import { MSG, fail, typeName } from './errors';
import { enumName } from './enums';
import { createRange } from './Range';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

let chartCounter = 0;
const AS_TYPES: Record<string, string> = {
  asAreaChart: 'AREA',
  asBarChart: 'BAR',
  asColumnChart: 'COLUMN',
  asComboChart: 'COMBO',
  asHistogramChart: 'HISTOGRAM',
  asLineChart: 'LINE',
  asPieChart: 'PIE',
  asScatterChart: 'SCATTER',
  asTableChart: 'TABLE',
};

/** Chart data carried by an EmbeddedChart object, or null when `chart` is not one. */
export function chartDataOf(chart: unknown): ChartData | null {
  const c = chart as { _kind?: string; _data?: ChartData } | null;
  return c && c._kind === 'EmbeddedChart' && c._data ? structuredClone(c._data) : null;
}

/** A builder for a new chart (`from` null) or for modifying an existing one. */
export function createChartBuilder(
  ctx: ExecutionContext,
  docId: string,
  sheetId: number,
  from: ChartData | null,
): Builder {
  const data: ChartData = from
    ? structuredClone(from)
    : {
        chartId: `${ctx.executionId}-chart-${++chartCounter}`,
        sheetId,
        type: 'LINE',
        ranges: [],
        position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
        options: {},
      };
  const impl: Record<string, unknown> = {
    setChartType(type: unknown) {
      data.type =
        enumName(type) ?? fail(ctx, MSG.signature(typeName(type), 'SpreadsheetApp.EmbeddedChartBuilder.setChartType'));
      return this;
    },
    addRange(range: unknown) {
      const loc =
        (range as { _loc?: RangeLoc } | null)?._loc ??
        fail(ctx, MSG.signature(typeName(range), 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
      data.ranges.push({ sheetId: loc.sheetId, rect: loc.rect });
      return this;
    },
    clearRanges() {
      data.ranges = [];
      return this;
    },
    setPosition(row: number, column: number, offsetX: number, offsetY: number) {
      data.position = { row, column, offsetX, offsetY };
      return this;
    },
    setOption(name: string, value: unknown) {
      data.options[name] =
        value === null || ['string', 'number', 'boolean'].includes(typeof value)
          ? (value as string)
          : JSON.stringify(value);
      return this;
    },
    setTitle(title: string) {
      data.options.title = String(title);
      return this;
    },
    getChartType: () => data.type,
    getRanges: () => data.ranges.map((r) => createRange(ctx, { docId, sheetId: r.sheetId, rect: r.rect })),
    build: () => createEmbeddedChart(ctx, docId, data),
  };
  for (const [method, type] of Object.entries(AS_TYPES)) {
    impl[method] = function (this: unknown) {
      data.type = type;
      return this;
    };
  }
  return emulated<Builder>(ctx, 'EmbeddedChartBuilder', impl);
}

/** Script-facing EmbeddedChart holding a copy of `data`. */
export function createEmbeddedChart(ctx: ExecutionContext, docId: string, data: ChartData): Chart {
  const frozen = structuredClone(data);
  return emulated<Chart>(ctx, 'EmbeddedChart', {
    _kind: 'EmbeddedChart',
    _data: frozen,
    getId: () => frozen.chartId,
    getChartId: () => frozen.chartId,
    getRanges: () => frozen.ranges.map((r) => createRange(ctx, { docId, sheetId: r.sheetId, rect: r.rect })),
    getOptions: () => ({ get: (name: string) => frozen.options[name] ?? null }),
    getContainerInfo: () => ({
      getAnchorRow: () => frozen.position.row,
      getAnchorColumn: () => frozen.position.column,
      getOffsetX: () => frozen.position.offsetX,
      getOffsetY: () => frozen.position.offsetY,
    }),
    modify: () => createChartBuilder(ctx, docId, frozen.sheetId, frozen),
  });
}
