import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1764057600500 implements MigrationInterface {
  name = 'AuditTrail1764057600500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        seq                  bigint PRIMARY KEY,
        occurred_at          timestamptz NOT NULL,
        actor_user_id        text,
        actor_org_id         text,
        on_behalf_of_org_id  text,
        token_id             text,
        delegation_id        text,
        action               text NOT NULL,
        resource_type        text,
        resource_id          text,
        organization_id      text,
        organization_path    text,
        outcome              text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        request_id           text,
        client_ip            text,
        user_agent           text,
        details              jsonb NOT NULL DEFAULT '{}'::jsonb,
        prev_hash            text NOT NULL,
        hash                 text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_chain_head (
        id    integer PRIMARY KEY CHECK (id = 1),
        seq   bigint NOT NULL,
        hash  text NOT NULL
      )`);
    await q.query(`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    // Auditor queries: newest first, scoped by subtree, filtered by actor/action/resource.
    await q.query(`CREATE INDEX audit_events_org_path_idx ON audit_events (organization_path text_pattern_ops, seq DESC)`);
    await q.query(`CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC, seq DESC)`);
    await q.query(`CREATE INDEX audit_events_actor_user_idx ON audit_events (actor_user_id, seq DESC) WHERE actor_user_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_events_actor_org_idx ON audit_events (actor_org_id, seq DESC) WHERE actor_org_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_events_behalf_idx ON audit_events (on_behalf_of_org_id, seq DESC) WHERE on_behalf_of_org_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_events_delegation_idx ON audit_events (delegation_id, seq DESC) WHERE delegation_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_events_action_idx ON audit_events (action text_pattern_ops, seq DESC)`);
    await q.query(`CREATE INDEX audit_events_resource_idx ON audit_events (resource_type, resource_id, seq DESC)`);
    await q.query(`CREATE INDEX audit_events_request_idx ON audit_events (request_id) WHERE request_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
  }
}
