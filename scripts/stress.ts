// `npm run stress`: the project's own adversarial figures at full size (see scripts/stress/):
// ≥ 300 parallel submissions in worker threads with a negative control, ≥ 10 000 fuzzed API calls,
// hostile payloads in every text field, mid-write faults and hand edits of the grid. Ends with one line:
// stress: S submissions, L lost, D duplicated; F fuzz cases, W wrongly accepted; I payloads, E executed; T faults, U undetected
import { faultsAndHandEdits } from '../src/dev/stress/faults';
import { fuzzApi } from '../src/dev/stress/fuzz';
import { injectPayloads } from '../src/dev/stress/payloads';
import { parallelSubmissions } from '../src/dev/stress/submissions';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf('--' + name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

/** Runs a part, printing how long it took (figures for the reader; nothing depends on them). */
async function timed<T>(name: string, part: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const value = await part();
  console.log(`${name}: ${Math.round((performance.now() - t0) / 1000)} s`);
  return value;
}

async function main(): Promise<void> {
  const rounds = arg('rounds', 15);
  const perRound = arg('parallel', 20);
  const control = await timed('negative control', () => parallelSubmissions(3, perRound, false));
  console.log(
    `negative control (document lock granted to everyone): ${control.submitted} submissions, ` +
      `${control.lost} lost, ${control.duplicated} duplicated`,
  );
  if (control.lost + control.duplicated === 0) console.log('WARNING: the negative control showed no losses');
  const subs = await timed('parallel submissions', () => parallelSubmissions(rounds, perRound, true));
  console.log(
    `parallel submissions: ${subs.submitted} (${subs.failed} still «таблица занята» after 5 tries, or failed)`,
  );
  const fuzz = await timed('fuzz', () => fuzzApi(arg('fuzz', 10_000)));
  console.log(`fuzz: ${fuzz.cases} cases, ${fuzz.validRefused} valid ones refused`);
  if (fuzz.examples.length > 0) console.log('fuzz:', fuzz.examples);
  const payloads = await timed('payloads', () => injectPayloads());
  if (payloads.examples.length > 0) console.log('payloads:', payloads.examples);
  const faults = await timed('faults', () => faultsAndHandEdits(arg('edit-rounds', 3)));
  if (faults.examples.length > 0) console.log('faults:', faults.examples);
  console.log(
    `stress: ${subs.submitted} submissions, ${subs.lost} lost, ${subs.duplicated} duplicated; ` +
      `${fuzz.cases} fuzz cases, ${fuzz.wronglyAccepted} wrongly accepted; ` +
      `${payloads.payloads} payloads, ${payloads.executed} executed; ` +
      `${faults.faults} faults, ${faults.undetected} undetected`,
  );
  const bad = subs.lost + subs.duplicated + fuzz.wronglyAccepted + payloads.executed + faults.undetected;
  process.exitCode = bad > 0 || control.lost + control.duplicated === 0 ? 1 : 0;
}

void main();
