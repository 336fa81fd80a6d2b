import { requireWithinPlanLimit } from '../../catalog/subscriptions';
import type { CreateSiteOrder, DeleteSiteOrder } from '../dto/order-requests';
import { counted, type Decision, type DecisionInput, has, refuse, requireSubscription } from './decision';
import { normalizeSiteUrl } from './dns-validation';

/** create_site and delete_site: SharePoint site collections. */

export function decideCreateSite(input: DecisionInput<CreateSiteOrder>): Decision {
  const sub = requireSubscription(input, ['pending', 'active'], 'create_site');
  if (!has(sub, 'sharepoint')) refuse('SERVICE_NOT_IN_PLAN', 'The plan has no SharePoint');
  requireWithinPlanLimit(sub, 'sharepoint.storage_mb', input.body.quotaMb);
  const url = normalizeSiteUrl(input.body.url, 'url');
  if (input.inventory.siteUrlTaken) refuse('SITE_EXISTS', `${url} already exists`);
  const site = { url, title: input.body.title.trim(), quotaMb: input.body.quotaMb };
  return {
    subscription: { kind: 'none', subscription: sub },
    request: { call: 'Hosted Sites.CreateSite', site },
    reserve: counted([{ feature: 'sharepoint.site_collections', amount: 1 }]),
    release: [],
    inventory: { sites: [site] },
    summary: { ...site },
  };
}

export function decideDeleteSite(input: DecisionInput<DeleteSiteOrder>): Decision {
  const sub = requireSubscription(input, ['pending', 'active'], 'delete_site');
  const url = normalizeSiteUrl(input.body.url, 'url');
  const row = input.inventory.sites.find((s) => s.url.toLowerCase() === url);
  if (!row) refuse('SITE_NOT_FOUND', `No site collection ${url}`);
  if (row.state !== 'active') refuse('CONFLICT', 'An earlier order is still working on this site collection');
  return {
    subscription: { kind: 'none', subscription: sub },
    request: { call: 'Hosted Sites.DeleteSite', site: { url: row.url } },
    reserve: [],
    release: counted([{ feature: 'sharepoint.site_collections', amount: 1 }]),
    inventory: { removing: { sites: [row.id] } },
    summary: { url: row.url },
  };
}
