// Puts the google.script shim into a built sidebar/dialog HTML page (tests and local preview).
import fs from 'node:fs';
import path from 'node:path';
import type { ShimConfig } from './googleScriptShim';

export const SHIM_FILE = path.resolve(__dirname, '../../../build/googleScriptShim.js');

/** Script tags that configure and install the shim; put them before the page's own script. */
export function shimTags(config: ShimConfig = {}): string {
  const js = fs.readFileSync(SHIM_FILE, 'utf8').replace(/<\/script/gi, '<\\/script');
  return `<script>window.__gasBridgeConfig=${JSON.stringify(config)};</script>\n<script>${js}</script>\n`;
}

/** The HTML with the shim injected right after <head>. */
export function withShim(html: string, config: ShimConfig = {}): string {
  const at = html.indexOf('<head>');
  if (at < 0) return shimTags(config) + html;
  return html.slice(0, at + 6) + '\n' + shimTags(config) + html.slice(at + 6);
}
