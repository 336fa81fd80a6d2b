import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed audit checkpoints (ACCESS.md §5): every so often the installation signs (last seq, last
 * hash, time) of the audit chain with its Ed25519 key, so an auditor can verify an export offline
 * without trusting the server. Checkpoints and the public keys that signed them are append-only,
 * like the events themselves.
 */
export class AuditCheckpoints1764057606000 implements MigrationInterface {
  name = 'AuditCheckpoints1764057606000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_signing_keys (
        key_id          text PRIMARY KEY,
        algorithm       text NOT NULL DEFAULT 'Ed25519' CHECK (algorithm = 'Ed25519'),
        public_key_raw  text NOT NULL,
        public_key_pem  text NOT NULL,
        first_used_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE audit_checkpoints (
        id                  text PRIMARY KEY,
        last_seq            bigint NOT NULL CHECK (last_seq > 0),
        last_hash           text NOT NULL,
        created_at          timestamptz NOT NULL,
        key_id              text NOT NULL REFERENCES audit_signing_keys (key_id),
        signature           text NOT NULL,
        reason              text NOT NULL CHECK (reason IN ('events', 'interval', 'manual')),
        created_by_user_id  text
      )`);
    // One checkpoint per chain position; listing is newest first by seq.
    await q.query(`CREATE UNIQUE INDEX audit_checkpoints_seq_uq ON audit_checkpoints (last_seq)`);
    await q.query(`CREATE INDEX audit_checkpoints_key_idx ON audit_checkpoints (key_id)`);

    await q.query(`
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_checkpoints', 'audit_signing_keys']) {
      await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_append_only()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
    }

    // Auditor queries filter by outcome (denied and failed events are the rare, interesting ones)
    // and page by seq: a partial index keeps "outcome=denied, newest first" an index walk.
    await q.query(`CREATE INDEX audit_events_unsuccessful_idx ON audit_events (outcome, seq DESC) WHERE outcome <> 'success'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_unsuccessful_idx`);
    await q.query(`DROP TABLE audit_checkpoints`);
    await q.query(`DROP TABLE audit_signing_keys`);
    await q.query(`DROP FUNCTION audit_append_only()`);
  }
}
