import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project root (where package.json lives), from source (ts-jest) or from dist/. */
export const PROJECT_ROOT: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found');
    dir = up;
  }
  return dir;
})();

export const PROVISIO_VERSION: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version;
