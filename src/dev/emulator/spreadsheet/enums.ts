// Apps Script enums used by the Spreadsheet service and its Ui: interned singletons with name()/toString().

/** One enum value: compares by identity, prints as its name, like Apps Script enum values. */
export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

function makeEnum<K extends string>(keys: readonly K[]): Readonly<Record<K, EnumValue>> {
  const out = {} as Record<K, EnumValue>;
  keys.forEach((key, i) => {
    out[key] = Object.freeze({ name: () => key, ordinal: () => i, toString: () => key, toJSON: () => key });
  });
  return Object.freeze(out);
}

/** Name of an enum value or of a string naming one; null for anything else. */
export function enumName(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as EnumValue).name === 'function') return (v as EnumValue).name();
  return null;
}

export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT'] as const);
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
/** The number and text criteria DataValidationCriteria and BooleanCriteria both list, in the same order. */
const NUMBER_AND_TEXT_CRITERIA = [
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
] as const;
export const DataValidationCriteria = makeEnum([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  ...NUMBER_AND_TEXT_CRITERIA,
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);
export const Dimension = makeEnum(['COLUMNS', 'ROWS'] as const);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const SheetType = makeEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const);
// BooleanCriteria as the reference lists it (developers.google.com/apps-script/reference/spreadsheet/boolean-criteria).
export const BooleanCriteria = makeEnum([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  ...NUMBER_AND_TEXT_CRITERIA,
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);
