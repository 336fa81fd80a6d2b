import { labFailure } from '../lab-failures';
import { Fields } from '../lab-input';
import { labProcedure, runOf } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, insertOrExisting, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab-store';

/** Exchange: one Exchange organization per customer, accepted domains, mailboxes with quotas. */

const MAX_MAILBOX_MB = 1_048_576;

const exchangeKey = (org: string) => `exchange-organization:${org}`;
const domainKey = (domain: string) => `accepted-domain:${domain}`;
const mailboxKey = (org: string, alias: string) => `mailbox:${org}:${alias}`;

function orgAndAlias(raw: Record<string, unknown>) {
  return { organizationId: Fields.of(raw, 'organization').id('id'), alias: Fields.of(raw, 'user').alias('alias') };
}

function orgAndDomain(raw: Record<string, unknown>) {
  const o = Fields.of(raw, 'organization');
  return { organizationId: o.id('id'), domain: o.domain('domain') };
}

export const enableOrganization = labProcedure({
  id: 'Exchange.EnableOrganization',
  parse(raw) {
    const o = Fields.of(raw, 'organization');
    return { organizationId: o.id('id'), name: o.text('name', 200) };
  },
  naturalKey: (i) => exchangeKey(i.organizationId),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    const r = await insertOrExisting<{ organization_id: string; name: string; global_address_list: string }>(
      store,
      {
        text: `INSERT INTO lab.exchange_organizations (organization_id, name, global_address_list, address_lists, created_by_run)
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING organization_id, name, global_address_list`,
        params: [i.organizationId, i.name, `${i.name} GAL`, [`${i.name} All Users`, `${i.name} All Contacts`, `${i.name} All Groups`, `${i.name} All Rooms`], runOf(ctx)],
      },
      { text: `SELECT organization_id, name, global_address_list FROM lab.exchange_organizations WHERE organization_id = $1`, params: [i.organizationId] },
    );
    return { output: { exchangeOrganization: r!.row.name, globalAddressList: r!.row.global_address_list } };
  },
  async rollback(store, i, _data, ctx) {
    await deleteIfCreatedBy(store, 'lab.exchange_organizations', [i.organizationId], runOf(ctx));
  },
});

export const disableOrganization = labProcedure({
  id: 'Exchange.DisableOrganization',
  parse: (raw) => ({ organizationId: Fields.of(raw, 'organization').id('id') }),
  naturalKey: (i) => exchangeKey(i.organizationId),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    // Accepted domains and mobility policies go with the organization (and come back on rollback);
    // mailboxes block it.
    await store.tx((q) =>
      deleteWithTombstone(q, {
        table: 'lab.exchange_organizations',
        key: [i.organizationId],
        objectKey: exchangeKey(i.organizationId),
        runId: runOf(ctx),
        children: [
          { table: 'lab.accepted_domains', columns: ['organization_id'] },
          { table: 'lab.mobility_policies', columns: ['organization_id'] },
        ],
      }),
    );
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await store.tx((q) => restoreFromTombstone(q, exchangeKey(i.organizationId), ctx.runId));
  },
});

export const addAcceptedDomain = labProcedure({
  id: 'Exchange.AddAcceptedDomain',
  parse: orgAndDomain,
  naturalKey: (i) => domainKey(i.domain),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    const r = await insertOrExisting(
      store,
      {
        text: `INSERT INTO lab.accepted_domains (domain, organization_id, created_by_run) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING organization_id`,
        params: [i.domain, i.organizationId, runOf(ctx)],
      },
      { text: `SELECT organization_id FROM lab.accepted_domains WHERE domain = $1`, params: [i.domain] },
    );
    if (!r || r.row.organization_id !== i.organizationId) {
      throw labFailure('LAB_CONFLICT', `the accepted domain ${i.domain} belongs to another organization`, { domain: i.domain });
    }
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await deleteIfCreatedBy(store, 'lab.accepted_domains', [i.domain], runOf(ctx));
  },
});

export const removeAcceptedDomain = labProcedure({
  id: 'Exchange.RemoveAcceptedDomain',
  parse: orgAndDomain,
  naturalKey: (i) => domainKey(i.domain),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    await store.tx(async (q) => {
      const [owner] = await q.rows(`SELECT organization_id FROM lab.accepted_domains WHERE domain = $1`, [i.domain]);
      if (owner && owner.organization_id !== i.organizationId) {
        throw labFailure('LAB_CONFLICT', `the accepted domain ${i.domain} belongs to another organization`, { domain: i.domain });
      }
      await deleteWithTombstone(q, { table: 'lab.accepted_domains', key: [i.domain], objectKey: domainKey(i.domain), runId: runOf(ctx) });
    });
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await store.tx((q) => restoreFromTombstone(q, domainKey(i.domain), ctx.runId));
  },
});

export const createMailbox = labProcedure({
  id: 'Exchange.CreateMailbox',
  parse(raw) {
    const o = Fields.of(raw, 'organization');
    const u = Fields.of(raw, 'user');
    return {
      organizationId: o.id('id'),
      domain: o.domain('domain'),
      alias: u.alias('alias'),
      displayName: u.text('displayName', 256),
      mailboxSizeMb: u.int('mailboxSizeMb', 1, MAX_MAILBOX_MB),
    };
  },
  naturalKey: (i) => mailboxKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    const address = `${i.alias}@${i.domain}`;
    const r = await insertOrExisting<{ organization_id: string; primary_smtp_address: string }>(
      store,
      {
        text: `INSERT INTO lab.mailboxes (organization_id, alias, domain, primary_smtp_address, display_name, quota_mb, created_by_run)
               VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING organization_id, primary_smtp_address`,
        params: [i.organizationId, i.alias, i.domain, address, i.displayName, i.mailboxSizeMb, runOf(ctx)],
      },
      { text: `SELECT organization_id, primary_smtp_address FROM lab.mailboxes WHERE organization_id = $1 AND alias = $2`, params: [i.organizationId, i.alias] },
    );
    if (!r) throw labFailure('LAB_CONFLICT', `the address ${address} belongs to another mailbox`, { primarySmtpAddress: address });
    return { output: { primarySmtpAddress: r.row.primary_smtp_address } };
  },
  async rollback(store, i, _data, ctx) {
    await deleteIfCreatedBy(store, 'lab.mailboxes', [i.organizationId, i.alias], runOf(ctx));
  },
});

export const deleteMailbox = labProcedure({
  id: 'Exchange.DeleteMailbox',
  parse: orgAndAlias,
  naturalKey: (i) => mailboxKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    await store.tx((q) =>
      deleteWithTombstone(q, { table: 'lab.mailboxes', key: [i.organizationId, i.alias], objectKey: mailboxKey(i.organizationId, i.alias), runId: runOf(ctx) }),
    );
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await store.tx((q) => restoreFromTombstone(q, mailboxKey(i.organizationId, i.alias), ctx.runId));
  },
});

interface QuotaPrev {
  mailboxSizeMb: number;
}

export const setMailboxQuota = labProcedure({
  id: 'Exchange.SetMailboxQuota',
  parse: (raw) => ({ ...orgAndAlias(raw), mailboxSizeMb: Fields.of(raw, 'user').int('mailboxSizeMb', 1, MAX_MAILBOX_MB) }),
  naturalKey: (i) => mailboxKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    const previous = await store.tx(async (q) => {
      const [cur] = await q.rows(`SELECT quota_mb FROM lab.mailboxes WHERE organization_id = $1 AND alias = $2 FOR UPDATE`, [i.organizationId, i.alias]);
      if (!cur) throw labFailure('LAB_NOT_FOUND', `mailbox ${i.alias} does not exist`);
      const prev = await rememberPrevious<QuotaPrev>(q, ctx.runId, ctx.stepSeq, mailboxKey(i.organizationId, i.alias), { mailboxSizeMb: cur.quota_mb }, { mailboxSizeMb: i.mailboxSizeMb });
      await q.rows(`UPDATE lab.mailboxes SET quota_mb = $3 WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias, i.mailboxSizeMb]);
      return prev;
    });
    return { output: {}, rollback: previous };
  },
  /** Without rollback data: restores what the change log holds for this run, else leaves the quota as is. */
  async rollback(store, i, data: QuotaPrev | undefined, ctx) {
    await store.tx(async (q) => {
      const prev = data ?? (await recordedPrevious<QuotaPrev>(q, ctx.runId, mailboxKey(i.organizationId, i.alias)));
      if (!prev) return;
      await q.rows(`UPDATE lab.mailboxes SET quota_mb = $3 WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias, prev.mailboxSizeMb]);
    });
  },
});

export const getMailbox = labProcedure({
  id: 'Exchange.GetMailbox',
  parse: orgAndAlias,
  naturalKey: (i) => mailboxKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i) {
    const [m] = await store.rows(`SELECT primary_smtp_address, quota_mb FROM lab.mailboxes WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias]);
    if (!m) throw labFailure('LAB_NOT_FOUND', `mailbox ${i.alias} does not exist`);
    return { output: { primarySmtpAddress: m.primary_smtp_address, mailboxSizeMb: m.quota_mb } };
  },
});

export const exchangeProcedures = [
  enableOrganization,
  disableOrganization,
  addAcceptedDomain,
  removeAcceptedDomain,
  createMailbox,
  deleteMailbox,
  setMailboxQuota,
  getMailbox,
];
