// Builds dist/ (bound) and dist-addon/ (add-on) once before any test, so every test runs the
// current bundles and HTML under both deployment profiles.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..');
  for (const args of [[], ['--target=addon']]) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', ...args], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}
