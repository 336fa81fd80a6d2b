import type { Sql } from './sql';

/**
 * Least-privilege database roles (issue 14): migrations run as the owner role, which owns every
 * table; the API and engines run as the runtime role, which owns nothing, cannot run DDL, is no
 * superuser (so it cannot `SET session_replication_role` or disable the audit triggers), and may
 * only SELECT and INSERT on `audit_events` (sealing goes through `audit_seal_events`, a
 * SECURITY DEFINER function of the owner that only places events on the chain).
 */

/** The schemas whose tables the runtime role reads and writes. */
export const APP_SCHEMAS = ['public', 'lab'] as const;

/** Tables the runtime role may not UPDATE, DELETE or TRUNCATE (append-only history). */
const APPEND_ONLY = ['audit_events', 'audit_checkpoints', 'audit_signing_keys'];

function ident(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * Grants the runtime role what the application needs on everything the owner created, and the
 * same on what later migrations create (default privileges). Idempotent: runs after every migrate.
 */
export async function grantRuntimeAccess(sql: Sql, runtimeRole: string): Promise<void> {
  const role = ident(runtimeRole);
  const schemas = APP_SCHEMAS.map(ident).join(', ');
  await sql.query(`GRANT USAGE ON SCHEMA ${schemas} TO ${role}`);
  await sql.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schemas} TO ${role}`);
  await sql.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schemas} TO ${role}`);
  await sql.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schemas} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
  await sql.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schemas} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role}`);
  for (const table of APPEND_ONLY) {
    await sql.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${ident(table)} FROM ${role}`);
  }
  // Migration bookkeeping is the owner's: the runtime role only reads it (pending-migration check).
  await sql.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${role}`);
  await sql.query(`GRANT EXECUTE ON FUNCTION audit_seal_events(bigint[], bigint[], text[], text[]) TO ${role}`);
}

export interface RuntimeRoleReport {
  role: string;
  superuser: boolean;
  ownsAuditTable: boolean;
  mayChangeAudit: boolean;
}

/** What the connected role may do that the runtime role never should. */
export async function inspectRuntimeRole(sql: Sql): Promise<RuntimeRoleReport> {
  const r = await sql.query<RuntimeRoleReport>(
    `SELECT current_user AS role,
            r.rolsuper AS superuser,
            coalesce(pg_has_role(c.relowner, 'USAGE'), false) AS "ownsAuditTable",
            coalesce(has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE'), false) AS "mayChangeAudit"
       FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('public.audit_events')
      WHERE r.rolname = current_user`,
  );
  return r.rows[0];
}

/** The warnings an operator must see at start-up when the runtime role has more power than it needs. */
export function runtimeRoleWarnings(report: RuntimeRoleReport): string[] {
  const out: string[] = [];
  const hint = 'connect the API and engines as a runtime role (DATABASE_URL) and run migrations as the owner (DATABASE_OWNER_URL); see README "Database roles"';
  if (report.superuser) out.push(`the runtime database role "${report.role}" is a SUPERUSER: it can disable the audit triggers and rewrite history; ${hint}`);
  // A superuser is a member of every role, so it "owns" everything: its one warning says enough.
  if (report.superuser) return out;
  if (report.ownsAuditTable) out.push(`the runtime database role "${report.role}" owns audit_events: it can alter or drop the audit trail; ${hint}`);
  else if (report.mayChangeAudit) out.push(`the runtime database role "${report.role}" may UPDATE, DELETE or TRUNCATE audit_events; ${hint}`);
  return out;
}

/**
 * Start-up check of the API and engines: logs, at error level so nobody misses it, each power the
 * runtime role has and should not. Never fails the start (single-role deployments keep working).
 */
export async function warnIfPrivilegedRole(sql: Sql, log: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void }): Promise<string[]> {
  let warnings: string[];
  try {
    warnings = runtimeRoleWarnings(await inspectRuntimeRole(sql));
  } catch (err) {
    // An engine restarted during a database failover must not die of its own advisory check.
    log.warn(
      { security: 'database-role', err: err instanceof Error ? err.message : String(err) },
      'could not inspect the runtime role (database unreachable?); check skipped',
    );
    return [];
  }
  for (const w of warnings) log.error({ security: 'database-role' }, `SECURITY WARNING: ${w}`);
  return warnings;
}
