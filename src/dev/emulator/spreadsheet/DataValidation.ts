// DataValidation and DataValidationBuilder: rules recorded as plain data (scripts are not blocked by them).
import { types } from 'node:util';
import type { ExecutionContext } from '../context';
import type { RangeRef, ValidationData } from '../store/spreadsheetStore';
import type { RangeLoc } from './access';
import { emulated } from './emulated';
import { MSG, fail, typeName } from './errors';
import { DataValidationCriteria, enumName } from './enums';
import { createRange } from './Range';

type Rule = GoogleAppsScript.Spreadsheet.DataValidation;
type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Arg = ValidationData['args'][number];

function toArg(ctx: ExecutionContext, v: unknown): Arg {
  if (types.isDate(v)) return (v as Date).getTime();
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(String);
  const loc = (v as { _loc?: RangeLoc })._loc;
  if (loc) return { sheetId: loc.sheetId, rect: loc.rect };
  return fail(ctx, MSG.signature(typeName(v), 'SpreadsheetApp.DataValidationBuilder.withCriteria'));
}

function fromArg(ctx: ExecutionContext, docId: string, a: Arg, criteria: string): unknown {
  if (typeof a === 'number' && criteria.startsWith('DATE_')) return ctx.createDate(a);
  if (a && typeof a === 'object' && !Array.isArray(a))
    return createRange(ctx, { docId, sheetId: (a as RangeRef).sheetId, rect: (a as RangeRef).rect });
  return Array.isArray(a) ? [...a] : a;
}

/** Builder methods that just set criteria and arguments. */
const CRITERIA: Record<string, string> = {
  requireNumberBetween: 'NUMBER_BETWEEN',
  requireNumberNotBetween: 'NUMBER_NOT_BETWEEN',
  requireNumberEqualTo: 'NUMBER_EQUAL_TO',
  requireNumberNotEqualTo: 'NUMBER_NOT_EQUAL_TO',
  requireNumberGreaterThan: 'NUMBER_GREATER_THAN',
  requireNumberGreaterThanOrEqualTo: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  requireNumberLessThan: 'NUMBER_LESS_THAN',
  requireNumberLessThanOrEqualTo: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  requireDate: 'DATE_IS_VALID_DATE',
  requireDateAfter: 'DATE_AFTER',
  requireDateBefore: 'DATE_BEFORE',
  requireDateBetween: 'DATE_BETWEEN',
  requireDateEqualTo: 'DATE_EQUAL_TO',
  requireDateOnOrAfter: 'DATE_ON_OR_AFTER',
  requireDateOnOrBefore: 'DATE_ON_OR_BEFORE',
  requireTextContains: 'TEXT_CONTAINS',
  requireTextDoesNotContain: 'TEXT_DOES_NOT_CONTAIN',
  requireTextEqualTo: 'TEXT_EQUAL_TO',
  requireTextIsEmail: 'TEXT_IS_VALID_EMAIL',
  requireTextIsUrl: 'TEXT_IS_VALID_URL',
  requireFormulaSatisfied: 'CUSTOM_FORMULA',
  requireCheckbox: 'CHECKBOX',
};

/**
 * A DataValidationBuilder starting from `from` (or an empty rule).
 * requireValueInList/requireValueInRange default showDropdown to true, as Apps Script does.
 */
export function createValidationBuilder(ctx: ExecutionContext, docId: string, from?: ValidationData): Builder {
  const data: ValidationData = from
    ? structuredClone(from)
    : { criteria: '', args: [], allowInvalid: true, helpText: '' };
  const impl: Record<string, unknown> = {
    _kind: 'DataValidationBuilder',
    requireValueInList(values: unknown, showDropdown = true) {
      if (!Array.isArray(values))
        fail(ctx, MSG.signature(typeName(values), 'SpreadsheetApp.DataValidationBuilder.requireValueInList'));
      Object.assign(data, { criteria: 'VALUE_IN_LIST', args: [values.map(String), Boolean(showDropdown)] });
      return this;
    },
    requireValueInRange(range: unknown, showDropdown = true) {
      Object.assign(data, { criteria: 'VALUE_IN_RANGE', args: [toArg(ctx, range), Boolean(showDropdown)] });
      return this;
    },
    withCriteria(criteria: unknown, args: unknown) {
      const name =
        enumName(criteria) ??
        fail(ctx, MSG.signature(typeName(criteria), 'SpreadsheetApp.DataValidationBuilder.withCriteria'));
      Object.assign(data, { criteria: name, args: (Array.isArray(args) ? args : []).map((a) => toArg(ctx, a)) });
      return this;
    },
    setAllowInvalid(allow: boolean) {
      data.allowInvalid = Boolean(allow);
      return this;
    },
    setHelpText(text: string) {
      data.helpText = String(text);
      return this;
    },
    getAllowInvalid: () => data.allowInvalid,
    getHelpText: () => data.helpText,
    getCriteriaType: () =>
      data.criteria ? DataValidationCriteria[data.criteria as keyof typeof DataValidationCriteria] : null,
    getCriteriaValues: () => data.args.map((a) => fromArg(ctx, docId, a, data.criteria)),
    build: () => createValidation(ctx, docId, data),
    copy: () => createValidationBuilder(ctx, docId, data),
  };
  for (const [method, criteria] of Object.entries(CRITERIA)) {
    impl[method] = function (this: unknown, ...args: unknown[]) {
      Object.assign(data, { criteria, args: args.map((a) => toArg(ctx, a)) });
      return this;
    };
  }
  return emulated<Builder>(ctx, 'DataValidationBuilder', impl);
}

/** A built DataValidation holding a copy of `data`. */
export function createValidation(ctx: ExecutionContext, docId: string, data: ValidationData): Rule {
  const frozen = structuredClone(data);
  return emulated<Rule>(ctx, 'DataValidation', {
    _kind: 'DataValidation',
    _data: frozen,
    getAllowInvalid: () => frozen.allowInvalid,
    getHelpText: () => frozen.helpText,
    getCriteriaType: () => DataValidationCriteria[frozen.criteria as keyof typeof DataValidationCriteria] ?? null,
    getCriteriaValues: () => frozen.args.map((a) => fromArg(ctx, docId, a, frozen.criteria)),
    copy: () => createValidationBuilder(ctx, docId, frozen),
  });
}

/** Rule argument of setDataValidation(s) → stored data; Apps Script's signature error otherwise. */
export function toValidation(ctx: ExecutionContext, rule: unknown, method: string): ValidationData {
  const r = rule as { _kind?: string; _data?: ValidationData } | null;
  if (r?._kind !== 'DataValidation' || !r._data)
    return fail(ctx, MSG.signature(r?._kind ?? typeName(rule), `SpreadsheetApp.${method}`));
  if (!r._data.criteria) return fail(ctx, 'Data validation criteria must be set.');
  return structuredClone(r._data);
}

/** Stored data → script-facing DataValidation. */
export function fromValidation(ctx: ExecutionContext, docId: string, data: ValidationData): Rule {
  return createValidation(ctx, docId, data);
}
