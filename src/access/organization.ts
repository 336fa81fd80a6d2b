import type { OrganizationKind } from './permissions';

/** An organization of the tenant tree as other modules see it (identity's organizations store). */
export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  /** Materialized path of ids from the hoster down: `/org_h/org_r/org_c/`. */
  path: string;
  parentId: string | null;
  status: 'active' | 'suspended';
}
