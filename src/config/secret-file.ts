import fs from 'node:fs';

/**
 * A secret given either as a variable (`X`) or as a file (`X_FILE`, e.g. a Docker or Kubernetes
 * secret, or `.provisio/platform/secrets/…`). Problems name the variables, never the value.
 */
export function secretProblems(name: string, value: string | undefined, file: string | undefined): string[] {
  if (value && file) return [`${name}_FILE=${JSON.stringify(file)}: set ${name} or ${name}_FILE, not both`];
  if (!value && !file) return [`${name}: required (or ${name}_FILE)`];
  if (file) {
    try {
      if (!fs.readFileSync(file, 'utf8').trim()) return [`${name}_FILE=${JSON.stringify(file)}: the file is empty`];
    } catch (e) {
      return [`${name}_FILE=${JSON.stringify(file)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`];
    }
  }
  return [];
}

/** The secret's value: the variable, or the file's content without its final newline. */
export function readSecret(value: string | undefined, file: string | undefined): string {
  if (value) return value;
  if (!file) throw new Error('no secret configured');
  return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}
