// Builds a generated district workbook of a given size (bench, size tests): set-up through the real
// bundle, then the registry and reports in bulk through a seed-only bundle of the real storage modules.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { createEmulator, type Emulator } from '../emulator';
import { generateDistrict } from './generate';

let seedCode: string | null = null;

function seedBundle(): string {
  if (seedCode) return seedCode;
  const out = esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'seedEntry.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'DistrictSeed',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2019',
    write: false,
  });
  seedCode = out.outputFiles[0]!.text + '\nfunction seed(o, r, d) { return DistrictSeed.seed(o, r, d); }\n';
  return seedCode;
}

export interface SeededDistrict {
  documentId: string;
  owner: string;
  /** A coordinator of the first organisation, and its id. */
  coordinator: string;
  orgId: string;
  /** A period with a submitted version of orgId (to review), and that version. */
  reviewable: { period: string; version: number } | null;
  asOf: Date;
}

/** A set-up workbook with `size.organisations` organisations and `size.months` months of reports. */
export function seedDistrict(
  emulator: Emulator,
  size: { organisations: number; months: number },
  owner: string,
): SeededDistrict {
  const fixture = generateDistrict({ organisations: size.organisations, months: size.months, seed: 178 });
  emulator.setNow(fixture.asOf);
  const documentId = emulator.createSpreadsheet({ name: 'Мониторинг Сферума', owner });
  const as = { user: owner, documentId };
  const setup = emulator.run('setupWorkbook', [], as);
  const failed = setup.logs.find((line) => line.startsWith('ERROR'));
  if (!setup.ok || failed) throw new Error('setupWorkbook: ' + (setup.error?.message ?? failed));
  const seeder = createEmulator({ store: emulator.store, code: seedBundle(), now: fixture.asOf });
  const seeded = seeder.run('seed', [fixture.organisations, fixture.reports, fixture.settings.deadlineDay], as);
  if (!seeded.ok) throw new Error('seed: ' + seeded.error?.message);
  const latest = new Map(fixture.reports.map((r) => [r.orgId + '|' + r.period, r]));
  const open = [...latest.values()].find((r) => r.state === 'submitted');
  const org = fixture.organisations.find((o) => o.id === open?.orgId) ?? fixture.organisations[0]!;
  return {
    documentId,
    owner,
    coordinator: org.coordinatorEmails[0]!,
    orgId: org.id,
    reviewable: open ? { period: open.period, version: open.version } : null,
    asOf: fixture.asOf,
  };
}
