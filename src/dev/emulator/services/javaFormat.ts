// A small subset of Java's String.format (%s %d %f %.Nf %%), as Logger.log and formatString use it.

/** Format `template` with `args` like Java's String.format for %s, %d, %f, %.Nf and %%. */
export function formatJavaString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(
    /%(?:(\d+)\$)?(\.\d+)?([sdf%n])/g,
    (_whole, index: string | undefined, precision: string | undefined, kind: string) => {
      if (kind === '%') return '%';
      if (kind === 'n') return '\n';
      const arg = index !== undefined ? args[Number(index) - 1] : args[next++];
      if (kind === 's') return typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : String(arg);
      const num = Number(arg);
      if (kind === 'd') return String(Math.trunc(num));
      return num.toFixed(precision ? Number(precision.slice(1)) : 6);
    },
  );
}
