import type { ProviderNamespace } from '../leaves';
import type { LabStore } from './lab.store';

/**
 * The lab alongside real platforms: when another provider serves the directory (OpenLDAP), the
 * lab's Exchange and Communications tables still point at lab.directory_ous/users (foreign keys);
 * when another serves Exchange (Postfix + Dovecot), Mobility's point at lab.exchange_organizations
 * and lab.mailboxes.
 * Before such a procedure runs, the lab records the OU and the user it needs as *mirror* rows
 * (`ou_path`/`distinguished_name` start with `mirror:`, no creating run): the real directory
 * holds them, and the composite namespaces create them there first. Mirror rows are never rolled
 * back (no run owns them); the lab's own Directory procedures never see them, as the lab does not
 * serve Directory in that configuration.
 */

/** Fields the mirrored procedures' inputs have (their shared leaf definitions parse them). */
interface ParentInput {
  organizationId: string;
  name?: string;
  alias?: string;
  domain?: string;
  displayName?: string;
}
type Mirror = (store: LabStore, input: unknown) => Promise<void>;

const MIRROR = 'mirror:';

async function mirrorOu(store: LabStore, organizationId: string, name?: string): Promise<void> {
  await store.rows(
    `INSERT INTO lab.directory_ous (organization_id, name, domain, ou_path, created_by_run) VALUES ($1, $2, '', $3, NULL) ON CONFLICT DO NOTHING`,
    [organizationId, name ?? organizationId, `${MIRROR}${organizationId}`],
  );
}

async function mirrorUser(store: LabStore, input: unknown): Promise<void> {
  const i = input as Required<Pick<ParentInput, 'organizationId' | 'alias' | 'domain'>> & ParentInput;
  await mirrorOu(store, i.organizationId);
  await store.rows(
    `INSERT INTO lab.directory_users (organization_id, alias, upn, distinguished_name, display_name, created_by_run)
     VALUES ($1, $2, $3, $4, $5, NULL) ON CONFLICT DO NOTHING`,
    [i.organizationId, i.alias, `${i.alias}@${i.domain}`, `${MIRROR}${i.organizationId}:${i.alias}`, i.displayName ?? i.alias],
  );
}

async function mirrorExchange(store: LabStore, organizationId: string): Promise<void> {
  await mirrorOu(store, organizationId);
  await store.rows(
    `INSERT INTO lab.exchange_organizations (organization_id, name, global_address_list, address_lists, created_by_run) VALUES ($1, $2, $2, '{}', NULL) ON CONFLICT DO NOTHING`,
    [organizationId, `${MIRROR}${organizationId}`],
  );
}

/**
 * A mailbox the real mail platform holds, for a mobility user. Mobility's input names no domain,
 * so the mirror lives in a placeholder domain of its own (`<org>.mirror.invalid`, RFC 2606): only
 * its key matters to the lab.
 */
async function mirrorMailbox(store: LabStore, i: { organizationId: string; alias: string }): Promise<void> {
  const domain = `${i.organizationId.toLowerCase()}.mirror.invalid`;
  await mirrorExchange(store, i.organizationId);
  const [user] = await store.rows(`SELECT 1 FROM lab.directory_users WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias]);
  if (!user) await mirrorUser(store, { ...i, domain });
  await store.rows(`INSERT INTO lab.accepted_domains (domain, organization_id, created_by_run) VALUES ($1, $2, NULL) ON CONFLICT DO NOTHING`, [
    domain,
    i.organizationId,
  ]);
  await store.rows(
    `INSERT INTO lab.mailboxes (organization_id, alias, domain, primary_smtp_address, display_name, quota_mb, created_by_run)
     VALUES ($1, $2, $3, $4, $2, 1, NULL) ON CONFLICT DO NOTHING`,
    [i.organizationId, i.alias, domain, `${i.alias}@${domain}`],
  );
}

/** Per `Namespace.Procedure`, what to mirror before it runs, given the namespaces the lab serves here. */
export function foreignParentMirrors(served: readonly ProviderNamespace[]): Record<string, Mirror> {
  const mirrors: Record<string, Mirror> = {};
  if (!served.includes('Directory')) {
    const ou: Mirror = (s, i) => mirrorOu(s, (i as ParentInput).organizationId, (i as ParentInput).name);
    mirrors['Exchange.EnableOrganization'] = ou;
    mirrors['Exchange.CreateMailbox'] = mirrorUser;
    mirrors['Communications.CreateSipDomain'] = ou;
    mirrors['Communications.EnableUser'] = mirrorUser;
    mirrors['SharePoint.CreateSiteCollection'] = ou;
  }
  if (!served.includes('Exchange')) {
    mirrors['Mobility.CreatePolicy'] = (s, i) => mirrorExchange(s, (i as ParentInput).organizationId);
    mirrors['Mobility.EnableUser'] = (s, i) => mirrorMailbox(s, i as Required<Pick<ParentInput, 'organizationId' | 'alias'>>);
  }
  return mirrors;
}
