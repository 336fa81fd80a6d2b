import { ContractClient, type ContractTarget, expectPermanent, failure, freshTenant, runCtx } from './contract';

/** The DNS namespace's contract: what every provider of it does, the lab included. */
export function dnsContract(target: () => ContractTarget): void {
  let c: ContractClient;
  beforeAll(() => {
    c = new ContractClient(target().provider);
  });

  async function withZone(runId?: string) {
    const t = freshTenant();
    const ctx = runCtx(t.id, runId);
    await c.exec('DNS.CreateZone', t.zone, ctx);
    return { t, ctx };
  }
  type Rec = { name: string; type: string; value: string };
  const byKey = (a: Rec, b: Rec) => `${a.name} ${a.type} ${a.value}`.localeCompare(`${b.name} ${b.type} ${b.value}`);
  /** The zone's records in one order, whatever order the platform lists them in. */
  const records = async (t: ReturnType<typeof freshTenant>) => [...(await c.output('DNS.GetZone', t.zone, runCtx(t.id))).records].sort(byKey);

  describe('DNS', () => {
    it('creates a zone once, paused; another organization cannot take its name', async () => {
      const { t, ctx } = await withZone();
      expect(await c.output('DNS.CreateZone', t.zone, runCtx(t.id))).toEqual({});
      expect(await c.output('DNS.GetZone', t.zone, ctx)).toEqual({ published: false, records: [] });
      const other = freshTenant();
      expectPermanent(await failure(c.exec('DNS.CreateZone', { organization: { id: other.id }, zone: { name: t.domain } }, runCtx(other.id))), 'CONFLICT');
      expectPermanent(await failure(c.exec('DNS.GetZone', { zone: { name: t.domain } }, runCtx(other.id))), 'CONFLICT');
    });

    it('adds a record once, with the documented shape, and refuses clashes and missing zones permanently', async () => {
      const { t, ctx } = await withZone();
      const mx = t.record('@', 'MX', `mail.${t.domain}`, { priority: '10' });
      await c.exec('DNS.AddRecord', mx, ctx);
      await c.exec('DNS.AddRecord', mx, runCtx(t.id));
      await c.exec('DNS.AddRecord', t.record('www', 'A', '192.0.2.10', { ttl: '300' }), ctx);
      await c.exec('DNS.AddRecord', t.record('_sip._tls', 'SRV', '1 443 sip.provisio.test', { priority: '100' }), ctx);
      await c.exec('DNS.AddRecord', t.record('@', 'TXT', 'v=spf1 include:spf.provisio.test -all'), ctx);
      expect(await records(t)).toEqual(
        [
          { name: '_sip._tls', type: 'SRV', value: '1 443 sip.provisio.test', ttl: 3600, priority: 100 },
          { name: '@', type: 'MX', value: `mail.${t.domain}`, ttl: 3600, priority: 10 },
          { name: '@', type: 'TXT', value: 'v=spf1 include:spf.provisio.test -all', ttl: 3600, priority: null },
          { name: 'www', type: 'A', value: '192.0.2.10', ttl: 300, priority: null },
        ].sort(byKey),
      );
      expectPermanent(await failure(c.exec('DNS.AddRecord', t.record('www', 'CNAME', 'web.example.net'), ctx)), 'CONFLICT');
      const nowhere = freshTenant();
      expectPermanent(await failure(c.exec('DNS.AddRecord', nowhere.record('www', 'A', '192.0.2.1'), runCtx(nowhere.id))), 'PREREQUISITE_MISSING');
    });

    it('publishes with a serial that grows with every change after', async () => {
      const { t, ctx } = await withZone();
      await c.exec('DNS.AddRecord', t.record('www', 'A', '192.0.2.10'), ctx);
      const { serial } = await c.output('DNS.PublishZone', t.zone, ctx);
      expect(serial).toEqual(expect.any(Number));
      expect((await c.output('DNS.PublishZone', t.zone, runCtx(t.id))).serial).toBe(serial);
      expect((await c.output('DNS.GetZone', t.zone, ctx)).published).toBe(true);
      await c.exec('DNS.AddRecord', t.record('ftp', 'A', '192.0.2.11'), ctx);
      const after = (await c.output('DNS.PublishZone', t.zone, ctx)).serial;
      expect(after).toBeGreaterThan(serial);
      await c.exec('DNS.RemoveRecord', t.record('ftp', 'A', '192.0.2.11'), ctx);
      expect((await c.output('DNS.PublishZone', t.zone, ctx)).serial).toBeGreaterThan(after);
    });

    it('removes and deletes what is missing as a success; reading a missing zone is not found', async () => {
      const { t, ctx } = await withZone();
      await c.exec('DNS.RemoveRecord', t.record('www', 'A', '192.0.2.99'), ctx);
      const gone = freshTenant();
      await c.exec('DNS.RemoveRecord', gone.record('www', 'A', '192.0.2.99'), runCtx(gone.id));
      await c.exec('DNS.DeleteZone', gone.zone, runCtx(gone.id));
      expectPermanent(await failure(c.exec('DNS.GetZone', gone.zone, runCtx(gone.id))), 'NOT_FOUND');
      expectPermanent(await failure(c.exec('DNS.PublishZone', gone.zone, runCtx(gone.id))), 'NOT_FOUND');
    });

    it('rolls back only what its own run added, removed or published', async () => {
      const { t, ctx } = await withZone();
      const www = t.record('www', 'A', '192.0.2.10');
      const ftp = t.record('ftp', 'A', '192.0.2.11');
      await c.exec('DNS.AddRecord', www, ctx);
      const later = runCtx(t.id);
      await c.exec('DNS.AddRecord', www, later);
      await c.exec('DNS.AddRecord', ftp, later);
      await c.rollback('DNS.AddRecord', www, undefined, later);
      await c.rollback('DNS.AddRecord', ftp, undefined, later);
      await c.rollback('DNS.AddRecord', ftp, undefined, later);
      expect((await records(t)).map((r: { name: string }) => r.name)).toEqual(['www']);
      const removal = runCtx(t.id);
      await c.exec('DNS.RemoveRecord', www, removal);
      expect(await records(t)).toEqual([]);
      await c.rollback('DNS.RemoveRecord', www, undefined, removal);
      await c.rollback('DNS.RemoveRecord', www, undefined, removal);
      expect((await records(t)).map((r: { name: string }) => r.name)).toEqual(['www']);
      const publish = runCtx(t.id);
      await c.exec('DNS.PublishZone', t.zone, publish);
      await c.rollback('DNS.PublishZone', t.zone, undefined, publish);
      expect((await c.output('DNS.GetZone', t.zone, ctx)).published).toBe(false);
    });

    it('rolls a zone delete back with its records, and a zone creation back with everything in it', async () => {
      const { t, ctx } = await withZone();
      await c.exec('DNS.AddRecord', t.record('@', 'MX', `mail.${t.domain}`), ctx);
      await c.exec('DNS.PublishZone', t.zone, ctx);
      const cancel = runCtx(t.id);
      await c.exec('DNS.DeleteZone', t.zone, cancel);
      await c.exec('DNS.DeleteZone', t.zone, cancel);
      expectPermanent(await failure(c.exec('DNS.GetZone', t.zone, ctx)), 'NOT_FOUND');
      await c.rollback('DNS.DeleteZone', t.zone, undefined, cancel);
      await c.rollback('DNS.DeleteZone', t.zone, undefined, cancel);
      expect(await c.output('DNS.GetZone', t.zone, ctx)).toEqual({
        published: true,
        records: [{ name: '@', type: 'MX', value: `mail.${t.domain}`, ttl: 3600, priority: 10 }],
      });
      await c.rollback('DNS.CreateZone', t.zone, undefined, runCtx(t.id));
      expect((await c.output('DNS.GetZone', t.zone, ctx)).records).toHaveLength(1);
      await c.rollback('DNS.CreateZone', t.zone, undefined, ctx);
      await c.rollback('DNS.CreateZone', t.zone, undefined, ctx);
      expectPermanent(await failure(c.exec('DNS.GetZone', t.zone, ctx)), 'NOT_FOUND');
    });
  });
}
