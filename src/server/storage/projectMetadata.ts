// Small state of the district spreadsheet that every execution must reach — a user's call and the
// add-on's time-driven trigger, which has no document properties — kept on the spreadsheet itself
// as developer metadata visible to this script project only
// (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility).
// Never secrets: Google warns that project metadata "can be exposed to users with view access to
// the document" (the integrity key lives in document properties and the trigger owner's user
// properties instead). Writes need a lock (the document or the script lock).

const visibility = (): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility =>
  SpreadsheetApp.DeveloperMetadataVisibility.PROJECT;

function find(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return ss.createDeveloperMetadataFinder().withKey(key).withVisibility(visibility()).find();
}

/** Every value of this project's metadata, found in one call and kept until a write or a lock. */
let values: Map<string, string> | undefined;

/** Forgets what was read (a lock was taken: another execution may have written since). */
export function forgetMetadata(): void {
  values = undefined;
}

/** The value stored under `key`, or null (the first read finds every key of this project at once). */
export function readMetadata(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): string | null {
  if (!values) {
    values = new Map();
    for (const m of ss.createDeveloperMetadataFinder().withVisibility(visibility()).find())
      if (!values.has(m.getKey())) values.set(m.getKey(), m.getValue() ?? '');
  }
  return values.get(key) ?? null;
}

/** Stores `value` under `key` (null removes it); one entry per key. */
export function writeMetadata(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string, value: string | null): void {
  forgetMetadata();
  const [first, ...extra] = find(ss, key);
  for (const e of extra) e.remove();
  if (value === null) first?.remove();
  else if (first) first.setValue(value);
  else ss.addDeveloperMetadata(key, value, visibility());
}

/** JSON stored under `key`, or null when absent or unreadable. */
export function readMetadataJson<T>(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): T | null {
  const text = readMetadata(ss, key);
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
