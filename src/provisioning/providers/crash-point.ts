import fs from 'node:fs';
import type { Provider } from './provider';

/**
 * Test-only crash points of real drivers (the lab has its own "kill the engine during X" fault):
 * an engine started with `PROVISIO_TEST_CRASH_AT=<point>[,<point>…]` and `PROVISIO_TEST_CRASH_FILE=<file>`
 * SIGKILLs itself when it reaches one of those points while the file exists; it removes the file first,
 * so exactly one engine dies, once. Points are `Namespace.Procedure` (after the call's platform
 * writes, before the engine journals them) and finer ones a driver names inside a procedure
 * (`Directory.CreateOrganization:ou-added`). Without the variables this is a no-op.
 */
export function crashPoint(point: string): void {
  const at = process.env.PROVISIO_TEST_CRASH_AT;
  if (!at || !at.split(',').includes(point)) return;
  const file = process.env.PROVISIO_TEST_CRASH_FILE;
  if (!file) return;
  try {
    fs.unlinkSync(file);
  } catch {
    return;
  }
  process.kill(process.pid, 'SIGKILL');
}

/** The provider with a crash point after every execute (`Namespace.Procedure`), when crash points are on. */
export function withCrashPoints(provider: Provider): Provider {
  if (!process.env.PROVISIO_TEST_CRASH_AT) return provider;
  return {
    ...provider,
    procedures: provider.procedures.map((p) => ({
      ...p,
      execute: async (input, ctx) => {
        const result = await p.execute(input, ctx);
        crashPoint(`${p.namespace}.${p.name}`);
        return result;
      },
    })),
  };
}
