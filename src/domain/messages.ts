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
