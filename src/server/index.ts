// Every name Apps Script calls (triggers, menu items, google.script.run targets, custom
// functions) — and nothing else. The build generates a top-level stub for each export.
export { onOpen, onInstall } from './menu';
export { showAbout } from './about';
export { REPORT_DEADLINE, DAYS_TO_DEADLINE, REPORT_STATUS, COVERAGE, MEETS_TARGET, TEACHER_MINIMUM_MET } from './customFunctions';
