import { labFailure } from '../lab-failures';
import { exchangeKeys } from '../../leaves/exchange.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, insertOrExisting, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab-store';

/** Exchange: one Exchange organization per customer, accepted domains, mailboxes with quotas. */

interface QuotaPrev {
  mailboxSizeMb: number;
}

export const exchangeLab: LabNamespace<'Exchange'> = {
  EnableOrganization: {
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
  },

  RemoveAcceptedDomain: {
    async execute(store, i, ctx) {
      await store.tx(async (q) => {
        const [owner] = await q.rows(`SELECT organization_id FROM lab.accepted_domains WHERE domain = $1`, [i.domain]);
        if (owner && owner.organization_id !== i.organizationId) {
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
  },

  DeleteMailbox: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, { table: 'lab.mailboxes', key: [i.organizationId, i.alias], objectKey: exchangeKeys.mailbox(i.organizationId, i.alias), runId: runOf(ctx) }),
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
        const [cur] = await q.rows(`SELECT quota_mb FROM lab.mailboxes WHERE organization_id = $1 AND alias = $2 FOR UPDATE`, [i.organizationId, i.alias]);
        if (!cur) throw labFailure('LAB_NOT_FOUND', `mailbox ${i.alias} does not exist`);
        const prev = await rememberPrevious<QuotaPrev>(q, writingRun(ctx), ctx.stepSeq, exchangeKeys.mailbox(i.organizationId, i.alias), { mailboxSizeMb: cur.quota_mb }, { mailboxSizeMb: i.mailboxSizeMb });
        await q.rows(`UPDATE lab.mailboxes SET quota_mb = $3 WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias, i.mailboxSizeMb]);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Without rollback data: restores what the change log holds for this run, else leaves the quota as is. */
    async rollback(store, i, data: QuotaPrev | undefined, ctx) {
      await store.tx(async (q) => {
        const prev = data ?? (await recordedPrevious<QuotaPrev>(q, writingRun(ctx), exchangeKeys.mailbox(i.organizationId, i.alias)));
        if (!prev) return;
        await q.rows(`UPDATE lab.mailboxes SET quota_mb = $3 WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias, prev.mailboxSizeMb]);
      });
    },
  },

  GetMailbox: {
    async execute(store, i) {
      const [m] = await store.rows(`SELECT primary_smtp_address, quota_mb FROM lab.mailboxes WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias]);
      if (!m) throw labFailure('LAB_NOT_FOUND', `mailbox ${i.alias} does not exist`);
      return { output: { primarySmtpAddress: m.primary_smtp_address, mailboxSizeMb: m.quota_mb } };
    },
  },
};
