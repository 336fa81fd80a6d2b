/**
 * Provisio's LDAP schema (OpenLDAP cn=config form), owned by the directory driver and read by
 * every server that takes its accounts from the directory (mail, XMPP). `npm run platform --
 * schema` prints it for an OpenLDAP of one's own; `npm run platform` loads it.
 *
 * OIDs live under 2.25.278905151903640160125461642734873996985 (a UUID arc, ITU-T X.667; no
 * registration needed): `.1.n` attribute types, `.2.n` object classes. Never reuse or renumber
 * one; add new ones at the end.
 *
 * The tree (base DN e.g. dc=provisio,dc=test):
 *   ou=Hosting,<base>                                the hoster's tenants
 *     ou=<customer id>,ou=Hosting,<base>             a customer of the hoster   (organizationalUnit + provisioTenant)
 *     ou=<reseller id>,ou=Hosting,<base>             a reseller's container     (organizationalUnit + provisioTenant)
 *       ou=<customer id>,ou=<reseller id>,…         a reseller's customer
 *         uid=<alias>,ou=<customer id>,…             a user                     (inetOrgPerson + provisioAccount)
 *         cn=Admins,ou=<customer id>,…               the organization's admins  (provisioGroup)
 *   ou=Deleted,<base>                                the recycle bin: deleted entries wait there,
 *                                                    unreadable and unable to bind, until a
 *                                                    rollback restores them or the retention ends
 *   ou=System,<base>                                 service accounts (cn=reader: read-only)
 */

export const PROVISIO_OID = '2.25.278905151903640160125461642734873996985';

const A = `${PROVISIO_OID}.1`;
const O = `${PROVISIO_OID}.2`;
const TEXT = '1.3.6.1.4.1.1466.115.121.1.15';
const IA5 = '1.3.6.1.4.1.1466.115.121.1.26';
const INT = '1.3.6.1.4.1.1466.115.121.1.27';
const BOOL = '1.3.6.1.4.1.1466.115.121.1.7';
const TIME = '1.3.6.1.4.1.1466.115.121.1.24';

const attributes = [
  `( ${A}.1 NAME 'provisioOrganizationId' DESC 'The Provisio organization (tenant) an entry belongs to' EQUALITY caseExactMatch SYNTAX ${TEXT}{64} SINGLE-VALUE )`,
  `( ${A}.2 NAME 'provisioAccountStatus' DESC 'active or disabled: a disabled account cannot bind, and mail/IM servers refuse it' EQUALITY caseIgnoreMatch SYNTAX ${TEXT}{16} SINGLE-VALUE )`,
  `( ${A}.3 NAME 'provisioDomain' DESC 'The primary DNS domain of a tenant (users are alias@domain)' EQUALITY caseIgnoreIA5Match SYNTAX ${IA5}{253} SINGLE-VALUE )`,
  `( ${A}.4 NAME 'provisioAcceptedDomain' DESC 'A domain the tenant receives mail for' EQUALITY caseIgnoreIA5Match SUBSTR caseIgnoreIA5SubstringsMatch SYNTAX ${IA5}{253} )`,
  `( ${A}.5 NAME 'provisioMailQuotaMb' DESC 'Mailbox size limit in MB' EQUALITY integerMatch ORDERING integerOrderingMatch SYNTAX ${INT} SINGLE-VALUE )`,
  `( ${A}.6 NAME 'provisioMailAlias' DESC 'Another address delivered to this mailbox or list' EQUALITY caseIgnoreIA5Match SUBSTR caseIgnoreIA5SubstringsMatch SYNTAX ${IA5}{256} )`,
  `( ${A}.7 NAME 'provisioImEnabled' DESC 'Instant messaging and presence enabled' EQUALITY booleanMatch SYNTAX ${BOOL} SINGLE-VALUE )`,
  `( ${A}.8 NAME 'provisioFederation' DESC 'May talk to users of other domains' EQUALITY booleanMatch SYNTAX ${BOOL} SINGLE-VALUE )`,
  `( ${A}.9 NAME 'provisioConferencing' DESC 'May hold conferences' EQUALITY booleanMatch SYNTAX ${BOOL} SINGLE-VALUE )`,
  `( ${A}.10 NAME 'provisioCreatedBy' DESC 'The provisioning run that created the entry (a rollback removes only its own)' EQUALITY caseExactMatch SYNTAX ${TEXT}{64} SINGLE-VALUE )`,
  `( ${A}.11 NAME 'provisioBinKey' DESC 'Name of an entry in the recycle bin: the run that deleted it and a hash of where it was' EQUALITY caseExactMatch SYNTAX ${TEXT}{128} SINGLE-VALUE )`,
  `( ${A}.12 NAME 'provisioDeletedFrom' DESC 'The DN an entry had before it went to the recycle bin' EQUALITY caseIgnoreMatch SYNTAX ${TEXT}{1024} SINGLE-VALUE )`,
  `( ${A}.13 NAME 'provisioDeletedAt' DESC 'When the entry went to the recycle bin' EQUALITY generalizedTimeMatch ORDERING generalizedTimeOrderingMatch SYNTAX ${TIME} SINGLE-VALUE )`,
];

const BIN = 'provisioCreatedBy $ provisioBinKey $ provisioDeletedFrom $ provisioDeletedAt';

const objectClasses = [
  `( ${O}.1 NAME 'provisioTenant' DESC 'A Provisio organization (customer or reseller container); auxiliary to organizationalUnit' SUP top AUXILIARY MUST provisioOrganizationId MAY ( provisioDomain $ provisioAcceptedDomain $ provisioAccountStatus $ ${BIN} ) )`,
  `( ${O}.2 NAME 'provisioAccount' DESC 'A Provisio user; auxiliary to inetOrgPerson' SUP top AUXILIARY MUST provisioOrganizationId MAY ( provisioAccountStatus $ provisioMailQuotaMb $ provisioMailAlias $ provisioImEnabled $ provisioFederation $ provisioConferencing $ ${BIN} ) )`,
  `( ${O}.3 NAME 'provisioGroup' DESC 'A group whose members may be none yet (admins, distribution lists, roster groups)' SUP top STRUCTURAL MUST cn MAY ( member $ mail $ description $ provisioOrganizationId $ provisioMailAlias $ provisioAccountStatus $ ${BIN} ) )`,
];

/** The schema as an LDIF entry for cn=config (slapadd -n0, or ldapadd into cn=schema,cn=config). */
export function provisioSchemaLdif(): string {
  return [
    '# Provisio LDAP schema (generated by scripts/platform/slapd/provisio-schema.ts; do not edit)',
    'dn: cn=provisio,cn=schema,cn=config',
    'objectClass: olcSchemaConfig',
    'cn: provisio',
    ...attributes.map((a) => `olcAttributeTypes: ${a}`),
    ...objectClasses.map((o) => `olcObjectClasses: ${o}`),
    '',
  ].join('\n');
}
