import type { Pool } from 'pg';
import { type AuditRecord, auditHash } from '../../src/audit/audit-hash';
import { sealWithPool } from '../../src/audit/audit-sealer';

export interface BulkEventsOptions {
  count: number;
  /** Organization the events concern (its id and materialized path); none when omitted. */
  org?: { id: string; path: string };
  action?: (i: number) => string;
  batch?: number;
}

/**
 * Appends `count` valid events to the chain fast: hashes computed in JS with the real
 * `auditHash`, rows inserted with `unnest` in big batches, the chain head moved at the end, all in
 * one transaction holding the head lock (so the real writer waits, and the chain stays whole).
 */
export async function appendBulkEvents(pool: Pool, opts: BulkEventsOptions): Promise<{ firstSeq: number; lastSeq: number }> {
  // Events already written are sealed first, so the bulk events extend the chain right after them.
  await sealWithPool(pool);
  const client = await pool.connect();
  const batch = opts.batch ?? 5000;
  try {
    await client.query('BEGIN');
    const head = (await client.query('SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE')).rows[0];
    let seq = Number(head.seq);
    let prev: string = head.hash;
    const firstSeq = seq + 1;
    const start = Date.now();
    for (let done = 0; done < opts.count;) {
      const n = Math.min(batch, opts.count - done);
      const cols = {
        seq: [] as number[],
        at: [] as string[],
        action: [] as string[],
        orgId: [] as (string | null)[],
        orgPath: [] as (string | null)[],
        details: [] as string[],
        prev: [] as string[],
        hash: [] as string[],
      };
      for (let k = 0; k < n; k++) {
        seq++;
        const i = done + k;
        const rec: AuditRecord = {
          seq,
          occurredAt: new Date(start + i).toISOString(),
          actorUserId: null,
          actorOrgId: null,
          onBehalfOfOrgId: null,
          tokenId: null,
          delegationId: null,
          action: opts.action?.(i) ?? 'bulk.generated',
          resourceType: 'bulk',
          resourceId: `bulk-${i}`,
          organizationId: opts.org?.id ?? null,
          organizationPath: opts.org?.path ?? null,
          outcome: 'success',
          requestId: null,
          clientIp: null,
          userAgent: null,
          details: {
            i,
            note: 'generated for an export test, with a little padding to look like a real change record',
            before: { name: `old name ${i}` },
            after: { name: `new name ${i}` },
          },
        };
        const hash = auditHash(prev, rec);
        cols.seq.push(seq);
        cols.at.push(rec.occurredAt);
        cols.action.push(rec.action);
        cols.orgId.push(rec.organizationId);
        cols.orgPath.push(rec.organizationPath);
        cols.details.push(JSON.stringify(rec.details));
        cols.prev.push(prev);
        cols.hash.push(hash);
        prev = hash;
      }
      await client.query(
        `INSERT INTO audit_events (seq, occurred_at, action, resource_type, resource_id, organization_id, organization_path, outcome, details, prev_hash, hash)
         SELECT s, a, act, 'bulk', 'bulk-' || (s - $9::bigint), oid, op, 'success', d::jsonb, p, h
           FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(s, a, act, oid, op, d, p, h)`,
        [cols.seq, cols.at, cols.action, cols.orgId, cols.orgPath, cols.details, cols.prev, cols.hash, firstSeq],
      );
      done += n;
    }
    await client.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [seq, prev]);
    await client.query('COMMIT');
    return { firstSeq, lastSeq: seq };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
