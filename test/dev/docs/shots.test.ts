// The table of guide screenshots: each entry names a distinct file, a user the demo knows and a valid «today».
import { DEMO_ORGS, DEMO_OWNER, DEMO_STRANGER } from '../../../src/dev/preview/demo';
import { parseClock } from '../../../src/dev/preview/page/clock';
import { SHOTS } from '../../../src/dev/docs/shots';

test('shot names are distinct file names, grouped by the guide that shows them', () => {
  const names = SHOTS.map((s) => s.name);
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) expect(name).toMatch(/^(admin|coordinator|it)-[a-z-]+$/);
});

test('every shot is taken as a user of the demo district, at a clock the preview accepts', () => {
  const users = new Set([DEMO_OWNER, DEMO_STRANGER, ...DEMO_ORGS.map((o) => o.email)]);
  for (const shot of SHOTS) {
    expect(users.has(shot.user)).toBe(true);
    if (shot.clock) expect(parseClock(shot.clock)).toMatchObject({ ok: true });
    expect(shot.steps.length).toBeGreaterThan(0);
  }
});
