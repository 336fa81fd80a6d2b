import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provisioning runs and their transaction log (ARCHITECTURE.md §5).
 *
 * `provisioning_runs` holds one executing request: its compiled program, its machine state (the
 * cursor), the lease (owner, epoch, expiry) engines claim and fence on, and its outcome.
 * `provisioning_steps` is the journal: one row per finished attempt of a step or of a rollback,
 * written once (in the same statement that advances the run) and never updated.
 */
export class ProvisioningRuns1764057603000 implements MigrationInterface {
  name = 'ProvisioningRuns1764057603000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE provisioning_runs (
        id                  text PRIMARY KEY,
        seq                 bigserial NOT NULL,
        status              text NOT NULL CHECK (status IN ('queued', 'running', 'compensating', 'completed', 'failed', 'needs_attention', 'parked', 'cancelled', 'resolved')),
        kind                text NOT NULL CHECK (kind IN ('trusted', 'simple')),
        on_failure          text NOT NULL DEFAULT 'rollback' CHECK (on_failure IN ('rollback', 'park')),
        priority            integer NOT NULL DEFAULT 100,
        serialization_key   text,
        lease_owner         text,
        lease_epoch         integer NOT NULL DEFAULT 0,
        lease_expires_at    timestamptz,
        not_before          timestamptz NOT NULL DEFAULT now(),
        attempts            integer NOT NULL DEFAULT 0,
        step_in_doubt       boolean NOT NULL DEFAULT false,
        step_count          integer NOT NULL DEFAULT 0,
        claims              integer NOT NULL DEFAULT 0,
        program             jsonb NOT NULL,
        initial_state       jsonb NOT NULL,
        state               jsonb NOT NULL,
        request_xml         text NOT NULL,
        response_xml        text,
        error               jsonb,
        organization_id     text REFERENCES organizations (id),
        organization_path   text,
        order_id            text,
        created_by_user_id  text REFERENCES users (id),
        created_by_org_id   text REFERENCES organizations (id),
        namespace_versions  jsonb NOT NULL DEFAULT '{}'::jsonb,
        parked_reason       text,
        resolution_reason   text,
        resolved_by_user_id text REFERENCES users (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        started_at          timestamptz,
        finished_at         timestamptz,
        CHECK (attempts >= 0 AND step_count >= 0 AND lease_epoch >= 0)
      ) WITH (fillfactor = 70)`);
    // The per-step UPDATE touches no indexed column, so it stays a HOT update (fillfactor above).
    await q.query(`CREATE UNIQUE INDEX provisioning_runs_seq_uq ON provisioning_runs (seq)`);
    // The claim query walks runnable runs in priority order.
    await q.query(`CREATE INDEX provisioning_runs_claim_idx ON provisioning_runs (priority, seq) WHERE status IN ('queued', 'running', 'compensating')`);
    // "Is there an earlier unfinished run with my key?" (parked / needs_attention block their key too).
    await q.query(`
      CREATE INDEX provisioning_runs_key_idx ON provisioning_runs (serialization_key, seq)
        WHERE serialization_key IS NOT NULL AND status IN ('queued', 'running', 'compensating', 'parked', 'needs_attention')`);
    await q.query(`CREATE INDEX provisioning_runs_status_idx ON provisioning_runs (status, seq DESC)`);
    await q.query(`CREATE INDEX provisioning_runs_org_path_idx ON provisioning_runs (organization_path text_pattern_ops, seq DESC)`);
    await q.query(`CREATE INDEX provisioning_runs_org_idx ON provisioning_runs (organization_id, seq DESC)`);
    await q.query(`CREATE INDEX provisioning_runs_created_idx ON provisioning_runs (created_at DESC, seq DESC)`);
    await q.query(`CREATE INDEX provisioning_runs_order_idx ON provisioning_runs (order_id) WHERE order_id IS NOT NULL`);
    await q.query(`CREATE INDEX provisioning_runs_lease_owner_idx ON provisioning_runs (lease_owner) WHERE lease_owner IS NOT NULL`);
    await q.query(`CREATE INDEX provisioning_runs_created_by_user_idx ON provisioning_runs (created_by_user_id) WHERE created_by_user_id IS NOT NULL`);
    await q.query(`CREATE INDEX provisioning_runs_created_by_org_idx ON provisioning_runs (created_by_org_id) WHERE created_by_org_id IS NOT NULL`);
    await q.query(`CREATE INDEX provisioning_runs_resolved_by_idx ON provisioning_runs (resolved_by_user_id) WHERE resolved_by_user_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE provisioning_steps (
        run_id           text NOT NULL REFERENCES provisioning_runs (id) ON DELETE CASCADE,
        seq              integer NOT NULL,
        phase            text NOT NULL CHECK (phase IN ('execute', 'rollback')),
        pc               integer NOT NULL,
        path             text NOT NULL,
        namespace        text NOT NULL,
        procedure        text NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('read', 'write')),
        natural_key      text,
        status           text NOT NULL CHECK (status IN ('completed', 'failed')),
        outcome_unknown  boolean NOT NULL DEFAULT false,
        retryable        boolean,
        compensates_seq  integer,
        attempt          integer NOT NULL,
        engine_id        text NOT NULL,
        lease_epoch      integer NOT NULL,
        input            jsonb,
        output           jsonb,
        rollback_data    jsonb,
        error            jsonb,
        started_at       timestamptz NOT NULL,
        finished_at      timestamptz NOT NULL,
        duration_ms      double precision NOT NULL,
        PRIMARY KEY (run_id, seq)
      )`);
    // A finished step is history: the journal is insert-only.
    await q.query(`
      CREATE FUNCTION provisioning_steps_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'provisioning_steps is a journal: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER provisioning_steps_no_update BEFORE UPDATE ON provisioning_steps FOR EACH ROW EXECUTE FUNCTION provisioning_steps_insert_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE provisioning_steps`);
    await q.query(`DROP FUNCTION provisioning_steps_insert_only()`);
    await q.query(`DROP TABLE provisioning_runs`);
  }
}
