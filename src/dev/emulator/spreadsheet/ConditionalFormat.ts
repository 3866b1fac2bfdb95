// ConditionalFormatRuleBuilder, ConditionalFormatRule and BooleanCondition: text-criteria rules as plain data.
//
// Sources (developers.google.com/apps-script/reference/spreadsheet/…):
// - conditional-format-rule-builder: «Builder for conditional format rules»; whenTextEqualTo/StartsWith/
//   Contains(text), setBold(bold), setBackground(color), setFontColor(color) («null to clear»), setRanges(ranges),
//   build(), copy(), getBooleanCondition(), getGradientCondition(), getRanges().
// - conditional-format-rule: getBooleanCondition() («null if the rule does not use a boolean condition»),
//   getGradientCondition(), getRanges(), copy().
// - boolean-condition: getCriteriaType(), getCriteriaValues(), getBold() («null if bolding is unaffected»),
//   getBackground()/getFontColor() (the string forms the reference now marks deprecated), getItalic(), ….
// Strictest readings where the reference is silent: build() throws without a condition or without a range;
// a colour must be a non-empty string (or null to clear); a range must be a Range of this spreadsheet.
import type { ExecutionContext } from '../context';
import type { ConditionalCriteria, ConditionalRuleData, GridRect } from '../store/spreadsheetStore';
import { checkRect, sheetInfo, type RangeLoc } from './access';
import { emulated } from './emulated';
import { MSG, fail, typeName } from './errors';
import { BooleanCriteria } from './enums';
import { createRange } from './Range';

type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Condition = GoogleAppsScript.Spreadsheet.BooleanCondition;

/** A rule as the script holds it: its ranges still name their sheet (setRanges accepts any Range). */
interface RuleDraft {
  ranges: RangeLoc[];
  criteria: ConditionalCriteria | null;
  values: string[];
  format: ConditionalRuleData['format'];
}

/** Texts of the refusals the reference does not spell out (the emulator's own, in Apps Script's manner). */
export const RULE_MSG = {
  noCondition: 'Conditional format rule must have a condition (for example whenTextEqualTo).',
  noRange: 'Conditional format rule must have at least one range (setRanges).',
  // Sheets API, ConditionalFormatRule.ranges: «All the ranges must be on the same grid.»
  otherSheet: 'The ranges of a conditional format rule must be on the sheet the rule is set on.',
} as const;

const WHEN: Record<string, ConditionalCriteria> = {
  whenTextEqualTo: 'TEXT_EQUAL_TO',
  whenTextStartsWith: 'TEXT_STARTS_WITH',
  whenTextContains: 'TEXT_CONTAINS',
};

const method = (name: string): string => `SpreadsheetApp.ConditionalFormatRuleBuilder.${name}`;

/** The value of a colour setter: a non-empty string, or null to clear; anything else throws. */
function colorArg(ctx: ExecutionContext, name: string, color: unknown): string | null {
  if (color === null) return null;
  if (typeof color !== 'string') return fail(ctx, MSG.signature(typeName(color), method(name)));
  if (color.trim() === '') return fail(ctx, MSG.invalidArgument('color'));
  return color.toLowerCase();
}

/** SpreadsheetApp.newConditionalFormatRule() (`from` empty) or a rule's copy(). */
export function createConditionalRuleBuilder(ctx: ExecutionContext, from?: RuleDraft): Builder {
  const data: RuleDraft = from ? structuredClone(from) : { ranges: [], criteria: null, values: [], format: {} };
  const setFormat = <K extends keyof RuleDraft['format']>(key: K, value: RuleDraft['format'][K] | null): void => {
    if (value === null || value === undefined) delete data.format[key];
    else data.format[key] = value;
  };
  const impl: Record<string, unknown> = {
    setBold(bold: unknown) {
      if (bold !== null && typeof bold !== 'boolean') fail(ctx, MSG.signature(typeName(bold), method('setBold')));
      setFormat('bold', bold as boolean | null);
      return this;
    },
    setBackground(color: unknown) {
      setFormat('background', colorArg(ctx, 'setBackground', color));
      return this;
    },
    setFontColor(color: unknown) {
      setFormat('fontColor', colorArg(ctx, 'setFontColor', color));
      return this;
    },
    setRanges(ranges: unknown) {
      const locs = Array.isArray(ranges) ? ranges.map((r) => (r as { _loc?: RangeLoc } | null)?._loc) : null;
      if (!locs || locs.some((l) => !l)) fail(ctx, MSG.signature(typeName(ranges), method('setRanges')));
      data.ranges = structuredClone(locs as RangeLoc[]);
      return this;
    },
    getRanges: () => data.ranges.map((loc) => createRange(ctx, loc)),
    getBooleanCondition: () => (data.criteria ? createCondition(ctx, data) : null),
    getGradientCondition: () => null,
    build() {
      if (!data.criteria) fail(ctx, RULE_MSG.noCondition);
      if (data.ranges.length === 0) fail(ctx, RULE_MSG.noRange);
      return createRule(ctx, data);
    },
    copy: () => createConditionalRuleBuilder(ctx, data),
  };
  for (const [name, criteria] of Object.entries(WHEN)) {
    impl[name] = function (this: unknown, text: unknown) {
      if (typeof text !== 'string') fail(ctx, MSG.signature(typeName(text), method(name)));
      Object.assign(data, { criteria, values: [text] });
      return this;
    };
  }
  return emulated<Builder>(ctx, 'ConditionalFormatRuleBuilder', impl);
}

function createCondition(ctx: ExecutionContext, data: RuleDraft): Condition {
  const { criteria, values, format } = structuredClone(data);
  return emulated<Condition>(ctx, 'BooleanCondition', {
    getCriteriaType: () => BooleanCriteria[criteria!],
    getCriteriaValues: () => [...values],
    getBold: () => format.bold ?? null,
    getBackground: () => format.background ?? null,
    getFontColor: () => format.fontColor ?? null,
    getItalic: () => null,
    getStrikethrough: () => null,
    getUnderline: () => null,
  });
}

function createRule(ctx: ExecutionContext, data: RuleDraft): Rule {
  const frozen = structuredClone(data);
  return emulated<Rule>(ctx, 'ConditionalFormatRule', {
    _kind: 'ConditionalFormatRule',
    _data: frozen,
    getRanges: () => frozen.ranges.map((loc) => createRange(ctx, loc)),
    getBooleanCondition: () => createCondition(ctx, frozen),
    getGradientCondition: () => null,
    copy: () => createConditionalRuleBuilder(ctx, frozen),
  });
}

/**
 * Sheet.setConditionalFormatRules(rules) argument → the rules as stored with sheet `sheetId`. Every range
 * must be on that sheet (strictest reading of «All the ranges must be on the same grid») and inside it.
 */
export function toStoredRules(
  ctx: ExecutionContext,
  rules: unknown,
  docId: string,
  sheetId: number,
  name: string,
): ConditionalRuleData[] {
  const drafts = Array.isArray(rules) ? rules.map((r) => r as { _kind?: string; _data?: RuleDraft } | null) : null;
  if (!drafts || drafts.some((r) => r?._kind !== 'ConditionalFormatRule' || !r._data))
    return fail(ctx, MSG.signature(typeName(rules), `SpreadsheetApp.${name}`));
  const info = sheetInfo(ctx, docId, sheetId);
  return drafts.map((r) => {
    const d = r!._data!;
    const ranges = d.ranges.map((loc): GridRect => {
      if (loc.docId !== docId || loc.sheetId !== sheetId) return fail(ctx, RULE_MSG.otherSheet);
      return { ...checkRect(ctx, info, loc.rect) };
    });
    return { ranges, criteria: d.criteria!, values: [...d.values], format: { ...d.format } };
  });
}

/** The rules stored with a sheet → the script's ConditionalFormatRule objects, in order. */
export function fromStoredRules(
  ctx: ExecutionContext,
  docId: string,
  sheetId: number,
  rules: readonly ConditionalRuleData[],
): Rule[] {
  return rules.map((r) =>
    createRule(ctx, {
      ranges: r.ranges.map((rect) => ({ docId, sheetId, rect })),
      criteria: r.criteria,
      values: r.values,
      format: r.format,
    }),
  );
}
