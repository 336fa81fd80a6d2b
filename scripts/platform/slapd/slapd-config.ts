import { createHash, randomBytes } from 'node:crypto';

/** The cn=config and the first entries of our slapd: pure text, written by the slapd service. */

export interface SlapdLayout {
  baseDn: string;
  managerDn: string;
  readerDn: string;
  hostingDn: string;
  deletedDn: string;
  systemDn: string;
}

export function slapdLayout(baseDn: string): SlapdLayout {
  return {
    baseDn,
    managerDn: `cn=manager,${baseDn}`,
    readerDn: `cn=reader,ou=System,${baseDn}`,
    hostingDn: `ou=Hosting,${baseDn}`,
    deletedDn: `ou=Deleted,${baseDn}`,
    systemDn: `ou=System,${baseDn}`,
  };
}

/** `{SSHA}` of a password, the form slapd checks for olcRootPW and service accounts. */
export function sshaHash(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

export interface ConfigInput {
  layout: SlapdLayout;
  dataDir: string;
  runDir: string;
  managerPassword: string;
  schemaFiles: string[];
  schemaLdif: string;
}

/**
 * Access, first match wins (the manager, olcRootDN, bypasses them all):
 * - the recycle bin: nobody (its users cannot bind, readers cannot see it);
 * - the password of a disabled account: nobody, so its binds fail (suspend);
 * - passwords: anonymous may authenticate (bind), an account may change its own;
 * - everything else: the reader service account and each entry itself may read.
 */
function acl(l: SlapdLayout): string[] {
  return [
    `{0}to dn.subtree="${l.deletedDn}" by * none`,
    `{1}to attrs=userPassword filter=(provisioAccountStatus=disabled) by * none`,
    `{2}to attrs=userPassword by self =w by anonymous auth by * none`,
    `{3}to * by dn.exact="${l.readerDn}" read by self read by * none`,
  ];
}

export function configLdif(c: ConfigInput): string {
  const l = c.layout;
  return `dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: ${c.runDir}/slapd.pid
olcArgsFile: ${c.runDir}/slapd.args
olcLogLevel: none

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb
olcModuleLoad: argon2

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

${c.schemaFiles.map((f) => `include: file://${f}`).join('\n\n')}

${c.schemaLdif}
dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcPasswordHash: {ARGON2}
olcSizeLimit: 5000

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcDbDirectory: ${c.dataDir}
olcSuffix: ${l.baseDn}
olcRootDN: ${l.managerDn}
olcRootPW: ${sshaHash(c.managerPassword)}
olcDbMaxSize: 1073741824
olcDbIndex: objectClass eq
olcDbIndex: ou,uid,cn,mail eq
olcDbIndex: member eq
olcDbIndex: provisioOrganizationId,provisioAcceptedDomain,provisioMailAlias,provisioBinKey eq
${acl(l)
  .map((a) => `olcAccess: ${a}`)
  .join('\n')}
`;
}

function rdnValue(dn: string): string {
  return dn.split(',')[0].split('=')[1];
}

/** The entries a new directory starts with (loaded with slapadd before the first start). */
export function baseLdif(l: SlapdLayout, readerPassword: string): string {
  const dc = rdnValue(l.baseDn);
  return `dn: ${l.baseDn}
objectClass: dcObject
objectClass: organization
dc: ${dc}
o: Provisio

dn: ${l.hostingDn}
objectClass: organizationalUnit
ou: Hosting
description: Tenants: customers of the hoster, and resellers with their customers

dn: ${l.deletedDn}
objectClass: organizationalUnit
ou: Deleted
description: Recycle bin: deleted entries until a rollback restores them or the retention ends

dn: ${l.systemDn}
objectClass: organizationalUnit
ou: System

dn: ${l.readerDn}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: reader
description: Read-only account for the servers that read the directory (mail, XMPP)
userPassword: ${sshaHash(readerPassword)}
`;
}
