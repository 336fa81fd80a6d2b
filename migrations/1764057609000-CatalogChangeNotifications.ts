import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes cache plan lists briefly (src/catalog/catalog-cache.ts). Any change a plan list is
 * computed from — plans, their versions, offers to resellers, the organizations tree — however it
 * is made, notifies `provisio_catalog` when it commits, and every API process drops its cache.
 */
export class CatalogChangeNotifications1764057609000 implements MigrationInterface {
  name = 'CatalogChangeNotifications1764057609000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('provisio_catalog', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    const triggers: [string, string][] = [
      ['plans', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
      ['plan_versions', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
      ['plan_availability', 'INSERT OR UPDATE OR DELETE OR TRUNCATE'],
      // A new organization owns no plan yet; moves, renames of paths and deletions matter.
      ['organizations', 'UPDATE OF path, parent_id, kind OR DELETE OR TRUNCATE'],
    ];
    for (const [table, events] of triggers) {
      await q.query(`CREATE TRIGGER ${table}_catalog_changed AFTER ${events} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['plans', 'plan_versions', 'plan_availability', 'organizations']) {
      await q.query(`DROP TRIGGER ${table}_catalog_changed ON ${table}`);
    }
    await q.query(`DROP FUNCTION catalog_changed()`);
  }
}
