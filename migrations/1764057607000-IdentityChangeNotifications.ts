import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes cache resolved tokens for at most 5 s (ACCESS.md §3). Any change that can take
 * rights away — however it is made: API, CLI, another process, an operator's SQL — notifies
 * `provisio_identity`, and every API process drops its cache when the change commits.
 */
export class IdentityChangeNotifications1764057607000 implements MigrationInterface {
  name = 'IdentityChangeNotifications1764057607000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION identity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('provisio_identity', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    const triggers: [string, string][] = [
      ['tokens', 'UPDATE OF revoked_at, expires_at, roles, user_id, organization_id OR DELETE'],
      ['users', 'UPDATE OF status, organization_id OR DELETE'],
      ['role_assignments', 'INSERT OR UPDATE OR DELETE'],
      ['delegations', 'UPDATE OF status, ends_at, roles OR DELETE'],
      ['organizations', 'UPDATE OF status, path, parent_id OR DELETE'],
    ];
    for (const [table, events] of triggers) {
      await q.query(`CREATE TRIGGER ${table}_identity_changed AFTER ${events} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION identity_changed()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['tokens', 'users', 'role_assignments', 'delegations', 'organizations']) {
      await q.query(`DROP TRIGGER ${table}_identity_changed ON ${table}`);
    }
    await q.query(`DROP FUNCTION identity_changed()`);
  }
}
