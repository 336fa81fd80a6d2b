import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../common/version';

/** The published XSDs (LANGUAGE.md §5), loaded from the source tree (tsc does not copy them to dist). */
export const SCHEMA_NAMES = ['request', 'namespace'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export const SCHEMAS_DIR = path.join(PROJECT_ROOT, 'src/provisioning/language/schemas');

const texts = new Map<SchemaName, string>();

export function isSchemaName(name: string): name is SchemaName {
  return (SCHEMA_NAMES as readonly string[]).includes(name);
}

export function schemaPath(name: SchemaName): string {
  return path.join(SCHEMAS_DIR, `${name}.xsd`);
}

export function schemaText(name: SchemaName): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = fs.readFileSync(schemaPath(name), 'utf8');
    texts.set(name, text);
  }
  return text;
}
