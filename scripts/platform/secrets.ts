import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A secret generated once into `<dir>/<name>` (the folder mode 0700, the file 0600) and read
 * back on later starts, so the data the servers keep stays usable. Hex: safe in URLs, shells and command-line flags.
 */
export function ensureSecret(dir: string, name: string): { file: string; value: string } {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) throw new Error(`bad secret name ${name}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, name);
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600);
    const value = fs.readFileSync(file, 'utf8').trim();
    if (value) return { file, value };
  }
  const value = randomBytes(24).toString('hex');
  // No trailing newline: `ldapsearch -y file` sends the whole file as the password.
  fs.writeFileSync(file, value, { mode: 0o600 });
  return { file, value };
}
