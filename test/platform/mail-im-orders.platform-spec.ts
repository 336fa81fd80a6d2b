import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DovecotInfo, type EjabberdInfo, type PostfixInfo, dovecotService, ejabberdService, postfixService } from '../../scripts/platform/services';
import type { Actor } from '../helpers/identity';
import { type Endpoint, imapLoginWorks, readInbox, sendMail, xmppLogin, xmppLoginWorks } from './mail-clients';
import { type PlatformWorld, startPlatformWorld, transcript } from './platform-orders';

/**
 * A customer's mail and IM on the real servers, through the API as a customer would: Exchange on
 * Postfix + Dovecot, Communications on ejabberd, the directory on OpenLDAP (DNS on PowerDNS,
 * Mobility and SharePoint on the lab). Users get their passwords through the API and use them
 * with nodemailer, imapflow and xmpp.js.
 */
describe('mail and IM orders on Postfix, Dovecot and ejabberd', () => {
  let p: PlatformWorld;
  let contoso: Actor;
  let fabrikam: Actor;
  let smtp: Endpoint;
  let imap: Endpoint;
  let xmpp: Endpoint;
  const tag = randomBytes(3).toString('hex');
  const domain = `contoso-${tag}.example`;
  const otherDomain = `fabrikam-${tag}.example`;
  const crashFile = path.join(os.tmpdir(), `provisio-crash-${tag}`);
  const crashEnv = { PROVISIO_TEST_CRASH_AT: 'Exchange.CreateMailbox', PROVISIO_TEST_CRASH_FILE: crashFile };
  const pw = (alias: string) => `${alias[0].toUpperCase()}${alias.slice(1)}-Secret-${tag}`;
  const at = (alias: string, d = domain) => `${alias}@${d}`;

  async function setPassword(c: Actor, alias: string): Promise<void> {
    const res = await p.t.request('PUT', `/v1/organizations/${c.orgId}/customer-users/${alias}/password`, { token: c.token, body: { password: pw(alias) } });
    expect(res.status).toBe(204);
  }

  /** Polls the inbox until a message with `subject` is there (delivery is asynchronous). */
  async function inboxWith(alias: string, subject: string) {
    for (let i = 0; i < 100; i++) {
      const inbox = await readInbox(imap, at(alias), pw(alias));
      if (inbox.some((m) => m.subject === subject)) return inbox;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${alias} never received "${subject}"`);
  }

  /** A hoster plan: the smallest mailbox (50 MB) with IM and presence (no ActiveSync), next to the seeded mobile mailbox. */
  async function plans(): Promise<void> {
    const hoster = (method: 'POST', url: string, body?: unknown) => p.t.request(method, url, { token: p.hoster.token, body });
    const user = await hoster('POST', '/v1/plans', {
      kind: 'user',
      name: `tiny-im-${tag}`,
      displayName: 'Tiny mailbox with IM',
      services: ['directory', 'exchange', 'communications'],
      features: { 'exchange.mailbox_size_mb': 50, 'communications.im': true, 'communications.presence': true },
    });
    expect(user.status).toBe(201);
    await hoster('POST', `/v1/plans/${user.body.id}/publish`);
    const mobile = (await p.t.get('/v1/plans', { token: p.hoster.token })).body.items.find((x: { name: string }) => x.name === 'mobile-mailbox');
    const org = await hoster('POST', '/v1/plans', {
      kind: 'organization',
      name: `mail-im-${tag}`,
      displayName: 'Mail and IM',
      services: ['directory', 'exchange', 'mobility', 'dns', 'communications'],
      features: {
        'exchange.mailboxes': 10,
        'exchange.mailbox_size_mb': 4096,
        'mobility.activesync': true,
        'mobility.devices_per_user': 3,
        'dns.zones': 1,
        'dns.records': 50,
        'communications.users': 10,
        'communications.im': true,
        'communications.presence': true,
      },
      userPlanIds: [user.body.id, mobile.id],
    });
    expect(org.status).toBe(201);
    const published = await hoster('POST', `/v1/plans/${org.body.id}/publish`);
    expect({ status: published.status, problem: published.body.detail }).toEqual({ status: 200, problem: undefined });
  }

  beforeAll(async () => {
    p = await startPlatformWorld({ services: [dovecotService(), postfixService(), ejabberdService()], engineEnv: crashEnv });
    const postfix = p.h.platform.info.postfix as PostfixInfo;
    const dovecot = p.h.platform.info.dovecot as DovecotInfo;
    const ejabberd = p.h.platform.info.ejabberd as EjabberdInfo;
    smtp = { host: postfix.host, port: postfix.smtpPort };
    imap = { host: dovecot.host, port: dovecot.imapPort };
    xmpp = { host: ejabberd.host, port: ejabberd.c2sPort };
    await plans();
    contoso = await p.customer();
    fabrikam = await p.customer();
    const tiny = `tiny-im-${tag}`;
    const a = await p.order(contoso.token, {
      type: 'subscribe',
      organizationId: contoso.orgId,
      plan: `mail-im-${tag}`,
      domain,
      users: [
        { alias: 'ann', displayName: 'Ann Lee', userPlan: tiny },
        { alias: 'bob', displayName: 'Bob Ray', userPlan: tiny },
        { alias: 'cem', displayName: 'Cem Aydin', userPlan: 'mobile-mailbox' },
      ],
    });
    expect({ status: a.status, error: a.errorContext }).toEqual({ status: 'completed', error: null });
    const b = await p.order(fabrikam.token, {
      type: 'subscribe',
      organizationId: fabrikam.orgId,
      plan: `mail-im-${tag}`,
      domain: otherDomain,
      users: [{ alias: 'fay', displayName: 'Fay Wu', userPlan: tiny }],
    });
    expect({ status: b.status, error: b.errorContext }).toEqual({ status: 'completed', error: null });
    for (const alias of ['ann', 'bob', 'cem']) await setPassword(contoso, alias);
    await setPassword(fabrikam, 'fay');
  });
  afterAll(async () => {
    fs.rmSync(crashFile, { force: true });
    await p?.close();
  });

  it('an e-mail sent over SMTP to ann is read over IMAP by ann with her password', async () => {
    const subject = `Quarterly numbers ${tag}`;
    const sent = await sendMail(smtp, { from: at('bob'), to: at('ann'), subject, text: 'See you at ten.' });
    expect(sent.accepted).toEqual([at('ann')]);
    await inboxWith('ann', subject);
    const inbox = await readInbox(imap, at('ann'), pw('ann'), true);
    const got = inbox.find((m) => m.subject === subject)!;
    expect(got.from).toBe(at('bob'));
    expect(got.text).toContain('See you at ten.');
    expect(await imapLoginWorks(imap, at('ann'), 'not-her-password')).toBe(false);
    transcript(
      'SMTP → IMAP',
      `nodemailer → ${smtp.host}:${smtp.port}: ${sent.response}\nimapflow ${at('ann')} INBOX: ${inbox.map((m) => `"${m.subject}" from ${m.from}`).join('; ')}`,
    );
  });

  it('a message larger than the room left in her mailbox is refused', async () => {
    const text = (mb: number) => `${'x'.repeat(76)}\r\n`.repeat(Math.ceil((mb * 1_000_000) / 78));
    // 40 of her 50 MB used, then 15 MB more do not fit.
    await sendMail(smtp, { from: at('bob'), to: at('ann'), subject: 'the big report', text: text(40) });
    await inboxWith('ann', 'the big report');
    const refused = await sendMail(smtp, { from: at('bob'), to: at('ann'), subject: 'too big', text: text(15) }).catch((e) => e);
    expect({ code: refused.responseCode, response: String(refused.response) }).toEqual({ code: 552, response: expect.stringContaining('5.2.2') });
    expect((await readInbox(imap, at('ann'), pw('ann'))).some((m) => m.subject === 'too big')).toBe(false);
    // 5 MB still fit.
    await sendMail(smtp, { from: at('bob'), to: at('ann'), subject: 'small enough', text: text(5) });
    await inboxWith('ann', 'small enough');
    transcript('quota', `40 MB then 15 MB to a 50 MB mailbox: ${refused.response}`);
  });

  it("bob's mail to the organization's All Users list reaches its members", async () => {
    const subject = `Team lunch ${tag}`;
    await sendMail(smtp, { from: at('bob'), to: at('all-users'), subject, text: 'Friday.' });
    for (const alias of ['ann', 'bob', 'cem']) expect((await inboxWith(alias, subject)).some((m) => m.subject === subject)).toBe(true);
    expect((await readInbox(imap, at('fay', otherDomain), pw('fay'))).some((m) => m.subject === subject)).toBe(false);
  });

  it('ann and a colleague see each other over XMPP; a user of another customer sees neither', async () => {
    const ann = await xmppLogin(xmpp, at('ann'), pw('ann'));
    const bob = await xmppLogin(xmpp, at('bob'), pw('bob'));
    const fay = await xmppLogin(xmpp, at('fay', otherDomain), pw('fay'));
    try {
      await ann.presenceFrom(at('bob'));
      await bob.presenceFrom(at('ann'));
      expect(await ann.roster()).toEqual([at('bob'), at('cem')]);
      expect(await fay.roster()).toEqual([]);
      expect(fay.presences.filter((j) => j !== at('fay', otherDomain))).toEqual([]);
      transcript(
        'XMPP presence',
        `${at('ann')} received presence from: ${[...new Set(ann.presences)].join(', ')}\n${at('bob')} received presence from: ${[...new Set(bob.presences)].join(', ')}\n${at('fay', otherDomain)} received presence from: ${[...new Set(fay.presences)].join(', ')}`,
      );
    } finally {
      await Promise.all([ann.stop(), bob.stop(), fay.stop()]);
    }
  });

  it('suspend: ann cannot log in to IMAP or XMPP and mail to her is refused; resume: she can', async () => {
    expect((await p.order(p.hoster.token, { type: 'suspend', organizationId: contoso.orgId })).status).toBe('completed');
    const refused = await sendMail(smtp, { from: at('fay', otherDomain), to: at('ann'), subject: 'while suspended', text: 'x' }).catch((e) => e);
    expect({ code: refused.responseCode, response: String(refused.response) }).toEqual({ code: 554, response: expect.stringContaining('5.2.1') });
    expect(await imapLoginWorks(imap, at('ann'), pw('ann'))).toBe(false);
    expect(await xmppLoginWorks(xmpp, at('ann'), pw('ann'))).toBe(false);
    expect((await p.order(p.hoster.token, { type: 'resume', organizationId: contoso.orgId })).status).toBe('completed');
    expect(await imapLoginWorks(imap, at('ann'), pw('ann'))).toBe(true);
    expect(await xmppLoginWorks(xmpp, at('ann'), pw('ann'))).toBe(true);
    await sendMail(smtp, { from: at('fay', otherDomain), to: at('ann'), subject: 'after resume', text: 'x' });
    await inboxWith('ann', 'after resume');
  });

  it('remove_users bob: mail to bob bounces and bob cannot log in', async () => {
    expect((await p.order(contoso.token, { type: 'remove_users', organizationId: contoso.orgId, aliases: ['bob'] })).status).toBe('completed');
    const bounced = await sendMail(smtp, { from: at('ann'), to: at('bob'), subject: 'are you there?', text: 'x' }).catch((e) => e);
    expect({ code: bounced.responseCode, response: String(bounced.response) }).toEqual({ code: 550, response: expect.stringContaining('User unknown') });
    expect(await imapLoginWorks(imap, at('bob'), pw('bob'))).toBe(false);
    expect(await xmppLoginWorks(xmpp, at('bob'), pw('bob'))).toBe(false);
  });

  it('shows an operator what the mail and IM platforms hold, and their reachability', async () => {
    const res = await p.t.get(`/v1/platform/objects?organization=${contoso.orgId}`, { token: p.hoster.token });
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.providers.map((x: { provider: string }) => [x.provider, x]));
    expect(byName.mail.objects.mailboxes.map((m: { alias: string }) => m.alias).sort()).toEqual(['ann', 'cem']);
    expect(byName.mail.objects.acceptedDomains).toEqual([domain]);
    expect(byName.xmpp.objects.sipDomains).toEqual([{ domain, servedByEjabberd: true }]);
    const ready = await p.t.get('/health/ready');
    const probes = Object.fromEntries(ready.body.providers.map((x: { provider: string }) => [x.provider, x]));
    expect(probes.mail).toMatchObject({ namespaces: ['Exchange'], ok: true });
    expect(probes.xmpp).toMatchObject({ namespaces: ['Communications'], ok: true });
    expect(ready.body.checks.providers.ok).toBe(true);
  });

  it('an engine SIGKILLed during a mailbox creation is taken over with no duplicate mailbox', async () => {
    fs.writeFileSync(crashFile, 'die once');
    const added = await p.order(contoso.token, {
      type: 'add_users',
      organizationId: contoso.orgId,
      users: [{ alias: 'dee', displayName: 'Dee Dee', userPlan: `tiny-im-${tag}` }],
    });
    expect(added.status).toBe('completed');
    expect(fs.existsSync(crashFile)).toBe(false);
    expect(p.engines.filter((e) => e.child.signalCode === 'SIGKILL')).toHaveLength(1);
    const created = (
      await p.t.pool.query(`SELECT status, attempt FROM provisioning_steps WHERE run_id = $1 AND procedure = 'CreateMailbox' ORDER BY seq`, [added.runId])
    ).rows;
    expect(created).toEqual([expect.objectContaining({ status: 'completed', attempt: 2 })]);
    expect(p.h.ldapsearch(`(mail=${at('dee')})`, ['1.1']).match(/^dn: /gm)).toHaveLength(1);
    await setPassword(contoso, 'dee');
    await sendMail(smtp, { from: at('ann'), to: at('dee'), subject: 'welcome', text: 'x' });
    expect((await inboxWith('dee', 'welcome')).filter((m) => m.subject === 'welcome')).toHaveLength(1);
  });
});
