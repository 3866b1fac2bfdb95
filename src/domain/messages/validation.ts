// Validation messages shared by the sidebar and the server, and pasted teacher figures.

import { quoted } from './common';

// ---- Validation (sidebar and server alike) --------------------------------------------------

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

export const validation = {
  required: (label: string): string => `Заполните поле «${label}».`,
  notInteger: (label: string, value: unknown): string =>
    `«${label}»: нужно целое число, а указано «${typeof value === 'number' ? String(value).replace('.', ',') : quoted(value)}».`,
  negative: (label: string, value: number): string => `«${label}» не может быть меньше 0 (указано ${value}).`,
  tooLarge: (label: string, max: string): string => `«${label}»: не больше ${max}.`,
  tooManyEmails: (label: string, max: number, actual: number): string =>
    `«${label}»: не больше ${max} адресов (указано ${actual}).`,
  notYesNo: (label: string): string => `«${label}»: выберите «да» или «нет».`,
  exceeds: (partLabel: string, part: number, totalLabel: string, total: number): string =>
    `${partLabel} (${part}) больше, чем ${lowerFirst(totalLabel)} (${total})`,
  explanationRequired: 'Поясните, какие иностранные мессенджеры используются и почему: ответ «нет» требует пояснения.',
  tooLong: (label: string, max: number, actual: number): string =>
    `«${label}»: не больше ${max} символов (сейчас ${actual}).`,
  badText: (label: string): string => `«${label}»: нужен текст.`,
  badEmail: (label: string, value: unknown): string => `«${label}»: «${quoted(value)}» не похоже на адрес e-mail.`,
  badDate: (label: string, value: unknown): string => `«${label}»: «${quoted(value)}» не дата — укажите ДД.ММ.ГГГГ.`,
  badPeriod: (label: string, value: unknown): string =>
    `«${label}»: «${quoted(value)}» не месяц — укажите месяц и год, например «ноябрь 2023» или 11.2023.`,
  badChoice: (label: string, value: unknown): string => `«${label}»: недопустимое значение «${quoted(value)}».`,
  outOfRange: (label: string, min: number, max: number): string => `«${label}»: нужно число от ${min} до ${max}.`,
  futureDate: (label: string, value: string, today: string): string =>
    `«${label}»: ${value} — дата ещё не наступила (сегодня ${today}). Укажите дату, которая уже прошла.`,
  beforeOrder: (label: string, value: string, order: string): string =>
    `«${label}»: ${value} — раньше приказа № 178 от ${order}. Копия не могла прийти раньше самого приказа: проверьте дату.`,
  badPhone: (label: string, value: string): string =>
    `«${label}»: «${value}» не похоже на номер телефона — укажите цифры, например +7 (48274) 2-11-00; ` +
    'несколько номеров разделите запятой.',
  closedBeforeStart: (closed: string, from: string): string =>
    `Организация не может быть закрыта (${closed}) раньше месяца, с которого отчитывается (${from}).`,
  notAnObject: 'Данные отчёта не получены: обновите боковую панель и попробуйте снова.',
  wrongOrganisation: 'Отчёт относится к другой организации.',
} as const;

// ---- Pasted per-teacher weekly figures --------------------------------------------------------

export const pasteErrors = {
  empty: 'Вставьте таблицу с данными педагогов: скопируйте строки из электронной таблицы.',
  notNumber: (column: number, value: string): string => `столбец ${column}: «${quoted(value)}» не число`,
  fractional: (column: number, value: string): string => `столбец ${column}: ${value} — нужно целое число`,
  negative: (column: number, value: string): string =>
    `столбец ${column}: ${value} — число не может быть отрицательным`,
  oddPairs: 'после кода педагога нужны пары чисел «сообщения, звонки» по каждой неделе',
  noNumbers: 'в строке нет чисел',
  blank: (column: number): string => `столбец ${column} пуст — впишите число (0, если сообщений или звонков не было)`,
  noCode: 'не указан код педагога',
  longCells: 'нужно 4 столбца: код педагога, неделя, сообщения, звонки',
  badWeek: (value: string, weeks: number): string =>
    `неделя «${quoted(value)}»: укажите номер от 1 до ${weeks} или дату`,
  duplicateWeek: (week: string): string => `неделя ${week} этого педагога уже указана выше`,
  duplicateTeacher: 'этот педагог уже указан выше — строка не учтена',
  missingWeeks: (given: number, required: number): string =>
    `указано недель: ${given}, а полных недель в месяце: ${required} — минимум не засчитан`,
  extraWeeks: (given: number, required: number): string =>
    `недель в строке: ${given}, а полных недель в месяце: ${required} — вставьте только полные недели`,
  /** How the sidebar shows one issue. */
  atRow: (row: number, message: string): string => `Строка ${row}: ${message}.`,
} as const;
