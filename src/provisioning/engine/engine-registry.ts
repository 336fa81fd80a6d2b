import * as os from 'node:os';
import type { Sql } from '../../database/sql';
import { newId } from '../../common/ids';

import { PROVISIO_VERSION } from '../../common/version';
export { PROVISIO_VERSION };

/** The engines table: who is alive (the Engine's heartbeat statement keeps `heartbeat_at`, `runs_held` and `steps_done` current). */
export class EngineRegistry {
  readonly id = newId('eng');

  constructor(private readonly sql: Sql, private readonly capacity: number) {}

  async register(): Promise<void> {
    await this.sql.query(
      `INSERT INTO engines (id, host, pid, version, capacity) VALUES ($1, $2, $3, $4, $5)`,
      [this.id, os.hostname(), process.pid, PROVISIO_VERSION, this.capacity],
    );
  }

  async setState(state: 'running' | 'draining' | 'stopped'): Promise<void> {
    await this.sql.query(
      `UPDATE engines SET state = $2, stopped_at = CASE WHEN $2 = 'stopped' THEN now() ELSE stopped_at END, heartbeat_at = now() WHERE id = $1`,
      [this.id, state],
    );
  }
}
