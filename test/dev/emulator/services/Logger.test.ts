// Logger and console: captured lines, format arguments, getLog/clear.
import { createLogging } from '../../../../src/dev/emulator/services/Logger';
import { mockContext } from './mockContext';

describe('Logger and console', () => {
  it('captures Logger and console lines in order', () => {
    const { Logger, console, lines } = createLogging(mockContext());
    Logger.log('plain');
    Logger.log('%s sent %d mails', 'admin', 3);
    Logger.log({ a: 1 });
    console.log('x', 1, { b: [2] });
    console.warn('careful');
    console.error('broken');
    expect(lines()).toEqual([
      'plain',
      'admin sent 3 mails',
      '{"a":1}',
      'x 1 {"b":[2]}',
      'WARNING: careful',
      'ERROR: broken',
    ]);
    expect(Logger.getLog()).toContain('admin sent 3 mails');
    Logger.clear();
    Logger.log('after');
    expect(Logger.getLog()).toBe('after');
  });
});
