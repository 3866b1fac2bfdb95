// Workers cannot load TypeScript by themselves (under ts-jest or tsx the main thread's loader
// hooks do not reach them), so the worker entry is bundled with esbuild into one CommonJS file,
// build/emulatorWorker.js, on first use in each process. The file is replaced atomically and only
// when its content changes, so parallel test processes never see a torn or stale file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const ENTRY = path.join(__dirname, 'workerEntry.ts');
const OUT = path.resolve(__dirname, '../../../../build/emulatorWorker.js');

let built: string | null = null;

/** Path of the bundled worker entry, (re)built from the current sources once per process. */
export function workerFile(): string {
  if (built) return built;
  if (!fs.existsSync(ENTRY)) throw new Error(`emulator worker: entry not found at ${ENTRY}`);
  const out = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    banner: { js: '// Built from src/dev/emulator/parallel/workerEntry.ts at first use; do not edit.' },
  });
  const text = out.outputFiles[0]!.text;
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : null;
  if (current !== text) {
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    const tmp = `${OUT}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, OUT);
  }
  built = OUT;
  return OUT;
}
