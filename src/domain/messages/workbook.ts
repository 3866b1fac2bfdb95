// Server-side texts: sheet names and headers, set-up, access, integrity, errors for any caller.
import { quoted } from './common';

import { identityHelp } from './common';
// ---- The district workbook (server) ----------------------------------------------------------

export const sheetNames = {
  settings: 'Настройки',
  registry: 'Реестр организаций',
  reports: 'Отчёты',
  audit: 'Журнал изменений',
  ledger: 'Журнал напоминаний',
  index: 'Служебный индекс',
} as const;

/**
 * Headers of the hidden «Служебный индекс» (where each organisation's and month's reports are). It keeps
 * months as keys (2023-11): it is technical, while every sheet a person reads shows them in words.
 */
export const indexHeaders = {
  org: 'Организация',
  orgVersions: 'Версии отчётов (служебно)',
  month: 'Месяц',
  monthTotals: 'Итоги месяца (служебно)',
  monthOrgs: 'Отчёты месяца (служебно)',
  seal: 'Контрольная сумма',
} as const;

export const serverErrors = {
  unexpected:
    'Не удалось выполнить действие из-за внутренней ошибки. Повторите попытку; если ошибка повторится, сообщите администратору округа.',
  busy: 'Таблица занята: её сейчас изменяет другой пользователь. Повторите через минуту — введённые данные сохранены в форме.',
  setupNeeded: (sheet: string): string =>
    `Таблица округа не настроена: нет листа «${sheet}» или его заголовков. Администратор округа должен выбрать в меню дополнения «Настроить таблицу округа».`,
  noEmail:
    'Google не сообщил дополнению, под каким адресом вы вошли (так бывает с личными аккаунтами и аккаунтами другой организации), поэтому дополнение не может определить вашу роль. ' +
    identityHelp.oneAccount +
    ' Если не поможет, обратитесь к администратору округа.',
  notAdmin: 'Это действие доступно только администраторам округа (владелец таблицы и адреса в листе «Настройки»).',
  notCoordinator: (email: string): string =>
    `Адрес ${email} не указан в реестре организаций ни как координатор, ни как администратор. Попросите администратора округа добавить вас в реестр.`,
  notYourOrganisation: 'Вы можете открывать и сдавать отчёты только своей организации.',
  unknownOrganisation: (id: string): string => `Организация с кодом «${quoted(id)}» не найдена в реестре.`,
  duplicateOrganisation: (id: string): string => `Организация с кодом «${quoted(id)}» уже есть в реестре.`,
  badPeriod: 'Отчётный месяц указан неверно: выберите месяц из списка.',
  periodNotOpen: (period: string): string => `Отчёт за ${period} ещё нельзя сдать: месяц не закончился.`,
  periodTooEarly: (period: string): string =>
    `Организация отчитывается начиная с месяца «${period}» (реестр организаций и лист «Настройки»): ` +
    'за более ранние месяцы отчёт не нужен.',
  organisationClosed: (closed: string): string =>
    `Организация закрыта с ${closed}: отчёты за этот и следующие месяцы не принимаются. ` +
    'Если это ошибка, попросите администратора округа снять отметку «Закрыта с» в реестре.',
  noPeriodYet: (first: string): string =>
    `Сдавать пока нечего: первый отчётный месяц — ${first}, отчёт за него можно сдать, когда месяц закончится.`,
  invalidReport: 'Отчёт не сохранён: исправьте отмеченные поля.',
  noSuchVersion: 'Эта версия отчёта не найдена: обновите сводку — отчёт могли пересдать.',
  notLatestVersion: 'Рассмотреть можно только последнюю версию отчёта: координатор уже прислал новую.',
  alreadyReviewed: (state: string): string => `Отчёт уже рассмотрен (статус «${state}»).`,
  reasonRequired: 'Укажите причину возврата: координатор увидит её в своей форме и в письме.',
  reasonTooLong: (max: number): string => `Причина возврата слишком длинная: не больше ${max} символов.`,
  setupOwnerOnly: 'Первую настройку таблицы может выполнить только её владелец.',
  rowMoved: (sheet: string): string =>
    `Не удалось сохранить: строку в листе «${sheet}» только что переместили или удалили вручную, и дополнение не может однозначно её найти. Ничего не записано. Обновите сводку и повторите; если ошибка повторится, выберите в меню «Проверить изменения вручную».`,
  ledgerTampered:
    'Напоминания не отправлены: из листа «Журнал напоминаний» удалены строки, и дополнение не может узнать, кому уже писали (письма ушли бы повторно). Администратор округа может выбрать в меню «Настроить таблицу округа» — после этого журнал будет принят таким, как есть.',
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
  seq: 'Номер записи',
  auditRef: 'Запись в листе',
  timeliness: 'Срок сдачи',
} as const;

/** The «Срок сдачи» column of «Отчёты»: the version submitted by its month's deadline, or after. */
export const timelinessLabels = {
  onTime: 'в срок',
  late: 'с опозданием',
} as const;

export const auditActions = {
  setup: 'Настройка таблицы',
  submit: 'Сдача отчёта',
  accept: 'Отчёт принят',
  return: 'Отчёт возвращён',
  orgAdded: 'Организация добавлена в реестр',
  orgChanged: 'Изменение реестра',
  orgClosed: 'Организация закрыта (в архиве)',
  orgReopened: 'Организация снова работает',
  settingsChanged: 'Изменение настроек',
  noticeSkipped: 'Уведомление о возврате не отправлено',
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
  firstPeriod: ['Первый отчётный месяц', 'Месяц и год, например «ноябрь 2023» (можно 11.2023).'],
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
  changeThreshold: [
    'Порог изменения к прошлому месяцу',
    'Показатель, изменившийся больше чем на эту долю, отмечается в сводке (по умолчанию 20 %). Пусто — не отмечать.',
  ],
} as const;

export const setupMessages = {
  title: 'Настройка таблицы округа',
  created: (sheet: string): string => `создан лист «${sheet}»`,
  migrated: (sheet: string): string => `обновлена структура листа «${sheet}» (данные сохранены)`,
  settingsAdded: (count: number): string => `в «Настройки» добавлено параметров: ${count}`,
  protected: (sheet: string): string => `обновлена защита листа «${sheet}»`,
  resealed: (rows: number): string => `контрольные суммы строк пересчитаны по новому способу: ${rows}`,
  monthsInWords: (sheet: string, cells: number): string =>
    `лист «${sheet}»: месяцы записаны словами («ноябрь 2023» вместо «2023-11»), ячеек: ${cells}`,
  timelinessFilled: (rows: number): string => `лист «Отчёты»: столбец «Срок сдачи» заполнен заново, строк: ${rows}`,
  done: (changes: readonly string[]): string => 'Готово: ' + changes.join('; ') + '.',
  nothingToDo: 'Таблица уже настроена: изменений не потребовалось.',
  sharedDriveTitle: 'Таблица на общем диске',
  sharedDriveConfirm: (email: string): string =>
    'У таблицы нет владельца: она лежит на общем диске. Настраивать её должен менеджер общего диска ' +
    `(тот, кто управляет доступом к файлам). Если продолжить, администратором округа будет записан ${email} — ` +
    'только он сможет принимать отчёты, менять реестр и добавлять других администраторов в «Настройках».\n\n' +
    'Вы менеджер этого общего диска и хотите настроить таблицу?',
  sharedDriveCancelled:
    'Настройка отменена, в таблице ничего не изменено. Попросите менеджера общего диска выбрать ' +
    '«Настроить таблицу округа» в меню дополнения.',
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
  reportDeleted: (orgId: string, period: string, version: number, state: string): string =>
    `лист «Отчёты»: удалён отчёт ${orgId} за ${period} (версия ${version}, статус «${state}» по журналу изменений)`,
  reportReplayed: (row: number, orgId: string, period: string, version: number, state: string): string =>
    `лист «Отчёты», строка ${row}: отчёт ${orgId} за ${period} (версия ${version}) заменён своей старой копией — по журналу изменений его статус «${state}»`,
  reportDuplicated: (rows: readonly number[], orgId: string, period: string, version: number): string =>
    `лист «Отчёты», строки ${rows.join(', ')}: отчёт ${orgId} за ${period} (версия ${version}) повторён вручную`,
  reportUnaudited: (row: number, orgId: string, period: string, version: number): string =>
    `лист «Отчёты», строка ${row}: отчёта ${orgId} за ${period} (версия ${version}) нет в журнале изменений — строка вставлена вручную или журнал укорочен`,
  reportInterrupted: (row: number, orgId: string, period: string, version: number): string =>
    `лист «Отчёты», строка ${row}: запись отчёта ${orgId} за ${period} (версия ${version}) прервалась и не попала в журнал изменений — повторите сдачу или рассмотрение, дополнение допишет журнал`,
  registryDeleted: (orgId: string): string =>
    `лист «Реестр организаций»: удалена организация ${orgId} (она есть в журнале изменений)`,
  registryReplayed: (row: number, orgId: string): string =>
    `лист «Реестр организаций», строка ${row}: данные организации ${orgId} заменены их старой копией`,
  registryDuplicated: (rows: readonly number[], orgId: string): string =>
    `лист «Реестр организаций», строки ${rows.join(', ')}: организация ${orgId} повторена вручную`,
  registryUnaudited: (row: number, orgId: string): string =>
    `лист «Реестр организаций», строка ${row}: организации ${orgId} нет в журнале изменений — строка вставлена вручную или журнал укорочен`,
  registryInterrupted: (row: number, orgId: string): string =>
    `лист «Реестр организаций», строка ${row}: запись организации ${orgId} прервалась и не попала в журнал изменений — сохраните её ещё раз`,
  rowsMissing: (sheet: string, expected: number, found: number): string =>
    `лист «${sheet}»: удалены строки — дополнение записало их ${expected}, сейчас ${found}`,
  auditTruncated: (expected: number, found: number): string =>
    `лист «Журнал изменений»: удалены последние записи — их было не меньше ${expected}, сейчас ${found}`,
  auditReplaced: (row: number): string =>
    `лист «Журнал изменений», строка ${row}: запись заменена — она не совпадает с той, что дополнение записало`,
  timelinessWrong: (row: number, orgId: string, period: string, version: number, shown: string, due: string): string =>
    `лист «Отчёты», строка ${row}: у отчёта ${orgId} за ${period} (версия ${version}) в столбце «Срок сдачи» ` +
    `записано «${shown}», а по времени сдачи и сроку из «Настроек» — «${due}». Столбец рассчитывает ` +
    'дополнение: «Настроить таблицу округа» запишет верное значение',
  ledgerForged: (row: number, orgId: string, period: string): string =>
    `лист «Журнал напоминаний», строка ${row} (${orgId || '—'}, ${period || '—'}): запись изменена или добавлена вручную — она не считается отправленным письмом`,
} as const;

export const menuItems = {
  setup: 'Настроить таблицу округа',
  integrity: 'Проверить изменения вручную',
  accessHelp: 'Как получить доступ',
} as const;

export const accessHelp = {
  title: 'Доступ к отчётам',
  noEmail: (admins: string): string =>
    'Google не сообщил дополнению, под каким адресом вы вошли, поэтому дополнение не может определить вашу организацию. ' +
    identityHelp.oneAccount +
    ' Если не поможет, напишите администратору округа' +
    (admins ? `: ${admins}.` : '.'),
  coordinator: (email: string, names: string): string =>
    `Вы вошли как ${email} — координатор: ${names}. Отчёт сдаётся в меню дополнения → «Отчёт организации».`,
  admin: (email: string): string =>
    `Вы вошли как ${email} — администратор округа. Сводка — в меню дополнения → «Сводка по округу»; ` +
    'настройка, проверка установки и напоминания — там же.',
  notListed: (email: string, admins: string): string =>
    `Адрес ${email} не указан в реестре организаций. Чтобы сдавать отчёты, попросите администратора округа внести его как адрес координатора вашей организации` +
    (admins ? `: ${admins}.` : '.'),
  notSetUp:
    'Таблица округа ещё не настроена. Её настраивает владелец таблицы (меню дополнения → «Настроить таблицу округа»).',
} as const;

export const settingsAudit = {
  editedInSheet: '(изменено в листе «Настройки»)',
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
  ownerAdmin: (email: string): string =>
    `${email} записан администратором округа в «Настройках» (там же добавляются другие администраторы)`,
  sharedDriveAdmin: (email: string): string =>
    `таблица на общем диске без владельца: ${email} записан администратором округа`,
  ledgerAccepted: (expected: number, found: number): string =>
    `лист «Журнал напоминаний» принят таким, как есть (дополнение записало строк: ${expected}, осталось: ${found}); напоминания снова отправляются`,
} as const;

/** «Проверка установки»: does text written by the add-on stay text whatever the column's format. */
export const textCheckTexts = {
  sheetName: 'Проверка текста (временный лист)',
  formatNames: { '@': 'обычный текст', '0': 'число', General: 'автоматический' } as Record<string, string>,
  passed: 'Текст, начинающийся с «=», «+», «-» или «@», сохраняется как текст при любом формате столбца.',
  problem: (text: string, format: string, got: string): string =>
    `«${text}» в столбце с форматом «${format}» сохранился как «${got}» — такие ответы координаторов исказятся.`,
} as const;
