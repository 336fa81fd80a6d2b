import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type OrganizationKind, type Role } from '../access/permissions';
import { iso } from '../common/iso';
import type { DelegationRow, DelegationStatus } from './delegations.store';
import type { OrganizationRow } from './organizations.store';
import type { TokenRow } from './tokens.store';
import type { UserRow } from './users.store';

export class OrganizationView {
  @ApiProperty({ example: 'org_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty({ enum: ['hoster', 'reseller', 'customer'] }) kind: OrganizationKind;
  @ApiProperty({ example: 'Contoso' }) name: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ description: 'materialized path of ids from the hoster down', example: '/org_…/org_…/' }) path: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) suspendedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) suspendedReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function organizationView(r: OrganizationRow): OrganizationView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    parentId: r.parent_id,
    path: r.path,
    status: r.status,
    suspendedAt: iso(r.suspended_at),
    suspendedReason: r.suspended_reason ?? null,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export class UserView {
  @ApiProperty({ example: 'usr_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty({ example: 'ann.lee' }) username: string;
  @ApiProperty({ example: 'Ann Lee' }) displayName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: ['active', 'disabled', 'deleted'] }) status: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function userView(
  r: Pick<UserRow, 'id' | 'organization_id' | 'username' | 'display_name' | 'email' | 'status' | 'roles' | 'version' | 'created_at' | 'updated_at'>,
): UserView {
  return {
    id: r.id,
    organizationId: r.organization_id,
    username: r.username,
    displayName: r.display_name,
    email: r.email ?? null,
    status: r.status,
    roles: (r.roles ?? []).filter(Boolean).sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export class TokenView {
  @ApiProperty({ example: 'tok_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ description: 'first characters of the secret, to tell tokens apart', example: 'pvs_4fQ2xZ' }) prefix: string;
  @ApiProperty() userId: string;
  @ApiProperty({ description: 'the organization the token acts in (the customer, for delegated tokens)' }) organizationId: string;
  @ApiProperty({ type: String, nullable: true }) delegationId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'issued by a reseller acting through this delegation: it stops working when the delegation ends or is revoked',
  })
  issuedUnderDelegationId: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: String, nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
}

export class CreatedTokenView extends TokenView {
  @ApiProperty({ description: 'the secret: shown once, never again', example: 'pvs_4fQ2xZ…' }) token: string;
}

export class CreatedUserView extends UserView {
  @ApiProperty({ type: CreatedTokenView, description: 'its first token' }) token: CreatedTokenView;
}

export class CreatedOrganizationView {
  @ApiProperty({ type: OrganizationView }) organization: OrganizationView;
  @ApiPropertyOptional({ type: CreatedUserView, description: 'the first admin, when asked for' }) admin?: CreatedUserView;
  @ApiPropertyOptional({ description: 'the delegation approved at creation, when asked for' }) delegationId?: string;
}

export function tokenView(r: TokenRow): TokenView {
  return {
    id: r.id,
    name: r.name ?? null,
    prefix: r.prefix,
    userId: r.user_id,
    organizationId: r.organization_id,
    delegationId: r.delegation_id ?? null,
    issuedUnderDelegationId: r.issued_under_delegation_id ?? null,
    roles: r.roles,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}

export class DelegationView {
  @ApiProperty({ example: 'dlg_01jdx3m5v8k2q9w7e4r6t1y0ab' }) id: string;
  @ApiProperty() resellerId: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ enum: ['org_admin', 'org_csr', 'auditor'], isArray: true }) roles: Role[];
  @ApiProperty({ enum: ['pending', 'active', 'revoked', 'expired'] }) status: string;
  @ApiProperty({ description: 'requested duration in seconds' }) durationSeconds: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() requestedBy: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ description: 'a pending request expires unapproved at this time' }) requestExpiresAt: string;
  @ApiProperty({ type: String, nullable: true }) approvedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedAt: string | null;
  @ApiProperty({ description: 'approved by the reseller when it created the customer' }) approvedAtCreation: boolean;
  @ApiProperty({ type: String, nullable: true }) startsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) endsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
}

/** The status a delegation has now: pending and active ones expire by time, without a sweeper. */
export function effectiveDelegationStatus(r: Pick<DelegationRow, 'status' | 'request_expires_at' | 'ends_at'>, now = new Date()): DelegationStatus {
  if (r.status === 'pending' && new Date(r.request_expires_at) <= now) return 'expired';
  if (r.status === 'active' && r.ends_at && new Date(r.ends_at) <= now) return 'expired';
  return r.status;
}

export function delegationView(r: DelegationRow): DelegationView {
  return {
    id: r.id,
    resellerId: r.reseller_org_id,
    customerId: r.customer_org_id,
    roles: r.roles,
    status: effectiveDelegationStatus(r),
    durationSeconds: Math.round(Number(r.duration_ms) / 1000),
    note: r.note ?? null,
    requestedBy: r.requested_by_user_id,
    requestedAt: iso(r.requested_at),
    requestExpiresAt: iso(r.request_expires_at),
    approvedBy: r.approved_by_user_id ?? null,
    approvedAt: iso(r.approved_at),
    approvedAtCreation: !!r.approved_at_creation,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    revokedBy: r.revoked_by_user_id ?? null,
    revokedAt: iso(r.revoked_at),
  };
}
