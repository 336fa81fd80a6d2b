// ESLint flat config. `npm run lint` runs it with the import-boundary check and the format check;
// `npx eslint src/orders` lints one area. Formatting is Prettier's (.prettierrc.json): no stylistic
// rule here. Not type-aware on purpose: the type-aware set takes about 5× as long and 1.2 GB here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import provisio from './scripts/lint/eslint-plugin-provisio.mjs';

/**
 * Files allowed past the size limits of src/, each with its reason. Keep it short: an entry
 * needs a why a reviewer would accept (e.g. a table that reads best as one list).
 * @type {{ files: string[], why: string, maxLines?: number, maxLinesPerFunction?: number }[]}
 */
const sizeExceptions = [];

/**
 * Where SQL may be written besides store files (*.store.ts): the database plumbing (migration
 * runner, embedded PostgreSQL, connections; no domain SQL). Migrations, tests, benchmarks and
 * specs are outside the rule's reach.
 */
const sqlAllowed = ['src/database/**'];

const limit = (max) => ({ max, skipBlankLines: true, skipComments: true });

export default defineConfig(
  { ignores: ['dist/**', 'coverage/**', '.provisio/**', 'bench/results/**', 'bench/profiles/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2024, globals: globals.node },
    plugins: { provisio },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Validators reject control characters on purpose (hostile input, XML, DNS values).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**', 'bench/**', 'src/**/*.spec.ts'],
    languageOptions: { globals: globals.jest },
    // Tests and benchmarks read untyped JSON bodies and rows; issue 13's "no any" is about src/.
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Benchmarks load CommonJS packages lazily and Nest's own Fastify by resolved path.
  { files: ['bench/**'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The bad-input corpus sends numbers past 2^53 on purpose.
  { files: ['test/corpus/**'], rules: { 'no-loss-of-precision': 'off' } },
  {
    // ARCHITECTURE.md §3, issue 13: SQL only in store files; files ≤ 400 lines, functions ≤ 60.
    files: ['src/**/*.ts'],
    ignores: ['**/*.store.ts', '**/*.spec.ts', ...sqlAllowed],
    rules: { 'provisio/no-sql-outside-store': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', limit(400)], 'max-lines-per-function': ['error', limit(60)] },
  },
  // A spec is a list of cases: its describe() callbacks are long by nature.
  { files: ['src/**/*.spec.ts'], rules: { 'max-lines-per-function': 'off' } },
  ...sizeExceptions.map(({ files, maxLines, maxLinesPerFunction }) => ({
    files,
    rules: {
      ...(maxLines ? { 'max-lines': ['error', limit(maxLines)] } : {}),
      ...(maxLinesPerFunction ? { 'max-lines-per-function': ['error', limit(maxLinesPerFunction)] } : {}),
    },
  })),
);
