// The script's manifest (appsscript.json) as the emulator uses it: the script's time zone and the
// OAuth scopes it asks for. Source: developers.google.com/apps-script/manifest and /concepts/scopes
// ("if the manifest sets oauthScopes, the script gets exactly those; otherwise Apps Script infers them").
import fs from 'node:fs';
import path from 'node:path';

export interface Manifest {
  /** IANA zone of Session.getScriptTimeZone(). */
  timeZone: string;
  /** The scopes the manifest asks for; null when it names none (Apps Script infers every one needed). */
  oauthScopes: string[] | null;
}

/** What Apps Script writes into a new project's appsscript.json (no scopes: inferred). */
export const NEW_PROJECT_MANIFEST: Manifest = { timeZone: 'America/New_York', oauthScopes: null };

/**
 * Reads `<distDir>/appsscript.json` (what clasp pushes), or a new project's manifest when there is none.
 * @throws when the file is not a manifest: no time zone Intl knows, or oauthScopes not a list of strings
 */
export function readManifest(distDir: string): Manifest {
  const file = path.join(distDir, 'appsscript.json');
  if (!fs.existsSync(file)) return NEW_PROJECT_MANIFEST;
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { timeZone?: unknown; oauthScopes?: unknown };
  const timeZone = typeof json.timeZone === 'string' ? json.timeZone : NEW_PROJECT_MANIFEST.timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`${file}: unknown timeZone ${timeZone}`);
  }
  const scopes = json.oauthScopes;
  if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))) {
    throw new Error(`${file}: oauthScopes must be a list of scope URLs`);
  }
  return { timeZone, oauthScopes: scopes === undefined ? null : [...scopes] };
}

/** Whether the script was granted `scope` (or, for a choice, any one of `scope`). */
export function grants(manifest: Manifest, ...scope: string[]): boolean {
  return manifest.oauthScopes === null || scope.some((s) => manifest.oauthScopes?.includes(s));
}
