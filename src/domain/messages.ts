// The one catalogue of Russian text a user reads: menus, titles, errors, e-mails.
// Sections are added by the feature that needs them; identifiers stay English.

export const PRODUCT_NAME = 'Отчёты: Сферум и Моя школа';

export const menu = {
  about: 'О дополнении',
} as const;

export const titles = {
  about: 'О дополнении «' + PRODUCT_NAME + '»',
} as const;
