import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764057600000 implements MigrationInterface {
  name = 'Foundation1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE engines (
        id            text PRIMARY KEY,
        host          text NOT NULL,
        pid           integer NOT NULL,
        version       text NOT NULL,
        started_at    timestamptz NOT NULL DEFAULT now(),
        heartbeat_at  timestamptz NOT NULL DEFAULT now(),
        stopped_at    timestamptz,
        state         text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'draining', 'stopped')),
        capacity      integer NOT NULL DEFAULT 0,
        runs_held     integer NOT NULL DEFAULT 0,
        steps_done    bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX engines_heartbeat_idx ON engines (heartbeat_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE engines`);
  }
}
