import * as os from 'node:os';
import { newId } from '../../common/ids';
import { PROVISIO_VERSION } from '../../common/version';
import type { Sql } from '../../database/sql';
import { type EngineState, registerEngine, setEngineState } from './engines.store';

/** This engine's row in the engines table: its id, registration and state changes. */
export class EngineRegistry {
  readonly id = newId('eng');

  constructor(
    private readonly sql: Sql,
    private readonly capacity: number,
  ) {}

  register(): Promise<void> {
    return registerEngine(this.sql, { id: this.id, host: os.hostname(), pid: process.pid, version: PROVISIO_VERSION, capacity: this.capacity });
  }

  setState(state: EngineState): Promise<void> {
    return setEngineState(this.sql, this.id, state);
  }
}
