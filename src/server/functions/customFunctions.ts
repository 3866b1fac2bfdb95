// Spreadsheet custom functions (SPEC §5): pure, element-wise over ranges, Russian errors.
// The leading JSDoc of each function is copied verbatim into Code.js for Sheets' autocomplete.
import { isDateValue, parseCalendarDate, startOfMoscowDay } from '../../domain/calendar';
import { CellInputError, isBlank, mapCells, readCount, readNumber } from '../../domain/cellArgs';
import {
  daysToDeadline,
  dueDayStart,
  isValidDeadlineDay,
  submissionStatus,
  DEFAULT_DEADLINE_DAY,
} from '../../domain/deadline';
import { cellErrors, statusLabels } from '../../domain/messages';
import { parsePeriod, type Period } from '../../domain/period';
import { DEFAULT_MIN_CALLS, DEFAULT_MIN_MESSAGES } from '../../domain/teacherActivity';

const args = cellErrors.args;

function readPeriod(value: unknown): Period {
  const period = parsePeriod(value);
  if (!period) throw new CellInputError(cellErrors.badPeriod(isDateValue(value) ? cellErrors.aDate : value));
  return period;
}

/** A Date (kept as the instant it is) or text ДД.ММ.ГГГГ / ГГГГ-ММ-ДД (00:00 MSK of that day). */
function readInstant(value: unknown, what: string): Date {
  if (isDateValue(value) && !Number.isNaN(value.getTime())) return value;
  const date = isDateValue(value) ? null : parseCalendarDate(value);
  if (!date) throw new CellInputError(cellErrors.badDate(what, isDateValue(value) ? cellErrors.aDate : value));
  return startOfMoscowDay(date);
}

function readDeadlineDay(value: unknown): number {
  if (isBlank(value)) return DEFAULT_DEADLINE_DAY;
  const day = typeof value === 'number' || typeof value === 'string' ? Number(String(value).trim()) : NaN;
  if (!isValidDeadlineDay(day)) throw new CellInputError(cellErrors.badDay(value));
  return day;
}

/** A target share: a number 0–1, or text such as «90%» or «0,9». */
function readTarget(value: unknown): number {
  if (isBlank(value)) return 1;
  const text = typeof value === 'string' ? value.trim() : null;
  const percent = text?.endsWith('%');
  let target: number;
  try {
    target = readNumber(percent && text ? text.slice(0, -1) : value, args.target);
  } catch {
    throw new CellInputError(cellErrors.badTarget(value));
  }
  if (percent) target /= 100;
  if (!(target >= 0 && target <= 1)) throw new CellInputError(cellErrors.badTarget(value));
  return target;
}

/** Reads part and total: counts with part ≤ total. */
function readPartOfTotal(part: unknown, total: unknown): [number, number] {
  const p = readCount(part, args.part);
  const t = readCount(total, args.total);
  if (p > t) throw new CellInputError(cellErrors.partExceedsTotal(p, t));
  return [p, t];
}

/**
 * Срок сдачи ежемесячного отчёта по приказу № 178: 30-е число месяца, следующего за отчётным (в феврале — его последний день).
 *
 * @param {Date|string} period Отчётный месяц: дата любого его дня, текст ГГГГ-ММ или ММ.ГГГГ; можно диапазон.
 * @param {number} day_of_month День сдачи в следующем месяце (необязательно, по умолчанию 30).
 * @return {Date} Дата, до конца которой (по московскому времени) нужно сдать отчёт.
 * @customfunction
 */
export function REPORT_DEADLINE(period: unknown, day_of_month?: unknown): unknown {
  return mapCells([period, day_of_month], ([p, day]) =>
    isBlank(p) ? '' : dueDayStart(readPeriod(p), readDeadlineDay(day)),
  );
}

/**
 * Сколько календарных дней осталось до срока сдачи отчёта: 0 в день срока, отрицательное число — просрочка.
 * Пишите =DAYS_TO_DEADLINE(A2; Сегодня): ячейку «Сегодня» в листе «Настройки» дополнение обновляет каждый день,
 * и формула пересчитывается. Без даты считается на момент последнего пересчёта формулы (Google не пересчитывает её сам).
 *
 * @param {Date|string} period Отчётный месяц: дата любого его дня, текст ГГГГ-ММ или ММ.ГГГГ; можно диапазон.
 * @param {Date} as_of Дата, на которую считать: укажите Сегодня (необязательно; без неё — момент последнего пересчёта).
 * @return {number} Число дней до срока сдачи.
 * @customfunction
 */
export function DAYS_TO_DEADLINE(period: unknown, as_of?: unknown): unknown {
  const now = new Date();
  return mapCells([period, as_of], ([p, asOf]) =>
    isBlank(p) ? '' : daysToDeadline(readPeriod(p), isBlank(asOf) ? now : readInstant(asOf, args.asOf)),
  );
}

/**
 * Статус отчёта за месяц: «сдан вовремя», «сдан с опозданием», «не сдан» (срок ещё не прошёл) или «просрочен».
 * Пишите =REPORT_STATUS(A2; B2; Сегодня), чтобы статус менялся с течением дней: без даты он считается на момент
 * последнего пересчёта формулы.
 *
 * @param {Date|string} period Отчётный месяц: дата любого его дня, текст ГГГГ-ММ или ММ.ГГГГ; можно диапазон.
 * @param {Date} submitted_on Дата (и время) сдачи отчёта; пустая ячейка — отчёт не сдан.
 * @param {Date} as_of Дата, на которую определить статус: укажите Сегодня (необязательно; без неё — момент последнего пересчёта).
 * @return {string} Статус отчёта.
 * @customfunction
 */
export function REPORT_STATUS(period: unknown, submitted_on?: unknown, as_of?: unknown): unknown {
  const now = new Date();
  return mapCells([period, submitted_on, as_of], ([p, submitted, asOf]) => {
    if (isBlank(p)) return '';
    const submittedAt = isBlank(submitted) ? null : readInstant(submitted, args.submittedOn);
    const at = isBlank(asOf) ? now : readInstant(asOf, args.asOf);
    return statusLabels[submissionStatus(readPeriod(p), submittedAt, at)];
  });
}

/**
 * Охват: доля подключённых от общего числа, число от 0 до 1 (оформите ячейку как процент).
 *
 * @param {number} part Сколько подключено (целое число не больше общего); можно диапазон.
 * @param {number} total Сколько всего (целое число); можно диапазон.
 * @return {number} Доля part / total; пусто, если оба равны 0.
 * @customfunction
 */
export function COVERAGE(part: unknown, total: unknown): unknown {
  return mapCells([part, total], ([p, t]) => {
    if (isBlank(p) || isBlank(t)) return '';
    const [n, d] = readPartOfTotal(p, t);
    return d === 0 ? '' : n / d;
  });
}

/**
 * Достигнут ли целевой охват: ИСТИНА, когда part / total не меньше цели (и когда оба равны 0).
 *
 * @param {number} part Сколько подключено (целое число не больше общего); можно диапазон.
 * @param {number} total Сколько всего (целое число); можно диапазон.
 * @param {number} target Цель — доля от 0 до 1 или процент (необязательно, по умолчанию 1, то есть 100 %).
 * @return {boolean} ИСТИНА, если цель достигнута.
 * @customfunction
 */
export function MEETS_TARGET(part: unknown, total: unknown, target?: unknown): unknown {
  return mapCells([part, total, target], ([p, t, goal]) => {
    if (isBlank(p) || isBlank(t)) return '';
    const [n, d] = readPartOfTotal(p, t);
    const share = readTarget(goal);
    return d === 0 ? true : n / d >= share - 1e-12;
  });
}

/**
 * Выполнил ли педагог минимум использования Сферума за неделю (приказ № 178, п. 4): 10 сообщений и 1 звонок.
 *
 * @param {number} messages Сообщений за неделю; можно диапазон.
 * @param {number} calls Звонков за неделю; можно диапазон.
 * @param {number} min_messages Минимум сообщений в неделю (необязательно, по умолчанию 10).
 * @param {number} min_calls Минимум звонков в неделю (необязательно, по умолчанию 1).
 * @return {boolean} ИСТИНА, если выполнены оба минимума.
 * @customfunction
 */
export function TEACHER_MINIMUM_MET(
  messages: unknown,
  calls: unknown,
  min_messages?: unknown,
  min_calls?: unknown,
): unknown {
  return mapCells([messages, calls, min_messages, min_calls], ([m, c, minM, minC]) => {
    if (isBlank(m) && isBlank(c)) return '';
    const sent = isBlank(m) ? 0 : readCount(m, args.messages);
    const made = isBlank(c) ? 0 : readCount(c, args.calls);
    const needMessages = isBlank(minM) ? DEFAULT_MIN_MESSAGES : readCount(minM, args.minMessages);
    const needCalls = isBlank(minC) ? DEFAULT_MIN_CALLS : readCount(minC, args.minCalls);
    return sent >= needMessages && made >= needCalls;
  });
}
