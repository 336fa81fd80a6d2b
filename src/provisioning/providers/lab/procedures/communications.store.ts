import { insertOrExisting, type LabQuery, type LabStore } from '../lab.store';

/** The lab's communications server: lab.sip_domains and lab.sip_users. */

/** Creates the SIP domain unless it exists; returns the organization owning it (undefined: taken by another key). */
export async function insertSipDomain(store: LabStore, d: { domain: string; organizationId: string; runId: string | null }): Promise<string | undefined> {
  const r = await insertOrExisting(
    store,
    {
      text: `INSERT INTO lab.sip_domains (domain, organization_id, created_by_run) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING organization_id`,
      params: [d.domain, d.organizationId, d.runId],
    },
    { text: `SELECT organization_id FROM lab.sip_domains WHERE domain = $1`, params: [d.domain] },
  );
  return r?.row.organization_id;
}

export async function sipDomainOwner(q: LabQuery, domain: string): Promise<string | undefined> {
  const [owner] = await q.rows<{ organization_id: string }>(`SELECT organization_id FROM lab.sip_domains WHERE domain = $1`, [domain]);
  return owner?.organization_id;
}

export interface SipUserSettings {
  im: boolean;
  presence: boolean;
  federation: boolean;
  conferencing: boolean;
}

/** Enables the user unless enabled already; its SIP URI, or undefined when the URI belongs to another user. */
export async function insertSipUser(
  store: LabStore,
  u: { organizationId: string; alias: string; domain: string; uri: string; runId: string | null } & SipUserSettings,
): Promise<string | undefined> {
  const r = await insertOrExisting<{ organization_id: string; sip_uri: string }>(
    store,
    {
      text: `INSERT INTO lab.sip_users (organization_id, alias, domain, sip_uri, im, presence, federation, conferencing, created_by_run)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING organization_id, sip_uri`,
      params: [u.organizationId, u.alias, u.domain, u.uri, u.im, u.presence, u.federation, u.conferencing, u.runId],
    },
    { text: `SELECT organization_id, sip_uri FROM lab.sip_users WHERE organization_id = $1 AND alias = $2`, params: [u.organizationId, u.alias] },
  );
  return r?.row.sip_uri;
}

export async function findSipUser(
  store: LabStore,
  organizationId: string,
  alias: string,
): Promise<{ sipUri: string; federation: boolean; conferencing: boolean } | undefined> {
  const [u] = await store.rows<{ sip_uri: string; federation: boolean; conferencing: boolean }>(
    `SELECT sip_uri, federation, conferencing FROM lab.sip_users WHERE organization_id = $1 AND alias = $2`,
    [organizationId, alias],
  );
  return u && { sipUri: u.sip_uri, federation: u.federation, conferencing: u.conferencing };
}
