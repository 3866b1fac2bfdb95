// The server operations whose spreadsheet calls `npm run bench` counts per workbook size (SPEC §9: constant).
// Add one entry per server operation: prepare() builds the workbook (not counted), run() is the one execution.
import type { Emulator, ExecutionResult } from '../../src/dev/emulator';

/** A workbook size: organisations in the registry × months of reports. */
export interface BenchSize {
  organisations: number;
  months: number;
}

export interface BenchOperation<S = unknown> {
  name: string;
  /** Builds the state to run against in a fresh emulator; returns what run() needs (ids, users). */
  prepare(emulator: Emulator, size: BenchSize): S;
  /** One execution of the operation; its `spreadsheetCalls` is what the bench prints. */
  run(emulator: Emulator, state: S): ExecutionResult;
}

/** Keeps `prepare` and `run` agreeing on the state type while the list stays uniform. */
export const defineOperation = <S>(op: BenchOperation<S>): BenchOperation => op as BenchOperation;

export const OWNER = 'deputy-head@example.org';

export const operations: BenchOperation[] = [
  defineOperation({
    name: 'onOpen (LIMITED, owner, empty spreadsheet)',
    prepare: (emulator) => ({ documentId: emulator.createSpreadsheet({ name: 'Мониторинг Сферума', owner: OWNER }) }),
    run: (emulator, { documentId }) =>
      emulator.run('onOpen', [{ authMode: 'LIMITED' }], { user: OWNER, documentId, authMode: 'LIMITED' }),
  }),
];
