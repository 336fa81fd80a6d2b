import { insertOrExisting, type LabQuery, type LabStore } from '../lab.store';

/** The lab's SharePoint: lab.site_collections (the URL is unique across all customers). */

export interface SiteRow {
  organization_id: string;
  quota_mb: number;
}

/** Creates the site unless its URL exists; the owner and id of the site at that URL (undefined: taken by another key). */
export async function insertSite(
  store: LabStore,
  s: { url: string; organizationId: string; siteId: string; title: string; quotaMb: number; runId: string | null },
): Promise<{ organizationId: string; siteId: string } | undefined> {
  const r = await insertOrExisting<{ organization_id: string; site_id: string }>(
    store,
    {
      text: `INSERT INTO lab.site_collections (url, organization_id, site_id, title, quota_mb, created_by_run) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT DO NOTHING RETURNING organization_id, site_id`,
      params: [s.url, s.organizationId, s.siteId, s.title, s.quotaMb, s.runId],
    },
    { text: `SELECT organization_id, site_id FROM lab.site_collections WHERE url = $1`, params: [s.url] },
  );
  return r && { organizationId: r.row.organization_id, siteId: r.row.site_id };
}

/** Locks the site at a URL (in the caller's transaction). */
export async function lockSiteRow(q: LabQuery, url: string): Promise<SiteRow | undefined> {
  const [s] = await q.rows<SiteRow>(`SELECT organization_id, quota_mb FROM lab.site_collections WHERE url = $1 FOR UPDATE`, [url]);
  return s;
}

export async function setSiteQuota(q: LabQuery, url: string, quotaMb: number): Promise<void> {
  await q.rows(`UPDATE lab.site_collections SET quota_mb = $2 WHERE url = $1`, [url, quotaMb]);
}

export async function findSite(store: LabStore, url: string): Promise<{ organizationId: string; quotaMb: number; title: string } | undefined> {
  const [s] = await store.rows<{ organization_id: string; quota_mb: number; title: string }>(
    `SELECT organization_id, quota_mb, title FROM lab.site_collections WHERE url = $1`,
    [url],
  );
  return s && { organizationId: s.organization_id, quotaMb: s.quota_mb, title: s.title };
}
