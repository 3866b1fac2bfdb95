// Errors and help texts of the custom functions shown in cells.

// ---- Custom functions ------------------------------------------------------------------------

export const cellErrors = {
  at: (row: number, column: number | null): string =>
    column === null ? `строка ${row}: ` : `строка ${row}, столбец ${column}: `,
  shapeMismatch: (a: string, b: string): string =>
    `диапазоны разного размера (${a} и ${b}): укажите диапазоны одинаковой формы или одно значение`,
  badPeriod: (value: unknown): string => `период «${String(value)}» не распознан: укажите дату, ГГГГ-ММ или ММ.ГГГГ`,
  badDate: (what: string, value: unknown): string =>
    `${what}: «${String(value)}» не дата — укажите дату или ДД.ММ.ГГГГ`,
  badDay: (value: unknown): string => `день сдачи (${String(value)}) должен быть целым числом от 1 до 31`,
  notNumber: (what: string, value: unknown): string => `${what}: «${String(value)}» не число`,
  notInteger: (what: string, value: number): string => `${what} (${value}) должно быть целым числом`,
  negative: (what: string, value: number): string => `${what} (${value}) не может быть отрицательным`,
  partExceedsTotal: (part: number, total: number): string => `подключено (${part}) больше, чем всего (${total})`,
  badTarget: (value: unknown): string => `цель (${String(value)}) должна быть числом от 0 до 1, например 1 или 90%`,
  /** Russian names of custom-function arguments, used in the messages above. */
  args: {
    part: 'подключено',
    total: 'всего',
    messages: 'сообщений',
    calls: 'звонков',
    minMessages: 'минимум сообщений',
    minCalls: 'минимум звонков',
    submittedOn: 'дата сдачи',
    asOf: 'дата расчёта',
    target: 'цель',
  },
  /** How a date value that is not a period or a text date is named in a message. */
  aDate: 'дата',
} as const;
