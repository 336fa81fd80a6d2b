import { labFailure } from '../lab-failures';
import { exchangeKeys } from '../../leaves/exchange.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab.store';
import {
  acceptedDomainOwner,
  findMailbox,
  insertAcceptedDomain,
  insertExchangeOrganization,
  insertMailbox,
  lockMailboxQuota,
  setMailboxQuota,
} from './exchange.store';

/** Exchange: one Exchange organization per customer, accepted domains, mailboxes with quotas. */

interface QuotaPrev {
  mailboxSizeMb: number;
}

export const exchangeLab: LabNamespace<'Exchange'> = {
  EnableOrganization: {
    async execute(store, i, ctx) {
      const o = await insertExchangeOrganization(store, { organizationId: i.organizationId, name: i.name, runId: runOf(ctx) });
      return { output: { exchangeOrganization: o.name, globalAddressList: o.globalAddressList } };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.exchange_organizations', [i.organizationId], runOf(ctx));
    },
  },

  DisableOrganization: {
    async execute(store, i, ctx) {
      // Accepted domains and mobility policies go with the organization (and come back on rollback);
      // mailboxes block it.
      await store.tx((q) =>
        deleteWithTombstone(q, {
          table: 'lab.exchange_organizations',
          key: [i.organizationId],
          objectKey: exchangeKeys.organization(i.organizationId),
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
      await store.tx((q) => restoreFromTombstone(q, exchangeKeys.organization(i.organizationId), writingRun(ctx)));
    },
  },

  AddAcceptedDomain: {
    async execute(store, i, ctx) {
      const owner = await insertAcceptedDomain(store, { domain: i.domain, organizationId: i.organizationId, runId: runOf(ctx) });
      if (owner !== i.organizationId) {
        throw labFailure('LAB_CONFLICT', `the accepted domain ${i.domain} belongs to another organization`, { domain: i.domain });
      }
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.accepted_domains', [i.domain], runOf(ctx));
    },
  },

  RemoveAcceptedDomain: {
    async execute(store, i, ctx) {
      await store.tx(async (q) => {
        const owner = await acceptedDomainOwner(q, i.domain);
        if (owner && owner !== i.organizationId) {
          throw labFailure('LAB_CONFLICT', `the accepted domain ${i.domain} belongs to another organization`, { domain: i.domain });
        }
        await deleteWithTombstone(q, { table: 'lab.accepted_domains', key: [i.domain], objectKey: exchangeKeys.acceptedDomain(i.domain), runId: runOf(ctx) });
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, exchangeKeys.acceptedDomain(i.domain), writingRun(ctx)));
    },
  },

  CreateMailbox: {
    async execute(store, i, ctx) {
      const address = `${i.alias}@${i.domain}`;
      const primary = await insertMailbox(store, {
        organizationId: i.organizationId,
        alias: i.alias,
        domain: i.domain,
        address,
        displayName: i.displayName,
        quotaMb: i.mailboxSizeMb,
        runId: runOf(ctx),
      });
      if (!primary) throw labFailure('LAB_CONFLICT', `the address ${address} belongs to another mailbox`, { primarySmtpAddress: address });
      return { output: { primarySmtpAddress: primary } };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.mailboxes', [i.organizationId, i.alias], runOf(ctx));
    },
  },

  DeleteMailbox: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, {
          table: 'lab.mailboxes',
          key: [i.organizationId, i.alias],
          objectKey: exchangeKeys.mailbox(i.organizationId, i.alias),
          runId: runOf(ctx),
        }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, exchangeKeys.mailbox(i.organizationId, i.alias), writingRun(ctx)));
    },
  },

  SetMailboxQuota: {
    async execute(store, i, ctx) {
      const previous = await store.tx(async (q) => {
        const current = await lockMailboxQuota(q, i.organizationId, i.alias);
        if (current === undefined) throw labFailure('LAB_NOT_FOUND', `mailbox ${i.alias} does not exist`);
        const prev = await rememberPrevious<QuotaPrev>(
          q,
          writingRun(ctx),
          ctx.stepSeq,
          exchangeKeys.mailbox(i.organizationId, i.alias),
          { mailboxSizeMb: current },
          { mailboxSizeMb: i.mailboxSizeMb },
        );
        await setMailboxQuota(q, i.organizationId, i.alias, i.mailboxSizeMb);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Without rollback data: restores what the change log holds for this run, else leaves the quota as is. */
    async rollback(store, i, data: QuotaPrev | undefined, ctx) {
      await store.tx(async (q) => {
        const prev = data ?? (await recordedPrevious<QuotaPrev>(q, writingRun(ctx), exchangeKeys.mailbox(i.organizationId, i.alias)));
        if (prev) await setMailboxQuota(q, i.organizationId, i.alias, prev.mailboxSizeMb);
      });
    },
  },

  GetMailbox: {
    async execute(store, i) {
      const m = await findMailbox(store, i.organizationId, i.alias);
      if (!m) throw labFailure('LAB_NOT_FOUND', `mailbox ${i.alias} does not exist`);
      return { output: { primarySmtpAddress: m.primarySmtpAddress, mailboxSizeMb: m.quotaMb } };
    },
  },
};
