import { Client } from 'pg';
import { DELEGABLE_ROLES, PERMISSIONS, ROLE_ORG_KINDS, ROLES, type Role } from '../src/access/permissions';
import type { Principal } from '../src/access/principal';
import { tenantScope } from '../src/access/scope-rules';
import { scopeAllows, scopeFilter } from '../src/access/tenant-scope';
import { principalIn, TREE, type TreeOrg } from './helpers/access-tree';
import { createTestDatabase, type TestDatabase } from './helpers/database';

/**
 * Every tenant scope is one value evaluated two ways: in memory (single-row checks) and as SQL
 * (lists, scoped finders). For every role in every organization it may be held in, delegated
 * tokens of every delegable role, and every permission, both must keep exactly the same
 * organizations of a tree in PostgreSQL, including decoys whose paths only match if the `_` of
 * our ids were left a LIKE wildcard.
 */
describe('tenant scope: the SQL form keeps exactly what the in-memory form allows', () => {
  let db: TestDatabase;
  let client: Client;
  const orgs = [
    ...Object.values(TREE).map((o) => ({ id: o.id, path: o.path })),
    { id: 'orgXr1', path: '/org_h/orgXr1/' },
    { id: 'orgXc9', path: '/org_h/orgXr1/orgXc9/' },
    { id: 'org_h2', path: '/org_h2/' },
  ];

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    await client.query('CREATE TABLE scope_orgs (id text, path text)');
    await client.query('INSERT INTO scope_orgs SELECT * FROM unnest($1::text[], $2::text[])', [orgs.map((o) => o.id), orgs.map((o) => o.path)]);
    // A row concerning no organization (audit events of engines and system jobs).
    await client.query('INSERT INTO scope_orgs VALUES (NULL, NULL)');
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  function principals(): Principal[] {
    const out: Principal[] = [];
    for (const [name, org] of Object.entries(TREE) as [TreeOrg, (typeof TREE)[TreeOrg]][]) {
      for (const role of ROLES) if (ROLE_ORG_KINDS[role].includes(org.kind)) out.push(principalIn(name, [role]));
      if (org.kind === 'reseller') {
        const customers = (Object.keys(TREE) as TreeOrg[]).filter((c) => TREE[c].path.startsWith(org.path) && TREE[c].kind === 'customer');
        for (const c of customers) for (const role of DELEGABLE_ROLES) out.push(principalIn(name, [role], c));
        out.push(principalIn(name, ['reseller_csr', 'auditor']));
      }
    }
    out.push(principalIn('hoster', ['hoster_csr', 'auditor']), principalIn('customer1', ['org_csr', 'end_user']), principalIn('customer1', [] as Role[]));
    return out;
  }

  it('agrees for every principal and permission', async () => {
    let checked = 0;
    for (const p of principals()) {
      for (const permission of PERMISSIONS) {
        const scope = tenantScope(p, permission);
        const f = scopeFilter(scope, { path: 'o.path', orgId: 'o.id' });
        const rows = (await client.query<{ id: string | null }>(`SELECT o.id FROM scope_orgs o WHERE ${f.sql}`, f.params)).rows;
        const inSql = rows.map((r) => r.id ?? '(none)').sort();
        const inMemory = orgs.filter((o) => scopeAllows(scope, o)).map((o) => o.id);
        const expected = [...inMemory, ...(scope.kind === 'everything' ? ['(none)'] : [])].sort();
        const who = `${p.roles.join('+') || 'no role'} in ${p.userOrgId}${p.delegationId ? ` acting in ${p.subjectOrgId}` : ''}`;
        expect({ who, permission, ids: inSql }).toEqual({ who, permission, ids: expected });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30 * PERMISSIONS.length);
  });
});
