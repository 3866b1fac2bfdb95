// Folder-level import graph of src/: cycles between folders, and imports a folder may not make.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import from a source file to another, both relative to the scanned root. */
export interface ImportEdge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolveRelative(fromFile: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Every relative import (static, type-only, re-export or dynamic) of the .ts files in the folders
 * `under` (relative to `root`; default: all of it), with both ends relative to `root`.
 */
export function importEdges(root: string, under: string[] = ['.']): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of under.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const imported of info.importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = resolveRelative(file, imported.fileName);
      if (target) edges.push({ from: path.relative(root, file), to: path.relative(root, target) });
    }
  }
  return edges;
}

const posix = (file: string): string => file.split(path.sep).join('/');

/**
 * The two sibling folders an import crosses between, each taken with everything below it: for
 * `server/api/x.ts → server/storage/y.ts` that is `server/api` → `server/storage`. An import within
 * one folder, or between a folder's own files and its subfolders, crosses no siblings (null).
 */
function siblingStep(e: ImportEdge): [string, string] | null {
  const a = posix(path.dirname(e.from)).split('/');
  const b = posix(path.dirname(e.to)).split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i >= a.length || i >= b.length) return null;
  return [[...a.slice(0, i + 1)].join('/'), [...b.slice(0, i + 1)].join('/')];
}

/**
 * Loops between sibling folders (each with its subfolders): groups of folders under one parent
 * that import each other round a loop, each listed with the file imports that make the loop.
 */
export function folderCycles(edges: ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  const steps: Array<{ edge: ImportEdge; from: string; to: string }> = [];
  for (const edge of edges) {
    const step = siblingStep(edge);
    if (!step) continue;
    const [from, to] = step;
    steps.push({ edge, from, to });
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)?.add(to);
  }
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: Set<string>[] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const group = new Set<string>();
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        group.add(w);
      } while (w !== v);
      if (group.size > 1) groups.push(group);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((group) =>
    steps
      .filter((s) => group.has(s.from) && group.has(s.to))
      .map((s) => `${s.from} → ${s.to}: ${posix(s.edge.from)} imports ${posix(s.edge.to)}`),
  );
}

/**
 * Imports from a file under `folder` to anything outside `folder` and `allowed` (folder prefixes,
 * relative to the same root), e.g. the sidebars may use only domain/ and contract/.
 */
export function forbiddenImports(edges: ImportEdge[], folder: string, allowed: string[]): string[] {
  const inside = (file: string, prefix: string): boolean => posix(file).startsWith(`${prefix}/`);
  return edges
    .filter((e) => inside(e.from, folder) && ![folder, ...allowed].some((prefix) => inside(e.to, prefix)))
    .map((e) => `${posix(e.from)} imports ${posix(e.to)}`);
}
