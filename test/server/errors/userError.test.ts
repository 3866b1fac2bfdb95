// Which errors reach a person as a Russian sentence.
import { UserError, userMessageOf } from '../../../src/server/errors/userError';

test('a protected-sheet refusal is recognised in English and in Russian', () => {
  const english = new Error(
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  );
  const russian = new Error(
    'Вы пытаетесь изменить защищенную ячейку или объект. Чтобы снять защиту, свяжитесь с владельцем таблицы.',
  );
  for (const err of [english, russian]) expect(userMessageOf(err)).toContain('«Настроить таблицу округа»');
});

test('a UserError keeps its sentence; anything else is not shown as is', () => {
  expect(userMessageOf(new UserError('Укажите причину.'))).toBe('Укажите причину.');
  expect(userMessageOf(new Error('TypeError: x is undefined'))).toBeNull();
  expect(userMessageOf('строка')).toBeNull();
});
