import { ContractClient, type ContractTarget, expectPermanent, failure, freshTenant, runCtx } from './contract';

/** The Directory namespace's contract: what every provider of it does, the lab included. */
export function directoryContract(target: () => ContractTarget): void {
  let c: ContractClient;
  beforeAll(() => {
    c = new ContractClient(target().provider);
  });

  async function withOu(runId?: string) {
    const t = freshTenant();
    const ctx = runCtx(t.id, runId);
    const out = await c.output('Directory.CreateOrganization', t.ou, ctx);
    return { t, ctx, out };
  }

  describe('Directory', () => {
    it('creates an organization once: twice is one OU with the same path', async () => {
      const { t, ctx, out } = await withOu();
      expect(out).toEqual({ ouPath: expect.any(String) });
      expect(await c.output('Directory.CreateOrganization', t.ou, ctx)).toEqual(out);
      expect(await c.output('Directory.CreateOrganization', t.ou, runCtx(t.id))).toEqual(out);
      expect(await c.output('Directory.ListUsers', t.ou, ctx)).toEqual({ users: [] });
    });

    it('creates a user once, with the documented outputs, and reads it back', async () => {
      const { t, ctx } = await withOu();
      const out = await c.output('Directory.CreateUser', t.user('ann', 'Ann Lee'), ctx);
      expect(out).toEqual({ userPrincipalName: `ann@${t.domain}`, distinguishedName: expect.any(String) });
      expect(await c.output('Directory.CreateUser', t.user('ann', 'Ann Lee'), runCtx(t.id))).toEqual(out);
      expect(await c.output('Directory.GetUser', t.userRef('ann'), ctx)).toEqual({
        userPrincipalName: `ann@${t.domain}`,
        displayName: 'Ann Lee',
        disabled: false,
      });
      expect(await c.output('Directory.ListUsers', t.ou, ctx)).toEqual({
        users: [{ alias: 'ann', userPrincipalName: `ann@${t.domain}`, displayName: 'Ann Lee', disabled: false }],
      });
    });

    it('refuses a user without its OU, and a principal name of another organization, permanently', async () => {
      const t = freshTenant();
      expectPermanent(await failure(c.exec('Directory.CreateUser', t.user('ann'), runCtx(t.id))), 'PREREQUISITE_MISSING');
      const { t: a, ctx } = await withOu();
      await c.exec('Directory.CreateUser', a.user('ann'), ctx);
      const b = freshTenant();
      const other = { organization: { ...b.organization, domain: a.domain } };
      await c.exec('Directory.CreateOrganization', other, runCtx(b.id));
      expectPermanent(await failure(c.exec('Directory.CreateUser', { ...other, user: { alias: 'ann', displayName: 'Not Ann' } }, runCtx(b.id))), 'CONFLICT');
    });

    it('deletes what is missing as a success, and refuses to delete an OU that still holds users', async () => {
      const t = freshTenant();
      await c.exec('Directory.DeleteUser', t.userRef('nobody'), runCtx(t.id));
      await c.exec('Directory.DeleteOrganization', t.ou, runCtx(t.id));
      const { t: u, ctx } = await withOu();
      await c.exec('Directory.DeleteUser', u.userRef('nobody'), ctx);
      await c.exec('Directory.CreateUser', u.user('ann'), ctx);
      expectPermanent(await failure(c.exec('Directory.DeleteOrganization', u.ou, runCtx(u.id))), 'IN_USE');
    });

    it('reads of what does not exist fail permanently as not found', async () => {
      const { t, ctx } = await withOu();
      expectPermanent(await failure(c.exec('Directory.GetUser', t.userRef('ghost'), ctx)), 'NOT_FOUND');
      expectPermanent(
        await failure(c.exec('Directory.SetUserProperties', { ...t.userRef('ghost'), user: { alias: 'ghost', disabled: 'true' } }, ctx)),
        'NOT_FOUND',
      );
      expectPermanent(await failure(c.exec('Directory.ListUsers', freshTenant().ou, ctx)), 'NOT_FOUND');
    });

    it('rolls back only what its own run created, and tolerates what is already gone', async () => {
      const { t, ctx } = await withOu();
      const mine = runCtx(t.id);
      await c.exec('Directory.CreateUser', t.user('ann'), ctx);
      await c.exec('Directory.CreateUser', t.user('bob'), mine);
      await c.rollback('Directory.CreateUser', t.user('ann'), undefined, mine);
      await c.rollback('Directory.CreateUser', t.user('bob'), undefined, mine);
      await c.rollback('Directory.CreateUser', t.user('bob'), undefined, mine);
      expect((await c.output('Directory.ListUsers', t.ou, ctx)).users.map((u: { alias: string }) => u.alias)).toEqual(['ann']);
      const other = freshTenant();
      await c.rollback('Directory.CreateOrganization', other.ou, undefined, runCtx(other.id));
      await c.exec('Directory.DeleteUser', t.userRef('ann'), ctx);
      await c.rollback('Directory.CreateOrganization', t.ou, undefined, ctx);
      await c.rollback('Directory.CreateOrganization', t.ou, undefined, ctx);
      expectPermanent(await failure(c.exec('Directory.ListUsers', t.ou, ctx)), 'NOT_FOUND');
    });

    it('rolls a delete back: the user and the OU come back as they were, even without rollback data', async () => {
      const { t, ctx } = await withOu();
      await c.exec('Directory.CreateUser', t.user('ann', 'Ann Lee'), ctx);
      const del = runCtx(t.id);
      await c.exec('Directory.DeleteUser', t.userRef('ann'), del);
      await c.exec('Directory.DeleteUser', t.userRef('ann'), del);
      expectPermanent(await failure(c.exec('Directory.GetUser', t.userRef('ann'), ctx)), 'NOT_FOUND');
      await c.exec('Directory.DeleteOrganization', t.ou, del);
      await c.rollback('Directory.DeleteOrganization', t.ou, undefined, del);
      await c.rollback('Directory.DeleteUser', t.userRef('ann'), undefined, del);
      await c.rollback('Directory.DeleteUser', t.userRef('ann'), undefined, del);
      expect(await c.output('Directory.GetUser', t.userRef('ann'), ctx)).toEqual({
        userPrincipalName: `ann@${t.domain}`,
        displayName: 'Ann Lee',
        disabled: false,
      });
      // A run that deleted nothing restores nothing.
      await c.rollback('Directory.DeleteUser', t.userRef('ann'), undefined, runCtx(t.id));
      expect((await c.output('Directory.ListUsers', t.ou, ctx)).users).toHaveLength(1);
    });

    it('changes properties and rolls the change back, with or without rollback data, also after a re-execution', async () => {
      const { t, ctx } = await withOu();
      await c.exec('Directory.CreateUser', t.user('ann', 'Ann Lee'), ctx);
      const change = { ...t.userRef('ann'), user: { alias: 'ann', displayName: 'Ann Smith', disabled: 'true' } };
      const suspend = runCtx(t.id);
      const first = await c.exec('Directory.SetUserProperties', change, suspend);
      await c.exec('Directory.SetUserProperties', change, { ...suspend, attempt: 2 });
      expect(await c.output('Directory.GetUser', t.userRef('ann'), ctx)).toMatchObject({ displayName: 'Ann Smith', disabled: true });
      await c.rollback('Directory.SetUserProperties', change, undefined, suspend);
      expect(await c.output('Directory.GetUser', t.userRef('ann'), ctx)).toMatchObject({ displayName: 'Ann Lee', disabled: false });
      const again = runCtx(t.id);
      const second = await c.exec('Directory.SetUserProperties', { ...t.userRef('ann'), user: { alias: 'ann', disabled: 'true' } }, again);
      await c.rollback('Directory.SetUserProperties', change, second.rollback, again);
      expect(await c.output('Directory.GetUser', t.userRef('ann'), ctx)).toMatchObject({ displayName: 'Ann Lee', disabled: false });
      expect(first.output).toEqual({});
    });
  });
}
