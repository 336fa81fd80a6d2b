import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Attribute, Change, Client } from 'ldapts';
import { type RunningPlatform, startPlatform } from '../../scripts/platform/launcher';
import {
  type DovecotInfo,
  type EjabberdInfo,
  type PostfixInfo,
  type SlapdInfo,
  dovecotService,
  ejabberdService,
  postfixService,
  slapdService,
} from '../../scripts/platform/services';
import { purgeOrphanedMail } from '../../scripts/platform/services/dovecot';
import { createMailProvider } from '../../src/provisioning/providers/mail/mail-provider';
import type { ProcedureContext, Provider } from '../../src/provisioning/providers/provider';
import { createXmppProvider } from '../../src/provisioning/providers/xmpp/xmpp-provider';
import { imapLoginWorks, readInbox, sendMail, xmppLogin, xmppLoginWorks } from './mail-clients';

/**
 * The mail and XMPP drivers against the real servers, the directory entries made as the
 * directory driver makes them: mail sent over SMTP is read over IMAP, quotas, lists, removal,
 * suspension, presence within a tenant and not across.
 */

jest.setTimeout(180_000);

let platform: RunningPlatform;
let mail: Provider;
let xmpp: Provider;
let slapd: SlapdInfo;
let smtp: { host: string; port: number };
let imap: { host: string; port: number };
let c2s: { host: string; port: number };
let dir: string;
let run = 0;

function ctx(): ProcedureContext {
  return { runId: `run_test${++run}`, stepSeq: 1, attempt: 1, engineId: 'test' };
}

async function call(p: Provider, id: string, raw: Record<string, unknown>, c = ctx()) {
  const proc = p.procedures.find((x) => `${x.namespace}.${x.name}` === id)!;
  return proc.execute(proc.parseInput(raw), c);
}

async function ldap<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ url: slapd.url });
  await c.bind(slapd.managerDn, fs.readFileSync(slapd.managerPasswordFile, 'utf8').trim());
  try {
    return await fn(c);
  } finally {
    await c.unbind();
  }
}

/** A tenant and its users, as Directory.CreateOrganization and CreateUser (+ a password) leave them. */
async function directoryTenant(org: string, domain: string, users: string[]): Promise<void> {
  await ldap(async (c) => {
    const ou = `ou=${org},${slapd.hostingDn}`;
    await c.add(ou, { objectClass: ['organizationalUnit', 'provisioTenant'], ou: org, provisioOrganizationId: org, provisioDomain: domain });
    for (const alias of users) {
      await c.add(`uid=${alias},${ou}`, {
        objectClass: ['inetOrgPerson', 'provisioAccount'],
        uid: alias,
        cn: alias,
        sn: alias,
        provisioOrganizationId: org,
        provisioAccountStatus: 'active',
        provisioUserPrincipalName: `${alias}@${domain}`,
        userPassword: `${alias}-secret`,
      });
    }
  });
}

async function setStatus(org: string, alias: string, status: 'active' | 'disabled'): Promise<void> {
  await ldap((c) =>
    c.modify(`uid=${alias},ou=${org},${slapd.hostingDn}`, [
      new Change({ operation: 'replace', modification: new Attribute({ type: 'provisioAccountStatus', values: [status] }) }),
    ]),
  );
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-mail-'));
  fs.chmodSync(dir, 0o711);
  platform = await startPlatform({
    dir: path.join(dir, 'platform'),
    services: [slapdService(), dovecotService(), postfixService(), ejabberdService()],
    ports: 'free',
  });
  slapd = platform.info.slapd as SlapdInfo;
  const dovecot = platform.info.dovecot as DovecotInfo;
  const postfix = platform.info.postfix as PostfixInfo;
  const ejabberd = platform.info.ejabberd as EjabberdInfo;
  smtp = { host: postfix.host, port: postfix.smtpPort };
  imap = { host: dovecot.host, port: dovecot.imapPort };
  c2s = { host: ejabberd.host, port: ejabberd.c2sPort };
  const ldapSettings = {
    url: slapd.url,
    bindDn: slapd.managerDn,
    bindPassword: fs.readFileSync(slapd.managerPasswordFile, 'utf8').trim(),
    baseDn: slapd.baseDn,
    timeoutMs: 5000,
  };
  mail = createMailProvider({ ldap: ldapSettings, smtp, imap, retentionMs: 86_400_000, allUsersList: 'all-users' });
  xmpp = createXmppProvider({ ldap: ldapSettings, api: { url: ejabberd.apiUrl, timeoutMs: 10_000 }, hostsFile: ejabberd.hostsFile, retentionMs: 86_400_000 });

  await directoryTenant('org_contoso', 'contoso.example', ['ann', 'bob', 'cem']);
  await directoryTenant('org_fabrikam', 'fabrikam.example', ['fay']);
  for (const [org, name, domain, users] of [
    ['org_contoso', 'Contoso', 'contoso.example', ['ann', 'bob', 'cem']],
    ['org_fabrikam', 'Fabrikam', 'fabrikam.example', ['fay']],
  ] as const) {
    await call(mail, 'Exchange.EnableOrganization', { organization: { id: org, name } });
    await call(mail, 'Exchange.AddAcceptedDomain', { organization: { id: org, domain } });
    await call(xmpp, 'Communications.CreateSipDomain', { organization: { id: org, domain } });
    for (const alias of users) {
      await call(mail, 'Exchange.CreateMailbox', {
        organization: { id: org, domain },
        user: { alias, displayName: alias, mailboxSizeMb: alias === 'ann' ? '1' : '50' },
      });
      await call(xmpp, 'Communications.EnableUser', { organization: { id: org, domain }, user: { alias } });
    }
  }
});

afterAll(async () => {
  await mail?.close?.();
  await xmpp?.close?.();
  await platform?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('probes see the servers', async () => {
  expect(await mail.probe!()).toEqual({ ok: true, detail: `smtp://${smtp.host}:${smtp.port}, imap://${imap.host}:${imap.port}` });
  expect(await xmpp.probe!()).toMatchObject({ ok: true });
});

test('a message sent over SMTP to ann is read over IMAP by ann with her password', async () => {
  const sent = await sendMail(smtp, { from: 'bob@contoso.example', to: 'ann@contoso.example', subject: 'Quarterly numbers', text: 'See you at ten.' });
  expect(sent.accepted).toEqual(['ann@contoso.example']);
  let inbox = await readInbox(imap, 'ann@contoso.example', 'ann-secret');
  for (let i = 0; i < 50 && !inbox.length; i++)
    inbox = await new Promise((r) => setTimeout(r, 100)).then(() => readInbox(imap, 'ann@contoso.example', 'ann-secret'));
  expect(inbox.map((m) => [m.from, m.subject])).toContainEqual(['bob@contoso.example', 'Quarterly numbers']);
  expect(await imapLoginWorks(imap, 'ann@contoso.example', 'wrong')).toBe(false);
});

test('ann and a colleague see each other over XMPP; another customer sees neither', async () => {
  const ann = await xmppLogin(c2s, 'ann@contoso.example', 'ann-secret');
  const bob = await xmppLogin(c2s, 'bob@contoso.example', 'bob-secret');
  const fay = await xmppLogin(c2s, 'fay@fabrikam.example', 'fay-secret');
  try {
    await ann.presenceFrom('bob@contoso.example');
    await bob.presenceFrom('ann@contoso.example');
    expect(await ann.roster()).toEqual(['bob@contoso.example', 'cem@contoso.example']);
    expect(await fay.roster()).toEqual([]);
    expect(fay.presences.filter((j) => j !== 'fay@fabrikam.example')).toEqual([]);
  } finally {
    await Promise.all([ann.stop(), bob.stop(), fay.stop()]);
  }
});

test('suspend refuses delivery and logins; resume restores them', async () => {
  await setStatus('org_contoso', 'cem', 'disabled');
  await expect(sendMail(smtp, { from: 'bob@contoso.example', to: 'cem@contoso.example', subject: 'x', text: 'x' })).rejects.toMatchObject({
    responseCode: 554,
  });
  expect(await imapLoginWorks(imap, 'cem@contoso.example', 'cem-secret')).toBe(false);
  expect(await xmppLoginWorks(c2s, 'cem@contoso.example', 'cem-secret')).toBe(false);
  await setStatus('org_contoso', 'cem', 'active');
  expect(await imapLoginWorks(imap, 'cem@contoso.example', 'cem-secret')).toBe(true);
  expect(await xmppLoginWorks(c2s, 'cem@contoso.example', 'cem-secret')).toBe(true);
});

test('a message larger than the room left in the mailbox is refused', async () => {
  // ann's mailbox holds 1 MB; this message is about 1.4 MB.
  const big = 'x'.repeat(76).concat('\r\n').repeat(18_000);
  const refused = await sendMail(smtp, { from: 'bob@contoso.example', to: 'ann@contoso.example', subject: 'too big', text: big }).catch((e) => e);
  expect(refused).toMatchObject({ responseCode: 552 });
  expect(String(refused.response)).toMatch(/5\.2\.2/);
  // A client that does not announce the size gets the refusal as a bounce (Dovecot refuses the delivery).
  await sendMail(smtp, { from: 'bob@contoso.example', to: 'ann@contoso.example', subject: 'too big, unannounced', text: big }, false);
  let bounces: Awaited<ReturnType<typeof readInbox>> = [];
  for (let i = 0; i < 100 && !bounces.length; i++) {
    await new Promise((r) => setTimeout(r, 100));
    bounces = (await readInbox(imap, 'bob@contoso.example', 'bob-secret', true)).filter((m) => /Undelivered/i.test(m.subject));
  }
  expect(bounces[0].text).toMatch(/552 5\.2\.2 <ann@contoso\.example> Quota exceeded/);
  const inbox = await readInbox(imap, 'ann@contoso.example', 'ann-secret');
  expect(inbox.map((m) => m.subject).filter((s) => s.startsWith('too big'))).toEqual([]);
});

test("bob's mail to the All Users list reaches every mailbox of his organization", async () => {
  await sendMail(smtp, { from: 'bob@contoso.example', to: 'all-users@contoso.example', subject: 'Team lunch', text: 'Friday.' });
  for (const alias of ['ann', 'bob', 'cem']) {
    let inbox = await readInbox(imap, `${alias}@contoso.example`, `${alias}-secret`);
    for (let i = 0; i < 50 && !inbox.some((m) => m.subject === 'Team lunch'); i++)
      inbox = await new Promise((r) => setTimeout(r, 100)).then(() => readInbox(imap, `${alias}@contoso.example`, `${alias}-secret`));
    expect(inbox.map((m) => m.subject)).toContain('Team lunch');
  }
  const fay = await readInbox(imap, 'fay@fabrikam.example', 'fay-secret');
  expect(fay.map((m) => m.subject)).not.toContain('Team lunch');
});

test('creating a mailbox twice gives one mailbox; its rollback by another run leaves it', async () => {
  const again = await call(mail, 'Exchange.CreateMailbox', {
    organization: { id: 'org_contoso', domain: 'contoso.example' },
    user: { alias: 'bob', displayName: 'bob', mailboxSizeMb: '50' },
  });
  expect(again.output).toEqual({ primarySmtpAddress: 'bob@contoso.example' });
  const proc = mail.procedures.find((p) => p.name === 'CreateMailbox')!;
  await proc.rollback!(
    proc.parseInput({ organization: { id: 'org_contoso', domain: 'contoso.example' }, user: { alias: 'bob', displayName: 'bob', mailboxSizeMb: '50' } }),
    undefined,
    ctx(),
  );
  expect((await call(mail, 'Exchange.GetMailbox', { organization: { id: 'org_contoso' }, user: { alias: 'bob' } })).output).toEqual({
    primarySmtpAddress: 'bob@contoso.example',
    mailboxSizeMb: 50,
  });
});

test('a removed mailbox bounces and refuses its login; the rollback brings it back with its mail', async () => {
  const c = ctx();
  const removed = await call(mail, 'Exchange.DeleteMailbox', { organization: { id: 'org_contoso' }, user: { alias: 'cem' } }, c);
  await expect(sendMail(smtp, { from: 'bob@contoso.example', to: 'cem@contoso.example', subject: 'x', text: 'x' })).rejects.toMatchObject({
    responseCode: 550,
  });
  expect(await imapLoginWorks(imap, 'cem@contoso.example', 'cem-secret')).toBe(false);
  const proc = mail.procedures.find((p) => p.name === 'DeleteMailbox')!;
  // Without rollback data (outcome unknown): what the run remembered on the entry is enough.
  await proc.rollback!(proc.parseInput({ organization: { id: 'org_contoso' }, user: { alias: 'cem' } }), undefined, c);
  expect(removed.rollback).toEqual({ address: 'cem@contoso.example', mailboxSizeMb: 50, aliases: [] });
  const inbox = await readInbox(imap, 'cem@contoso.example', 'cem-secret');
  expect(inbox.map((m) => m.subject)).toContain('Team lunch');
});

test('a SIP domain of another organization is a conflict; deleting a domain with users is refused', async () => {
  await expect(call(xmpp, 'Communications.CreateSipDomain', { organization: { id: 'org_fabrikam', domain: 'contoso.example' } })).rejects.toMatchObject({
    code: 'LDAP_CONFLICT',
    retryable: false,
  });
  await expect(call(mail, 'Exchange.AddAcceptedDomain', { organization: { id: 'org_fabrikam', domain: 'contoso.example' } })).rejects.toMatchObject({
    code: 'LDAP_CONFLICT',
    retryable: false,
  });
  await expect(call(xmpp, 'Communications.DeleteSipDomain', { organization: { id: 'org_contoso', domain: 'contoso.example' } })).rejects.toMatchObject({
    code: 'LDAP_IN_USE',
  });
});

test("a user's mail store outlives the mailbox and goes with the directory entry", async () => {
  const mailRoot = (platform.info.dovecot as DovecotInfo).mailRoot;
  const uuid = await ldap(async (c) =>
    String((await c.search(`uid=fay,ou=org_fabrikam,${slapd.hostingDn}`, { scope: 'base', attributes: ['entryUUID'] })).searchEntries[0].entryUUID),
  );
  await sendMail(smtp, { from: 'fay@fabrikam.example', to: 'fay@fabrikam.example', subject: 'note to self', text: 'x' });
  for (let i = 0; i < 50 && !fs.existsSync(path.join(mailRoot, uuid)); i++) await new Promise((r) => setTimeout(r, 100));
  await call(xmpp, 'Communications.DisableUser', { organization: { id: 'org_fabrikam' }, user: { alias: 'fay' } });
  await call(mail, 'Exchange.DeleteMailbox', { organization: { id: 'org_fabrikam' }, user: { alias: 'fay' } });
  purgeOrphanedMail(mailRoot, slapd, () => undefined);
  expect(fs.existsSync(path.join(mailRoot, uuid))).toBe(true);
  await ldap((c) => c.del(`uid=fay,ou=org_fabrikam,${slapd.hostingDn}`));
  purgeOrphanedMail(mailRoot, slapd, () => undefined);
  expect(fs.existsSync(path.join(mailRoot, uuid))).toBe(false);
});

test('a vhost federates while one of its IM users has federation (ejabberd decides per vhost)', async () => {
  const hostsFile = (platform.info.ejabberd as EjabberdInfo).hostsFile;
  const vhosts = () => JSON.parse(fs.readFileSync(hostsFile, 'utf8').replace(/^#.*\n/, '')) as { hosts: string[]; host_config: Record<string, unknown> };
  await directoryTenant('org_tailspin', 'tailspin.example', ['tim']);
  await call(xmpp, 'Communications.CreateSipDomain', { organization: { id: 'org_tailspin', domain: 'tailspin.example' } });
  expect(vhosts().hosts).toEqual(expect.arrayContaining(['contoso.example', 'fabrikam.example', 'tailspin.example']));
  expect(vhosts().host_config).toEqual({});
  await call(xmpp, 'Communications.EnableUser', {
    organization: { id: 'org_tailspin', domain: 'tailspin.example' },
    user: { alias: 'tim', federation: 'true' },
  });
  expect(vhosts().host_config).toEqual({ 'tailspin.example': { s2s_access: 'all' } });
  expect(await xmppLoginWorks(c2s, 'tim@tailspin.example', 'tim-secret')).toBe(true);
  await call(xmpp, 'Communications.DisableUser', { organization: { id: 'org_tailspin' }, user: { alias: 'tim' } });
  expect(vhosts().host_config).toEqual({});
  expect(await xmppLoginWorks(c2s, 'tim@tailspin.example', 'tim-secret')).toBe(false);
});
