import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

const SYSTEM_SCHEMAS = ['core', 'cosine', 'inetorgperson', 'nis', 'dyngroup'].map((s) => `/etc/ldap/schema/${s}.ldif`);

/** The folder of our schema files, from the sources or from `dist/` (walks up to find it). */
export function schemaDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'scripts/platform/ldap/schema');
    if (fs.existsSync(path.join(candidate, 'provisio.ldif'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`scripts/platform/ldap/schema/provisio.ldif not found above ${__dirname}`);
  }
}

/**
 * Every schema slapd loads, in order: the system ones, then ours (`provisio.ldif`), then every
 * other `*.ldif` of our folder by name (the mail and IM schema builds on ours).
 */
export function schemaFiles(dir = schemaDir()): string[] {
  const ours = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ldif') && f !== 'provisio.ldif')
    .sort();
  return [...SYSTEM_SCHEMAS, path.join(dir, 'provisio.ldif'), ...ours.map((f) => path.join(dir, f))];
}

/**
 * The indexes our schema files ask for, each in a comment line `# olcDbIndex: <attrs> <kind>`
 * (so a schema file and the indexes of its attributes stay together).
 */
export function schemaIndexes(files: string[]): string[] {
  return files.filter((f) => !f.startsWith('/etc/')).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/^# olcDbIndex: (.+)$/gm)].map((m) => m[1].trim()));
}

/**
 * Attributes whose values must be unique among the tenants (under ou=Hosting), from comment
 * lines `# olcUnique: <attribute>` of our schema files; slapd's unique overlay enforces them.
 */
export function schemaUniqueAttributes(files: string[]): string[] {
  return files
    .filter((f) => !f.startsWith('/etc/'))
    .flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/^# olcUnique: ([A-Za-z][A-Za-z0-9-]*)\s*$/gm)].map((m) => m[1]));
}

export interface ConfigInput {
  layout: SlapdLayout;
  dataDir: string;
  runDir: string;
  managerPassword: string;
  schemaFiles: string[];
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
olcModuleLoad: unique

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

${c.schemaFiles.map((f) => `include: file://${f}`).join('\n\n')}

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
${schemaIndexes(c.schemaFiles)
  .map((i) => `olcDbIndex: ${i}`)
  .join('\n')}
${acl(l)
  .map((a) => `olcAccess: ${a}`)
  .join('\n')}

dn: olcOverlay={0}unique,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcUniqueConfig
olcOverlay: {0}unique
${schemaUniqueAttributes(c.schemaFiles)
  .map((a) => `olcUniqueURI: ldap:///${l.hostingDn}?${a}?sub`)
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
