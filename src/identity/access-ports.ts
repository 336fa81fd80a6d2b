import type { DataSource } from 'typeorm';
import { AccessService, type AccessPorts } from '../access/access.service';
import { auditActorOf } from '../audit/audit-actor';
import { appendAuditEvent } from '../audit/audit-writer';
import { rootLogger } from '../common/logging/logger';
import { afterTransaction, inTransaction, sqlOf } from '../database/sql';
import { findOrganizations } from './organizations.store';

/**
 * The access service as this installation wires it: organizations from identity's store, denials
 * into the audit trail (`auth.denied`, in the caller's organization, so its auditors see them).
 */
export function createAccessService(ds: DataSource): AccessService {
  const log = rootLogger().child({ component: 'access' });
  const ports: AccessPorts = {
    findOrganizations,
    // After the caller's transaction, if any: the denial is kept when the request rolls back,
    // and no connection is requested while one is held (database/connection-guard.ts).
    recordDenial: (p, d) =>
      afterTransaction(ds, () =>
        inTransaction(ds, (sql) =>
          appendAuditEvent(sql, auditActorOf(p), {
            action: 'auth.denied',
            outcome: 'denied',
            resourceType: d.resourceType,
            resourceId: d.resourceIds[0] ?? null,
            organizationId: p.subjectOrgId,
            organizationPath: p.subjectOrgPath,
            details: { permission: d.permission, reason: d.reason, resourceIds: d.resourceIds },
          }),
        ).then(
          () => undefined,
          (err) => log.warn({ err }, 'could not record a denied attempt'),
        ),
      ),
  };
  return new AccessService(sqlOf(ds), ports);
}
