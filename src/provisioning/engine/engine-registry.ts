import * as os from 'node:os';
import type { Sql } from '../../database/sql';
import { newId } from '../../common/ids';

import { PROVISIO_VERSION } from '../../common/version';
export { PROVISIO_VERSION };

/** The engines table: who is alive, heartbeating every ttl/3. */
export class EngineRegistry {
  readonly id = newId('eng');

  constructor(private readonly sql: Sql, private readonly capacity: number) {}

  async register(): Promise<void> {
    await this.sql.query(
      `INSERT INTO engines (id, host, pid, version, capacity) VALUES ($1, $2, $3, $4, $5)`,
      [this.id, os.hostname(), process.pid, PROVISIO_VERSION, this.capacity],
    );
  }

  /** Returns false when the row is gone or marked stopped (another process declared us dead). */
  async heartbeat(runsHeld: number, stepsDone: number): Promise<boolean> {
    const r = await this.sql.query(
      `UPDATE engines SET heartbeat_at = now(), runs_held = $2, steps_done = $3 WHERE id = $1 AND state <> 'stopped'`,
      [this.id, runsHeld, stepsDone],
    );
    return r.rowCount > 0;
  }

  async setState(state: 'running' | 'draining' | 'stopped'): Promise<void> {
    await this.sql.query(
      `UPDATE engines SET state = $2, stopped_at = CASE WHEN $2 = 'stopped' THEN now() ELSE stopped_at END, heartbeat_at = now() WHERE id = $1`,
      [this.id, state],
    );
  }
}
