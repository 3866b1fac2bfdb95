// The one catalogue of Russian text a user reads: menus, titles, errors, e-mails.
// Sections are added by the feature that needs them; identifiers stay English.

export const PRODUCT_NAME = 'Отчёты: Сферум и Моя школа';

export const menu = {
  about: 'О дополнении',
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
} as const;

// ---- Validation (sidebar and server alike) --------------------------------------------------

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

export const validation = {
  required: (label: string): string => `Заполните поле «${label}».`,
  notInteger: (label: string, value: unknown): string =>
    `«${label}»: нужно целое число, а указано «${typeof value === 'number' ? String(value).replace('.', ',') : String(value)}».`,
  negative: (label: string, value: number): string => `«${label}» не может быть меньше 0 (указано ${value}).`,
  notYesNo: (label: string): string => `«${label}»: выберите «да» или «нет».`,
  exceeds: (partLabel: string, part: number, totalLabel: string, total: number): string =>
    `${partLabel} (${part}) больше, чем ${lowerFirst(totalLabel)} (${total})`,
  explanationRequired: 'Поясните, какие иностранные мессенджеры используются и почему: ответ «нет» требует пояснения.',
  tooLong: (label: string, max: number, actual: number): string =>
    `«${label}»: не больше ${max} символов (сейчас ${actual}).`,
  badText: (label: string): string => `«${label}»: нужен текст.`,
  badEmail: (label: string, value: unknown): string => `«${label}»: «${String(value)}» не похоже на адрес e-mail.`,
  badDate: (label: string, value: unknown): string => `«${label}»: «${String(value)}» не дата — укажите ДД.ММ.ГГГГ.`,
  badPeriod: (label: string, value: unknown): string =>
    `«${label}»: «${String(value)}» не месяц — укажите ГГГГ-ММ или ММ.ГГГГ.`,
  badChoice: (label: string, value: unknown): string => `«${label}»: недопустимое значение «${String(value)}».`,
  outOfRange: (label: string, min: number, max: number): string => `«${label}»: нужно число от ${min} до ${max}.`,
  notAnObject: 'Данные отчёта не получены: обновите боковую панель и попробуйте снова.',
  wrongOrganisation: 'Отчёт относится к другой организации.',
} as const;

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
  },
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

// ---- Pasted per-teacher weekly figures --------------------------------------------------------

export const pasteErrors = {
  empty: 'Вставьте таблицу с данными педагогов: скопируйте строки из электронной таблицы.',
  notNumber: (column: number, value: string): string => `столбец ${column}: «${value}» не число`,
  fractional: (column: number, value: string): string => `столбец ${column}: ${value} — нужно целое число`,
  negative: (column: number, value: string): string =>
    `столбец ${column}: ${value} — число не может быть отрицательным`,
  oddPairs: 'после кода педагога нужны пары чисел «сообщения, звонки» по каждой неделе',
  noNumbers: 'в строке нет чисел',
  noCode: 'не указан код педагога',
  longCells: 'нужно 4 столбца: код педагога, неделя, сообщения, звонки',
  badWeek: (value: string, weeks: number): string => `неделя «${value}»: укажите номер от 1 до ${weeks} или дату`,
  duplicateWeek: (week: string): string => `неделя ${week} этого педагога уже указана выше`,
  duplicateTeacher: 'этот педагог уже указан выше — строка не учтена',
  missingWeeks: (given: number, required: number): string =>
    `указано недель: ${given}, а полных недель в месяце: ${required} — минимум не засчитан`,
  extraWeeks: (given: number, required: number): string =>
    `недель в строке: ${given}, а полных недель в месяце: ${required} — вставьте только полные недели`,
  /** How the sidebar shows one issue. */
  atRow: (row: number, message: string): string => `Строка ${row}: ${message}.`,
} as const;

// ---- The district workbook (server) ----------------------------------------------------------

export const sheetNames = {
  settings: 'Настройки',
  registry: 'Реестр организаций',
  reports: 'Отчёты',
  audit: 'Журнал изменений',
  ledger: 'Журнал напоминаний',
} as const;

export const serverErrors = {
  unexpected:
    'Не удалось выполнить действие из-за внутренней ошибки. Повторите попытку; если ошибка повторится, сообщите администратору округа.',
  busy: 'Таблица занята: её сейчас изменяет другой пользователь. Повторите через минуту — введённые данные сохранены в форме.',
  setupNeeded: (sheet: string): string =>
    `Таблица округа не настроена: нет листа «${sheet}» или его заголовков. Администратор округа должен выбрать в меню дополнения «Настроить таблицу округа».`,
  noEmail:
    'Google не сообщает дополнению ваш адрес электронной почты (так бывает с личными аккаунтами и аккаунтами другой организации). Войдите в Google под адресом, который указан в реестре организаций, или обратитесь к администратору округа.',
  notAdmin: 'Это действие доступно только администраторам округа (владелец таблицы и адреса в листе «Настройки»).',
  notCoordinator: (email: string): string =>
    `Адрес ${email} не указан в реестре организаций ни как координатор, ни как администратор. Попросите администратора округа добавить вас в реестр.`,
  notYourOrganisation: 'Вы можете открывать и сдавать отчёты только своей организации.',
  unknownOrganisation: (id: string): string => `Организация с кодом «${id}» не найдена в реестре.`,
  duplicateOrganisation: (id: string): string => `Организация с кодом «${id}» уже есть в реестре.`,
  badPeriod: 'Отчётный месяц указан неверно: выберите месяц из списка.',
  periodNotOpen: (period: string): string => `Отчёт за ${period} ещё нельзя сдать: месяц не закончился.`,
  periodTooEarly: (period: string): string => `Отчёты принимаются начиная с месяца «${period}» (см. лист «Настройки»).`,
  noPeriodYet: (first: string): string =>
    `Сдавать пока нечего: первый отчётный месяц — ${first}, отчёт за него можно сдать, когда месяц закончится.`,
  invalidReport: 'Отчёт не сохранён: исправьте отмеченные поля.',
  noSuchVersion: 'Эта версия отчёта не найдена: обновите сводку — отчёт могли пересдать.',
  notLatestVersion: 'Рассмотреть можно только последнюю версию отчёта: координатор уже прислал новую.',
  alreadyReviewed: (state: string): string => `Отчёт уже рассмотрен (статус «${state}»).`,
  reasonRequired: 'Укажите причину возврата: координатор увидит её в своей форме и в письме.',
  reasonTooLong: (max: number): string => `Причина возврата слишком длинная: не больше ${max} символов.`,
  setupOwnerOnly: 'Первую настройку таблицы может выполнить только её владелец.',
} as const;

export const storedStateLabels = {
  submitted: 'сдан',
  accepted: 'принят',
  returned: 'возвращён',
} as const;

export const workbookHeaders = {
  orgName: 'Название организации',
  version: 'Версия',
  state: 'Статус',
  submittedAt: 'Сдан',
  submittedBy: 'Кем сдан',
  returnReason: 'Причина возврата',
  reviewedBy: 'Рассмотрел',
  reviewedAt: 'Рассмотрено',
  submissionKey: 'Ключ отправки',
  checksum: 'Контрольная сумма',
  settingKey: 'Ключ',
  settingLabel: 'Параметр',
  settingValue: 'Значение',
  settingHint: 'Пояснение',
  auditAt: 'Время',
  auditUser: 'Пользователь',
  auditAction: 'Действие',
  auditOrg: 'Организация',
  auditPeriod: 'Отчётный месяц',
  auditBefore: 'Было',
  auditAfter: 'Стало',
  auditPrevHash: 'Хеш предыдущей записи',
  auditHash: 'Хеш записи',
  ledgerKind: 'Вид напоминания',
  ledgerRecipient: 'Получатель',
  ledgerSentAt: 'Отправлено',
} as const;

export const auditActions = {
  setup: 'Настройка таблицы',
  submit: 'Сдача отчёта',
  accept: 'Отчёт принят',
  return: 'Отчёт возвращён',
  orgAdded: 'Организация добавлена в реестр',
  orgChanged: 'Изменение реестра',
  settingsChanged: 'Изменение настроек',
} as const;

export const protectionNotes = {
  adminsOnly: 'Меняют только администраторы округа (дополнение «Отчёты: Сферум и Моя школа»).',
  addOnOnly:
    'Лист ведёт дополнение «Отчёты: Сферум и Моя школа». Правки вручную будут отмечены в сводке как изменённые вручную.',
} as const;

/** Labels and hints of the rows of the «Настройки» sheet (keys are the Settings fields). */
export const settingsSheetRows = {
  districtName: ['Название округа', 'Печатается в заголовке сводного отчёта.'],
  adminEmails: [
    'E-mail администраторов',
    'Кроме владельца таблицы; несколько адресов — через запятую. После изменения списка выберите в меню «Настроить таблицу округа», чтобы обновить защиту листов.',
  ],
  deadlineDay: ['День сдачи отчёта', 'Отчёт за месяц сдаётся до этого дня следующего месяца (п. 3.3 приказа: 30).'],
  setupDeadline: ['Срок настройки Сферума', 'Классы, чаты и координатор — до этой даты (приказ: 21.11.2023).'],
  firstPeriod: ['Первый отчётный месяц', 'В формате ГГГГ-ММ, например 2023-11.'],
  minMessagesPerWeek: ['Минимум сообщений педагога в неделю', 'П. 4 приказа: 10.'],
  minCallsPerWeek: ['Минимум звонков педагога в неделю', 'П. 4 приказа: 1.'],
  'coverageTargets.teachers': ['Цель: доля подключённых педагогов', 'П. 3.2: 100 %. Пусто — только для сведения.'],
  'coverageTargets.pupils': ['Цель: доля подключённых обучающихся', 'П. 3.2: 100 %. Пусто — только для сведения.'],
  'coverageTargets.parents': [
    'Цель: доля подключённых родителей',
    'П. 3.2: «при возможности» — по умолчанию пусто (для сведения).',
  ],
  'coverageTargets.teacherMinimum': [
    'Цель: доля педагогов, выполняющих минимум',
    'П. 4: 100 %. Пусто — только для сведения.',
  ],
  'coverageTargets.mySchool': [
    'Цель: доля педагогов в ФГИС «Моя школа»',
    'П. 5.1: 100 %, только общеобразовательные организации.',
  ],
  reminderOffsets: [
    'Напоминания: за сколько дней до срока',
    'Через запятую; 0 — в день срока, -1 — на следующий день после срока.',
  ],
  overdueRepeatDays: ['Повтор напоминания о просрочке, дней', 'Пусто — не повторять.'],
  digestRecipients: ['Получатели сводки о просрочках', 'Пусто — администраторы округа.'],
  storeTeacherCodes: [
    'Хранить данные педагогов под кодами',
    '«да» — хранить недельные данные под кодами педагогов (без ФИО); «нет» — только итоги.',
  ],
} as const;

export const setupMessages = {
  title: 'Настройка таблицы округа',
  created: (sheet: string): string => `создан лист «${sheet}»`,
  migrated: (sheet: string): string => `обновлена структура листа «${sheet}» (данные сохранены)`,
  settingsAdded: (count: number): string => `в «Настройки» добавлено параметров: ${count}`,
  protected: (sheet: string): string => `обновлена защита листа «${sheet}»`,
  done: (changes: readonly string[]): string => 'Готово: ' + changes.join('; ') + '.',
  nothingToDo: 'Таблица уже настроена: изменений не потребовалось.',
} as const;

export const reportMessages = {
  versionNote: (version: number): string => `версия ${version}`,
  submitted: (version: number, period: string, at: string, late: boolean, due: string): string =>
    `Отчёт ${'за ' + period} сдан: версия ${version}, ${at}.` +
    (late ? ` Срок сдачи (${due}) пропущен — отчёт отмечен как сданный с опозданием.` : ''),
  accepted: (org: string, period: string): string => `Отчёт за ${period} принят: ${org}.`,
  returned: (org: string, period: string): string => `Отчёт за ${period} возвращён координатору на доработку: ${org}.`,
} as const;

export const integrityMessages = {
  title: 'Проверка изменений вручную',
  intact: 'Изменений в обход дополнения не найдено: отчёты, реестр и журнал изменений целы.',
  found: (lines: readonly string[]): string =>
    'Найдены изменения, сделанные в таблице вручную, в обход дополнения:\n' + lines.map((l) => '• ' + l).join('\n'),
  reportEdited: (row: number, orgId: string, period: string, version: number): string =>
    `лист «Отчёты», строка ${row}: отчёт ${orgId} за ${period} (версия ${version}) изменён вручную`,
  reportDamaged: (row: number): string => `лист «Отчёты», строка ${row}: строка испорчена и не читается как отчёт`,
  registryEdited: (row: number, orgId: string): string =>
    `лист «Реестр организаций», строка ${row} (${orgId}) изменена вручную`,
  registryDamaged: (row: number): string => `лист «Реестр организаций», строка ${row}: данные организации не читаются`,
  auditBroken: (row: number): string =>
    `лист «Журнал изменений»: цепочка записей нарушена начиная со строки ${row} (запись изменена, вставлена или удалена вручную)`,
} as const;

export const menuItems = {
  open: 'Открыть',
  setup: 'Настроить таблицу округа',
  integrity: 'Проверить изменения вручную',
  accessHelp: 'Как получить доступ',
} as const;

export const accessHelp = {
  title: 'Доступ к отчётам',
  noEmail: (admins: string): string =>
    'Google не сообщает дополнению ваш адрес электронной почты, поэтому дополнение не может определить вашу организацию. ' +
    'Войдите под адресом, указанным в реестре организаций, или напишите администратору округа' +
    (admins ? `: ${admins}.` : '.'),
  notListed: (email: string, admins: string): string =>
    `Адрес ${email} не указан в реестре организаций. Чтобы сдавать отчёты, попросите администратора округа внести его как адрес координатора вашей организации` +
    (admins ? `: ${admins}.` : '.'),
  notSetUp:
    'Таблица округа ещё не настроена. Её настраивает владелец таблицы (меню дополнения → «Настроить таблицу округа»).',
  opened: 'Меню дополнения обновлено для вашей роли. Откройте его снова: «Расширения» → «Отчёты: Сферум и Моя школа».',
} as const;

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

// ---- Admin: district summary, district report sheet, set-up checklist, registry ----------------

export const summaryUi = {
  menuItem: 'Сводка по округу',
  title: 'Сводка по округу',
  loading: 'Загрузка сводки…',
  refresh: 'Обновить',
  period: 'Отчётный месяц',
  periodOption: (label: string, due: string): string => `${label} (срок ${due})`,
  noPeriods: (first: string): string => `Отчётных месяцев пока нет: первый — ${first}, он ещё не закончился.`,
  asOf: (at: string): string => `Данные на ${at}`,
  tabs: { summary: 'Сводка', checklist: 'Настройка (п. 3.1, 6)', registry: 'Реестр' },
  columns: {
    select: 'Выбрать',
    organisation: 'Организация',
    status: 'Статус',
    submitted: 'Сдан',
    checks: 'Показатели приказа',
    flags: 'Отметки',
    actions: 'Действия',
  },
  selectAll: 'Выбрать все',
  sortByStatus: 'Сортировать по статусу',
  sortByName: 'Сортировать по названию',
  sortedByStatus: 'по статусу',
  sortedByName: 'по названию',
  versionShort: (version: number, at: string): string => `в. ${version}, ${at}`,
  open: 'Открыть',
  noOrganisations: 'В реестре нет организаций: добавьте их на вкладке «Реестр».',
  flagHandEdited: 'Строка изменена вручную в обход дополнения',
  flagForeign: 'Иностранные мессенджеры используются',
  flagRegistryEdited: 'Строка реестра изменена вручную',
  markOk: 'выполнено',
  markFail: 'не выполнено',
  markNone: 'не применяется',
  checkHint: (label: string, value: string): string => `${label}: ${value}`,
  totalsTitle: 'Итоги по округу',
  countsTitle: 'Отчёты',
  coverage: {
    teachers: 'Педагоги в Сферуме',
    pupils: 'Обучающиеся в Сферуме',
    parents: 'Родители в Сферуме',
    teacherMinimum: 'Педагоги, выполнившие минимум (п. 4)',
    mySchool: 'ФГИС «Моя школа» (педагоги школ)',
  },
  coverageOf: (part: number, total: number): string => `${part} из ${total}`,
  noData: 'нет данных',
  trendTitle: 'Динамика охвата',
  trendEmpty: 'Для графика нужен хотя бы один месяц с отчётами.',
  trendAria: 'График охвата по месяцам',
  integrityTitle: 'Изменения в обход дополнения',
  pendingNotices: (n: number): string =>
    `Не отправлено ${plural(n, 'уведомление', 'уведомления', 'уведомлений')} о возврате отчёта: дневной лимит писем исчерпан.`,
  sendPending: 'Отправить сейчас',
  pendingSent: (sent: number, left: number): string =>
    `Отправлено уведомлений: ${sent}.` + (left > 0 ? ` Ждут отправки: ${left} (лимит писем на сегодня исчерпан).` : ''),
  backlogTitle: 'Долги за другие месяцы',
  backlogMonth: (month: string, overdue: number, returned: number): string =>
    `За ${month}: ` +
    [overdue > 0 ? `не сдали ${overdue}` : '', returned > 0 ? `возвращено ${returned}` : '']
      .filter((x) => x !== '')
      .join(', '),
  backlogShow: (text: string): string => `${text} — показать этот месяц`,
  backlogMore: (n: number): string => `и ещё ${plural(n, 'месяц', 'месяца', 'месяцев')}`,
  remindSelected: (n: number): string => `Напомнить выбранным (${n})`,
  remindNone: 'Отметьте организации, которым нужно напомнить.',
  remindConfirmTitle: (n: number): string =>
    `Отправить напоминания ${plural(n, 'организации', 'организациям', 'организациям')}?`,
  remindConfirmHint:
    'Каждая организация получит одно письмо со всеми несданными и возвращёнными отчётами, со сроками. ' +
    'Кому сегодня уже напоминали, повторно не напишем.',
  remindConfirmOk: 'Отправить',
  remindUnavailable: 'Отправка напоминаний из сводки пока недоступна: она появится вместе с ежедневными напоминаниями.',
  reminding: 'Отправка напоминаний…',
  remindersOff: 'Ежедневные напоминания отключены (меню дополнения → «Включить напоминания»).',
  remindersOn: (owner: string): string => `Ежедневные напоминания включены, письма уходят от имени ${owner}.`,
  remindersLastRun: (at: string, message: string): string => `Последний запуск ${at}: ${message}`,
  remindersNever: 'Ежедневный запуск ещё не выполнялся.',
  remindersError: (error: string): string => `Ошибка последнего запуска: ${error}`,
  generate: 'Сформировать сводный отчёт за месяц',
  generating: 'Формирование сводного отчёта…',
  working: 'Выполняется…',
  // Report panel
  reportTitle: (org: string, period: string): string => `${org} — отчёт за ${period}`,
  reportLoading: 'Загрузка отчёта…',
  noReport: (period: string): string => `Отчёт за ${period} не сдан.`,
  versionTitle: (version: number, state: string, at: string, by: string): string =>
    `Версия ${version} — ${state}; сдан ${at}, ${by}`,
  reviewedLine: (who: string, at: string): string => `Рассмотрел: ${who}, ${at}`,
  returnReasonLine: (reason: string): string => `Причина возврата: ${reason}`,
  olderVersions: (n: number): string => `Предыдущие версии: ${n}`,
  accept: 'Принять',
  return: 'Вернуть на доработку',
  close: 'Закрыть',
  accepting: 'Отчёт принимается…',
  returning: 'Отчёт возвращается…',
  returnDialogTitle: 'Вернуть отчёт на доработку',
  returnDialogHint: 'Координатор увидит причину в своей форме и получит письмо.',
  returnReason: 'Причина возврата',
  returnReasonRequired: 'Укажите причину возврата.',
  returnConfirm: 'Вернуть',
  cancel: 'Отмена',
  yes: 'да',
  no: 'нет',
  empty: '—',
  // Checklist
  checklistTitle: (deadline: string): string => `Разовые мероприятия приказа: срок ${deadline}`,
  checklistColumns: {
    organisation: 'Организация',
    coordinator: 'Координатор назначен',
    order: 'Приказ о назначении',
    copy: 'Копия приказа получена',
    structure: 'Классы и чаты созданы',
  },
  checklistDone: (done: number, total: number): string => `Выполнено полностью: ${done} из ${total}`,
  checklistState: { done: 'выполнено', late: 'с нарушением срока', missing: 'не выполнено', unknown: 'нет данных' },
  checklistStructure: {
    groups: (created: number, total: number): string => `классы ${created} из ${total}`,
    staffChat: (yes: boolean): string => `чат педагогов — ${yes ? 'да' : 'нет'}`,
    pupilChats: (n: number): string => `чаты обучающихся ${n}`,
    parentChats: (n: number): string => `родительские чаты ${n}`,
    from: (period: string): string => `(отчёт за ${period})`,
  },
  // Registry
  registryAdd: 'Добавить организацию',
  registryEdit: 'Изменить',
  registrySave: 'Сохранить',
  registrySaving: 'Сохранение…',
  registrySaved: (name: string): string => `Сохранено: ${name}.`,
  registryNewTitle: 'Новая организация',
  registryEditTitle: (id: string): string => `Организация ${id}`,
  registryFixFields: 'Исправьте отмеченные поля.',
  registryEmailsHint: 'Несколько адресов — через запятую.',
  registryDateHint: 'ДД.ММ.ГГГГ',
  registryLoading: 'Загрузка реестра…',
  checklistLoading: 'Загрузка мероприятий…',
} as const;

/** Short column heads of the compliance checks in the summary table (the full label is on hover). */
export const complianceShortLabels = {
  teachersCoverage: 'Пед.',
  pupilsCoverage: 'Обуч.',
  parentsCoverage: 'Род.',
  groupsCreated: 'Классы',
  staffChat: 'Чат пед.',
  pupilChats: 'Чаты обуч.',
  parentChats: 'Род. чаты',
  teacherMinimum: 'Мин. п. 4',
  mySchool: 'МШ',
  coordinatorAppointed: 'Коорд.',
  noForeignMessengers: 'Мессенджеры',
  submittedOnTime: 'Срок',
} as const;

/** How a compliance check's value reads in the summary (hover / tap). */
export const complianceValues = {
  share: (percent: string, target: string | null): string =>
    target === null ? `${percent} (для сведения)` : `${percent} (цель ${target})`,
  count: (actual: number, target: number): string => `${actual} из ${target}`,
  yes: 'да',
  no: 'нет',
  notApplicable: 'не применяется к этому типу организации',
  notJudged: 'нет данных',
  notAppointed: 'приказ о назначении не указан в реестре',
  submittedOn: (actual: string, due: string): string => `сдан ${actual}, срок ${due}`,
  notSubmitted: (due: string): string => `не сдан, срок ${due}`,
  noTotal: 'всего 0 — подключать некого',
} as const;

/** The e-mail a coordinator gets when the admin returns a report. */
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
  signature: 'Это письмо отправлено автоматически дополнением «' + PRODUCT_NAME + '».',
} as const;

/** The printable district report sheet («Сводный отчёт за …»). */
export const districtReportSheet = {
  sheetName: (period: string): string => `Сводный отчёт ${period}`,
  title: 'Сводный отчёт об использовании ИКОП «Сферум» и ФГИС «Моя школа»',
  subtitle: (district: string, period: string): string => `${district} — за ${period}`,
  basis: 'Основание: приказ Отдела образования № 178 от 15.11.2023 (пп. 2–6).',
  periodLabel: 'Отчётный месяц',
  dueLabel: 'Срок сдачи',
  madeLabel: 'Сформирован',
  madeByLabel: 'Сформировал',
  headers: {
    number: '№',
    id: 'Код',
    name: 'Организация',
    type: 'Тип',
    status: 'Статус отчёта',
    submittedOn: 'Дата сдачи (первая версия)',
    deadlineStatus: 'Соблюдение срока',
    teachersTotal: 'Педагогов всего',
    teachersConnected: 'Педагогов в Сферуме',
    teachersCoverage: 'Охват педагогов',
    pupilsTotal: 'Обучающихся всего',
    pupilsConnected: 'Обучающихся в Сферуме',
    pupilsCoverage: 'Охват обучающихся',
    parentsTotal: 'Родителей всего',
    parentsConnected: 'Родителей в Сферуме',
    parentsCoverage: 'Охват родителей',
    groupsTotal: 'Классов (групп) всего',
    groupsInSferum: 'Классов (групп) в Сферуме',
    teachersMeetingMinimum: 'Педагогов, выполнивших минимум (п. 4)',
    teacherMinimumShare: 'Доля выполнивших минимум',
    mySchoolTeachers: 'Педагогов в ФГИС «Моя школа»',
    mySchoolCoverage: 'Охват ФГИС «Моя школа»',
    noForeignMessengers: 'Иностранные мессенджеры не используются',
    remarks: 'Невыполненные требования',
  },
  totalRow: 'Итого по округу (по сданным отчётам)',
  compliant: 'нет',
  notSubmitted: '—',
  blockTitle: 'Показатели округа',
  blockHeaders: ['Показатель', 'Всего', 'Подключено / выполнили', 'Доля', 'Цель'],
  informational: 'для сведения',
  countsTitle: 'Сдача отчётов',
  counts: {
    submitted: 'Сдали отчёт',
    onTime: 'из них в срок',
    late: 'из них с опозданием',
    missing: 'Не сдали',
    accepted: 'Принято',
    returned: 'Возвращено на доработку',
  },
  missingTitle: (n: number): string => `Не сдали отчёт (${n})`,
  lateTitle: (n: number): string => `Сдали с опозданием (${n})`,
  foreignTitle: (n: number): string => `Используют иностранные мессенджеры (${n})`,
  none: 'нет',
  lateLine: (name: string, date: string): string => `${name} — сдан ${date}`,
  footer: (at: string): string =>
    `Сформировано ${at} дополнением «${PRODUCT_NAME}» по данным листа «Отчёты». При повторном формировании за этот месяц лист заменяется.`,
  chartTitle: 'Охват Сферумом по организациям',
  chartSeriesNote: 'педагоги и обучающиеся, доля',
  generated: (sheet: string, n: number): string =>
    `Лист «${sheet}» сформирован: ${plural(n, 'организация', 'организации', 'организаций')}. Откройте его, чтобы распечатать.`,
} as const;

// ---- Reminders: the daily trigger, e-mails, the ledger ------------------------------------------

export const reminderMenuItems = {
  enable: 'Включить напоминания',
  disable: 'Отключить напоминания',
} as const;

const days = (n: number): string => plural(n, 'день', 'дня', 'дней');

export const reminderMessages = {
  title: 'Напоминания о сроках',
  enabled: (owner: string, hour: number): string =>
    `Напоминания включены. Каждый день около ${hour}:00 по московскому времени дополнение проверяет сроки, пишет координаторам, ` +
    `чьи отчёты не сданы или возвращены, а на следующий день после срока отправляет администраторам сводку. Письма уходят от имени ${owner}.`,
  alreadyEnabled: (owner: string, hour: number): string =>
    `Напоминания уже включены: проверка каждый день около ${hour}:00 по московскому времени, письма от имени ${owner}. Ничего не изменено.`,
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
  stateMissing: (org: string, periodFor: string): string =>
    `${org}: ежемесячный отчёт об использовании Сферума и ФГИС «Моя школа» ${periodFor} не сдан.`,
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

export const settingsAudit = {
  editedInSheet: '(изменено в листе «Настройки»)',
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
    `неделя ${week}: число ${what} должно быть целым, от 0 до ${max} (указано «${String(value)}»).`,
  duplicateCode: (code: string): string => `код «${code}» указан второй раз.`,
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
  tooManyToStore: (max: number): string =>
    `Педагогов больше ${max} — недельные данные не будут сохранены, в отчёт попадёт только число педагогов.`,
  dropped:
    'Число в поле «Педагогов, выполнивших минимум» изменено вручную — недельные данные педагогов не будут сохранены, только число.',
} as const;

// ---- Reminders: an organisation's repeated overdue notice (all its overdue months in one e-mail) --

export const overdueRepeatTexts = {
  /** The ledger's «Вид напоминания». */
  kind: (months: number): string => `просроченные отчёты (${months})`,
  subjectMany: (n: number, months: readonly string[], shown: number): string =>
    `Просроченные отчёты (${n}): ${months.slice(0, shown).join(', ')}${n > shown ? ` и ещё ${n - shown}` : ''}`,
  intro: (org: string, n: number): string =>
    n === 1
      ? `${org}: срок сдачи ежемесячного отчёта об использовании Сферума и ФГИС «Моя школа» прошёл, а отчёт не сдан или не исправлен:`
      : `${org}: срок сдачи ежемесячных отчётов об использовании Сферума и ФГИС «Моя школа» прошёл, а отчёты не сданы или не исправлены — ` +
        `${plural(n, 'месяц', 'месяца', 'месяцев')}:`,
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
  introManual: (org: string, n: number): string =>
    `${org}: не сданы или не исправлены ежемесячные отчёты об использовании Сферума и ФГИС «Моя школа» — ${plural(n, 'месяц', 'месяца', 'месяцев')}:`,
  late: 'Отчёты, сданные после срока, отмечаются как сданные с опозданием.',
  repeatNote: (repeatDays: number): string =>
    `Пока есть просроченные отчёты, такое письмо со списком всех просроченных месяцев приходит не чаще раза в ${days(repeatDays)}.`,
} as const;

export const protectionErrors = {
  protectedSheet:
    'Не удалось сохранить: лист защищён, и у вас пока нет права его менять. Попросите владельца таблицы выбрать в меню дополнения «Настроить таблицу округа» — это обновит защиту листов для администраторов из «Настроек».',
} as const;

export const reviewErrors = {
  handEdited:
    'Этот отчёт изменён в таблице вручную, в обход дополнения, поэтому принять его нельзя: проверьте изменения («Проверить изменения вручную») и верните отчёт координатору, чтобы он сдал его заново.',
} as const;

export const workbookSetupNotes = {
  timeZoneSet: 'часовой пояс таблицы установлен: Europe/Moscow',
  sharedDriveAdmin: (email: string): string =>
    `таблица на общем диске без владельца: ${email} записан администратором округа`,
} as const;
