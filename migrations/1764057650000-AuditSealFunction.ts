import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The runtime database role has no UPDATE on audit_events (issue 14, least privilege): the one
 * write after an insert — the sealer placing events on the hash chain — goes through this
 * function, which runs with its owner's rights and sets only seq, prev_hash and hash (the
 * append-only trigger still refuses anything else, and a second seal of an event).
 */
export class AuditSealFunction1764057650000 implements MigrationInterface {
  name = 'AuditSealFunction1764057650000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_seal_events(ids bigint[], seqs bigint[], prevs text[], hashes text[]) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        UPDATE audit_events e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
          FROM unnest(ids, seqs, prevs, hashes) AS v(id, seq, prev_hash, hash)
         WHERE e.id = v.id
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_seal_events(bigint[], bigint[], text[], text[]) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_seal_events(bigint[], bigint[], text[], text[])`);
  }
}
