import type { ErrorCatalog } from '../error-catalog';

export const catalogErrors = {
  // Plan definitions (422: the request is understood but the plan it describes is not valid).
  PLAN_UNKNOWN_SERVICE: { status: 422, title: 'A service does not exist' },
  PLAN_UNKNOWN_FEATURE: { status: 422, title: 'A feature does not exist or does not apply to this kind of plan' },
  PLAN_FEATURE_OUT_OF_RANGE: { status: 422, title: 'A feature value has the wrong type or is outside its range' },
  PLAN_FEATURE_SERVICE_MISSING: { status: 422, title: 'A feature belongs to a service the plan does not include' },
  PLAN_SERVICE_DEPENDENCY_MISSING: { status: 422, title: 'A service needs another service the plan does not include' },
  PLAN_USER_PLAN_UNAVAILABLE: {
    status: 422,
    title: 'A referenced user plan does not exist, is not a published user plan or is not available to the plan owner',
  },
  PLAN_USER_PLAN_EXCEEDS_PLAN: { status: 422, title: 'A referenced user plan grants more than the organization plan' },
  PLAN_BASE_UNAVAILABLE: { status: 422, title: 'The base plan is not available to you (not offered, not published, retired or of another kind)' },
  PLAN_EXCEEDS_BASE: { status: 422, title: 'A derived plan cannot grant more than its base plan' },
  PLAN_NOT_OFFERABLE: { status: 422, title: "Only the hoster's published plans are made available to resellers" },
  AVAILABILITY_NOT_RESELLER: { status: 422, title: 'Plans are made available to resellers only' },
  // Plan lifecycle.
  PLAN_NAME_TAKEN: { status: 409, title: 'You already have a plan with this name' },
  PLAN_NO_DRAFT: { status: 409, title: 'The plan has no draft version to publish' },
  PLAN_RETIRED: { status: 409, title: 'The plan is retired' },
  PLAN_NOT_PUBLISHED: { status: 409, title: 'The plan has no published version' },
  PLAN_VERSION_SUPERSEDED: { status: 409, title: 'A newer version of the plan was published; subscribe to the current one' },
  PLAN_NOT_AVAILABLE: { status: 422, title: 'The plan is not offered to this organization' },
  // Subscriptions and the quota ledger.
  SUBSCRIPTION_EXISTS: { status: 409, title: 'The organization already has a subscription' },
  SUBSCRIPTION_NOT_ACTIVE: { status: 409, title: 'The subscription is not active' },
  USER_PLAN_NOT_ALLOWED: { status: 422, title: "The subscription's plan does not offer this user plan" },
  QUOTA_EXCEEDED: { status: 409, title: 'The quota does not allow this' },
  QUOTA_POOL_BELOW_USAGE: { status: 409, title: 'The reseller already uses more than this cap' },
  QUOTA_FEATURE_NOT_COUNTED: { status: 422, title: 'This feature is not counted by the quota ledger' },
  QUOTA_RELEASE_EXCEEDS_USAGE: { status: 409, title: 'Cannot free more than is in use' },
} satisfies ErrorCatalog;
