// docs/formulas.md says what Sheets' autocomplete says: each custom function's JSDoc in the built Code.js
// (description, every argument, the result) appears word for word in that function's section.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const bundle = fs.readFileSync(path.join(ROOT, 'dist/Code.js'), 'utf8');
const guide = fs.readFileSync(path.join(ROOT, 'docs/formulas.md'), 'utf8');

interface Autocomplete {
  name: string;
  description: string;
  params: { name: string; text: string }[];
  returns: string;
}

/** The JSDoc blocks Sheets reads: `/** … @customfunction *\/` right above a top-level function. */
function autocompleteOf(code: string): Autocomplete[] {
  const found: Autocomplete[] = [];
  for (const m of code.matchAll(/\/\*\*\n((?:\s*\*.*\n)*?)\s*\*\/\nfunction (\w+)\(/g)) {
    const lines = (m[1] ?? '').split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim());
    if (!lines.includes('@customfunction')) continue;
    const tags = lines.filter((l) => l.startsWith('@'));
    found.push({
      name: m[2] ?? '',
      description: lines
        .slice(
          0,
          lines.findIndex((l) => l.startsWith('@')),
        )
        .filter((l) => l !== '')
        .join(' '),
      params: tags
        .map((l) => /^@param\s+\{[^}]*\}\s+(\w+)\s+(.*)$/.exec(l))
        .filter((p): p is RegExpExecArray => p !== null)
        .map((p) => ({ name: p[1] ?? '', text: p[2] ?? '' })),
      returns: tags.map((l) => /^@returns?\s+\{[^}]*\}\s+(.*)$/.exec(l)?.[1]).find((t) => t !== undefined) ?? '',
    });
  }
  return found;
}

/** The text under `## NAME` up to the next second-level heading, lines joined (Markdown wraps lines). */
function sectionOf(name: string): string {
  const start = guide.indexOf(`\n## ${name}\n`);
  if (start < 0) return '';
  const end = guide.indexOf('\n## ', start + 1);
  return guide.slice(start, end < 0 ? undefined : end).replace(/\s*\n\s*/g, ' ');
}

const functions = autocompleteOf(bundle);

test('the bundle carries the six custom functions of the spec with their autocomplete text', () => {
  expect(functions.map((f) => f.name).sort()).toEqual(
    ['COVERAGE', 'DAYS_TO_DEADLINE', 'MEETS_TARGET', 'REPORT_DEADLINE', 'REPORT_STATUS', 'TEACHER_MINIMUM_MET'].sort(),
  );
  for (const f of functions) expect(f.description.length * f.params.length * f.returns.length).toBeGreaterThan(0);
});

test.each(functions.map((f) => [f.name, f]))('docs/formulas.md § %s says what autocomplete says', (_name, f) => {
  const section = sectionOf(f.name);
  expect(section).not.toBe('');
  expect(section).toContain(f.description);
  for (const p of f.params) expect(section).toContain(`| \`${p.name}\` | ${p.text} |`);
  expect(section).toContain(`Возвращает: ${f.returns}`);
  expect(section).toMatch(new RegExp(`\\| \`=${f.name}\\(`)); // at least one example formula
});

test('every function docs/formulas.md describes exists in the bundle', () => {
  const documented = [...guide.matchAll(/^## ([A-Z_]+)$/gm)].map((m) => m[1]);
  expect(documented.sort()).toEqual(functions.map((f) => f.name).sort());
});
