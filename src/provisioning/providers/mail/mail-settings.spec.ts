import { loadConfig } from '../../../config/app-config';
import { providerConfigProblems } from '../../../app/providers';
import { mailSettings } from './mail-settings';

const ldap = {
  PROVIDER_DIRECTORY: 'ldap',
  LDAP_URL: 'ldap://127.0.0.1:10389',
  LDAP_BIND_DN: 'cn=manager,dc=provisio,dc=test',
  LDAP_BIND_PASSWORD: 'x',
  LDAP_BASE_DN: 'dc=provisio,dc=test',
};

describe('mail provider settings', () => {
  it('needs the directory on ldap and both endpoints, each problem naming its variable', () => {
    const problems = providerConfigProblems(loadConfig({ PROVIDER_EXCHANGE: 'mail', MAIL_SMTP_URL: 'http://x', MAIL_ALL_USERS_LIST: 'All Users' }));
    expect(problems).toEqual([
      'PROVIDER_EXCHANGE="mail": needs PROVIDER_DIRECTORY=ldap (Postfix and Dovecot read mailboxes from the directory\'s users)',
      'MAIL_SMTP_URL="http://x": must be smtp://host:port',
      'MAIL_IMAP_URL: required when Exchange uses the mail provider (e.g. imap://127.0.0.1:10143)',
      'MAIL_ALL_USERS_LIST="All Users": must be a local part such as all-users (or none)',
    ]);
  });

  it('turns a valid configuration into the driver settings', () => {
    const c = loadConfig({ ...ldap, PROVIDER_EXCHANGE: 'mail', MAIL_SMTP_URL: 'smtp://127.0.0.1:10025', MAIL_IMAP_URL: 'imap://127.0.0.1:10143/' });
    expect(providerConfigProblems(c)).toEqual([]);
    expect(mailSettings(c)).toMatchObject({
      smtp: { host: '127.0.0.1', port: 10025 },
      imap: { host: '127.0.0.1', port: 10143 },
      allUsersList: 'all-users',
      ldap: { url: ldap.LDAP_URL },
    });
    expect(
      mailSettings(loadConfig({ ...ldap, PROVIDER_EXCHANGE: 'mail', MAIL_SMTP_URL: 'smtp://h:1', MAIL_IMAP_URL: 'imap://h:2', MAIL_ALL_USERS_LIST: 'none' }))
        .allUsersList,
    ).toBe('');
  });
});
