import type { Sql } from '../database/sql';
import { type OrganizationRef, type PlanVersionDetails, requireOffered } from './subscription-details';
import { findOfferableVersion, findOfferableVersionByRef } from './subscriptions.store';

/** The plan version `planVersionId` if the customer may subscribe to it (errors as `resolveOfferedPlan`). */
export async function offeredPlanVersion(sql: Sql, organization: OrganizationRef, planVersionId: string): Promise<PlanVersionDetails> {
  return requireOffered(organization, await findOfferableVersion(sql, planVersionId), `Plan version ${planVersionId} is not offered to this organization`);
}

const ID = /^[a-z]{2,5}_[0-9a-z]{26}$/;

/**
 * The organization plan an order names for a customer — `name`, `name@version`, a plan id or a
 * version id — if the customer may subscribe to it: 422 `PLAN_NOT_AVAILABLE`, 409
 * `PLAN_NOT_PUBLISHED`, `PLAN_RETIRED` or `PLAN_VERSION_SUPERSEDED` otherwise.
 */
export async function resolveOfferedPlan(sql: Sql, organization: OrganizationRef, ref: string): Promise<PlanVersionDetails> {
  const at = ref.lastIndexOf('@');
  const name = at > 0 ? ref.slice(0, at) : ref;
  const number = at > 0 ? Number(ref.slice(at + 1)) : undefined;
  const fallbackVersionId = ID.test(ref) ? ref : null;
  const row = await findOfferableVersionByRef(sql, { ownerId: organization.parentId, name, number, fallbackVersionId });
  const missing =
    row || fallbackVersionId
      ? `Plan version ${row?.version.id ?? ref} is not offered to this organization`
      : `No plan "${ref}" is offered to this organization`;
  return requireOffered(organization, row, missing);
}
