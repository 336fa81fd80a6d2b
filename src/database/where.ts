/**
 * Builds a parameterized WHERE clause for list queries: each filter adds its placeholder and
 * value in order, so optional filters never hand-count `$n`.
 */
export class Where {
  readonly params: unknown[];
  private readonly clauses: string[];

  constructor(initial: { sql: string; params: unknown[] } = { sql: 'TRUE', params: [] }) {
    this.params = [...initial.params];
    this.clauses = [initial.sql];
  }

  /** Adds `clause(placeholder)` with `value` when the value is defined. */
  add(clause: (p: string) => string, value: unknown): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.clauses.push(clause(`$${this.params.length}`));
    return this;
  }

  /** Adds a clause over several values at once (e.g. a keyset cursor). */
  addMany(clause: (...p: string[]) => string, values: unknown[]): this {
    const names = values.map((v) => {
      this.params.push(v);
      return `$${this.params.length}`;
    });
    this.clauses.push(clause(...names));
    return this;
  }

  raw(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** The next placeholder (for LIMIT), registering its value. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get sql(): string {
    return this.clauses.join(' AND ');
  }
}
