export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

/**
 * The minimal SQL handle shared code takes (stores, the audit writer, the engine journal), so the
 * same code runs inside a TypeORM transaction in the API and on a bare pg client in an engine.
 * Defined here, below the database module that implements it, so common code can take one too.
 */
export interface Sql {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each store's T; untyped callers get loose records
  query<T = Record<string, any>>(text: string, params?: unknown[]): Promise<SqlResult<T>>;
}
