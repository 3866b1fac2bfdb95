// The value of a compliance check in words («97,5 % (цель 100 %)», «3 из 4», «сдан …, срок …»), from
// a compact form of the check's actual value and target: the server sends that form in the admin's
// summary, and the server's own texts (getAdminReport) go through the same functions.
import type { ComplianceCheck, ComplianceId } from './compliance';
import { complianceValues as say } from './messages';

/** A share as the tenths of a per cent shown (0–1000); never 1000 for a share below 1. */
export function percentTenths(share: number): number {
  const tenths = Math.round(share * 1000);
  return tenths === 1000 && share < 1 ? 999 : tenths;
}

/** 975 → «97,5 %». */
export function tenthsText(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const rest = tenths % 10;
  return (rest === 0 ? String(whole) : `${whole},${rest}`) + ' %';
}

/** «97,5 %»; never shows 100 % for a share below 1. */
export const percentText = (share: number): string => tenthsText(percentTenths(share));

const COVERAGE_IDS: readonly ComplianceId[] = [
  'teachersCoverage',
  'pupilsCoverage',
  'parentsCoverage',
  'teacherMinimum',
  'mySchool',
];
const COUNT_IDS: readonly ComplianceId[] = ['groupsCreated', 'pupilChats', 'parentChats'];

/** A check's actual value or target as sent: shares of the coverage checks in tenths of a per cent. */
export type CheckValuePart = number | boolean | string | null;

/** [actual, target] of a check in the compact form (see percentTenths). */
export function encodeCheckValue(
  c: Pick<ComplianceCheck, 'id' | 'actual' | 'target'>,
): [CheckValuePart, CheckValuePart] {
  if (!COVERAGE_IDS.includes(c.id)) return [c.actual, c.target];
  const tenths = (x: CheckValuePart): CheckValuePart => (typeof x === 'number' ? percentTenths(x) : x);
  return [tenths(c.actual), tenths(c.target)];
}

/** The value of a check in words, from its compact [actual, target] (encodeCheckValue). */
export function checkValueText(id: ComplianceId, actual: CheckValuePart, target: CheckValuePart): string {
  if (id === 'submittedOnTime')
    return actual === null ? say.notSubmitted(String(target)) : say.submittedOn(String(actual), String(target));
  if (id === 'coordinatorAppointed') return typeof actual === 'string' ? actual : say.notAppointed;
  if (typeof actual === 'boolean') return actual ? say.yes : say.no;
  if (COVERAGE_IDS.includes(id)) {
    if (actual === null) return target === null ? say.notApplicable : say.noTotal;
    return say.share(tenthsText(Number(actual)), typeof target === 'number' ? tenthsText(target) : null);
  }
  if (COUNT_IDS.includes(id)) return actual === null ? say.notApplicable : say.count(Number(actual), Number(target));
  return actual === null ? say.notJudged : String(actual);
}

/** The value of one check in words. */
export function checkText(c: ComplianceCheck): string {
  const [actual, target] = encodeCheckValue(c);
  return checkValueText(c.id, actual, target);
}
