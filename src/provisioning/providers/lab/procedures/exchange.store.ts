import { insertOrExisting, type LabQuery, type LabStore } from '../lab.store';

/** The lab's Exchange: lab.exchange_organizations, lab.accepted_domains, lab.mailboxes. */

/** Creates the Exchange organization unless it exists; returns it as stored. */
export async function insertExchangeOrganization(
  store: LabStore,
  o: { organizationId: string; name: string; runId: string | null },
): Promise<{ name: string; globalAddressList: string }> {
  const lists = [`${o.name} All Users`, `${o.name} All Contacts`, `${o.name} All Groups`, `${o.name} All Rooms`];
  const r = await insertOrExisting<{ organization_id: string; name: string; global_address_list: string }>(
    store,
    {
      text: `INSERT INTO lab.exchange_organizations (organization_id, name, global_address_list, address_lists, created_by_run)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING organization_id, name, global_address_list`,
      params: [o.organizationId, o.name, `${o.name} GAL`, lists, o.runId],
    },
    { text: `SELECT organization_id, name, global_address_list FROM lab.exchange_organizations WHERE organization_id = $1`, params: [o.organizationId] },
  );
  // The only unique key is the organization: an insert that did nothing found it.
  return { name: r!.row.name, globalAddressList: r!.row.global_address_list };
}

/** Accepts the domain unless it is accepted already; returns the organization owning it (undefined: taken by another key). */
export async function insertAcceptedDomain(store: LabStore, d: { domain: string; organizationId: string; runId: string | null }): Promise<string | undefined> {
  const r = await insertOrExisting(
    store,
    {
      text: `INSERT INTO lab.accepted_domains (domain, organization_id, created_by_run) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING organization_id`,
      params: [d.domain, d.organizationId, d.runId],
    },
    { text: `SELECT organization_id FROM lab.accepted_domains WHERE domain = $1`, params: [d.domain] },
  );
  return r?.row.organization_id;
}

/** The organization an accepted domain belongs to, if any. */
export async function acceptedDomainOwner(q: LabQuery, domain: string): Promise<string | undefined> {
  const [owner] = await q.rows<{ organization_id: string }>(`SELECT organization_id FROM lab.accepted_domains WHERE domain = $1`, [domain]);
  return owner?.organization_id;
}

/** Creates the mailbox unless it exists; its primary address, or undefined when the address belongs to another mailbox. */
export async function insertMailbox(
  store: LabStore,
  m: { organizationId: string; alias: string; domain: string; address: string; displayName: string; quotaMb: number; runId: string | null },
): Promise<string | undefined> {
  const r = await insertOrExisting<{ organization_id: string; primary_smtp_address: string }>(
    store,
    {
      text: `INSERT INTO lab.mailboxes (organization_id, alias, domain, primary_smtp_address, display_name, quota_mb, created_by_run)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING organization_id, primary_smtp_address`,
      params: [m.organizationId, m.alias, m.domain, m.address, m.displayName, m.quotaMb, m.runId],
    },
    { text: `SELECT organization_id, primary_smtp_address FROM lab.mailboxes WHERE organization_id = $1 AND alias = $2`, params: [m.organizationId, m.alias] },
  );
  return r?.row.primary_smtp_address;
}

/** Locks a mailbox for a quota change; its current quota, or undefined when it does not exist. */
export async function lockMailboxQuota(q: LabQuery, organizationId: string, alias: string): Promise<number | undefined> {
  const [cur] = await q.rows<{ quota_mb: number }>(`SELECT quota_mb FROM lab.mailboxes WHERE organization_id = $1 AND alias = $2 FOR UPDATE`, [
    organizationId,
    alias,
  ]);
  return cur?.quota_mb;
}

export async function setMailboxQuota(q: LabQuery, organizationId: string, alias: string, quotaMb: number): Promise<void> {
  await q.rows(`UPDATE lab.mailboxes SET quota_mb = $3 WHERE organization_id = $1 AND alias = $2`, [organizationId, alias, quotaMb]);
}

export async function findMailbox(
  store: LabStore,
  organizationId: string,
  alias: string,
): Promise<{ primarySmtpAddress: string; quotaMb: number } | undefined> {
  const [m] = await store.rows<{ primary_smtp_address: string; quota_mb: number }>(
    `SELECT primary_smtp_address, quota_mb FROM lab.mailboxes WHERE organization_id = $1 AND alias = $2`,
    [organizationId, alias],
  );
  return m && { primarySmtpAddress: m.primary_smtp_address, quotaMb: m.quota_mb };
}
