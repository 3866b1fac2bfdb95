// Shared labels: product name, calendar, statuses, organisation types, field labels, compliance.

export const PRODUCT_NAME = 'Отчёты: Сферум и Моя школа';

export const menu = {
  about: 'О дополнении',
} as const;

/** What to do when Google hides who you are, or fails because several accounts are signed in. */
const ONE_ACCOUNT =
  'Войдите в Google под адресом, который указан в реестре организаций. Если в браузере выполнен вход сразу в несколько ' +
  'аккаунтов Google, откройте таблицу в окне, где вход выполнен только в один аккаунт, — например, в окне инкогнито ' +
  'или в отдельном профиле браузера.';

export const identityHelp = {
  oneAccount: ONE_ACCOUNT,
  /** A sidebar's call failed the way Google fails it for a user signed in to several accounts. */
  multiLogin:
    'Google не выполнил запрос: похоже, в браузере выполнен вход сразу в несколько аккаунтов Google, а с дополнениями ' +
    'так нельзя. Откройте таблицу в окне, где вход выполнен только в один аккаунт — тот, что указан в реестре ' +
    'организаций: например, в окне инкогнито или в отдельном профиле браузера.',
} as const;

export const titles = {
  about: 'О дополнении «' + PRODUCT_NAME + '»',
} as const;

export const about = {
  purpose:
    'Ежемесячные отчёты образовательных организаций об использовании ИКОП «Сферум» и ФГИС «Моя школа»: ' +
    'ввод данных координаторами, контроль сроков и показателей, сводка по округу.',
  order: 'Основание: приказ Отдела образования № 178 от 15.11.2023.',
  close: 'Закрыть',
  closeOutsideSheets: 'Окно можно закрыть только внутри Google Таблиц.',
} as const;

/** The most of a person's input a refusal repeats back. */
export const QUOTE_MAX = 100;

/** Input as a refusal quotes it: at most QUOTE_MAX characters, then «…» (a 1 MB paste is not echoed). */
export function quoted(value: unknown): string {
  const text = String(value);
  return text.length > QUOTE_MAX ? text.slice(0, QUOTE_MAX) + '…' : text;
}

/** «1 звонок», «2 звонка», «5 звонков»: a number with its Russian plural form. */
export function plural(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  const form = tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${n} ${form}`;
}

// ---- Calendar ----------------------------------------------------------------------------

/** Month names, nominative («ноябрь 2023»), index 0 = January. */
export const monthNames = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

/** Month names, genitive («30 ноября 2023»), index 0 = January. */
export const monthNamesGenitive = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/** «за ноябрь 2023»: the reporting-period phrase used in e-mails and titles. */
export const forPeriod = (periodLabel: string): string => 'за ' + periodLabel;

// ---- Report statuses and organisation types ---------------------------------------------

export const statusLabels = {
  'not-submitted': 'не сдан',
  'on-time': 'сдан вовремя',
  late: 'сдан с опозданием',
  overdue: 'просрочен',
  accepted: 'принят',
  returned: 'возвращён',
} as const;

export const organisationTypeLabels = {
  school: 'общеобразовательная',
  preschool: 'дошкольная',
  additional: 'дополнительного образования',
} as const;

// ---- Field labels --------------------------------------------------------------------------

export const reportFieldLabels = {
  orgId: 'Организация',
  period: 'Отчётный месяц',
  teachersTotal: 'Всего педагогов',
  teachersConnected: 'Подключено педагогов',
  pupilsTotal: 'Всего обучающихся',
  pupilsConnected: 'Подключено обучающихся',
  parentsTotal: 'Всего родителей (законных представителей)',
  parentsConnected: 'Подключено родителей (законных представителей)',
  groupsTotal: 'Всего классов (групп)',
  groupsInSferum: 'Создано классов (групп) в Сферуме',
  staffChat: 'Чат педагогов создан',
  pupilChats: 'Чатов обучающихся',
  parentChats: 'Родительских чатов',
  teachersMeetingMinimum: 'Педагогов, выполнивших минимум',
  teacherMessages: 'Сообщений педагогов за месяц',
  teacherCalls: 'Звонков педагогов за месяц',
  mySchoolTeachers: 'Педагогов, использующих ФГИС «Моя школа»',
  noForeignMessengers: 'Иностранные мессенджеры не используются',
  foreignMessengersExplanation: 'Пояснение об иностранных мессенджерах',
  comment: 'Комментарий',
} as const;

export const organisationFieldLabels = {
  id: 'Код организации',
  name: 'Название организации',
  type: 'Тип организации',
  coordinatorName: 'ФИО координатора',
  coordinatorPosition: 'Должность координатора',
  coordinatorEmails: 'E-mail координатора',
  coordinatorPhone: 'Телефон координатора',
  appointmentOrderNumber: 'Номер приказа о назначении координатора',
  appointmentOrderDate: 'Дата приказа о назначении координатора',
  orderCopyReceived: 'Дата получения копии приказа',
  reportsFrom: 'Отчитывается с',
  closedOn: 'Закрыта с',
} as const;

export const settingsFieldLabels = {
  districtName: 'Название округа',
  adminEmails: 'E-mail администраторов',
  deadlineDay: 'День сдачи отчёта',
  setupDeadline: 'Срок настройки Сферума',
  firstPeriod: 'Первый отчётный месяц',
  minMessagesPerWeek: 'Минимум сообщений в неделю',
  minCallsPerWeek: 'Минимум звонков в неделю',
  coverageTargets: 'Целевой охват',
  reminderOffsets: 'Напоминания (дней до срока)',
  overdueRepeatDays: 'Повтор напоминания о просрочке (дней)',
  digestRecipients: 'Получатели сводки',
  storeTeacherCodes: 'Хранить данные педагогов под кодами',
  changeThreshold: 'Порог изменения к прошлому месяцу',
} as const;
// ---- Defaults ----------------------------------------------------------------------------------

/** The district of order № 178; admins may rename it in Settings. */
export const defaultDistrictName = 'Кесовогорский муниципальный округ';

// ---- Compliance with order № 178 ----------------------------------------------------------------

export const complianceLabels = {
  teachersCoverage: 'Педагоги подключены к Сферуму (п. 3.2)',
  pupilsCoverage: 'Обучающиеся подключены к Сферуму (п. 3.2)',
  parentsCoverage: 'Родители подключены к Сферуму, при возможности (п. 3.2)',
  groupsCreated: 'Классы (группы) созданы в Сферуме (п. 3.1)',
  staffChat: 'Есть чат педагогов (п. 3.1)',
  pupilChats: 'Чат обучающихся в каждом классе (п. 3.1)',
  parentChats: 'Родительский чат в каждом классе (группе) (п. 3.1)',
  teacherMinimum: (messages: number, calls: number): string =>
    `Педагоги выполняют минимум: ${plural(messages, 'сообщение', 'сообщения', 'сообщений')} и ` +
    `${plural(calls, 'звонок', 'звонка', 'звонков')} в неделю (п. 4)`,
  mySchool: 'Педагоги используют ФГИС «Моя школа» (п. 5.1)',
  coordinatorAppointed: 'Координатор назначен приказом организации (п. 6)',
  noForeignMessengers: 'Иностранные мессенджеры не используются (п. 2)',
  submittedOnTime: 'Отчёт сдан в срок (п. 3.3)',
} as const;

/** «№ 12-од от 17.11.2023» — the coordinator's appointing order. */
export const appointmentOrder = (number: string, date: string): string => `№ ${number} от ${date}`;
