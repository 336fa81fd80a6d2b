import { newId } from '../../../../common/ids';
import { labFailure } from '../lab-failures';
import { type SiteInput, sharePointKeys } from '../../leaves/sharepoint.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, insertOrExisting, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab-store';

/** SharePoint: site collections with a storage quota; the URL is unique across all customers. */

/** Locks the site; a site of another organization is a conflict. */
async function lockSite(q: { rows: (t: string, p?: unknown[]) => Promise<any[]> }, i: SiteInput) {
  const [s] = await q.rows(`SELECT organization_id, quota_mb FROM lab.site_collections WHERE url = $1 FOR UPDATE`, [i.url]);
  if (s && s.organization_id !== i.organizationId) throw labFailure('LAB_CONFLICT', `the site ${i.url} belongs to another organization`, { url: i.url });
  return s as { organization_id: string; quota_mb: number } | undefined;
}

interface SiteQuotaPrev {
  quotaMb: number;
}

export const sharePointLab: LabNamespace<'SharePoint'> = {
  CreateSiteCollection: {
    async execute(store, i, ctx) {
      const r = await insertOrExisting<{ organization_id: string; site_id: string }>(
        store,
        {
          text: `INSERT INTO lab.site_collections (url, organization_id, site_id, title, quota_mb, created_by_run) VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT DO NOTHING RETURNING organization_id, site_id`,
          params: [i.url, i.organizationId, newId('site'), i.title, i.quotaMb, runOf(ctx)],
        },
        { text: `SELECT organization_id, site_id FROM lab.site_collections WHERE url = $1`, params: [i.url] },
      );
      if (!r || r.row.organization_id !== i.organizationId) throw labFailure('LAB_CONFLICT', `the site ${i.url} belongs to another organization`, { url: i.url });
      return { output: { siteId: r.row.site_id } };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.site_collections', [i.url], runOf(ctx));
    },
  },

  DeleteSiteCollection: {
    async execute(store, i, ctx) {
      await store.tx(async (q) => {
        if (!(await lockSite(q, i))) return;
        await deleteWithTombstone(q, { table: 'lab.site_collections', key: [i.url], objectKey: sharePointKeys.site(i.url), runId: runOf(ctx) });
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, sharePointKeys.site(i.url), writingRun(ctx)));
    },
  },

  SetSiteQuota: {
    async execute(store, i, ctx) {
      const previous = await store.tx(async (q) => {
        const s = await lockSite(q, i);
        if (!s) throw labFailure('LAB_NOT_FOUND', `the site ${i.url} does not exist`);
        const prev = await rememberPrevious<SiteQuotaPrev>(q, writingRun(ctx), ctx.stepSeq, sharePointKeys.site(i.url), { quotaMb: s.quota_mb }, { quotaMb: i.quotaMb });
        await q.rows(`UPDATE lab.site_collections SET quota_mb = $2 WHERE url = $1`, [i.url, i.quotaMb]);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Without rollback data: restores what the change log holds for this run, else leaves the quota as is. */
    async rollback(store, i, data: SiteQuotaPrev | undefined, ctx) {
      await store.tx(async (q) => {
        if (!(await lockSite(q, i))) return;
        const prev = data ?? (await recordedPrevious<SiteQuotaPrev>(q, writingRun(ctx), sharePointKeys.site(i.url)));
        if (prev) await q.rows(`UPDATE lab.site_collections SET quota_mb = $2 WHERE url = $1`, [i.url, prev.quotaMb]);
      });
    },
  },

  GetSite: {
    async execute(store, i) {
      const [s] = await store.rows(`SELECT organization_id, quota_mb, title FROM lab.site_collections WHERE url = $1`, [i.url]);
      if (!s || s.organization_id !== i.organizationId) throw labFailure('LAB_NOT_FOUND', `the site ${i.url} does not exist`);
      return { output: { quotaMb: s.quota_mb, title: s.title } };
    },
  },
};
