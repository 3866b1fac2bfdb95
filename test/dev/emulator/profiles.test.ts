// The strictest reading, rule by rule, under both deployment profiles (src/dev/emulator/profiles.ts).
import { createEmulator, PROFILES, type DeploymentProfile } from '../../../src/dev/emulator';
import { readManifest } from '../../../src/dev/emulator/manifest';
import { PROFILE_DIST } from '../../../src/dev/emulator/profiles';
import path from 'node:path';

const OWNER = 'owner@example.org';
const EDITOR = 'editor@example.org';
const STRANGER = 'stranger@example.com';
const CODE = `
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
function onOpen(e) { PropertiesService.getScriptProperties().setProperty('seen', JSON.stringify(who())); }
function onInstall(e) { PropertiesService.getScriptProperties().setProperty('installed', JSON.stringify(String(e.authMode))); }
function MY_EMAIL() { return Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail(); }
function makeTrigger() { return ScriptApp.newTrigger('probe').timeBased().everyHours(1).create().getUniqueId(); }
function probe(e) {
  var ui = 'ok';
  try { SpreadsheetApp.getUi(); } catch (err) { ui = err.message; }
  var seen = {
    uid: e.triggerUid,
    active: SpreadsheetApp.getActiveSpreadsheet() === null ? null : 'spreadsheet',
    documentProperties: PropertiesService.getDocumentProperties() === null ? null : 'properties',
    documentLock: LockService.getDocumentLock() === null ? null : 'lock',
    ui: ui,
    who: who(),
  };
  PropertiesService.getScriptProperties().setProperty('probe', JSON.stringify(seen));
}
function openIt(id) { return SpreadsheetApp.openById(id).getName(); }
function writeWith(kind) {
  var lock = kind === 'script' ? LockService.getScriptLock() : kind === 'document' ? LockService.getDocumentLock() : null;
  if (lock) lock.waitLock(1000);
  SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(kind);
  return 'written';
}
function metadata() {
  var ss = SpreadsheetApp.getActive();
  var lock = LockService.getDocumentLock(); lock.waitLock(1000);
  ss.addDeveloperMetadata('k', 'v1', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  var found = ss.createDeveloperMetadataFinder().withKey('k').find();
  found[0].setValue('v2');
  var after = ss.createDeveloperMetadataFinder().withKey('k').withVisibility(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT).find().map(function (m) { return m.getValue(); });
  found[0].remove();
  return [after, ss.getDeveloperMetadata().length];
}
function source() { return String(ScriptApp.getInstallationSource()); }
`;

function setUp(profile: DeploymentProfile) {
  // The test's own script runs under the manifest of the build it stands for (scopes decide openById).
  const manifest = readManifest(path.join(__dirname, '../../..', PROFILE_DIST[profile]));
  const em = createEmulator({ code: CODE, profile, manifest, strict: true, emailHiding: { [STRANGER]: 'both' } });
  const doc = em.createSpreadsheet({ name: 'Проба', owner: OWNER });
  em.store.spreadsheets.updateSpreadsheet(doc, { addEditors: [EDITOR, STRANGER] });
  const prop = (key: string): unknown => JSON.parse(em.store.properties.get('script', key) ?? 'null');
  return { em, doc, prop };
}

describe.each(PROFILES)('profile %s', (profile) => {
  it('onOpen (LIMITED or NONE) and custom functions never see an e-mail', () => {
    const { em, doc, prop } = setUp(profile);
    for (const authMode of ['LIMITED', 'NONE'] as const) {
      const r = em.run('onOpen', [{ authMode }], { user: OWNER, documentId: doc, authMode });
      if (authMode === 'LIMITED') {
        expect(r.ok).toBe(true);
        expect(prop('seen')).toEqual(['', '']);
      } else {
        // NONE may not even touch properties: the menu is all there is.
        expect(r.error?.message).toContain('You do not have permission to call PropertiesService');
      }
    }
    expect(em.runCustomFunction('MY_EMAIL', [], doc).value).toBe('|');
  });

  it('in FULL mode the e-mail is visible, hidden from getActiveUser only, or hidden altogether, per user', () => {
    const { em, doc } = setUp(profile);
    expect(em.run('who', [], { user: OWNER, documentId: doc }).value).toEqual([OWNER, OWNER]);
    expect(em.run('who', [], { user: EDITOR, documentId: doc, emailHiding: 'active' }).value).toEqual(['', EDITOR]);
    expect(em.run('who', [], { user: STRANGER, documentId: doc }).value).toEqual(['', '']);
  });

  it('a trigger runs as its creator with no active user; in the add-on it has no document at all', () => {
    const { em, doc, prop } = setUp(profile);
    const uid = em.run<string>('makeTrigger', [], { user: OWNER, documentId: doc }).value!;
    expect(em.runTrigger(uid).ok).toBe(true);
    const seen = prop('probe') as Record<string, unknown>;
    expect(seen.uid).toBe(uid);
    expect(seen.who).toEqual(['', OWNER]);
    if (profile === 'addon') {
      expect(seen).toMatchObject({ active: null, documentProperties: null, documentLock: null });
      expect(seen.ui).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    } else {
      expect(seen).toMatchObject({ active: 'spreadsheet', documentProperties: 'properties', documentLock: 'lock' });
      expect(seen.ui).toBe('ok');
    }
  });

  it('openById needs the spreadsheets scope: only the add-on build asks for it, and only for people with access', () => {
    const { em, doc } = setUp(profile);
    const asOwner = em.run('openIt', [doc], { user: OWNER, documentId: doc });
    if (profile === 'addon') {
      expect(asOwner.value).toBe('Проба');
      const other = em.createSpreadsheet({ name: 'Чужая', owner: STRANGER });
      expect(em.run('openIt', [other], { user: OWNER, documentId: doc }).error?.message).toBe(
        'You do not have permission to access the requested document.',
      );
    } else {
      expect(asOwner.error?.message).toContain('Required permissions: https://www.googleapis.com/auth/spreadsheets.');
    }
  });

  it('onInstall runs in FULL mode for the add-on and never for a bound script', () => {
    const { em, doc, prop } = setUp(profile);
    const r = em.install({ user: OWNER, documentId: doc });
    if (profile === 'addon') {
      expect(r?.ok).toBe(true);
      expect(prop('installed')).toBe('FULL');
    } else {
      expect(r).toBeNull();
      expect(prop('installed')).toBeNull();
    }
    expect(em.run('source', [], { user: OWNER, documentId: doc }).value).toBe(
      profile === 'addon' ? 'APPS_MARKETPLACE_DOMAIN_ADD_ON' : 'NONE',
    );
  });

  it('strict mode: a write needs the document lock or the script lock', () => {
    const { em, doc } = setUp(profile);
    expect(em.run('writeWith', ['none'], { user: OWNER, documentId: doc }).error?.message).toMatch(/^unlocked write/);
    expect(em.run('writeWith', ['script'], { user: OWNER, documentId: doc }).value).toBe('written');
    expect(em.run('writeWith', ['document'], { user: OWNER, documentId: doc }).value).toBe('written');
  });

  it('developer metadata: added, found by key and visibility, changed and removed', () => {
    const { em, doc } = setUp(profile);
    expect(em.run('metadata', [], { user: OWNER, documentId: doc }).value).toEqual([['v2'], 0]);
  });
});
