// `npm run docs:screenshots [-- name …]`: regenerates the guides' screenshots (docs/ru/img/) from the preview's demo.
// Its own port and its own temporary data folders: a developer's .preview-data is never touched.
import path from 'node:path';
import { takeShots } from '../../src/dev/docs/shooter';
import { SHOTS } from '../../src/dev/docs/shots';

const GUIDE_IMAGES = path.resolve(__dirname, '../../docs/ru/img');

if (require.main === module) {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !SHOTS.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`no such shot: ${unknown.join(', ')} (see scripts/docs/shots.ts)`);
    process.exit(1);
  }
  const shots = only.length > 0 ? SHOTS.filter((s) => only.includes(s.name)) : SHOTS;
  takeShots(shots, { outDir: GUIDE_IMAGES, log: (line) => console.log(line) })
    .then((files) => console.log(`${files.length} screenshots → ${path.relative(process.cwd(), GUIDE_IMAGES)}`))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
