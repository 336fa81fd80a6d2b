import type { Sql } from '../../database/sql';
import { RunHookRegistry } from './run-hooks';
import type { RunRow } from './run-row';

const sql = {} as Sql;
const run = (id: string, status: RunRow['status']) => ({ id, status }) as RunRow;
const change = { previousStatus: 'queued' as const, actor: { system: 'engine:eng_test' } };

describe('RunHookRegistry.fireMany', () => {
  it("calls a hook's batch form once for several runs, and the single form per run otherwise", async () => {
    const hooks = new RunHookRegistry();
    const calls: string[] = [];
    hooks.onStatus(
      (_sql, r) => void calls.push(`one:${r.id}`),
      (_sql, changes) => void calls.push(`many:${changes.map((c) => c.run.id).join(',')}`),
    );
    hooks.onStatus((_sql, r) => void calls.push(`plain:${r.id}`));
    hooks.onTerminal((_sql, r) => void calls.push(`terminal:${r.id}`));
    await hooks.fireMany(sql, [
      { run: run('a', 'running'), change },
      { run: run('b', 'running'), change },
      { run: run('c', 'completed'), change },
    ]);
    expect(calls).toEqual(['many:a,b', 'plain:a', 'plain:b', 'terminal:c']);
  });

  it('uses the single form for one run, and does nothing for none', async () => {
    const hooks = new RunHookRegistry();
    const calls: string[] = [];
    hooks.onStatus(
      (_sql, r) => void calls.push(`one:${r.id}`),
      () => void calls.push('many'),
    );
    await hooks.fireMany(sql, []);
    await hooks.fireMany(sql, [{ run: run('a', 'running'), change }]);
    expect(calls).toEqual(['one:a']);
  });

  it('stops at the first hook that throws (the caller rolls the transaction back)', async () => {
    const hooks = new RunHookRegistry();
    hooks.onStatus(
      () => undefined,
      () => {
        throw new Error('refused');
      },
    );
    await expect(
      hooks.fireMany(sql, [
        { run: run('a', 'running'), change },
        { run: run('b', 'running'), change },
      ]),
    ).rejects.toThrow('refused');
  });
});
