// Apps Script-style enum objects: identity-compared values whose toString()/name() give the name.

/** One enum value, as Apps Script exposes them (e.g. ScriptApp.AuthMode.FULL). */
export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

/** A frozen enum of `names`; build one per execution so identity holds within it. */
export function makeEnum<N extends string>(names: readonly N[]): Readonly<Record<N, EnumValue>> {
  const out = {} as Record<N, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({ name: () => n, ordinal: () => i, toString: () => n, toJSON: () => n });
  });
  return Object.freeze(out);
}
