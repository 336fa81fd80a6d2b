import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: (1) a token a reseller issues to a customer user through a delegated token remembers
 * that delegation (`issued_under_delegation_id`) and stops working when the delegation is revoked
 * or ends; (2) an organization remembers which organization suspended it
 * (`suspended_by_org_id`), so only that organization or one above it may resume it.
 */
export class DelegationIssuedTokens1764057660000 implements MigrationInterface {
  name = 'DelegationIssuedTokens1764057660000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tokens ADD COLUMN issued_under_delegation_id text REFERENCES delegations (id)`);
    await q.query(`CREATE INDEX tokens_issued_under_delegation_idx ON tokens (issued_under_delegation_id) WHERE issued_under_delegation_id IS NOT NULL`);
    await q.query(`ALTER TABLE organizations ADD COLUMN suspended_by_org_id text REFERENCES organizations (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations DROP COLUMN suspended_by_org_id`);
    await q.query(`ALTER TABLE tokens DROP COLUMN issued_under_delegation_id`);
  }
}
