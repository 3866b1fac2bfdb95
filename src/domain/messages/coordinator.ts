// The coordinator's sidebar «Отчёт организации» and per-teacher figures.
import { plural, quoted } from './common';

// ---- Coordinator's sidebar «Отчёт организации» ----------------------------------------------

export const coordinatorUi = {
  title: 'Отчёт организации',
  menuItem: 'Отчёт организации',
  loading: 'Загрузка формы…',
  organisation: 'Организация',
  period: 'Отчётный месяц',
  periodOption: (label: string, status: string): string => `${label} — ${status}`,
  status: 'Статус',
  deadline: (date: string): string => `Срок сдачи: ${date}`,
  daysLeft: (days: number): string =>
    days > 0
      ? `осталось ${plural(days, 'день', 'дня', 'дней')}`
      : days === 0
        ? 'сегодня последний день'
        : `срок прошёл ${plural(-days, 'день', 'дня', 'дней')} назад`,
  versionLine: (version: number, at: string, by: string): string => `Версия ${version}: ${at}, ${by}`,
  returnedTitle: 'Отчёт возвращён на доработку',
  returnedBy: (who: string): string => `Вернул: ${who}`,
  returnedHint: 'Исправьте отчёт и сдайте его снова — будет создана новая версия.',
  acceptedNote: 'Отчёт принят администратором округа.',
  prefilled: (period: string): string => `Итоговые числа подставлены из отчёта за ${period} — проверьте их.`,
  sections: {
    sferum: 'Сферум',
    mySchool: 'Моя школа',
    attestation: 'Подтверждение',
    comment: 'Комментарий',
  },
  yes: 'да',
  no: 'нет',
  optional: '(необязательно)',
  charCount: (n: number, max: number): string => `${n} из ${max} символов`,
  submit: 'Сдать отчёт',
  resubmit: 'Сдать новую версию',
  submitting: 'Отправка отчёта…',
  formIncomplete: (n: number): string =>
    `Чтобы сдать отчёт, заполните или исправьте ${plural(n, 'поле', 'поля', 'полей')}.`,
  showProblems: 'Показать, что исправить',
  confirmResubmit: (period: string, version: number): string =>
    `Отчёт за ${period} уже сдан (версия ${version}). Сдать новую версию? Прежняя сохранится в истории.`,
  confirmReturned: (period: string, version: number): string =>
    `Сдать исправленный отчёт за ${period}? Будет создана версия ${version}.`,
  confirmAccepted: (period: string, version: number): string =>
    `Отчёт за ${period} уже принят (версия ${version}). Сдать новую версию? Её снова рассмотрит администратор.`,
  confirmYes: 'Да, сдать',
  confirmNo: 'Отмена',
  discardChanges: 'Введённые данные ещё не сданы и пропадут. Открыть другой отчёт?',
  discardYes: 'Открыть',
  submittedStatus: (statusLabel: string): string => `Статус: ${statusLabel}.`,
  paste: {
    title: 'Вставить данные педагогов',
    hint: (messages: number, calls: number): string =>
      'Скопируйте из электронной таблицы строки: код педагога, затем сообщения и звонки за каждую полную неделю месяца ' +
      '(или 4 столбца: код, неделя, сообщения, звонки). Минимум — ' +
      `${plural(messages, 'сообщение', 'сообщения', 'сообщений')} и ${plural(calls, 'звонок', 'звонка', 'звонков')} в каждую неделю.`,
    privacy: 'Таблица не покидает ваш браузер: в отчёт попадает только число педагогов.',
    label: 'Данные педагогов',
    result: (met: number, total: number, weeks: number): string =>
      `Минимум выполнили ${met} из ${plural(total, 'педагога', 'педагогов', 'педагогов')} (полных недель в месяце: ${weeks}).`,
    unreadable: (n: number): string => `Не удалось прочитать ${plural(n, 'строку', 'строки', 'строк')}:`,
    apply: 'Перенести в отчёт',
    applied: (n: number): string => `В поле «Педагогов, выполнивших минимум» перенесено число ${n}.`,
  },
  history: {
    title: 'История отчётов',
    versionsTitle: 'Версии за этот месяц',
    periodsTitle: 'Все месяцы',
    none: 'Версий пока нет.',
    openVersion: (version: number, state: string, at: string): string => `Версия ${version} — ${state}, ${at}`,
    openPeriod: (label: string, status: string): string => `${label} — ${status}`,
    viewTitle: (period: string, version: number): string => `Отчёт за ${period}, версия ${version} (только просмотр)`,
    noReport: (period: string): string => `Отчёт за ${period} не сдавался.`,
    back: 'Вернуться к форме',
    empty: '—',
  },
} as const;

// ---- Per-teacher weekly figures stored under teacher codes (Settings «Хранить данные педагогов под кодами») ----

export const teacherWeeksTexts = {
  /** Column of the «Отчёты» sheet. */
  header: 'Недельные данные педагогов (коды)',
  /** The label in the history view and the audit. */
  label: 'Недельные данные педагогов',
  messages: 'сообщений',
  calls: 'звонков',
  notStored:
    'Отчёт не сохранён: хранение недельных данных педагогов выключено администратором округа ' +
    '(настройка «Хранить данные педагогов под кодами»). Обновите форму и сдайте отчёт снова — будет передано только число педагогов.',
  notAList:
    'Отчёт не сохранён: недельные данные педагогов переданы в неверном виде. Обновите форму и вставьте таблицу педагогов заново.',
  tooMany: (n: number, max: number): string =>
    `Отчёт не сохранён: недельные данные переданы для ${plural(n, 'педагога', 'педагогов', 'педагогов')}, а можно не больше чем для ${max}.`,
  /** A problem with one teacher of the list; `position` is 1-based. */
  atTeacher: (position: number, problem: string): string =>
    `Отчёт не сохранён: недельные данные педагога № ${position} в списке — ${problem}`,
  noCode: 'не указан код педагога.',
  nameNotCode:
    'вместо кода указано ФИО или другой текст. Передавайте только коды педагогов (например, П-012), без фамилий.',
  badWeeks: 'нет списка недель.',
  badWeek: (week: number): string => `неделя ${week}: нужны число сообщений и число звонков.`,
  badCount: (week: number, what: string, value: unknown, max: number): string =>
    `неделя ${week}: число ${what} должно быть целым, от 0 до ${max} (указано «${quoted(value)}»).`,
  duplicateCode: (code: string): string => `код «${quoted(code)}» указан второй раз.`,
  wrongWeeks: (given: number, required: number, period: string): string =>
    `указано недель: ${given}, а полных недель в месяце ${period}: ${required}.`,
  mismatch: (fromWeeks: number, reported: number): string =>
    `Отчёт не сохранён: по недельным данным педагогов минимум выполнили ${fromWeeks}, а в поле «Педагогов, выполнивших минимум» указано ${reported}. ` +
    'Вставьте таблицу педагогов заново или исправьте число.',
  /** The audit's «стало»: a count, never the figures. */
  audit: (teachers: number): string =>
    `Недельные данные педагогов: сохранены под кодами для ${plural(teachers, 'педагога', 'педагогов', 'педагогов')}`,
  /** The history view: how many teachers' figures this version stored. */
  storedFor: (teachers: number): string =>
    `сохранены под кодами для ${plural(teachers, 'педагога', 'педагогов', 'педагогов')}`,
  /** The sidebar's paste panel when the admin turned storing on. */
  privacyStored:
    'Таблица целиком не отправляется: в отчёт попадает число педагогов, а недельные данные — только под кодами педагогов, без ФИО.',
  willStore: 'Недельные данные будут сохранены под кодами педагогов, без ФИО.',
  countsOnly:
    'Не у всех педагогов указан код (или вместо кода указано ФИО) — недельные данные не будут сохранены, в отчёт попадёт только число педагогов.',
  tooLongToStore: (length: number, max: number): string =>
    `Отчёт не сохранён: недельные данные педагогов занимают ${length} символов, а в одну ячейку таблицы помещается не больше ${max}. ` +
    'Сдайте отчёт без таблицы педагогов — будет передано только число педагогов.',
  tooMuchToStore:
    'Недельных данных слишком много для одной ячейки таблицы — они не будут сохранены, в отчёт попадёт только число педагогов.',
  tooManyToStore: (max: number): string =>
    `Педагогов больше ${max} — недельные данные не будут сохранены, в отчёт попадёт только число педагогов.`,
  dropped:
    'Число в поле «Педагогов, выполнивших минимум» изменено вручную — недельные данные педагогов не будут сохранены, только число.',
} as const;

/** The sidebar's live coverage feedback (while typing and after submitting). */
export const coverageFeedbackTexts = {
  title: 'Охват и цели приказа',
  intro: 'Пересчитывается по мере ввода; цели — из листа «Настройки».',
  afterSubmit: 'Так видит ваш отчёт администратор округа:',
  incomplete: 'заполните оба числа',
  exceeds: (part: number, total: number): string => `${part} больше, чем ${total} — проверьте числа`,
  nothingToCover: 'нечего охватывать (всего 0)',
  share: (percent: string, part: number, total: number): string => `${percent} (${part} из ${total})`,
  target: (target: string): string => `цель ${target}`,
  met: (target: string): string => `цель ${target} — выполнено`,
  notMet: (target: string): string => `цель ${target} — не выполнено`,
  noTarget: 'без цели (для сведения)',
  summary: (met: number, total: number): string => `Цели выполнены: ${met} из ${total}.`,
} as const;

/** The paste panel's account of the month's full weeks and of blank cells. */
export const pasteWeeksTexts = {
  weeks: (n: number, ranges: string): string =>
    `Полные недели месяца (пн–вс), по порядку столбцов: ${ranges} — всего ${n}.`,
  blanksLegend: 'Пустые ячейки в таблице:',
  blanksZero: 'считать нулём (минимум за эту неделю не выполнен)',
  blanksRefuse: 'не принимать строку — я заполню пропуски',
} as const;
