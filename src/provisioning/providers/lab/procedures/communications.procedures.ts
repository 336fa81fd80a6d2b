import { labFailure } from '../lab-failures';
import { communicationsKeys } from '../../leaves/communications.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, restoreFromTombstone } from '../lab.store';
import { findSipUser, insertSipDomain, insertSipUser, sipDomainOwner } from './communications.store';

/** Communications (OCS): SIP domains and SIP-enabled users (IM, presence, federation, conferencing). */

export const communicationsLab: LabNamespace<'Communications'> = {
  CreateSipDomain: {
    async execute(store, i, ctx) {
      const owner = await insertSipDomain(store, { domain: i.domain, organizationId: i.organizationId, runId: runOf(ctx) });
      if (owner !== i.organizationId) throw labFailure('LAB_CONFLICT', `the SIP domain ${i.domain} belongs to another organization`, { domain: i.domain });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.sip_domains', [i.domain], runOf(ctx));
    },
  },

  DeleteSipDomain: {
    async execute(store, i, ctx) {
      await store.tx(async (q) => {
        const owner = await sipDomainOwner(q, i.domain);
        if (owner && owner !== i.organizationId)
          throw labFailure('LAB_CONFLICT', `the SIP domain ${i.domain} belongs to another organization`, { domain: i.domain });
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
      const sipUri = await insertSipUser(store, {
        organizationId: i.organizationId,
        alias: i.alias,
        domain: i.domain,
        uri,
        im: i.im,
        presence: i.presence,
        federation: i.federation,
        conferencing: i.conferencing,
        runId: runOf(ctx),
      });
      if (!sipUri) throw labFailure('LAB_CONFLICT', `the SIP URI ${uri} belongs to another user`, { sipUri: uri });
      return { output: { sipUri } };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.sip_users', [i.organizationId, i.alias], runOf(ctx));
    },
  },

  DisableUser: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, {
          table: 'lab.sip_users',
          key: [i.organizationId, i.alias],
          objectKey: communicationsKeys.sipUser(i.organizationId, i.alias),
          runId: runOf(ctx),
        }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, communicationsKeys.sipUser(i.organizationId, i.alias), writingRun(ctx)));
    },
  },

  GetSipUser: {
    async execute(store, i) {
      const u = await findSipUser(store, i.organizationId, i.alias);
      if (!u) throw labFailure('LAB_NOT_FOUND', `${i.alias} is not enabled for SIP`);
      return { output: u };
    },
  },
};
