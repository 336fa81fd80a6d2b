import type { Sql } from '../database/sql';

/**
 * The SQL that writes and seals `audit_events` and moves `audit_chain_head` (the list and export
 * queries are in audit-query.store.ts). Every function runs on the handle it is given: the
 * writer inside the caller's transaction, the sealer in its own.
 */

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One row of audit_events as pg returns it (bigints as strings). */
export interface AuditEventRow {
  id: string;
  seq: string | null;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_org_id: string | null;
  on_behalf_of_org_id: string | null;
  token_id: string | null;
  delegation_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  organization_id: string | null;
  organization_path: string | null;
  outcome: AuditOutcome;
  request_id: string | null;
  client_ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
}

/** A sealed row: on the chain, with its seq and hashes. */
export type SealedAuditEventRow = AuditEventRow & { seq: string; prev_hash: string; hash: string };

export type NewAuditEvent = Omit<AuditEventRow, 'id' | 'seq' | 'prev_hash' | 'hash' | 'occurred_at'> & { occurred_at: string };

/** Inserts one unsealed event (no seq, no hash); returns its id. */
export async function insertAuditEvent(sql: Sql, e: NewAuditEvent): Promise<number> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO audit_events (occurred_at, actor_user_id, actor_org_id, on_behalf_of_org_id, token_id, delegation_id,
       action, resource_type, resource_id, organization_id, organization_path, outcome, request_id, client_ip, user_agent, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [
      e.occurred_at,
      e.actor_user_id,
      e.actor_org_id,
      e.on_behalf_of_org_id,
      e.token_id,
      e.delegation_id,
      e.action,
      e.resource_type,
      e.resource_id,
      e.organization_id,
      e.organization_path,
      e.outcome,
      e.request_id,
      e.client_ip,
      e.user_agent,
      JSON.stringify(e.details),
    ],
  );
  return Number(r.rows[0].id);
}

/**
 * Inserts several unsealed events in **one statement**, in the order given: ids are drawn in that
 * order (`ORDER BY n`), and the sealer chains events by id, so the chain is the one single
 * inserts in the same order would have produced.
 */
export async function insertAuditEvents(sql: Sql, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 1) {
    await insertAuditEvent(sql, events[0]);
    return;
  }
  const col = <K extends keyof NewAuditEvent>(k: K) => events.map((e) => e[k]);
  await sql.query(
    `INSERT INTO audit_events (occurred_at, actor_user_id, actor_org_id, on_behalf_of_org_id, token_id, delegation_id,
       action, resource_type, resource_id, organization_id, organization_path, outcome, request_id, client_ip, user_agent, details)
     SELECT occurred_at, actor_user_id, actor_org_id, on_behalf_of_org_id, token_id, delegation_id,
            action, resource_type, resource_id, organization_id, organization_path, outcome, request_id, client_ip, user_agent, details::jsonb
       FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
            WITH ORDINALITY AS e(occurred_at, actor_user_id, actor_org_id, on_behalf_of_org_id, token_id, delegation_id,
                                 action, resource_type, resource_id, organization_id, organization_path, outcome, request_id, client_ip, user_agent, details, n)
      ORDER BY n`,
    [
      col('occurred_at'),
      col('actor_user_id'),
      col('actor_org_id'),
      col('on_behalf_of_org_id'),
      col('token_id'),
      col('delegation_id'),
      col('action'),
      col('resource_type'),
      col('resource_id'),
      col('organization_id'),
      col('organization_path'),
      col('outcome'),
      col('request_id'),
      col('client_ip'),
      col('user_agent'),
      events.map((e) => JSON.stringify(e.details)),
    ],
  );
}

/**
 * The materialized path of an organization, for events written without one.
 * TODO(issue 13): the organizations table is identity's; once every caller passes
 * `organizationPath` (see COORDINATION.md Requests) this read goes.
 */
export async function organizationPathOf(sql: Sql, organizationId: string): Promise<string | null> {
  const r = await sql.query<{ path: string }>('SELECT path FROM organizations WHERE id = $1', [organizationId]);
  return r.rows[0]?.path ?? null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The chain head; `lock` makes the caller the one sealer until its transaction ends. */
export async function chainHead(sql: Sql, opts: { lock?: boolean } = {}): Promise<ChainHead> {
  const r = await sql.query<{ seq: string; hash: string }>(`SELECT seq, hash FROM audit_chain_head WHERE id = 1${opts.lock ? ' FOR UPDATE' : ''}`);
  return { seq: Number(r.rows[0]?.seq ?? 0), hash: r.rows[0]?.hash };
}

/** Committed events not yet on the chain, oldest first. */
export async function unsealedEvents(sql: Sql, limit: number): Promise<AuditEventRow[]> {
  return (await sql.query<AuditEventRow>('SELECT * FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT $1', [limit])).rows;
}

export interface Seal {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/** Places events on the chain (the one UPDATE the append-only trigger allows) and moves the head to the last. */
export async function sealEvents(sql: Sql, seals: Seal[]): Promise<void> {
  // The runtime role has no UPDATE on audit_events: sealing is the owner's SECURITY DEFINER
  // function (migration AuditSealFunction), which sets these three columns and nothing else.
  await sql.query('SELECT audit_seal_events($1::bigint[], $2::bigint[], $3::text[], $4::text[])', [
    seals.map((s) => s.id),
    seals.map((s) => s.seq),
    seals.map((s) => s.prevHash),
    seals.map((s) => s.hash),
  ]);
  const last = seals[seals.length - 1];
  await sql.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [last.seq, last.hash]);
}

/** Sealed events with seq in (after, upTo], in seq order. */
export async function sealedEventsAfter(sql: Sql, after: number, upTo: number, limit: number): Promise<SealedAuditEventRow[]> {
  return (await sql.query<SealedAuditEventRow>('SELECT * FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3', [after, upTo, limit])).rows;
}

/** The hash of the event at `seq`, if there is one. */
export async function hashAt(sql: Sql, seq: number): Promise<string | null> {
  return (await sql.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = $1', [seq])).rows[0]?.hash ?? null;
}
