import { EVERYTHING, subtree } from '../access/tenant-scope';
import { actionMatcher, auditWhere, pageQuery, seqRangeQuery } from './audit-query.store';

describe('audit query building', () => {
  it('turns action prefixes into escaped LIKE patterns', () => {
    expect(actionMatcher('order.placed')).toEqual({ op: '=', value: 'order.placed' });
    expect(actionMatcher('order.')).toEqual({ op: 'LIKE', value: 'order.%' });
    expect(actionMatcher('order.*')).toEqual({ op: 'LIKE', value: 'order.%' });
    expect(actionMatcher('run_x*')).toEqual({ op: 'LIKE', value: 'run\\_x%' });
  });

  it('numbers parameters after the scope and adds every filter', () => {
    const w = auditWhere({
      scope: subtree('/org_h/'),
      filters: {
        from: '2026-01-01T00:00:00Z',
        to: '2026-02-01T00:00:00Z',
        actorUser: 'usr_a',
        actorOrganization: 'org_b',
        onBehalfOf: 'org_c',
        delegation: 'dlg_d',
        action: 'user.',
        resourceType: 'user',
        resourceId: 'usr_e',
        outcome: 'denied',
        requestId: 'req-1',
      },
      subtreePath: '/org_h/org_r/',
      seqRange: { lo: 10, hi: 20 },
    });
    expect(w.params).toEqual([
      '/org\\_h/%',
      '/org\\_h/org\\_r/%',
      10,
      20,
      '2026-01-01T00:00:00Z',
      '2026-02-01T00:00:00Z',
      'usr_a',
      'org_b',
      'org_c',
      'dlg_d',
      'user.%',
      'user',
      'usr_e',
      'denied',
      'req-1',
    ]);
    expect(w.sql).toBe(
      '(e.organization_path LIKE $1) AND (e.organization_path LIKE $2) AND (e.seq >= $3) AND (e.seq <= $4) AND (e.occurred_at >= $5::timestamptz) AND (e.occurred_at < $6::timestamptz) AND (e.actor_user_id = $7) AND (e.actor_org_id = $8) AND (e.on_behalf_of_org_id = $9) AND (e.delegation_id = $10) AND (e.action LIKE $11) AND (e.resource_type = $12) AND (e.resource_id = $13) AND (e.outcome = $14) AND (e.request_id = $15)',
    );
    expect(auditWhere({ scope: EVERYTHING, filters: { from: '2026-01-01T00:00:00Z' }, seqRange: null }).sql).toContain('(FALSE)');
  });

  it('pages by seq in either direction, and renders only the page', () => {
    const base = { sql: 'TRUE', params: [] };
    expect(pageQuery(base, { order: 'desc', after: 100, limit: 51 })).toEqual({
      text: 'SELECT e.* FROM audit_events e WHERE TRUE AND e.seq IS NOT NULL AND e.seq < $1 ORDER BY e.seq DESC LIMIT $2',
      params: [100, 51],
    });
    expect(pageQuery(base, { order: 'asc', after: 100, upTo: 500, limit: 10 }).text).toBe(
      'SELECT e.* FROM audit_events e WHERE TRUE AND e.seq IS NOT NULL AND e.seq > $1 AND e.seq <= $2 ORDER BY e.seq ASC LIMIT $3',
    );
    expect(pageQuery(base, { order: 'asc', limit: 10, select: 'e.seq, 1 AS line' }).text).toBe(
      'SELECT e.seq, 1 AS line FROM (SELECT e.* FROM audit_events e WHERE TRUE AND e.seq IS NOT NULL ORDER BY e.seq ASC LIMIT $1) e ORDER BY e.seq ASC',
    );
  });

  it('asks for a seq range only when the scan would start outside the time window', () => {
    expect(seqRangeQuery({}, 'desc')).toBeUndefined();
    expect(seqRangeQuery({ from: 'x' }, 'desc')).toBeUndefined();
    expect(seqRangeQuery({ to: 'x' }, 'asc')).toBeUndefined();
    expect(seqRangeQuery({ to: 'b' }, 'desc')).toEqual({
      text: 'SELECT min(seq + 0) AS lo, max(seq + 0) AS hi FROM audit_events WHERE occurred_at < $1::timestamptz',
      params: ['b'],
    });
    expect(seqRangeQuery({ from: 'a', to: 'b' }, 'asc')?.params).toEqual(['a', 'b']);
  });
});
