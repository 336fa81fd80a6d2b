import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog keeps the subscriber's materialized path on its subscription (as orders and runs
 * already do), so the quota ledger finds the reseller pools above a subscription, a reseller's
 * subtree and the path of its audit events without reading identity's `organizations` table.
 * A path is made of ids and never changes once the organization exists.
 */
export class SubscriptionOrganizationPath1764057630000 implements MigrationInterface {
  name = 'SubscriptionOrganizationPath1764057630000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subscriptions ADD COLUMN organization_path text`);
    await q.query(`UPDATE subscriptions s SET organization_path = o.path FROM organizations o WHERE o.id = s.organization_id`);
    await q.query(`ALTER TABLE subscriptions ALTER COLUMN organization_path SET NOT NULL`);
    // A reseller's subtree (pool creation) is a prefix search on the path.
    await q.query(`CREATE INDEX subscriptions_organization_path_idx ON subscriptions (organization_path text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX subscriptions_organization_path_idx`);
    await q.query(`ALTER TABLE subscriptions DROP COLUMN organization_path`);
  }
}
