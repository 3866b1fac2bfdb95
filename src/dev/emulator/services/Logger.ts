// Emulated Logger and console, capturing every line of one execution.
import type { ExecutionContext } from '../context';
import { formatJavaString } from './javaFormat';

/** The console subset Apps Script offers. */
export interface ScriptConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Object && Object.prototype.toString.call(v) === '[object Error]')
    return String((v as Error).stack ?? v);
  if (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) !== '[object Date]') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Logger and console for one execution; `lines()` returns what they captured, in order. */
export function createLogging(ctx: ExecutionContext): {
  Logger: GoogleAppsScript.Base.Logger;
  console: ScriptConsole;
  lines(): string[];
} {
  const lines: string[] = [];
  let loggerStart = 0;
  const Logger: GoogleAppsScript.Base.Logger = {
    log(data: unknown, ...values: unknown[]) {
      ctx.count('Logger', 'log');
      lines.push(values.length > 0 ? formatJavaString(String(data), values) : show(data));
      return Logger;
    },
    getLog() {
      ctx.count('Logger', 'getLog');
      return lines.slice(loggerStart).join('\n');
    },
    clear() {
      ctx.count('Logger', 'clear');
      loggerStart = lines.length;
    },
  };
  const at =
    (level: string) =>
    (...args: unknown[]): void => {
      ctx.count('console', level);
      const text = args.map(show).join(' ');
      lines.push(level === 'warn' ? `WARNING: ${text}` : level === 'error' ? `ERROR: ${text}` : text);
    };
  return {
    Logger,
    console: { log: at('log'), info: at('info'), warn: at('warn'), error: at('error') },
    lines: () => [...lines],
  };
}
