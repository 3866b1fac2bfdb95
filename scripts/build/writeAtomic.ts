// Writes a file through a temporary name and a rename, so a reader (a test running while
// another build runs) never sees a half-written or missing file.
import fs from 'node:fs';

export function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
