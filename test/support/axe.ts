// axe-core in the browser tests: runs the accessibility engine inside a page and returns the
// serious and critical findings, each with the elements it points at (empty means it passes).
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeEngine {
  run(
    context: Document,
    options: object,
  ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
}

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Serious and critical WCAG 2.x A/AA violations on the page as it is now. axe is injected through
 * the DevTools protocol, so a page's Content-Security-Policy does not matter.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  // A plain function returning the promise (no async/await: ts-jest's helpers do not exist in the page).
  const found = await page.evaluate(
    (options) =>
      (window as unknown as { axe: AxeEngine }).axe.run(document, options).then((results) =>
        results.violations.map((v) => ({
          rule: v.id,
          impact: v.impact ?? '',
          help: v.help,
          targets: v.nodes.map((n) => n.target.map(String).join(' ')),
        })),
      ),
    {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    },
  );
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}
