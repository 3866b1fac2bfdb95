// District settings: deadlines, thresholds, coverage targets, reminders — defaults from order № 178.
import * as z from 'zod/mini';
import { defaultDistrictName, settingsFieldLabels as label, validation } from '../messages';
import { DEFAULT_DEADLINE_DAY } from '../deadline';
import { parsePeriod, periodKey } from '../period';
import { DEFAULT_MIN_CALLS, DEFAULT_MIN_MESSAGES } from '../teacherActivity';
import {
  coerceIsoDate,
  count,
  emailList,
  fieldErrors,
  isoDate,
  periodKeyField,
  share,
  text,
  yesNo,
  type Validated,
} from './fields';
import { lazySchema } from './lazy';

const deadlineDay = () =>
  z
    .int({ error: () => validation.outOfRange(label.deadlineDay, 1, 31) })
    .check(
      z.minimum(1, { error: () => validation.outOfRange(label.deadlineDay, 1, 31) }),
      z.maximum(31, { error: () => validation.outOfRange(label.deadlineDay, 1, 31) }),
    );

const reminderOffset = () =>
  z
    .int({ error: () => validation.outOfRange(label.reminderOffsets, -31, 31) })
    .check(
      z.minimum(-31, { error: () => validation.outOfRange(label.reminderOffsets, -31, 31) }),
      z.maximum(31, { error: () => validation.outOfRange(label.reminderOffsets, -31, 31) }),
    );

const buildSettings = () =>
  z.object({
    districtName: text(label.districtName, 200),
    /** Admins besides the spreadsheet owner. */
    adminEmails: emailList(label.adminEmails),
    /** Day of the month after the reported one by which a report is due (п. 3.3). */
    deadlineDay: deadlineDay(),
    /** Structure and connections due by this date (п. 3, 5, 6), ГГГГ-ММ-ДД. */
    setupDeadline: isoDate(label.setupDeadline),
    /** First reported month, ГГГГ-ММ. */
    firstPeriod: periodKeyField(label.firstPeriod),
    /** Teacher minimum per week (п. 4). */
    minMessagesPerWeek: count(label.minMessagesPerWeek),
    minCallsPerWeek: count(label.minCallsPerWeek),
    /** Target shares 0–1 per indicator; null = informational (shown, never a failure). */
    coverageTargets: z.object({
      teachers: share(label.coverageTargets),
      pupils: share(label.coverageTargets),
      parents: share(label.coverageTargets),
      teacherMinimum: share(label.coverageTargets),
      mySchool: share(label.coverageTargets),
    }),
    /** Days before the deadline to remind (0 = on the day, -1 = the day after). */
    reminderOffsets: z.array(reminderOffset()),
    /** While overdue, remind again every this many days; null = never. */
    overdueRepeatDays: z.nullable(
      count(label.overdueRepeatDays).check(
        z.minimum(1, { error: () => validation.outOfRange(label.overdueRepeatDays, 1, 365) }),
      ),
    ),
    /** Who gets the digest of overdue organisations; empty = the admins. */
    digestRecipients: emailList(label.digestRecipients),
    /** Keep per-teacher weekly figures under teacher codes (never names); off = counts only. */
    storeTeacherCodes: yesNo(label.storeTeacherCodes),
    /** A figure moving by more than this share of itself from the previous month is flagged; null = never. */
    changeThreshold: share(label.changeThreshold),
  });
export const settingsSchema = lazySchema(buildSettings);

export type Settings = z.infer<typeof settingsSchema>;
export type CoverageTargets = Settings['coverageTargets'];

/** The order's values: day 30, set-up by 21.11.2023, from November 2023, 10 messages and 1 call. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  districtName: defaultDistrictName,
  adminEmails: [],
  deadlineDay: DEFAULT_DEADLINE_DAY,
  setupDeadline: '2023-11-21',
  firstPeriod: '2023-11',
  minMessagesPerWeek: DEFAULT_MIN_MESSAGES,
  minCallsPerWeek: DEFAULT_MIN_CALLS,
  coverageTargets: { teachers: 1, pupils: 1, parents: null, teacherMinimum: 1, mySchool: 1 },
  reminderOffsets: [7, 3, 1, 0, -1],
  overdueRepeatDays: 7,
  digestRecipients: [],
  storeTeacherCodes: false,
  changeThreshold: 0.2,
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}

/**
 * Validates settings as stored or edited; missing keys take their defaults, so a sheet written by an
 * older version still reads. Dates may be ДД.ММ.ГГГГ.
 */
export function validateSettings(input: unknown): Validated<Settings, 'settings'> {
  if (typeof input !== 'object' || input === null)
    return { ok: false, errors: [{ field: '', message: validation.notAnObject }] };
  const raw = input as Partial<Record<keyof Settings, unknown>>;
  const merged: Record<string, unknown> = { ...defaultSettings() };
  for (const [key, value] of Object.entries(raw))
    if (value !== undefined && key in DEFAULT_SETTINGS) merged[key] = value;
  merged.coverageTargets = { ...DEFAULT_SETTINGS.coverageTargets, ...(raw.coverageTargets as object | undefined) };
  if (raw.setupDeadline !== undefined) merged.setupDeadline = coerceIsoDate(raw.setupDeadline);
  const first = raw.firstPeriod === undefined ? null : parsePeriod(raw.firstPeriod);
  if (first) merged.firstPeriod = periodKey(first);
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, errors: fieldErrors(parsed.error.issues) };
}
