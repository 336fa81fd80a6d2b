import { newId } from '../../../../common/ids';
import { labFailure } from '../lab-failures';
import { type SiteInput, sharePointKeys } from '../../leaves/sharepoint.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, type LabQuery, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab.store';
import { findSite, insertSite, lockSiteRow, setSiteQuota, type SiteRow } from './sharepoint.store';

/** SharePoint: site collections with a storage quota; the URL is unique across all customers. */

/** Locks the site; a site of another organization is a conflict. */
async function lockSite(q: LabQuery, i: SiteInput): Promise<SiteRow | undefined> {
  const s = await lockSiteRow(q, i.url);
  if (s && s.organization_id !== i.organizationId) throw labFailure('LAB_CONFLICT', `the site ${i.url} belongs to another organization`, { url: i.url });
  return s;
}

interface SiteQuotaPrev {
  quotaMb: number;
}

export const sharePointLab: LabNamespace<'SharePoint'> = {
  CreateSiteCollection: {
    async execute(store, i, ctx) {
      const site = await insertSite(store, {
        url: i.url,
        organizationId: i.organizationId,
        siteId: newId('site'),
        title: i.title,
        quotaMb: i.quotaMb,
        runId: runOf(ctx),
      });
      if (!site || site.organizationId !== i.organizationId)
        throw labFailure('LAB_CONFLICT', `the site ${i.url} belongs to another organization`, { url: i.url });
      return { output: { siteId: site.siteId } };
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
        const prev = await rememberPrevious<SiteQuotaPrev>(
          q,
          writingRun(ctx),
          ctx.stepSeq,
          sharePointKeys.site(i.url),
          { quotaMb: s.quota_mb },
          { quotaMb: i.quotaMb },
        );
        await setSiteQuota(q, i.url, i.quotaMb);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Without rollback data: restores what the change log holds for this run, else leaves the quota as is. */
    async rollback(store, i, data: SiteQuotaPrev | undefined, ctx) {
      await store.tx(async (q) => {
        if (!(await lockSite(q, i))) return;
        const prev = data ?? (await recordedPrevious<SiteQuotaPrev>(q, writingRun(ctx), sharePointKeys.site(i.url)));
        if (prev) await setSiteQuota(q, i.url, prev.quotaMb);
      });
    },
  },

  GetSite: {
    async execute(store, i) {
      const s = await findSite(store, i.url);
      if (!s || s.organizationId !== i.organizationId) throw labFailure('LAB_NOT_FOUND', `the site ${i.url} does not exist`);
      return { output: { quotaMb: s.quotaMb, title: s.title } };
    },
  },
};
