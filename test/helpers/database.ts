import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  /** As the runtime role (what the API and engines connect as: no DDL, append-only audit). */
  url: string;
  /** As the owner role (migrations; test tables the runtime role may then use). */
  ownerUrl: string;
  /** Superuser URL of the same database (tamper tests, trigger games). */
  adminUrl: string;
  drop(): Promise<void>;
}

function adminUrl(): URL {
  const url = process.env.PROVISIO_TEST_ADMIN_URL;
  if (!url) throw new Error('PROVISIO_TEST_ADMIN_URL is not set: tests must run through jest (global setup starts PostgreSQL)');
  return new URL(url);
}

function withDatabase(variable: string, name: string): string {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set: tests must run through jest (global setup starts PostgreSQL)`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database cloned from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl().toString() });
  await admin.connect();
  try {
    // Owned by the owner role, as the embedded database is: it may create test tables in public.
    const owner = decodeURIComponent(new URL(withDatabase('PROVISIO_TEST_OWNER_URL', name)).username);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.PROVISIO_TEST_TEMPLATE_DB} OWNER "${owner}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase('PROVISIO_TEST_RUNTIME_URL', name),
    ownerUrl: withDatabase('PROVISIO_TEST_OWNER_URL', name),
    adminUrl: withDatabase('PROVISIO_TEST_ADMIN_URL', name),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl().toString() });
      await c.connect();
      try {
        // pg-pool's end() resolves before its connections have closed: a FORCE drop right away
        // terminates backends that are still saying goodbye, and their "terminating connection"
        // reaches an ended client whose pool has no listener left (an uncaught error in whatever
        // test runs next). Let the closing connections go first; FORCE only for real leftovers.
        // Whatever is still connected after that was never closed: a leak, reported as a failure.
        const deadline = Date.now() + 3000;
        let left: { application_name: string; state: string }[] = [];
        do {
          left = (await c.query('SELECT application_name, state FROM pg_stat_activity WHERE datname = $1', [name])).rows;
          if (left.length) await new Promise((r) => setTimeout(r, 20));
        } while (left.length && Date.now() < deadline);
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        if (left.length) {
          const who = left.map((l) => `${l.application_name || '(no application_name)'} (${l.state})`).join(', ');
          throw new Error(`connections to ${name} left open after the test closed everything: ${who}`);
        }
      } finally {
        await c.end();
      }
    },
  };
}
