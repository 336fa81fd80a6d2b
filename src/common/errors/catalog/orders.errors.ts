import type { ErrorCatalog } from '../error-catalog';

export const ordersErrors = {
  ORDER_NOT_CUSTOMER: { status: 422, title: 'Orders are placed for customer organizations' },
  NO_SUBSCRIPTION: { status: 409, title: 'The organization has no subscription; place a subscribe order first' },
  SUBSCRIPTION_STATE_CONFLICT: { status: 409, title: 'The subscription is not in a state that allows this order' },
  SERVICE_NOT_IN_PLAN: { status: 422, title: "The subscription's plan does not include this service" },
  DOMAIN_TAKEN: { status: 409, title: 'The domain is already used by another organization' },
  USER_EXISTS: { status: 409, title: 'A user with this alias already exists (or is being created) in the organization' },
  USER_NOT_FOUND: { status: 422, title: 'The organization has no active user with this alias' },
  USER_BUSY: { status: 409, title: 'An earlier order is still changing this user' },
  RECORD_EXISTS: { status: 409, title: 'The zone already has this record' },
  RECORD_NOT_FOUND: { status: 422, title: 'The zone has no such record (or it is managed by Provisio)' },
  SITE_EXISTS: { status: 409, title: 'A site collection with this URL already exists' },
  SITE_NOT_FOUND: { status: 422, title: 'The organization has no such site collection' },
  PLAN_CHANGE_DOES_NOT_FIT: { status: 409, title: 'What the organization uses does not fit the new plan' },
  ACTIVESYNC_NOT_ENABLED: { status: 409, title: 'The user has no ActiveSync (yet), so no mobile devices' },
  PLATFORM_ERROR: { status: 502, title: 'The platform refused or failed the read' },
  ORDER_NOT_CANCELLABLE: { status: 409, title: "The order's run has started; only operators can stop it now" },
  ORDER_RESPONSE_NOT_READY: { status: 409, title: 'The order is still running; the response exists once it ends' },
} satisfies ErrorCatalog;
