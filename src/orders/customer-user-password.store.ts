import type { Sql } from '../database/sql';

/** A customer's provisioned user that can get a password: it exists on the platform (not pending or removed). */
export async function findPasswordableCustomerUser(sql: Sql, organizationId: string, alias: string): Promise<{ id: string; alias: string } | undefined> {
  const r = await sql.query<{ id: string; alias: string }>(
    `SELECT id, alias FROM customer_users WHERE organization_id = $1 AND lower(alias) = lower($2) AND state IN ('active', 'changing') LIMIT 1`,
    [organizationId, alias],
  );
  return r.rows[0];
}
