import { Fields, parseSiteUrl } from '../leaf-input';
import { defineLeaf } from './leaf-definition';

/** SharePoint: site collections with a storage quota; the URL is unique across all customers. */

export const MAX_SITE_MB = 10_485_760;

export const sharePointKeys = {
  site: (url: string) => `site-collection:${url}`,
};

export interface SiteInput {
  organizationId: string;
  /** Normalized (lower case, no trailing slash): one natural key per site. */
  url: string;
}

function orgAndUrl(raw: Record<string, unknown>): SiteInput {
  return { organizationId: Fields.of(raw, 'organization').id('id'), url: parseSiteUrl(Fields.of(raw, 'site').raw('url', true)!) };
}
const org = (i: SiteInput) => i.organizationId;
const siteKey = (i: SiteInput) => sharePointKeys.site(i.url);

export const sharePointLeaves = {
  CreateSiteCollection: defineLeaf('SharePoint.CreateSiteCollection', {
    parse(raw) {
      const s = Fields.of(raw, 'site');
      const base = orgAndUrl(raw);
      const lastSegment = new URL(base.url).pathname.split('/').filter(Boolean).pop();
      return { ...base, title: s.text('title', 256, false) ?? lastSegment ?? base.url, quotaMb: s.int('quotaMb', 1, MAX_SITE_MB) };
    },
    naturalKey: siteKey,
    organization: org,
  }),
  DeleteSiteCollection: defineLeaf('SharePoint.DeleteSiteCollection', { parse: orgAndUrl, naturalKey: siteKey, organization: org }),
  SetSiteQuota: defineLeaf('SharePoint.SetSiteQuota', {
    parse: (raw) => ({ ...orgAndUrl(raw), quotaMb: Fields.of(raw, 'site').int('quotaMb', 1, MAX_SITE_MB) }),
    naturalKey: siteKey,
    organization: org,
  }),
  GetSite: defineLeaf('SharePoint.GetSite', { parse: orgAndUrl, naturalKey: siteKey, organization: org }),
};
