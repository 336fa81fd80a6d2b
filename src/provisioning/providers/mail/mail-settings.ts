import type { AppConfig } from '../../../config/app-config';
import { ldapSettings } from '../ldap/ldap-settings';
import type { MailSettings } from './mail-provider';

const ENDPOINT = (scheme: string) => new RegExp(`^${scheme}://([^/:\\s]+):(\\d{1,5})/?$`);

function endpoint(url: string, scheme: string): { host: string; port: number } {
  const m = ENDPOINT(scheme).exec(url)!;
  return { host: m[1], port: Number(m[2]) };
}

/**
 * Problems of the `mail` provider's variables (when it is chosen), each naming its variable. The
 * directory's own variables (`LDAP_*`) are checked by the `ldap` provider, which must serve the
 * Directory: Postfix and Dovecot find mailboxes on the directory's users.
 */
export function mailSettingsProblems(c: AppConfig): string[] {
  const problems: string[] = [];
  if (c.providerDirectory !== 'ldap')
    problems.push(`PROVIDER_EXCHANGE="mail": needs PROVIDER_DIRECTORY=ldap (Postfix and Dovecot read mailboxes from the directory's users)`);
  if (!c.mailSmtpUrl) problems.push('MAIL_SMTP_URL: required when Exchange uses the mail provider (e.g. smtp://127.0.0.1:10025)');
  else if (!ENDPOINT('smtp').test(c.mailSmtpUrl)) problems.push(`MAIL_SMTP_URL=${JSON.stringify(c.mailSmtpUrl)}: must be smtp://host:port`);
  if (!c.mailImapUrl) problems.push('MAIL_IMAP_URL: required when Exchange uses the mail provider (e.g. imap://127.0.0.1:10143)');
  else if (!ENDPOINT('imap').test(c.mailImapUrl)) problems.push(`MAIL_IMAP_URL=${JSON.stringify(c.mailImapUrl)}: must be imap://host:port`);
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(c.mailAllUsersList))
    problems.push(`MAIL_ALL_USERS_LIST=${JSON.stringify(c.mailAllUsersList)}: must be a local part such as all-users (or none)`);
  return problems;
}

/** The settings of a valid configuration. */
export function mailSettings(c: AppConfig): MailSettings {
  return {
    ldap: ldapSettings(c),
    smtp: endpoint(c.mailSmtpUrl!, 'smtp'),
    imap: endpoint(c.mailImapUrl!, 'imap'),
    retentionMs: c.platformRetentionMs,
    allUsersList: c.mailAllUsersList === 'none' ? '' : c.mailAllUsersList,
  };
}
