// `npm run bench:trace -- <operation> [organisations] [months]`: one bench operation's service calls
// in order with what the cost model charges each (handles and Utilities left out), to see where an
// estimate's round trips come from.
import { createEmulator } from '../../src/dev/emulator';
import { callCostMs, COST, figuresOf } from './costModel';
import { operations } from './operations';

const [which = 'submitReport', orgs = '50', months = '12'] = process.argv.slice(2);
const size = { organisations: Number(orgs), months: Number(months) };
const chosen = operations.filter((o) => o.name.startsWith(which));
if (chosen.length === 0) {
  console.error(`No bench operation starts with «${which}»: ${operations.map((o) => o.name.split(' ')[0]).join(', ')}`);
  process.exit(1);
}
/** «Отчёты!A2:AE2» for a range, the name for a sheet, '' for anything else (or a sheet deleted since). */
function where(on: object | undefined): string {
  try {
    const describe = (on as { _where?: () => string } | undefined)?._where;
    return typeof describe === 'function' ? describe.call(on) : '';
  } catch {
    return '';
  }
}

for (const op of chosen) {
  const emulator = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
  const result = op.run(emulator, op.prepare(emulator, size));
  console.log(
    `\n${op.name} at ${size.organisations}×${size.months}${result.ok ? '' : `: FAILED ${result.error?.message}`}`,
  );
  let n = 0;
  for (const { call, on } of result.sequence ?? []) {
    const ms = callCostMs(call);
    if (ms <= COST.perHandleCallMs) continue;
    console.log(`${String(++n).padStart(3)}  ${String(ms).padStart(5)} ms  ${call}  ${where(on)}`);
  }
  const f = figuresOf(result);
  console.log(
    `calls ${f.calls}, cells read ${f.cellsRead} (of «Отчёты» ${f.reportCellsRead}), written ${f.cellsWritten}, ` +
      `add-on ${f.addonCpuMs.toFixed(1)} ms, estimated ${(f.estimatedMs / 1000).toFixed(2)} s`,
  );
}
