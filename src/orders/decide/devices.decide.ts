import type { WipeDeviceOrder } from '../dto/order-requests';
import { type Decision, type DecisionInput, refuse, requireSubscription } from './decision';

/** wipe_device: a remote wipe of one of a user's ActiveSync devices (the platform knows the devices). */

export function decideWipeDevice(input: DecisionInput<WipeDeviceOrder>): Decision {
  // A suspended customer may still wipe a lost phone.
  const sub = requireSubscription(input, ['active', 'suspended'], 'wipe_device');
  const alias = input.body.alias.toLowerCase();
  const user = input.inventory.users.find((u) => u.alias.toLowerCase() === alias);
  if (!user || user.state === 'pending' || user.state === 'removing')
    refuse('USER_NOT_FOUND', `No such user: ${input.body.alias}`, { aliases: [input.body.alias] });
  if (!user.settings.activesync) refuse('ACTIVESYNC_NOT_ENABLED', `${user.alias} has no ActiveSync, so no devices`, { alias: user.alias });
  return {
    subscription: { kind: 'none', subscription: sub },
    request: { call: 'Hosted User.WipeDevice', user: { alias: user.alias }, device: { id: input.body.deviceId } },
    reserve: [],
    release: [],
    inventory: {},
    summary: { alias: user.alias, deviceId: input.body.deviceId },
  };
}
