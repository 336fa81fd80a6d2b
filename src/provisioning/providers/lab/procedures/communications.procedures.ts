import { labFailure } from '../lab-failures';
import { Fields } from '../lab-input';
import { labProcedure, runOf } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, insertOrExisting, restoreFromTombstone } from '../lab-store';

/** Communications (OCS): SIP domains and SIP-enabled users (IM, presence, federation, conferencing). */

const sipDomainKey = (domain: string) => `sip-domain:${domain}`;
const sipUserKey = (org: string, alias: string) => `sip-user:${org}:${alias}`;

function orgAndDomain(raw: Record<string, unknown>) {
  const o = Fields.of(raw, 'organization');
  return { organizationId: o.id('id'), domain: o.domain('domain') };
}
function orgAndAlias(raw: Record<string, unknown>) {
  return { organizationId: Fields.of(raw, 'organization').id('id'), alias: Fields.of(raw, 'user').alias('alias') };
}

export const createSipDomain = labProcedure({
  id: 'Communications.CreateSipDomain',
  parse: orgAndDomain,
  naturalKey: (i) => sipDomainKey(i.domain),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    const r = await insertOrExisting(
      store,
      {
        text: `INSERT INTO lab.sip_domains (domain, organization_id, created_by_run) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING organization_id`,
        params: [i.domain, i.organizationId, runOf(ctx)],
      },
      { text: `SELECT organization_id FROM lab.sip_domains WHERE domain = $1`, params: [i.domain] },
    );
    if (!r || r.row.organization_id !== i.organizationId) throw labFailure('LAB_CONFLICT', `the SIP domain ${i.domain} belongs to another organization`, { domain: i.domain });
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await deleteIfCreatedBy(store, 'lab.sip_domains', [i.domain], runOf(ctx));
  },
});

export const deleteSipDomain = labProcedure({
  id: 'Communications.DeleteSipDomain',
  parse: orgAndDomain,
  naturalKey: (i) => sipDomainKey(i.domain),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    await store.tx(async (q) => {
      const [owner] = await q.rows(`SELECT organization_id FROM lab.sip_domains WHERE domain = $1`, [i.domain]);
      if (owner && owner.organization_id !== i.organizationId) throw labFailure('LAB_CONFLICT', `the SIP domain ${i.domain} belongs to another organization`, { domain: i.domain });
      await deleteWithTombstone(q, { table: 'lab.sip_domains', key: [i.domain], objectKey: sipDomainKey(i.domain), runId: runOf(ctx) });
    });
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await store.tx((q) => restoreFromTombstone(q, sipDomainKey(i.domain), ctx.runId));
  },
});

export const enableSipUser = labProcedure({
  id: 'Communications.EnableUser',
  parse(raw) {
    const u = Fields.of(raw, 'user');
    return {
      ...orgAndDomain(raw),
      alias: u.alias('alias'),
      im: u.bool('im') ?? true,
      presence: u.bool('presence') ?? true,
      federation: u.bool('federation') ?? false,
      conferencing: u.bool('conferencing') ?? false,
    };
  },
  naturalKey: (i) => sipUserKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    const uri = `sip:${i.alias}@${i.domain}`;
    const r = await insertOrExisting<{ organization_id: string; sip_uri: string }>(
      store,
      {
        text: `INSERT INTO lab.sip_users (organization_id, alias, domain, sip_uri, im, presence, federation, conferencing, created_by_run)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING organization_id, sip_uri`,
        params: [i.organizationId, i.alias, i.domain, uri, i.im, i.presence, i.federation, i.conferencing, runOf(ctx)],
      },
      { text: `SELECT organization_id, sip_uri FROM lab.sip_users WHERE organization_id = $1 AND alias = $2`, params: [i.organizationId, i.alias] },
    );
    if (!r) throw labFailure('LAB_CONFLICT', `the SIP URI ${uri} belongs to another user`, { sipUri: uri });
    return { output: { sipUri: r.row.sip_uri } };
  },
  async rollback(store, i, _data, ctx) {
    await deleteIfCreatedBy(store, 'lab.sip_users', [i.organizationId, i.alias], runOf(ctx));
  },
});

export const disableSipUser = labProcedure({
  id: 'Communications.DisableUser',
  parse: orgAndAlias,
  naturalKey: (i) => sipUserKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i, ctx) {
    await store.tx((q) =>
      deleteWithTombstone(q, { table: 'lab.sip_users', key: [i.organizationId, i.alias], objectKey: sipUserKey(i.organizationId, i.alias), runId: runOf(ctx) }),
    );
    return { output: {} };
  },
  async rollback(store, i, _data, ctx) {
    await store.tx((q) => restoreFromTombstone(q, sipUserKey(i.organizationId, i.alias), ctx.runId));
  },
});

export const getSipUser = labProcedure({
  id: 'Communications.GetSipUser',
  parse: orgAndAlias,
  naturalKey: (i) => sipUserKey(i.organizationId, i.alias),
  organization: (i) => i.organizationId,
  async execute(store, i) {
    const [u] = await store.rows(`SELECT sip_uri, federation, conferencing FROM lab.sip_users WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias]);
    if (!u) throw labFailure('LAB_NOT_FOUND', `${i.alias} is not enabled for SIP`);
    return { output: { sipUri: u.sip_uri, federation: u.federation, conferencing: u.conferencing } };
  },
});

export const communicationsProcedures = [createSipDomain, deleteSipDomain, enableSipUser, disableSipUser, getSipUser];
