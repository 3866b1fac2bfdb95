// E-mails and the reminder run: return notices, reminders, the ledger, outcomes.
import { PRODUCT_NAME, plural } from './common';
import { coordinatorUi } from './coordinator';

/**
 * What an organisation's monthly report is about: Сферум for all; ФГИС «Моя школа» only for
 * general-education schools (п. 5 of the order), never for kindergartens or additional education.
 */
const reportAbout = (mySchool: boolean): string =>
  mySchool ? 'об использовании Сферума и ФГИС «Моя школа»' : 'об использовании Сферума';

export const returnNotice = {
  subject: (period: string): string => `Отчёт за ${period} возвращён на доработку`,
  greeting: 'Здравствуйте!',
  body: (org: string, period: string): string =>
    `Администратор округа вернул на доработку отчёт за ${period} — ${org}.`,
  reason: 'Причина возврата:',
  reviewer: (who: string): string => `Вернул: ${who}.`,
  action:
    'Исправьте отчёт и сдайте его снова: откройте таблицу округа, меню «Расширения» → «' +
    PRODUCT_NAME +
    '» → «Отчёт организации».',
  deadline: (due: string): string => `Срок сдачи отчёта — ${due} (п. 3.3 приказа № 178).`,
  deadlinePassed: (due: string): string =>
    `Срок сдачи отчёта — ${due} (п. 3.3 приказа № 178) — уже прошёл: исправьте отчёт как можно скорее.`,
  openSheet: 'Открыть таблицу округа',
  signature: 'Это письмо отправлено автоматически дополнением «' + PRODUCT_NAME + '».',
} as const;

/** The printable district report sheet («Сводный отчёт за …»). */
// ---- Reminders: the daily trigger, e-mails, the ledger ------------------------------------------

export const reminderMenuItems = {
  enable: 'Включить напоминания',
  disable: 'Отключить напоминания',
} as const;

const days = (n: number): string => plural(n, 'день', 'дня', 'дней');

export const reminderMessages = {
  title: 'Напоминания о сроках',
  enabled: (owner: string, hour: number): string =>
    `Напоминания включены. Каждый час дополнение проверяет сроки и с ${hour}:00 по московскому времени пишет координаторам, ` +
    `чьи отчёты не сданы или возвращены, а на следующий день после срока отправляет администраторам сводку. Письма уходят от имени ${owner}.`,
  alreadyEnabled: (owner: string, hour: number): string =>
    `Напоминания уже включены: проверка каждый час, письма с ${hour}:00 по московскому времени от имени ${owner}. Ничего не изменено.`,
  takenOver: (previous: string): string =>
    ` Раньше напоминания отправлялись от имени ${previous}; тот ежедневный запуск отключится сам при следующем срабатывании.`,
  disabled:
    'Напоминания отключены: ежедневная проверка сроков больше не запускается. Включить снова — «Включить напоминания».',
  disabledOther: (owner: string): string =>
    `Напоминания отключены. Ежедневный запуск, созданный ${owner}, удалится сам при следующем срабатывании и писем не отправит.`,
  alreadyDisabled: 'Напоминания и так отключены.',
  triggerLimit:
    'Google не разрешает создать ещё один ежедневный запуск для вашей учётной записи в этой таблице. ' +
    'Выберите «Отключить напоминания», затем снова «Включить напоминания».',
  nothingSelected: 'Выберите хотя бы одну организацию.',
} as const;

/** Column headers and cell texts of the «Журнал напоминаний» sheet. */
export const ledgerTexts = {
  status: 'Состояние',
  id: 'Ключ напоминания',
  sending: 'отправляется',
  sent: 'отправлено',
  deferred: 'отложено: не хватило времени запуска',
  deferredQuota: 'отложено: исчерпана дневная квота Google',
  failed: (reason: string): string => 'не отправлено: ' + reason,
  kindBefore: (n: number): string => `за ${days(n)} до срока`,
  kindDueDay: 'в день срока',
  kindOverdue: (n: number): string => `просрочка ${days(n)}`,
  kindDigest: 'сводка администраторам',
  kindManual: 'по запросу администратора',
} as const;

/** Outcomes of a reminder run, as the admin summary shows them. */
export const reminderOutcomes = {
  ok: (sent: number): string => (sent === 0 ? 'Писем к отправке не было.' : `Отправлено писем: ${sent}.`),
  deferred: (n: number): string => ` Не уместилось в дневную квоту Google: ${n} — уйдут при следующем запуске.`,
  timeUp: (n: number): string => ` Не хватило времени запуска: ${n} — уйдут при следующем запуске.`,
  failed: (n: number, details: string): string => ` Не удалось отправить: ${n} (${details}).`,
  unreachable: (ids: string): string => ` Нет e-mail координатора: ${ids}.`,
  unconfirmed: (n: number): string =>
    ` Прошлый запуск прервался после отправки: ${n} писем не подтверждены в журнале (повторно не отправляются).`,
  busy: 'Запуск пропущен: таблицу слишком долго изменял другой пользователь или запуск. Письма уйдут при следующем запуске.',
  reauth: 'Напоминания не отправлены: Google просит владельца запуска заново разрешить доступ дополнению.',
  error: (message: string): string => 'Запуск завершился ошибкой: ' + message,
  manualNone: 'Напоминать некому: у выбранных организаций нет несданных или возвращённых отчётов.',
  /** «Напомнить выбранным»: counted in organisations (each gets one e-mail listing every month it owes). */
  manualSent: (n: number): string =>
    n === 0 ? 'Напоминания не отправлены.' : `Напомнили ${plural(n, 'организации', 'организациям', 'организациям')}.`,
  manualAlready: (n: number): string =>
    ` Сегодня уже напоминали ${plural(n, 'организации', 'организациям', 'организациям')} — не чаще раза в день.`,
  manualDeferred: (n: number): string =>
    ` Отложено из-за дневной квоты Google: ${plural(n, 'организация', 'организации', 'организаций')} — напомните завтра.`,
  manualTimeUp: (n: number): string =>
    ` Не хватило времени запуска: ${plural(n, 'организация', 'организации', 'организаций')} — напомните ещё раз.`,
  manualUpToDate: (n: number): string => ` Всё сдано: ${plural(n, 'организация', 'организации', 'организаций')}.`,
} as const;

/** The e-mails: subjects fit an inbox list (urgency first), bodies say what to do next. */
export const reminderMail = {
  subjectBefore: (n: number): string => `Осталось ${days(n)}`,
  subjectDueDay: 'Сегодня срок',
  subjectOverdue: (n: number): string => `Просрочено на ${days(n)}`,
  subjectAction: (returned: boolean, periodFor: string): string =>
    (returned ? 'исправить возвращённый отчёт ' : 'сдать отчёт ') + periodFor,
  greeting: (name: string): string => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
  stateMissing: (org: string, periodFor: string, mySchool: boolean): string =>
    `${org}: ежемесячный отчёт ${reportAbout(mySchool)} ${periodFor} не сдан.`,
  stateReturned: (org: string, periodFor: string, version: number): string =>
    `${org}: отчёт ${periodFor} (версия ${version}) возвращён администратором округа на доработку.`,
  reason: 'Причина возврата',
  deadline: (due: string): string => `Срок сдачи — ${due} (п. 3.3 приказа № 178).`,
  left: (n: number): string => `Осталось ${days(n)}.`,
  today: 'Сегодня последний день.',
  overdue: (n: number): string => `Срок прошёл ${days(n)} назад — отчёт будет отмечен как сданный с опозданием.`,
  /** A returned report keeps the on-time mark of its first version: no threat of «late», just urgency. */
  overdueReturned: (n: number): string => `Срок прошёл ${days(n)} назад — исправьте отчёт как можно скорее.`,
  whatToDo:
    'Что сделать: откройте таблицу округа, меню «Расширения» → «' +
    PRODUCT_NAME +
    '» → «' +
    coordinatorUi.menuItem +
    '», заполните и отправьте отчёт.',
  openSheet: 'Открыть таблицу',
  manualNote: 'Напоминание отправлено по просьбе администратора округа.',
  footer:
    'Письмо отправлено автоматически дополнением «' +
    PRODUCT_NAME +
    '». Если отчёт уже сдан, не обращайте на него внимания.',
  footerAdmin:
    'Письмо отправлено автоматически дополнением «' +
    PRODUCT_NAME +
    '». Отключить — меню дополнения → «Отключить напоминания».',
  digestSubjectSome: (missing: number, total: number, periodFor: string): string =>
    `Сводка: отчёт ${periodFor} не сдали ${missing} из ${total} ${total % 10 === 1 && total % 100 !== 11 ? 'организации' : 'организаций'}`,
  digestSubjectNone: (total: number, periodFor: string): string =>
    `Сводка: все организации (${total}) сдали отчёт ${periodFor}`,
  digestIntro: (periodFor: string, due: string, asOf: string): string =>
    `Срок сдачи отчёта ${periodFor} — ${due}. На ${asOf} не сдали или не исправили отчёт:`,
  digestAllDone: (periodFor: string, due: string): string =>
    `Все организации сдали отчёт ${periodFor} (срок — ${due}).`,
  digestMissing: 'не сдан',
  digestReturned: 'возвращён, не исправлен',
  digestCoordinator: 'координатор',
  digestNoEmail: 'нет e-mail координатора',
  digestHeaders: ['Организация', 'Код', 'Отчёт', 'Координатор', 'E-mail', 'Телефон'] as const,
  digestFooter:
    'Координаторам этих организаций напоминания о просрочке продолжат приходить еженедельно, пока отчёт не будет сдан.',
  reauthSubject: 'Напоминания об отчётах остановлены: нужно заново разрешить доступ',
  reauthBody: (sheet: string): string =>
    `Дополнение «${PRODUCT_NAME}» не может отправлять напоминания по таблице «${sheet}»: Google просит заново подтвердить разрешения дополнения. ` +
    'Откройте ссылку ниже и подтвердите доступ; до этого напоминания не отправляются. Это письмо приходит не чаще раза в день.',
  reauthLink: 'Подтвердить доступ',
} as const;

// ---- Reminders: an organisation's repeated overdue notice (all its overdue months in one e-mail) --

export const overdueRepeatTexts = {
  /** The ledger's «Вид напоминания». */
  kind: (months: number): string => `просроченные отчёты (${months})`,
  subjectMany: (n: number, months: readonly string[], shown: number): string =>
    `Просроченные отчёты (${n}): ${months.slice(0, shown).join(', ')}${n > shown ? ` и ещё ${n - shown}` : ''}`,
  intro: (org: string, n: number, mySchool: boolean): string =>
    n === 1
      ? `${org}: срок сдачи ежемесячного отчёта ${reportAbout(mySchool)} прошёл, а отчёт не сдан или не исправлен:`
      : `${org}: срок сдачи ежемесячных отчётов ${reportAbout(mySchool)} прошёл, а отчёты не сданы или не исправлены — ` +
        `${plural(n, 'месяц', 'месяца', 'месяцев')}:`,
  /** A reminder before or on a deadline that also lists the organisation's overdue months. */
  andOverdue: (n: number): string => ` и просроченные (${n})`,
  missing: 'не сдан',
  returned: (version: number): string => `возвращён на доработку (версия ${version}) и не исправлен`,
  /** A month of a «напомнить сейчас» list: days left, the deadline day, or days overdue. */
  deadlineIn: (due: string, daysLeft: number): string =>
    daysLeft > 0
      ? `срок сдачи — ${due}, осталось ${days(daysLeft)}`
      : daysLeft === 0
        ? `срок сдачи — ${due}, сегодня последний день`
        : `срок сдачи — ${due}, просрочено на ${days(-daysLeft)}`,
  /** «Напомнить сейчас» to an organisation owing several months (some may not be due yet). */
  subjectManual: (n: number, months: readonly string[], shown: number): string =>
    `Несданные отчёты (${n}): ${months.slice(0, shown).join(', ')}${n > shown ? ` и ещё ${n - shown}` : ''}`,
  introManual: (org: string, n: number, mySchool: boolean): string =>
    `${org}: не сданы или не исправлены ежемесячные отчёты ${reportAbout(mySchool)} — ${plural(n, 'месяц', 'месяца', 'месяцев')}:`,
  late: 'Отчёты, сданные после срока, отмечаются как сданные с опозданием.',
  repeatNote: (repeatDays: number): string =>
    `Пока есть просроченные отчёты, такое письмо со списком всех просроченных месяцев приходит не чаще раза в ${days(repeatDays)}.`,
} as const;
