// The user guides: every link of README.md and docs/ resolves inside the repository, every picture a guide
// shows is a shot of src/dev/docs/shots.ts, and `npm run docs:screenshots` still replays each one in Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRepositoryLinks, imagesOf, markdownFiles } from '../../src/dev/docs/linkCheck';
import { takeShots } from '../../src/dev/docs/shooter';
import { SHOTS } from '../../src/dev/docs/shots';

jest.setTimeout(1_200_000);

const ROOT = path.resolve(__dirname, '../..');
const IMAGES = path.join('docs', 'ru', 'img');
const GUIDES = ['admin.md', 'coordinator.md', 'it.md'].map((g) => path.join('docs', 'ru', g));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const head = fs.readFileSync(file).subarray(0, 24);
  expect(head.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

test('every link in README.md and docs/ resolves inside the repository', () => {
  expect(markdownFiles(ROOT)).toEqual(expect.arrayContaining(['README.md', 'docs/formulas.md', ...GUIDES]));
  expect(checkRepositoryLinks(ROOT)).toEqual([]);
});

test('the README sends users to the three guides and the formulas before the developer sections', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.indexOf('## Для пользователей');
  expect(section).toBeGreaterThan(0);
  expect(section).toBeLessThan(readme.indexOf('## Set-up'));
  for (const link of ['docs/ru/admin.md', 'docs/ru/coordinator.md', 'docs/ru/it.md', 'docs/formulas.md'])
    expect(readme.slice(section, readme.indexOf('\n## ', section + 1))).toContain(`](${link})`);
});

test('each picture the guides show is one shot of the table, and each shot is shown', () => {
  const shown = new Set(GUIDES.flatMap((g) => imagesOf(ROOT, g)));
  const shots = new Set(SHOTS.map((s) => path.join(IMAGES, `${s.name}.png`)));
  expect([...shown].sort()).toEqual([...shots].sort());
  const onDisk = fs.readdirSync(path.join(ROOT, IMAGES)).map((f) => path.join(IMAGES, f));
  expect(onDisk.sort()).toEqual([...shots].sort()); // no stale picture left behind
  for (const file of onDisk) {
    // Cropped to what matters, at 1:1: no wider than the 1280-px window, small enough to keep in git.
    expect(pngSize(path.join(ROOT, file)).width).toBeLessThanOrEqual(1280);
    expect(fs.statSync(path.join(ROOT, file)).size).toBeLessThan(250_000);
  }
});

test("the deputy head's guide walks her month in order, each step with its screen", () => {
  const guide = fs.readFileSync(path.join(ROOT, 'docs', 'ru', 'admin.md'), 'utf8');
  // Who has not reported → a report beside last month → accept / return → reopen → the full summary
  // → the district report as printed, with its signature block.
  const month = [
    'admin-summary-sidebar',
    'admin-report-panel',
    'admin-return-dialog',
    'admin-reopen-dialog',
    'admin-summary-filters',
    'admin-district-print',
    'admin-district-print-signature',
  ].map((shot) => guide.indexOf(`](img/${shot}.png)`));
  expect(month.every((at) => at > 0)).toBe(true);
  expect(month).toEqual([...month].sort((a, b) => a - b));
});

test('`npm run docs:screenshots` replays every shot against the current add-on (own port, own data)', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-shots-test-'));
  const developerData = path.join(ROOT, '.preview-data');
  const before = fs.existsSync(developerData) ? fs.statSync(developerData).mtimeMs : null;
  try {
    const files = await takeShots(SHOTS, { outDir: out });
    expect(files.map((f) => path.basename(f))).toEqual(SHOTS.map((s) => `${s.name}.png`));
    for (const file of files) {
      const { width, height } = pngSize(file);
      expect(width).toBeGreaterThan(100);
      expect(height).toBeGreaterThan(20);
    }
    expect(fs.existsSync(developerData) ? fs.statSync(developerData).mtimeMs : null).toBe(before);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
