// The Markdown link checker on a throw-away repository: good links pass, each kind of broken link is caught.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRepositoryLinks, extractLinks, headingAnchors, imagesOf } from '../../../src/dev/docs/linkCheck';

let root: string;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'link-check-'));
  write('README.md', '# Проект\n\n## Для пользователей\n\n- [Координатору](docs/ru/coordinator.md#как-сдать-отчёт)\n');
  write(
    'docs/ru/coordinator.md',
    [
      '# Координатору',
      '',
      '## Как сдать отчёт',
      '',
      '![Панель](img/sidebar.png)',
      'См. [формулы](../formulas.md) и [начало](#координатору).',
      '',
      '```sh',
      'cat [не ссылка](../../../etc/passwd)',
      '```',
      'Код: `[и это не ссылка](http://example.com)`.',
    ].join('\n'),
  );
  write('docs/ru/img/sidebar.png', 'png');
  write('docs/formulas.md', '# Формулы\n');
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('links and images that resolve inside the repository pass; code is not read as links', () => {
  expect(checkRepositoryLinks(root)).toEqual([]);
  expect(imagesOf(root, 'docs/ru/coordinator.md')).toEqual([path.join('docs', 'ru', 'img', 'sidebar.png')]);
});

test('a missing image fails, naming the file and the line', () => {
  fs.rmSync(path.join(root, 'docs/ru/img/sidebar.png'));
  expect(checkRepositoryLinks(root)).toEqual([
    {
      file: path.join('docs', 'ru', 'coordinator.md'),
      line: 5,
      target: 'img/sidebar.png',
      problem: `no such file: ${path.join('docs', 'ru', 'img', 'sidebar.png')}`,
    },
  ]);
});

test.each([
  ['a web page', '[сайт](https://example.org/page)', 'leaves the repository'],
  ['an e-mail address', '[почта](mailto:someone@example.org)', 'leaves the repository'],
  ['a folder above the repository', '[спецификация](../../../shared/SPEC.md)', 'points outside the repository'],
  ['a missing file', '[нет](missing.md)', 'no such file'],
  ['a missing heading', '[раздел](coordinator.md#нет-такого-раздела)', 'no heading #нет-такого-раздела'],
  ['a reference definition', '[спец]: ../../../SPEC.md', 'points outside the repository'],
  ['an HTML image', '<img src="img/none.png" width="300">', 'no such file'],
])('%s fails the check', (_what, markdown, problem) => {
  write('docs/ru/admin.md', `# Администратору\n\n${markdown}\n`);
  const problems = checkRepositoryLinks(root);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file: path.join('docs', 'ru', 'admin.md'), line: 3 });
  expect(problems[0]!.problem).toContain(problem);
});

test('a broken link in README.md fails too', () => {
  write('README.md', '# Проект\n\nSee [the spec](../shared/SPEC.md).\n');
  expect(checkRepositoryLinks(root).map((p) => [p.file, p.problem])).toEqual([
    ['README.md', 'points outside the repository'],
  ]);
});

test('anchors follow GitHub: lower case, punctuation dropped, repeats numbered', () => {
  const anchors = headingAnchors('# Отчёт «за месяц»: шаг 1\n## Шаги\n## Шаги\n```\n# не заголовок\n```\n');
  expect([...anchors]).toEqual(['отчёт-за-месяц-шаг-1', 'шаги', 'шаги-1']);
  expect(extractLinks('![a](x.png "title") [b](<y.md>)').map((l) => [l.target, l.image])).toEqual([
    ['x.png', true],
    ['y.md', false],
  ]);
});
