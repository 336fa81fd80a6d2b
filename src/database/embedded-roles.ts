import { Client } from 'pg';

/** The roles the embedded PostgreSQL creates (issue 14): migrations own, the application runs. */
export const EMBEDDED_OWNER = 'provisio_owner';
export const EMBEDDED_RUNTIME = 'provisio_app';

export interface RolePasswords {
  owner: string;
  runtime: string;
}

export interface AdminConnection {
  port: number;
  user: string;
  password: string;
}

function connect(admin: AdminConnection, database: string): Client {
  const c = new Client({ host: '127.0.0.1', port: admin.port, user: admin.user, password: admin.password, database });
  c.on('error', () => undefined);
  return c;
}

async function ensureRole(c: Client, name: string, password: string): Promise<void> {
  const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const verb = exists.rowCount ? 'ALTER' : 'CREATE';
  await c.query(
    `${verb} ROLE ${c.escapeIdentifier(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${c.escapeLiteral(password)}`,
  );
}

/**
 * Hands every object of the application's schemas to the owner role: a data directory created
 * before the roles existed has them owned by the bootstrap superuser, and later migrations run as
 * the owner must be able to alter them. Sequences of identity/serial columns follow their table.
 */
const TRANSFER_OWNERSHIP = `
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT n.nspname FROM pg_namespace n
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'public') AND n.nspowner <> '${EMBEDDED_OWNER}'::regrole LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO ${EMBEDDED_OWNER}', r.nspname);
  END LOOP;
  FOR r IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
              AND c.relowner <> '${EMBEDDED_OWNER}'::regrole
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${EMBEDDED_OWNER}',
      CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.rel);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND p.proowner <> '${EMBEDDED_OWNER}'::regrole LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO ${EMBEDDED_OWNER}', r.fn);
  END LOOP;
END $$`;

/**
 * Creates (or updates) the owner and runtime roles of an embedded cluster, makes the owner own
 * the database and everything in it — also in a data directory made before the roles existed.
 * Grants to the runtime role follow each migrate (database-roles.ts).
 */
export async function ensureEmbeddedRoles(admin: AdminConnection, database: string, passwords: RolePasswords): Promise<void> {
  const c = connect(admin, 'postgres');
  await c.connect();
  try {
    await ensureRole(c, EMBEDDED_OWNER, passwords.owner);
    await ensureRole(c, EMBEDDED_RUNTIME, passwords.runtime);
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    const db = c.escapeIdentifier(database);
    if (!exists.rowCount) await c.query(`CREATE DATABASE ${db} OWNER ${EMBEDDED_OWNER}`);
    else await c.query(`ALTER DATABASE ${db} OWNER TO ${EMBEDDED_OWNER}`);
  } finally {
    await c.end();
  }
  const d = connect(admin, database);
  await d.connect();
  try {
    await d.query(TRANSFER_OWNERSHIP);
    // PostgreSQL 15+ already gives PUBLIC no CREATE on schema public; older data directories did.
    await d.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  } finally {
    await d.end();
  }
}
