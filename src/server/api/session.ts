// google.script.run target every sidebar calls first: who am I and what may I do.
import { serverErrors } from '../../domain/messages';
import { forClient } from '../errors/userError';
import { openWorkbook } from '../workbook/workbook';
import type { AccessView } from '../../contract/coordinator';

/** The caller's role and organisations, with a Russian explanation for those who have none. */
export function getMyAccess(): AccessView {
  return forClient('getMyAccess', () => {
    const wb = openWorkbook();
    const c = wb.caller;
    const message =
      c.email === '' ? serverErrors.noEmail : c.role === 'none' ? serverErrors.notCoordinator(c.email) : '';
    return {
      email: c.email,
      role: c.role,
      isAdmin: c.isAdmin,
      districtName: wb.settings.districtName,
      message,
      organisations: wb.callerEntries.map((e) => ({ id: e.organisation.id, name: e.organisation.name })),
    };
  });
}
