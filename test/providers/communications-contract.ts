import { ContractClient, expectPermanent, failure, freshTenant, runCtx } from './contract';
import { type MailContractTarget, tenantWithUsers } from './exchange-contract';

/** The Communications namespace's contract: what every provider of it does, the lab included. */
export function communicationsContract(target: () => MailContractTarget): void {
  let c: ContractClient;
  let dir: ContractClient;
  beforeAll(() => {
    c = new ContractClient(target().provider);
    dir = new ContractClient(target().directory);
  });

  async function withSipDomain(aliases: string[] = []) {
    const { t, ctx } = await tenantWithUsers(dir, aliases);
    const domain = { organization: { id: t.id, domain: t.domain } };
    await c.exec('Communications.CreateSipDomain', domain, ctx);
    const sipUser = (alias: string, extra: Record<string, string> = {}) => ({ organization: { id: t.id, domain: t.domain }, user: { alias, ...extra } });
    return { t, ctx, domain, sipUser };
  }

  describe('Communications', () => {
    it('creates a SIP domain once, for one organization only', async () => {
      const { t, domain } = await withSipDomain();
      expect(await c.output('Communications.CreateSipDomain', domain, runCtx(t.id))).toEqual({});
      const { t: other } = await tenantWithUsers(dir, []);
      expectPermanent(
        await failure(c.exec('Communications.CreateSipDomain', { organization: { id: other.id, domain: t.domain } }, runCtx(other.id))),
        'CONFLICT',
      );
    });

    it('enables a user once, with the documented outputs; not without the user or the SIP domain', async () => {
      const { t, ctx, sipUser } = await withSipDomain(['ann', 'bob']);
      const out = await c.output('Communications.EnableUser', sipUser('ann'), ctx);
      expect(out).toEqual({ sipUri: `sip:ann@${t.domain}` });
      expect(await c.output('Communications.EnableUser', sipUser('ann'), runCtx(t.id))).toEqual(out);
      expect(await c.output('Communications.GetSipUser', t.userRef('ann'), ctx)).toEqual({
        sipUri: `sip:ann@${t.domain}`,
        federation: false,
        conferencing: false,
      });
      await c.exec('Communications.EnableUser', sipUser('bob', { federation: 'true', conferencing: 'true' }), ctx);
      expect(await c.output('Communications.GetSipUser', t.userRef('bob'), ctx)).toEqual({
        sipUri: `sip:bob@${t.domain}`,
        federation: true,
        conferencing: true,
      });
      expectPermanent(await failure(c.exec('Communications.EnableUser', sipUser('ghost'), ctx)), 'PREREQUISITE_MISSING');
      const { t: bare } = await tenantWithUsers(dir, ['cem']);
      expectPermanent(
        await failure(c.exec('Communications.EnableUser', { organization: { id: bare.id, domain: bare.domain }, user: { alias: 'cem' } }, runCtx(bare.id))),
        'PREREQUISITE_MISSING',
      );
      expectPermanent(await failure(c.exec('Communications.GetSipUser', bare.userRef('cem'), runCtx(bare.id))), 'NOT_FOUND');
    });

    it('keeps a SIP domain while it has users; disabling a user (a missing one too) rolls back without rollback data', async () => {
      const { t, ctx, domain, sipUser } = await withSipDomain(['ann']);
      await c.exec('Communications.DisableUser', t.userRef('ann'), ctx);
      await c.exec('Communications.EnableUser', sipUser('ann', { federation: 'true' }), ctx);
      expectPermanent(await failure(c.exec('Communications.DeleteSipDomain', domain, runCtx(t.id))), 'IN_USE');
      const off = runCtx(t.id);
      await c.exec('Communications.DisableUser', t.userRef('ann'), off);
      await c.exec('Communications.DisableUser', t.userRef('ann'), off);
      expectPermanent(await failure(c.exec('Communications.GetSipUser', t.userRef('ann'), ctx)), 'NOT_FOUND');
      await c.rollback('Communications.DisableUser', t.userRef('ann'), undefined, off);
      expect(await c.output('Communications.GetSipUser', t.userRef('ann'), ctx)).toEqual({
        sipUri: `sip:ann@${t.domain}`,
        federation: true,
        conferencing: false,
      });
    });

    it('rolls back only what its own run created, and deletes a domain (a missing one too) reversibly', async () => {
      const { t, ctx, domain, sipUser } = await withSipDomain(['ann', 'bob']);
      const mine = runCtx(t.id);
      await c.exec('Communications.EnableUser', sipUser('ann'), ctx);
      await c.exec('Communications.EnableUser', sipUser('bob'), mine);
      await c.rollback('Communications.EnableUser', sipUser('ann'), undefined, mine);
      await c.rollback('Communications.EnableUser', sipUser('bob'), undefined, mine);
      expect(await c.output('Communications.GetSipUser', t.userRef('ann'), ctx)).toMatchObject({ sipUri: `sip:ann@${t.domain}` });
      expectPermanent(await failure(c.exec('Communications.GetSipUser', t.userRef('bob'), ctx)), 'NOT_FOUND');
      await c.exec('Communications.DisableUser', t.userRef('ann'), ctx);
      const del = runCtx(t.id);
      await c.exec('Communications.DeleteSipDomain', domain, del);
      await c.exec('Communications.DeleteSipDomain', domain, del);
      expectPermanent(await failure(c.exec('Communications.EnableUser', sipUser('ann'), ctx)), 'PREREQUISITE_MISSING');
      await c.rollback('Communications.DeleteSipDomain', domain, undefined, del);
      expect(await c.output('Communications.EnableUser', sipUser('ann'), ctx)).toEqual({ sipUri: `sip:ann@${t.domain}` });
      const none = freshTenant();
      await c.exec('Communications.DeleteSipDomain', { organization: { id: none.id, domain: none.domain } }, runCtx(none.id));
    });
  });
}
