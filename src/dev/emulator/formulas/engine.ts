// The formula hook of one store: installed once per store by createEmulator, it evaluates formula
// cells when the store is read and runs custom functions of every bundle loaded against the store
// (the latest loaded bundle defining a name wins, as the latest pushed script version would).
import type { FormulaHook, SpreadsheetStore } from '../store/spreadsheetStore';
import { Evaluation, type CustomFunctions, type EngineState } from './evaluator';

/** Custom functions of one bundle. */
export interface CustomFunctionProvider {
  resolve(upperName: string): string | null;
  call: CustomFunctions['call'];
}

export class FormulaEngine implements FormulaHook, CustomFunctions {
  private readonly providers = new Map<string, CustomFunctionProvider>();
  private readonly state: EngineState = { active: new Set(), depth: 0 };

  constructor(private readonly now: () => number) {}

  /** Add (or refresh) the custom functions of a bundle; `key` identifies the bundle's source. */
  register(key: string, provider: CustomFunctionProvider): void {
    this.providers.delete(key);
    this.providers.set(key, provider);
  }

  resolve(upperName: string): string | null {
    return this.providerOf(upperName)?.name ?? null;
  }

  call(name: string, args: unknown[], documentId: string): ReturnType<CustomFunctions['call']> {
    const found = this.providerOf(name.toUpperCase());
    return found
      ? found.provider.call(found.name, args, documentId)
      : { ok: false, message: `Unknown function: '${name}'.` };
  }

  private providerOf(upperName: string): { provider: CustomFunctionProvider; name: string } | null {
    const all = [...this.providers.values()];
    for (let i = all.length - 1; i >= 0; i--) {
      const name = all[i]!.resolve(upperName);
      if (name) return { provider: all[i]!, name };
    }
    return null;
  }

  compute(...[view, sheetId, rect]: Parameters<FormulaHook['compute']>): ReturnType<FormulaHook['compute']> {
    return new Evaluation(view, this.now(), this, this.state).compute(sheetId, rect);
  }

  extent(...[view, sheetId]: Parameters<FormulaHook['extent']>): ReturnType<FormulaHook['extent']> {
    return new Evaluation(view, this.now(), this, this.state).extent(sheetId);
  }
}

const engines = new WeakMap<SpreadsheetStore, FormulaEngine>();

/** The formula engine of a store's spreadsheets, created and installed as its hook on first use. */
export function formulaEngineFor(spreadsheets: SpreadsheetStore, now: () => number): FormulaEngine {
  let engine = engines.get(spreadsheets);
  if (!engine) {
    engine = new FormulaEngine(now);
    engines.set(spreadsheets, engine);
    spreadsheets.setFormulaHook(engine);
  }
  return engine;
}

// A JSDoc block holding @customfunction right before a function declared at the start of a line
// (top level: the bundle's own functions sit indented inside its IIFE).
const CUSTOM_FUNCTION_RE =
  /\/\*\*((?:[^*]|\*(?!\/))*)\*\/[ \t]*\r?\n(?:[ \t]*\r?\n)*function[ \t]+([A-Za-z_$][\w$]*)[ \t]*\(/g;

/** Names of the top-level functions a bundle marks with @customfunction (private `name_` ones excluded). */
export function customFunctionNames(code: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(CUSTOM_FUNCTION_RE)) {
    if (/@customfunction\b/.test(m[1] ?? '') && !m[2]!.endsWith('_')) names.push(m[2]!);
  }
  return names;
}

const CACHE_LIMIT = 5000;
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Arguments as a cache key that tells a Date from its ISO text and undefined from ''. */
function cacheKey(args: unknown[]): string {
  return JSON.stringify(args, function (this: Record<string, unknown>, k: string, v: unknown) {
    const original = this[k];
    if (isDate(original)) return { $date: original.getTime() };
    return v === undefined ? { $undefined: true } : v;
  });
}

/**
 * Custom functions of a bundle, run by `run` (one CUSTOM_FUNCTION execution each). Results are
 * cached by arguments, as Sheets recomputes a custom function only when its arguments change.
 */
export function bundleProvider(
  code: () => string,
  run: (
    fn: string,
    args: unknown[],
    documentId: string,
  ) => { ok: boolean; value?: unknown; error?: { message: string } },
): CustomFunctionProvider {
  let names: Map<string, string> | null = null;
  const cache = new Map<string, ReturnType<CustomFunctions['call']>>();
  const known = (): Map<string, string> => {
    if (!names) {
      let source = '';
      try {
        source = code();
      } catch {
        source = '';
      }
      names = new Map(customFunctionNames(source).map((n) => [n.toUpperCase(), n]));
    }
    return names;
  };
  return {
    resolve: (upperName) => known().get(upperName) ?? null,
    call(name, args, documentId) {
      const key = `${documentId}\u0000${name}\u0000${cacheKey(args)}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const r = run(name, args, documentId);
      const out: ReturnType<CustomFunctions['call']> = r.ok
        ? { ok: true, value: r.value }
        : { ok: false, message: r.error?.message ?? 'Unknown error.' };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, out);
      return out;
    },
  };
}
