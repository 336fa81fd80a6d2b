import fs from 'node:fs';
import { type DovecotInfo, type EjabberdInfo, type PostfixInfo, dovecotService, ejabberdService, postfixService } from '../../scripts/platform/services';
import { createLdapProvider } from '../../src/provisioning/providers/ldap/ldap-provider';
import { createMailProvider } from '../../src/provisioning/providers/mail/mail-provider';
import { createXmppProvider } from '../../src/provisioning/providers/xmpp/xmpp-provider';
import { communicationsContract } from '../providers/communications-contract';
import { ContractClient, failure, freshTenant, runCtx } from '../providers/contract';
import { exchangeContract, type MailContractTarget } from '../providers/exchange-contract';
import { type PlatformHarness, startPlatformHarness } from './platform-harness';

/**
 * The provider contract (the same behaviours `npm test` runs against the lab) against the mail
 * platform (Postfix + Dovecot reading OpenLDAP) and ejabberd, with the ldap provider as their
 * directory; plus: a platform that does not answer fails calls as retryable, and probes say so.
 */
describe('provider contract: mail and xmpp', () => {
  let h: PlatformHarness;
  let mail: MailContractTarget;
  let xmpp: MailContractTarget;
  beforeAll(async () => {
    h = await startPlatformHarness([dovecotService(), postfixService(), ejabberdService()]);
    const dovecot = h.platform.info.dovecot as DovecotInfo;
    const postfix = h.platform.info.postfix as PostfixInfo;
    const ejabberd = h.platform.info.ejabberd as EjabberdInfo;
    const ldap = h.ldapSettings();
    const directory = createLdapProvider(ldap);
    const mailSettings = {
      ldap,
      smtp: { host: postfix.host, port: postfix.smtpPort },
      imap: { host: dovecot.host, port: dovecot.imapPort },
      retentionMs: ldap.retentionMs,
      allUsersList: 'all-users',
    };
    const xmppSettings = { ldap, api: { url: ejabberd.apiUrl, timeoutMs: 10_000 }, hostsFile: ejabberd.hostsFile, retentionMs: ldap.retentionMs };
    mail = {
      provider: createMailProvider(mailSettings),
      unreachable: createMailProvider({ ...mailSettings, ldap: { ...ldap, url: 'ldap://127.0.0.1:9', timeoutMs: 1000 }, smtp: { host: '127.0.0.1', port: 9 } }),
      directory,
      close: async () => undefined,
    };
    xmpp = {
      provider: createXmppProvider(xmppSettings),
      unreachable: createXmppProvider({ ...xmppSettings, api: { url: 'http://127.0.0.1:9/api', timeoutMs: 1000 } }),
      directory,
      close: async () => undefined,
    };
    expect(fs.existsSync(ejabberd.hostsFile)).toBe(true);
  });
  afterAll(async () => {
    for (const t of [mail, xmpp]) {
      await t?.provider.close?.();
      await t?.unreachable?.close?.();
    }
    await mail?.directory.close?.();
    await h?.close();
  });

  describe('mail', () => exchangeContract(() => mail));
  describe('xmpp', () => communicationsContract(() => xmpp));

  it('fails calls to a platform that does not answer as retryable, and probes say unreachable', async () => {
    const t = freshTenant();
    const dir = new ContractClient(mail.directory);
    await dir.exec('Directory.CreateOrganization', t.ou, runCtx(t.id));
    const m = await failure(new ContractClient(mail.unreachable!).exec('Exchange.EnableOrganization', { organization: { id: t.id, name: 'x' } }, runCtx(t.id)));
    expect(m).toMatchObject({ code: 'LDAP_UNAVAILABLE', retryable: true });
    const x = await failure(
      new ContractClient(xmpp.unreachable!).exec('Communications.CreateSipDomain', { organization: { id: t.id, domain: t.domain } }, runCtx(t.id)),
    );
    expect(x).toMatchObject({ code: 'XMPP_UNAVAILABLE', retryable: true });
    expect(await mail.unreachable!.probe!()).toMatchObject({ ok: false });
    expect(await xmpp.unreachable!.probe!()).toMatchObject({ ok: false });
    expect(await mail.provider.probe!()).toMatchObject({ ok: true });
    expect(await xmpp.provider.probe!()).toMatchObject({ ok: true });
  });
});
