import { labFailure } from '../lab-failures';
import { communicationsKeys } from '../../leaves/communications.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, insertOrExisting, restoreFromTombstone } from '../lab-store';

/** Communications (OCS): SIP domains and SIP-enabled users (IM, presence, federation, conferencing). */

export const communicationsLab: LabNamespace<'Communications'> = {
  CreateSipDomain: {
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
  },

  DeleteSipDomain: {
    async execute(store, i, ctx) {
      await store.tx(async (q) => {
        const [owner] = await q.rows(`SELECT organization_id FROM lab.sip_domains WHERE domain = $1`, [i.domain]);
        if (owner && owner.organization_id !== i.organizationId) throw labFailure('LAB_CONFLICT', `the SIP domain ${i.domain} belongs to another organization`, { domain: i.domain });
        await deleteWithTombstone(q, { table: 'lab.sip_domains', key: [i.domain], objectKey: communicationsKeys.sipDomain(i.domain), runId: runOf(ctx) });
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, communicationsKeys.sipDomain(i.domain), writingRun(ctx)));
    },
  },

  EnableUser: {
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
  },

  DisableUser: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, { table: 'lab.sip_users', key: [i.organizationId, i.alias], objectKey: communicationsKeys.sipUser(i.organizationId, i.alias), runId: runOf(ctx) }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, communicationsKeys.sipUser(i.organizationId, i.alias), writingRun(ctx)));
    },
  },

  GetSipUser: {
    async execute(store, i) {
      const [u] = await store.rows(`SELECT sip_uri, federation, conferencing FROM lab.sip_users WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias]);
      if (!u) throw labFailure('LAB_NOT_FOUND', `${i.alias} is not enabled for SIP`);
      return { output: { sipUri: u.sip_uri, federation: u.federation, conferencing: u.conferencing } };
    },
  },
};
