import { anyOf, BELOW_HOSTER, EVERYTHING, NOTHING, organization, scopeAllows, scopeFilter, subtree } from './tenant-scope';

const cols = { path: 'o.path', orgId: 'o.id' };

describe('tenant scope values', () => {
  it('simplifies unions: everything absorbs, nothing vanishes, duplicates go', () => {
    expect(anyOf([organization('org_a'), EVERYTHING])).toBe(EVERYTHING);
    expect(anyOf([NOTHING, NOTHING])).toBe(NOTHING);
    expect(anyOf([NOTHING, subtree('/a/')])).toEqual(subtree('/a/'));
    expect(anyOf([organization('org_a'), organization('org_a'), anyOf([subtree('/a/'), organization('org_b')])])).toEqual({
      kind: 'any_of',
      scopes: [organization('org_a'), subtree('/a/'), organization('org_b')],
    });
  });

  it('evaluates in memory', () => {
    const org = { id: 'org_c', path: '/org_h/org_r/org_c/' };
    expect(scopeAllows(subtree('/org_h/org_r/'), org)).toBe(true);
    expect(scopeAllows(subtree('/org_h/org_x/'), org)).toBe(false);
    expect(scopeAllows(BELOW_HOSTER, org)).toBe(true);
    expect(scopeAllows(BELOW_HOSTER, { id: 'org_h', path: '/org_h/' })).toBe(false);
    expect(scopeAllows(anyOf([organization('org_x'), organization('org_c')]), org)).toBe(true);
    expect(scopeAllows(NOTHING, org)).toBe(false);
  });

  it('renders SQL with its parameters, escaping LIKE wildcards in paths', () => {
    expect(scopeFilter(EVERYTHING, cols)).toEqual({ sql: 'TRUE', params: [] });
    expect(scopeFilter(NOTHING, cols)).toEqual({ sql: 'FALSE', params: [] });
    expect(scopeFilter(BELOW_HOSTER, cols)).toEqual({ sql: `o.path LIKE '/%/%/'`, params: [] });
    expect(scopeFilter(subtree('/org_h/'), cols, 2)).toEqual({ sql: 'o.path LIKE $3', params: ['/org\\_h/%'] });
    expect(scopeFilter(anyOf([organization('org_a'), subtree('/org_h/')]), cols)).toEqual({
      sql: '((o.id = $1) OR (o.path LIKE $2))',
      params: ['org_a', '/org\\_h/%'],
    });
  });
});
