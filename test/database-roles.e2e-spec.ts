import { Client, Pool } from 'pg';
import { sealWithPool } from '../src/audit/audit-sealer';
import { warnIfPrivilegedRole } from '../src/database/database-roles';
import { EMBEDDED_OWNER, ensureEmbeddedRoles } from '../src/database/embedded-roles';
import { runMigrations } from '../src/database/migrate';
import { sqlOfPg } from '../src/database/sql';
import { createTestDatabase, type TestDatabase } from './helpers/database';

/** Issue 14, item 5: the API and engines connect as a role that cannot rewrite history. */
describe('least-privilege database roles', () => {
  let db: TestDatabase;
  let runtime: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = new Client({ connectionString: db.url });
    await runtime.connect();
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    // One sealed event to aim at.
    await admin.query(`INSERT INTO audit_events (occurred_at, action, outcome) VALUES (now(), 'test.event', 'success')`);
    await admin.end();
  });

  afterAll(async () => {
    await runtime.end();
    await db.drop();
  });

  it('refuses, as the runtime role, every way around the append-only audit trail', async () => {
    await expect(runtime.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(runtime.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`)).rejects.toThrow(/must be owner/);
    await expect(runtime.query(`ALTER TABLE organizations ADD COLUMN x text`)).rejects.toThrow(/must be owner/);
    await expect(runtime.query(`CREATE TABLE sneaky (id int)`)).rejects.toThrow(/permission denied/);
    await expect(runtime.query(`TRUNCATE audit_events`)).rejects.toThrow(/permission denied/);
    await expect(runtime.query(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow(/permission denied/);
    await expect(runtime.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
    await expect(runtime.query(`DROP TABLE audit_events`)).rejects.toThrow(/must be owner/);
    const count = await runtime.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.event'`);
    expect(count.rows[0].n).toBe(1);
  });

  it('lets the runtime role append and seal events (what the application does)', async () => {
    const pool = new Pool({ connectionString: db.url, max: 1 });
    try {
      await pool.query(`INSERT INTO audit_events (occurred_at, action, outcome) VALUES (now(), 'test.appended', 'success')`);
      expect(await sealWithPool(pool)).toBeGreaterThanOrEqual(1);
      const unsealed = await pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE seq IS NULL`);
      expect(unsealed.rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('warns at start-up about a superuser or the audit table owner, and not about the runtime role', async () => {
    const messages: string[] = [];
    const log = { error: (_: object, msg: string) => void messages.push(msg), warn: (_: object, msg: string) => void messages.push(msg) };
    for (const url of [db.url, db.ownerUrl, db.adminUrl]) {
      const pool = new Pool({ connectionString: url, max: 1 });
      try {
        await warnIfPrivilegedRole(sqlOfPg(pool), log);
      } finally {
        await pool.end();
      }
    }
    expect(messages).toEqual([expect.stringMatching(/"provisio_owner" owns audit_events/), expect.stringMatching(/"postgres" is a SUPERUSER/)]);
  });

  it('hands objects of an older data directory (owned by the bootstrap superuser) to the owner role', async () => {
    const legacy = await createTestDatabase();
    const admin = new Client({ connectionString: legacy.adminUrl });
    await admin.connect();
    try {
      await admin.query(`ALTER TABLE audit_events OWNER TO postgres`);
      await admin.query(`ALTER TABLE lab.directory_ous OWNER TO postgres`);
      await admin.query(`ALTER SCHEMA lab OWNER TO postgres`);
      await admin.query(`ALTER FUNCTION audit_seal_events(bigint[], bigint[], text[], text[]) OWNER TO postgres`);
      const a = new URL(legacy.adminUrl);
      // The same passwords the running cluster already has: only ownership changes.
      const passwords = { owner: decodeURIComponent(new URL(legacy.ownerUrl).password), runtime: decodeURIComponent(new URL(legacy.url).password) };
      await ensureEmbeddedRoles({ port: Number(a.port), user: 'postgres', password: decodeURIComponent(a.password) }, legacy.name, passwords);
      const owners = await admin.query(
        `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'lab') AND c.relkind IN ('r', 'p', 'S')`,
      );
      expect(owners.rows.map((r) => r.owner)).toEqual([EMBEDDED_OWNER]);
      await runMigrations(legacy.ownerUrl, { runtimeRole: 'provisio_app' });
    } finally {
      await admin.end();
      await legacy.drop();
    }
  });
});
