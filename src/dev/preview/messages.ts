// Russian text of the local preview (server side: terminal log, user labels, trigger answers).
import type { TriggerRecord } from '../emulator/store/serviceStores';

const moscow = (ms: number): string =>
  new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);

const plural = (n: number, one: string, few: string, many: string): string => {
  const m10 = n % 10;
  const m100 = n % 100;
  return m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
};

export const previewText = {
  refused: {
    host: 'Просмотр открывается только по адресу localhost этого компьютера.',
    origin: 'Запрос пришёл не со страницы просмотра и отклонён.',
  },
  noEmailShort: '(без e-mail)',
  notInMenu: (fn: string) => `В меню текущего пользователя нет пункта, который вызывает ${fn}.`,
  staleQuestion: 'Этот вопрос уже неактуален: повторите действие из меню.',
  edit: {
    /** Sheets' own dialog for a warning-only protection, in its words. */
    warning: (description: string) =>
      `Вы пытаетесь изменить защищённую часть таблицы${description ? ` («${description}»)` : ''}. ` +
      'Изменять её следует только при необходимости. Всё равно изменить?',
    noSheet: 'Такого листа нет: обновите страницу.',
    log: (sheet: string, cell: string) => `ввод в ячейку ${sheet}!${cell}`,
  },
  users: {
    admin: (email: string) => `Администратор — ${email}`,
    coordinator: (email: string, orgs: string[]) => `Координатор — ${orgs.join(', ')} (${email})`,
    stranger: (email: string) => `Неизвестный пользователь — ${email}`,
    noEmail: 'Пользователь без e-mail (Google не сообщает адрес)',
  },
  trigger: {
    none: 'Напоминания выключены: ежедневный триггер не установлен. Администратор включает их в меню «Расширения».',
    done: (handlers: string[], sent: number) =>
      `Ежедневный триггер выполнен (${handlers.join(', ')}): ${sent} ${plural(sent, 'письмо отправлено', 'письма отправлено', 'писем отправлено')}.`,
    failed: (details: string) => `Ежедневный триггер завершился с ошибкой: ${details}`,
    schedule: (type: TriggerRecord['eventType'], s: TriggerRecord['schedule']) =>
      type !== 'CLOCK'
        ? type
        : s?.everyDays
          ? `каждый день${s.atHour !== undefined ? ` около ${s.atHour}:00` : ''}`
          : s?.everyHours
            ? `каждые ${s.everyHours} ч`
            : 'по времени',
  },
  log: {
    seeded: (runs: number, ms: number) => `демо-округ создан: ${runs} выполнений dist/Code.js за ${ms} мс`,
    loaded: (file: string) => `состояние загружено из ${file}`,
    calls: (n: number) => `${n} ${plural(n, 'вызов', 'вызова', 'вызовов')} таблицы`,
    error: 'ошибка',
    unlocked: 'запись без блокировки документа',
    waits: 'ждёт ответа пользователя, отменено до ответа',
    clock: (ms: number) => `часы: сегодня ${moscow(ms)} (МСК)`,
    trigger: 'триггер',
    listening: (url: string, dir: string) => `Локальный просмотр: ${url}  (данные: ${dir})`,
  },
};
