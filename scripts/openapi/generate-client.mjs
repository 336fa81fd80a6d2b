// Generates src/client/openapi-types.ts from docs/openapi.json (openapi-typescript), at build
// time. Skipped when the document is unchanged since the last generation (its hash is the first
// line of the output), so builds stay fast. `--check`: fail when the output is stale.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const input = path.join(root, 'docs/openapi.json');
const output = path.join(root, 'src/client/openapi-types.ts');
const source = fs.readFileSync(input, 'utf8');
const stamp = `// generated from docs/openapi.json sha256:${createHash('sha256').update(source).digest('hex')} by scripts/openapi/generate-client.mjs — do not edit`;
const current = fs.existsSync(output) ? fs.readFileSync(output, 'utf8').split('\n', 1)[0] : '';
if (current === stamp) process.exit(0);
if (process.argv.includes('--check')) {
  console.error('src/client/openapi-types.ts is stale: run `node scripts/openapi/generate-client.mjs`');
  process.exit(1);
}
const { default: openapiTS, astToString } = await import('openapi-typescript');
const ast = await openapiTS(JSON.parse(source), { alphabetize: false });
fs.writeFileSync(output, `${stamp}\n/* eslint-disable */\n${astToString(ast)}`);
