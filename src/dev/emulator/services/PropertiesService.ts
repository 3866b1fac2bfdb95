// Emulated PropertiesService: script, per-user and per-document string stores with Apps Script's limits.
import type { ExecutionContext } from '../context';
import { SCOPES, asString, byteSize, documentScope, requireAuthMode, userScope } from './common';

/** 9 KB per value and 500 KB per store, as in Apps Script's quota table. */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
const QUOTA_ERROR = 'You have exceeded the property storage quota. Please remove some properties and try again.';

type Props = GoogleAppsScript.Properties.Properties;

/** PropertiesService for one execution. */
export function createPropertiesService(ctx: ExecutionContext): GoogleAppsScript.Properties.PropertiesService {
  const store = ctx.store.properties;

  function open(kind: string, scope: string): Props {
    // AuthMode.NONE has no access to properties at all; custom functions may only read them.
    requireAuthMode(ctx, `PropertiesService.get${kind}Properties`, SCOPES.storage, [
      'LIMITED',
      'FULL',
      'CUSTOM_FUNCTION',
    ]);
    const count = (m: string): void => ctx.count('PropertiesService', `Properties.${m}`);
    const writable = (m: string): void => requireAuthMode(ctx, `Properties.${m}`, SCOPES.storage, ['LIMITED', 'FULL']);
    const write = (values: Record<string, string>, deleteAllOthers: boolean): void => {
      for (const [k, v] of Object.entries(values)) {
        if (k === '') throw ctx.createError('Invalid argument: key');
        if (byteSize(v) > PROPERTY_VALUE_MAX_BYTES) throw ctx.createError('Argument too large: value');
      }
      if (!store.write(scope, values, deleteAllOthers, PROPERTY_STORE_MAX_BYTES)) throw ctx.createError(QUOTA_ERROR);
    };
    const props: Props = {
      getProperty(key) {
        count('getProperty');
        return store.get(scope, asString(key));
      },
      getProperties() {
        count('getProperties');
        return store.getAll(scope);
      },
      getKeys() {
        count('getKeys');
        return Object.keys(store.getAll(scope));
      },
      setProperty(key, value) {
        count('setProperty');
        writable('setProperty');
        write({ [asString(key)]: asString(value) }, false);
        return props;
      },
      setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
        count('setProperties');
        writable('setProperties');
        if (properties === null || typeof properties !== 'object') {
          throw ctx.createError(
            `The parameters (${String(properties)}) don't match the method signature for PropertiesService.Properties.setProperties.`,
          );
        }
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(properties)) values[k] = asString(v);
        write(values, deleteAllOthers === true);
        return props;
      },
      deleteProperty(key) {
        count('deleteProperty');
        writable('deleteProperty');
        store.remove(scope, [asString(key)]);
        return props;
      },
      deleteAllProperties() {
        count('deleteAllProperties');
        writable('deleteAllProperties');
        store.remove(scope, null);
        return props;
      },
    } as Props;
    return props;
  }

  return {
    getScriptProperties: () => open('Script', 'script'),
    getUserProperties: () => open('User', userScope(ctx)),
    // No document, no document properties (an add-on's time-driven trigger; profiles.ts).
    getDocumentProperties: () =>
      ctx.documentId === '' ? (null as unknown as Props) : open('Document', documentScope(ctx)),
  };
}
