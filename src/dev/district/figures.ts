// One invented organisation's monthly figures, from its size and how far it has got with the order
// (reach): the same formula for the preview's demo, the tests' generated districts and the bench.
import type { OrganisationType } from '../../domain/schemas/organisation';
import type { MonthlyReport } from '../../domain/schemas/report';

/** A report's figures: everything but the organisation and the month. */
export type ReportFigures = Omit<MonthlyReport, 'orgId' | 'period'>;

export interface FiguresOptions {
  /** Teachers added to the total only (a report the admin returns for a wrong total). */
  extraTeachersTotal?: number;
  /** The coordinator's explanation when a foreign messenger is still in use ('' = none in use). */
  foreignMessengers?: string;
}

/**
 * Report figures that pass the domain's validation for any reach in [0.7, 1]; below 1 they fall
 * short of the order's targets in proportion.
 * @param teachers the organisation's number of teachers
 * @param reach share of the targets reached (1 = everything connected)
 */
export function reportFigures(
  type: OrganisationType,
  teachers: number,
  reach: number,
  options: FiguresOptions = {},
): ReportFigures {
  const part = (n: number, share = reach) => Math.min(n, Math.round(n * share));
  const teachersConnected = part(teachers);
  const pupils = type !== 'preschool';
  const pupilsTotal = pupils ? teachers * (type === 'school' ? 11 : 9) : null;
  const groupsTotal = type === 'school' ? Math.max(4, Math.round(teachers / 3)) : Math.max(2, Math.round(teachers / 2));
  const groupsInSferum = part(groupsTotal, Math.min(1, reach + 0.05));
  const foreign = options.foreignMessengers ?? '';
  return {
    teachersTotal: teachers + (options.extraTeachersTotal ?? 0),
    teachersConnected,
    pupilsTotal,
    pupilsConnected: pupilsTotal === null ? null : part(pupilsTotal),
    parentsTotal: teachers * 14,
    parentsConnected: part(teachers * 14, reach - 0.15),
    groupsTotal,
    groupsInSferum,
    staffChat: reach > 0.72,
    pupilChats: pupils ? groupsInSferum : null,
    parentChats: groupsInSferum,
    teachersMeetingMinimum: part(teachersConnected, reach - 0.05),
    teacherMessages: null,
    teacherCalls: null,
    mySchoolTeachers: type === 'school' ? part(teachers, reach - 0.02) : null,
    noForeignMessengers: foreign === '',
    foreignMessengersExplanation: foreign,
    comment: '',
  };
}
