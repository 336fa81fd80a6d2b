import type { OrderBody } from '../dto/order-requests';
import { type Decided, decided, type DecisionInput } from './decision';
import { decideWipeDevice } from './devices.decide';
import { decideAddDnsRecords, decideRemoveDnsRecords } from './dns.decide';
import { decideCancel, decideSuspendOrResume } from './lifecycle.decide';
import { decideChangePlan, decideSubscribe } from './organization.decide';
import { decideCreateSite, decideDeleteSite } from './sites.decide';
import { decideAddUsers, decideChangeUserPlan, decideRemoveUsers } from './users.decide';

/** The decision of an order of any type: pure, given what the store loaded for it. */
export function decideOrder(input: DecisionInput<OrderBody>): Decided {
  return decided(() => {
    const { body } = input;
    switch (body.type) {
      case 'subscribe':
        return decideSubscribe({ ...input, body });
      case 'add_users':
        return decideAddUsers({ ...input, body });
      case 'change_user_plan':
        return decideChangeUserPlan({ ...input, body });
      case 'remove_users':
        return decideRemoveUsers({ ...input, body });
      case 'add_dns_records':
        return decideAddDnsRecords({ ...input, body });
      case 'remove_dns_records':
        return decideRemoveDnsRecords({ ...input, body });
      case 'create_site':
        return decideCreateSite({ ...input, body });
      case 'delete_site':
        return decideDeleteSite({ ...input, body });
      case 'change_plan':
        return decideChangePlan({ ...input, body });
      case 'suspend':
      case 'resume':
        return decideSuspendOrResume({ ...input, body }, body.type === 'suspend');
      case 'cancel':
        return decideCancel({ ...input, body });
      case 'wipe_device':
        return decideWipeDevice({ ...input, body });
    }
  });
}

export type { Decided, Decision, DecisionInput, Refusal } from './decision';
