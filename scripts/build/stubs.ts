// Generates the top-level `function` stubs Apps Script calls by name, from the exports of
// src/server/index.ts, keeping each function's JSDoc (custom functions need it for autocomplete).
import ts from 'typescript';
import path from 'node:path';

export interface ServerEntryPoint {
  name: string;
  params: string[];
  jsDoc: string;
}

/** Reads every export of the server index and the declaration behind it. */
export function readServerEntryPoints(indexFile: string): ServerEntryPoint[] {
  const program = ts.createProgram([indexFile], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.resolve(indexFile));
  if (!source) throw new Error(`build: cannot read ${indexFile}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const resolved = checker
    .getExportsOfModule(moduleSymbol)
    .map((exported) => ({
      exported,
      symbol: exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported,
    }))
    // Type-only exports (the ServerApi check) have nothing for Apps Script to call.
    .filter(({ symbol }) => symbol.flags & ts.SymbolFlags.Value);
  return resolved.map(({ exported, symbol }) => {
    const decl = symbol.declarations?.[0];
    const fn = functionLike(decl);
    if (!decl || !fn) {
      throw new Error(`build: src/server/index.ts exports "${exported.name}", which is not a function`);
    }
    return { name: exported.name, params: fn.parameters.map((p) => paramName(p)), jsDoc: leadingJsDoc(decl) };
  });
}

function functionLike(decl: ts.Declaration | undefined): ts.SignatureDeclaration | undefined {
  if (!decl) return undefined;
  if (ts.isFunctionDeclaration(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    const init = decl.initializer;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

function paramName(p: ts.ParameterDeclaration): string {
  if (!ts.isIdentifier(p.name)) throw new Error('build: Apps Script entry points take plain named parameters');
  return (p.dotDotDotToken ? '...' : '') + p.name.text;
}

/** The last `/** … *\/` block right before the declaration (or its `export` statement). */
function leadingJsDoc(decl: ts.Declaration): string {
  const node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  const text = node.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const docs = ranges.filter((r) => text.startsWith('/**', r.pos));
  const last = docs[docs.length - 1];
  if (!last) return '';
  return text
    .slice(last.pos, last.end)
    .split('\n')
    .map((line, i) => (i === 0 ? line.trim() : ' ' + line.trim()))
    .join('\n');
}

/** Renders `function NAME(a, b) { return App.NAME(a, b); }` with its JSDoc above. */
export function renderStubs(entries: ServerEntryPoint[], globalName: string): string {
  return entries
    .map((e) => {
      const params = e.params.join(', ');
      const call = `${globalName}.${e.name}(${params})`;
      return `${e.jsDoc ? e.jsDoc + '\n' : ''}function ${e.name}(${params}) {\n  return ${call};\n}\n`;
    })
    .join('\n');
}
