// Checks the links of the repository's Markdown (README.md, docs/**/*.md): each one must resolve to a file
// inside the repository (and to a heading, when it names one); nothing may point outside, not even a web page.
import fs from 'node:fs';
import path from 'node:path';

export interface LinkProblem {
  /** The Markdown file, relative to the repository root. */
  file: string;
  line: number;
  target: string;
  problem: string;
}

export interface MarkdownLink {
  line: number;
  target: string;
  image: boolean;
}

/** README.md and every .md under docs/, relative to `root`, sorted. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) found.push(path.relative(root, full));
    }
  };
  walk(path.join(root, 'docs'));
  if (fs.existsSync(path.join(root, 'README.md'))) found.push('README.md');
  return found.sort();
}

/** The text with fenced code blocks and code spans blanked out (same line numbers): code is not links. */
function withoutCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`+[^`\n]*`+/g, blank);
}

/** Inline links and images `[t](x)`, reference definitions `[id]: x`, and HTML `src=` / `href=`. */
export function extractLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  const lines = withoutCode(text).split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g))
      links.push({ line: i + 1, target: m[2] ?? '', image: m[1] === '!' });
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+["'(].*)?$/.exec(line);
    if (definition) links.push({ line: i + 1, target: definition[1] ?? '', image: false });
    for (const m of line.matchAll(/<(img|a)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']*)["']/gi))
      links.push({ line: i + 1, target: m[2] ?? '', image: (m[1] ?? '').toLowerCase() === 'img' });
  });
  return links;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCode(text).split('\n')) {
    const m = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const plain = (m[1] ?? '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .toLowerCase();
    const slug = plain
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** Problems of one link found in `file` (relative to `root`); none when it resolves inside the repository. */
function checkLink(root: string, file: string, link: MarkdownLink): string | null {
  const { target } = link;
  if (target === '') return 'empty link';
  if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('//')) return 'leaves the repository';
  const hash = target.indexOf('#');
  const pathPart = decodeURIComponent(hash >= 0 ? target.slice(0, hash) : target).split('?')[0] ?? '';
  const anchor = hash >= 0 ? decodeURIComponent(target.slice(hash + 1)) : '';
  const base = pathPart.startsWith('/') ? root : path.dirname(path.join(root, file));
  const resolved = pathPart === '' ? path.join(root, file) : path.resolve(base, pathPart.replace(/^\/+/, ''));
  const inside = path.relative(root, resolved);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return 'points outside the repository';
  if (!fs.existsSync(resolved)) return `no such file: ${inside}`;
  if (anchor !== '') {
    if (!resolved.endsWith('.md')) return 'an anchor into a file that is not Markdown';
    if (!headingAnchors(fs.readFileSync(resolved, 'utf8')).has(anchor.toLowerCase()))
      return `no heading #${anchor} in ${inside}`;
  }
  return null;
}

/** Every broken or outward link of the repository's Markdown, in file and line order. */
export function checkRepositoryLinks(root: string): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const file of markdownFiles(root)) {
    for (const link of extractLinks(fs.readFileSync(path.join(root, file), 'utf8'))) {
      const problem = checkLink(root, file, link);
      if (problem) problems.push({ file, line: link.line, target: link.target, problem });
    }
  }
  return problems;
}

/** The images (repository-relative paths) a Markdown file shows. */
export function imagesOf(root: string, file: string): string[] {
  return extractLinks(fs.readFileSync(path.join(root, file), 'utf8'))
    .filter((l) => l.image && !/^[a-z][a-z\d+.-]*:/i.test(l.target))
    .map((l) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), decodeURIComponent(l.target))));
}
