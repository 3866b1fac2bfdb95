// Texts for the district admin and the district's IT person about the deployment itself:
// «Проверка установки», the «Сегодня» cell, a reminder trigger that stopped.
import { plural } from './common';

const yesNo = (ok: boolean): string => (ok ? 'да' : 'нет');

/** The named cell the daily run keeps at today's date (Moscow), for custom functions. */
export const todayCell = {
  name: 'Сегодня',
  key: 'today',
  label: 'Сегодня',
  hint: 'Дата обновляется дополнением каждый день. Пишите в формулах =DAYS_TO_DEADLINE(A2; Сегодня), чтобы они пересчитывались.',
  added: 'в лист «Настройки» добавлена ячейка «Сегодня» для формул',
} as const;

/** The hidden «Настройки» rows whose formulas show what every call needs of other sheets (read with the settings). */
export const mirrorRows = {
  labels: {
    sheetHeaders: 'Заголовки листов (служебная строка)',
    registryIds: 'Коды организаций (служебная строка)',
    registryEmails: 'E-mail координаторов (служебная строка)',
  },
  hint: 'Формула дополнения: по ней оно видит нужное, не читая каждый лист. Не изменяйте и не удаляйте.',
  added: (n: number): string => `в лист «Настройки» добавлены скрытые служебные строки (${n})`,
  repaired: (n: number): string => `служебные строки в листе «Настройки» восстановлены (${n})`,
  changed: (labels: readonly string[]): string =>
    `лист «Настройки»: служебные строки изменены или удалены (${labels.join(', ')}) — дополнение работает, но медленнее; выберите «Настроить таблицу округа», чтобы их восстановить`,
} as const;

export const staleReminders = {
  summary: (since: string): string =>
    `Напоминания не срабатывают: последний успешный запуск — ${since}, больше 26 часов назад. ` +
    'Выберите в меню дополнения «Включить напоминания» — запуск будет создан заново; затем проверьте «Проверка установки».',
  never: 'никогда',
} as const;

export const setupCheckTexts = {
  menuItem: 'Проверка установки',
  title: 'Проверка установки',
  intro: 'Что дополнение узнало о своей работе в этой таблице. Текст можно выделить и скопировать.',
  ok: '✓',
  problem: '✗',
  profile: (target: string, source: string): string =>
    `Вариант установки: ${target === 'addon' ? 'дополнение из Google Workspace Marketplace' : 'скрипт, привязанный к таблице'} ` +
    `(сборка ${target}, источник установки по данным Google: ${source}).`,
  callerVisible: (email: string): string => `Ваш адрес виден дополнению: ${email}.`,
  callerEffectiveOnly: (email: string): string =>
    `Ваш адрес Google скрывает, но сообщает через «эффективного пользователя»: ${email}. Роли определяются по нему.`,
  callerHidden: 'Ваш адрес Google дополнению не сообщает: роли определить нельзя.',
  ownerVisible: (email: string): string => `Адрес владельца таблицы виден: ${email}.`,
  ownerHidden: 'У таблицы нет владельца (общий диск): администраторы — только адреса из «Настроек».',
  timeZones: (sheet: string, script: string, ok: boolean): string =>
    `Часовой пояс таблицы: ${sheet}; скрипта: ${script}` +
    (ok ? '.' : ' — нужен Europe/Moscow: выполните «Настроить таблицу округа».'),
  settingsProtected: (editors: string): string =>
    `Лист «Настройки» защищён; менять его могут: ${editors}. Ни один координатор не может его менять.`,
  settingsOpen: (who: string): string =>
    `Лист «Настройки» могут менять координаторы: ${who}. Выполните «Настроить таблицу округа», чтобы обновить защиту.`,
  settingsUnprotected: 'Лист «Настройки» не защищён. Выполните «Настроить таблицу округа».',
  notSetUp: 'Таблица ещё не настроена: выполните «Настроить таблицу округа».',
  remindersOff: 'Напоминания выключены («Включить напоминания» в меню).',
  remindersOn: (owner: string, mine: boolean): string =>
    `Напоминания включены, запуск создан ${owner}` + (mine ? ' — это вы, запуск найден.' : ' (его видит только он).'),
  remindersMissing: (owner: string): string =>
    `Напоминания записаны как включённые (${owner}), но у вас такого запуска нет. Выберите «Включить напоминания».`,
  lastSuccess: (at: string): string => `Последний успешный запуск напоминаний: ${at}.`,
  lastContext: (active: boolean, docProps: boolean): string =>
    `При этом запуске у дополнения была активная таблица: ${yesNo(active)}; свойства документа: ${yesNo(docProps)}; ` +
    'блокировка: общая блокировка скрипта.',
  noRunYet: 'Напоминания ещё ни разу не запускались.',
  stale: 'Больше 26 часов нет успешного запуска: выберите «Включить напоминания», запуск будет создан заново.',
  mailQuota: (n: number): string => `Осталось писем на сегодня по квоте Google: ${n}.`,
  properties: (documentBytes: number | null, userBytes: number): string =>
    `Размер хранилища свойств: документа — ${documentBytes === null ? 'недоступно' : `${documentBytes} байт`}, ` +
    `ваших — ${userBytes} байт (предел Google — 500 КБ на хранилище).`,
  scratchSheet: 'Проверка установки (временный лист)',
  dateTime: (diffMs: number): string =>
    diffMs === 0
      ? 'Дата и время записаны и прочитаны без расхождения.'
      : `Дата и время прочитаны с расхождением ${diffMs} мс (дополнение хранит время с точностью до секунды — это допустимо).`,
  dateTimeBad: (diffMs: number): string =>
    `Дата и время прочитаны с расхождением ${diffMs} мс — больше секунды: сообщите разработчикам.`,
  formulaText: (text: string, ok: boolean): string =>
    ok ? `Текст «${text}» остался текстом.` : `Текст «${text}» стал формулой или числом — сообщите разработчикам.`,
  bigCount: (ok: boolean): string =>
    ok
      ? 'Семизначное число прочитано без изменений.'
      : 'Семизначное число прочитано с изменением — сообщите разработчикам.',
  longComment: (ok: boolean): string =>
    ok
      ? 'Комментарий из 1000 символов сохранён целиком.'
      : 'Комментарий из 1000 символов обрезан — сообщите разработчикам.',
  scratchRemoved: 'Временный лист удалён.',
  scratchFailed: (error: string): string => `Проверка на временном листе не удалась: ${error}`,
  verdict: (problems: number): string =>
    problems === 0
      ? 'Итог: замечаний нет.'
      : `Итог: ${plural(problems, 'замечание', 'замечания', 'замечаний')} — см. строки с ✗.`,
  copyHint: 'Выделите текст (Ctrl+A) и скопируйте (Ctrl+C), чтобы отправить его.',
  close: 'Закрыть',
  triggerRecreated: 'Прежний запуск напоминаний не работал — он удалён и создан заново. ',
} as const;
