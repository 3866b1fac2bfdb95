// `npm run bench:profile -- <operation> [organisations] [months] [runs]`: one bench operation run
// `runs` times under V8's sampling profiler on a workbook seeded once; prints the add-on's ms per run
// (the cost model's figure), then the functions with the most time of their own and the bundle's
// functions with the most time including what they call, summed over the runs.
import { Session, type Profiler } from 'node:inspector/promises';
import { createEmulator } from '../../src/dev/emulator';
import { figuresOf } from './costModel';
import { operations } from './operations';

const [which = 'generateDistrictReport', orgs = '500', months = '36', runs = '5'] = process.argv.slice(2);
const op = operations.find((o) => o.name.startsWith(which));
if (!op) {
  console.error(`No bench operation starts with «${which}»: ${operations.map((o) => o.name.split(' ')[0]).join(', ')}`);
  process.exit(1);
}
const SHOWN = 40;

type Node = Profiler.ProfileNode;
const label = (n: Node): string => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
};
const inBundle = (n: Node): boolean => n.callFrame.url.endsWith('Code.js');
const print = (title: string, times: Map<string, number>): void => {
  console.log(`--- ${title} (ms over ${runs} runs)`);
  for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, SHOWN))
    console.log(ms.toFixed(1).padStart(9), name);
};

/** Each node's own time, from the samples and the time between them. */
function selfTimes(profile: Profiler.Profile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++)
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);
  return self;
}

function report(profile: Profiler.Profile): void {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = selfTimes(profile);
  const own = new Map<string, number>();
  for (const [id, ms] of self) own.set(label(nodes.get(id)!), (own.get(label(nodes.get(id)!)) ?? 0) + ms);
  print('own time', own);
  // Time including callees, counted once per function on a stack (recursion is not counted twice).
  const inclusive = new Map<string, number>();
  const walk = (id: number, onStack: ReadonlySet<string>): number => {
    const node = nodes.get(id)!;
    const name = label(node);
    const below = new Set(onStack).add(name);
    let ms = self.get(id) ?? 0;
    for (const child of node.children ?? []) ms += walk(child, below);
    if (inBundle(node) && !onStack.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    return ms;
  };
  walk(profile.nodes[0]!.id, new Set());
  print('Code.js, including callees', inclusive);
}

async function main(chosen: NonNullable<typeof op>): Promise<void> {
  const emulator = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
  const state = chosen.prepare(emulator, { organisations: Number(orgs), months: Number(months) });
  chosen.run(emulator, state);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const addonMs: number[] = [];
  for (let i = 0; i < Number(runs); i++) addonMs.push(figuresOf(chosen.run(emulator, state)).addonCpuMs);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  console.log(`${chosen.name} at ${orgs}×${months}: add-on ms per run ${addonMs.map((ms) => ms.toFixed(0)).join(' ')}`);
  report(profile);
}

void main(op);
