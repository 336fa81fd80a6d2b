// Project rules ESLint has no built-in for. Loaded by eslint.config.mjs as the `provisio` plugin.

/**
 * What counts as SQL: the statement shapes and clauses we write, in upper case (the code base
 * writes SQL keywords in upper case only; prose and error messages in lower or sentence case
 * never match). A template literal is tested with its `${…}` holes replaced by `$0`, so
 * `UPDATE ${table} SET` is still seen as one statement.
 */
export const SQL_PATTERNS = [
  ['SELECT … FROM', /\bSELECT\s[\s\S]*?\bFROM\s/],
  ['SELECT', /^\s*(\/\*[\s\S]*?\*\/\s*)?SELECT\s/],
  ['INSERT INTO', /\bINSERT\s+INTO\s/],
  ['UPDATE … SET', /\bUPDATE\s+\S+(\s+\w+)?\s+SET\s/],
  ['DELETE FROM', /\bDELETE\s+FROM\s/],
  ['WITH … AS (', /\bWITH\s+(RECURSIVE\s+)?\w+(\s*\([^)]*\))?\s+AS\s+(NOT\s+)?(MATERIALIZED\s+)?\(/],
  [
    'DDL',
    /\b(CREATE|ALTER|DROP)\s+(OR\s+REPLACE\s+|UNIQUE\s+|TEMP\s+|TEMPORARY\s+)*(TABLE|INDEX|SCHEMA|TRIGGER|FUNCTION|EXTENSION|TYPE|SEQUENCE|VIEW|DATABASE|ROLE|POLICY)\b/,
  ],
  ['TRUNCATE', /\bTRUNCATE\s+(TABLE\s+)?\w/],
  [
    'clause',
    /\b(WHERE|ORDER\s+BY|GROUP\s+BY|ON\s+CONFLICT|RETURNING|FOR\s+(NO\s+KEY\s+)?UPDATE|SKIP\s+LOCKED)\b[\s\S]*?(\$\d|\b[a-z_]+\.[a-z_]+\b|\b(AND|OR|DESC|ASC|LIMIT|DO|NOTHING|NOT)\b)/,
  ],
];

/** The first SQL shape `text` matches, or undefined. */
export function sqlShapeOf(text) {
  for (const [name, re] of SQL_PATTERNS) if (re.test(text)) return name;
  return undefined;
}

const noSqlOutsideStore = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL lives only in store files (*.store.ts) of the module that owns the table (ARCHITECTURE.md §3)' },
    schema: [],
    messages: {
      sql: "SQL ({{shape}}) outside a store file: move it into the owning module's *.store.ts and call the store function.",
    },
  },
  create(context) {
    const check = (node, text) => {
      const shape = sqlShapeOf(text);
      if (shape) context.report({ node, messageId: 'sql', data: { shape } });
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        // A tagged template (sql`…`) is still SQL; an import('…') or a type is not a literal here.
        check(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('$0'));
      },
    };
  },
};

export default {
  meta: { name: 'eslint-plugin-provisio' },
  rules: { 'no-sql-outside-store': noSqlOutsideStore },
};
