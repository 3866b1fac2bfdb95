// The coordinator's live feedback: each coverage figure of the form as typed so far and whether the
// order's target (Settings) is met — the same shares and tolerance as the admin's compliance checks.
import { percentText } from './checkText';
import { shareOf } from './compliance';
import { complianceLabels as labels, coverageFeedbackTexts as say } from './messages';
import { hasMySchool, hasPupils, type OrganisationType } from './schemas/organisation';
import type { CoverageTargets } from './schemas/settings';

export interface CoverageLine {
  id: 'teachers' | 'pupils' | 'parents' | 'teacherMinimum' | 'mySchool';
  label: string;
  /** «95 % (38 из 40)», or what is still missing to compute it. */
  text: string;
  /** true/false against the target; null when there is no target or the figures are not complete. */
  met: boolean | null;
  /** «цель 100 % — выполнено» / «цель 90 % — не выполнено» / «без цели». */
  verdict: string;
}

const TOLERANCE = 1e-12;

/** A whole number ≥ 0 typed in a field, or null. */
function countOf(value: string | undefined): number | null {
  const text = (value ?? '').replace(/[\s\u00a0]/g, '');
  return /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * Each coverage figure the organisation's type reports, from the form's text values.
 * @param values the form's fields as typed (names of MonthlyReport)
 */
export function coverageFeedback(
  values: Partial<Record<string, string>>,
  type: OrganisationType,
  targets: CoverageTargets,
  minimum: { messages: number; calls: number },
): CoverageLine[] {
  const line = (id: CoverageLine['id'], label: string, partKey: string, totalKey: string): CoverageLine => {
    const part = countOf(values[partKey]);
    const total = countOf(values[totalKey]);
    const target = targets[id];
    const targetText = target === null ? '' : percentText(target);
    if (part === null || total === null)
      return {
        id,
        label,
        text: say.incomplete,
        met: null,
        verdict: target === null ? say.noTarget : say.target(targetText),
      };
    if (part > total) return { id, label, text: say.exceeds(part, total), met: null, verdict: say.target(targetText) };
    const share = shareOf(part, total);
    const text = share === null ? say.nothingToCover : say.share(percentText(share), part, total);
    const met = target === null ? null : share === null || share >= target - TOLERANCE;
    const verdict = target === null ? say.noTarget : met ? say.met(targetText) : say.notMet(targetText);
    return { id, label, text, met, verdict };
  };
  return [
    line('teachers', labels.teachersCoverage, 'teachersConnected', 'teachersTotal'),
    ...(hasPupils(type) ? [line('pupils', labels.pupilsCoverage, 'pupilsConnected', 'pupilsTotal')] : []),
    line('parents', labels.parentsCoverage, 'parentsConnected', 'parentsTotal'),
    line(
      'teacherMinimum',
      labels.teacherMinimum(minimum.messages, minimum.calls),
      'teachersMeetingMinimum',
      'teachersTotal',
    ),
    ...(hasMySchool(type) ? [line('mySchool', labels.mySchool, 'mySchoolTeachers', 'teachersTotal')] : []),
  ];
}
