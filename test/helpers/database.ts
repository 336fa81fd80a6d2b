import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  url: string;
  /** Superuser URL of the same database (tamper tests, trigger games). */
  adminUrl: string;
  drop(): Promise<void>;
}

function adminUrl(): URL {
  const url = process.env.PROVISIO_TEST_ADMIN_URL;
  if (!url) throw new Error('PROVISIO_TEST_ADMIN_URL is not set: tests must run through jest (global setup starts PostgreSQL)');
  return new URL(url);
}

/** A fresh database cloned from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl().toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.PROVISIO_TEST_TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const u = adminUrl();
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    adminUrl: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl().toString() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
