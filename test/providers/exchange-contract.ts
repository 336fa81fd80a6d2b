import type { Provider } from '../../src/provisioning/providers/provider';
import { ContractClient, type ContractTarget, expectPermanent, failure, freshTenant, runCtx } from './contract';

/** A provider of Exchange (or Communications) and the provider of the Directory its users live in. */
export interface MailContractTarget extends ContractTarget {
  directory: Provider;
}

/** A tenant with an OU and directory users, on the target's directory. */
export async function tenantWithUsers(dir: ContractClient, aliases: string[]) {
  const t = freshTenant();
  const ctx = runCtx(t.id);
  await dir.exec('Directory.CreateOrganization', t.ou, ctx);
  for (const alias of aliases) await dir.exec('Directory.CreateUser', t.user(alias), ctx);
  return { t, ctx };
}

/** The Exchange namespace's contract: what every provider of it does, the lab included. */
export function exchangeContract(target: () => MailContractTarget): void {
  let c: ContractClient;
  let dir: ContractClient;
  beforeAll(() => {
    c = new ContractClient(target().provider);
    dir = new ContractClient(target().directory);
  });

  async function withExchange(aliases: string[] = []) {
    const { t, ctx } = await tenantWithUsers(dir, aliases);
    await c.exec('Exchange.EnableOrganization', { organization: { id: t.id, name: t.organization.name } }, ctx);
    await c.exec('Exchange.AddAcceptedDomain', { organization: { id: t.id, domain: t.domain } }, ctx);
    const mailbox = (alias: string, mailboxSizeMb = '1024') => ({
      organization: { id: t.id, domain: t.domain },
      user: { alias, displayName: alias, mailboxSizeMb },
    });
    return { t, ctx, mailbox };
  }

  describe('Exchange', () => {
    it('enables an organization once, with the documented outputs; not without its OU', async () => {
      const { t, ctx } = await tenantWithUsers(dir, []);
      const org = { organization: { id: t.id, name: t.organization.name } };
      const out = await c.output('Exchange.EnableOrganization', org, ctx);
      expect(out).toEqual({ exchangeOrganization: t.organization.name, globalAddressList: expect.any(String) });
      expect(await c.output('Exchange.EnableOrganization', org, runCtx(t.id))).toEqual(out);
      const none = freshTenant();
      expectPermanent(
        await failure(c.exec('Exchange.EnableOrganization', { organization: { id: none.id, name: 'x' } }, runCtx(none.id))),
        'PREREQUISITE_MISSING',
      );
    });

    it('accepts a domain for one organization only, and only once it has Exchange', async () => {
      const { t, ctx } = await withExchange();
      await c.exec('Exchange.AddAcceptedDomain', { organization: { id: t.id, domain: t.domain } }, runCtx(t.id));
      const { t: other, ctx: otherCtx } = await withExchange();
      expectPermanent(await failure(c.exec('Exchange.AddAcceptedDomain', { organization: { id: other.id, domain: t.domain } }, otherCtx)), 'CONFLICT');
      const { t: bare } = await tenantWithUsers(dir, []);
      expectPermanent(
        await failure(c.exec('Exchange.AddAcceptedDomain', { organization: { id: bare.id, domain: bare.domain } }, runCtx(bare.id))),
        'PREREQUISITE_MISSING',
      );
      await c.exec('Exchange.RemoveAcceptedDomain', { organization: { id: t.id, domain: `gone-${t.domain}` } }, ctx);
    });

    it('creates a mailbox once, sized as asked, and reads it back; not without its user or its domain', async () => {
      const { t, ctx, mailbox } = await withExchange(['ann']);
      const out = await c.output('Exchange.CreateMailbox', mailbox('ann', '1024'), ctx);
      expect(out).toEqual({ primarySmtpAddress: `ann@${t.domain}` });
      expect(await c.output('Exchange.CreateMailbox', mailbox('ann', '1024'), runCtx(t.id))).toEqual(out);
      expect(await c.output('Exchange.GetMailbox', t.userRef('ann'), ctx)).toEqual({ primarySmtpAddress: `ann@${t.domain}`, mailboxSizeMb: 1024 });
      expectPermanent(await failure(c.exec('Exchange.CreateMailbox', mailbox('ghost'), ctx)), 'PREREQUISITE_MISSING');
      await dir.exec('Directory.CreateUser', t.user('bob'), ctx);
      const elsewhere = { organization: { id: t.id, domain: `other-${t.domain}` }, user: { alias: 'bob', displayName: 'bob', mailboxSizeMb: '10' } };
      expectPermanent(await failure(c.exec('Exchange.CreateMailbox', elsewhere, ctx)), 'PREREQUISITE_MISSING');
      expectPermanent(await failure(c.exec('Exchange.GetMailbox', t.userRef('bob'), ctx)), 'NOT_FOUND');
    });

    it('changes a quota and rolls it back, with or without rollback data, also after a re-execution', async () => {
      const { t, ctx, mailbox } = await withExchange(['ann']);
      await c.exec('Exchange.CreateMailbox', mailbox('ann', '1024'), ctx);
      const change = { ...t.userRef('ann'), user: { alias: 'ann', mailboxSizeMb: '2048' } };
      const run = runCtx(t.id);
      const first = await c.exec('Exchange.SetMailboxQuota', change, run);
      await c.exec('Exchange.SetMailboxQuota', change, { ...run, attempt: 2 });
      expect(await c.output('Exchange.GetMailbox', t.userRef('ann'), ctx)).toMatchObject({ mailboxSizeMb: 2048 });
      await c.rollback('Exchange.SetMailboxQuota', change, undefined, run);
      expect(await c.output('Exchange.GetMailbox', t.userRef('ann'), ctx)).toMatchObject({ mailboxSizeMb: 1024 });
      const again = runCtx(t.id);
      const second = await c.exec('Exchange.SetMailboxQuota', { ...t.userRef('ann'), user: { alias: 'ann', mailboxSizeMb: '512' } }, again);
      await c.rollback('Exchange.SetMailboxQuota', change, second.rollback, again);
      expect(await c.output('Exchange.GetMailbox', t.userRef('ann'), ctx)).toMatchObject({ mailboxSizeMb: 1024 });
      expect(first.output).toEqual({});
      expectPermanent(
        await failure(c.exec('Exchange.SetMailboxQuota', { ...t.userRef('ghost'), user: { alias: 'ghost', mailboxSizeMb: '5' } }, ctx)),
        'NOT_FOUND',
      );
    });

    it('deletes a mailbox (a missing one too) and rolls the delete back without rollback data', async () => {
      const { t, ctx, mailbox } = await withExchange(['ann']);
      await c.exec('Exchange.DeleteMailbox', t.userRef('ann'), ctx);
      await c.exec('Exchange.CreateMailbox', mailbox('ann', '300'), ctx);
      const del = runCtx(t.id);
      await c.exec('Exchange.DeleteMailbox', t.userRef('ann'), del);
      await c.exec('Exchange.DeleteMailbox', t.userRef('ann'), del);
      expectPermanent(await failure(c.exec('Exchange.GetMailbox', t.userRef('ann'), ctx)), 'NOT_FOUND');
      await c.rollback('Exchange.DeleteMailbox', t.userRef('ann'), undefined, del);
      await c.rollback('Exchange.DeleteMailbox', t.userRef('ann'), undefined, del);
      expect(await c.output('Exchange.GetMailbox', t.userRef('ann'), ctx)).toEqual({ primarySmtpAddress: `ann@${t.domain}`, mailboxSizeMb: 300 });
    });

    it('rolls back only what its own run created', async () => {
      const { t, ctx, mailbox } = await withExchange(['ann', 'bob']);
      const mine = runCtx(t.id);
      await c.exec('Exchange.CreateMailbox', mailbox('ann'), ctx);
      await c.exec('Exchange.CreateMailbox', mailbox('bob'), mine);
      await c.rollback('Exchange.CreateMailbox', mailbox('ann'), undefined, mine);
      await c.rollback('Exchange.CreateMailbox', mailbox('bob'), undefined, mine);
      await c.rollback('Exchange.CreateMailbox', mailbox('bob'), undefined, mine);
      expect(await c.output('Exchange.GetMailbox', t.userRef('ann'), ctx)).toMatchObject({ primarySmtpAddress: `ann@${t.domain}` });
      expectPermanent(await failure(c.exec('Exchange.GetMailbox', t.userRef('bob'), ctx)), 'NOT_FOUND');
    });

    it('keeps an organization and its domains while mailboxes use them; disabling rolls back', async () => {
      const { t, ctx, mailbox } = await withExchange(['ann']);
      await c.exec('Exchange.CreateMailbox', mailbox('ann'), ctx);
      expectPermanent(await failure(c.exec('Exchange.DisableOrganization', { organization: { id: t.id } }, runCtx(t.id))), 'IN_USE');
      expectPermanent(await failure(c.exec('Exchange.RemoveAcceptedDomain', { organization: { id: t.id, domain: t.domain } }, runCtx(t.id))), 'IN_USE');
      await c.exec('Exchange.DeleteMailbox', t.userRef('ann'), ctx);
      const off = runCtx(t.id);
      await c.exec('Exchange.DisableOrganization', { organization: { id: t.id } }, off);
      await c.exec('Exchange.DisableOrganization', { organization: { id: t.id } }, off);
      expectPermanent(await failure(c.exec('Exchange.CreateMailbox', mailbox('ann'), ctx)), 'PREREQUISITE_MISSING');
      await c.rollback('Exchange.DisableOrganization', { organization: { id: t.id } }, undefined, off);
      expect(await c.output('Exchange.CreateMailbox', mailbox('ann'), ctx)).toEqual({ primarySmtpAddress: `ann@${t.domain}` });
      const none = freshTenant();
      await c.exec('Exchange.DisableOrganization', { organization: { id: none.id } }, runCtx(none.id));
    });
  });
}
