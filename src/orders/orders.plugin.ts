import type { EnginePlugin } from '../provisioning/engine/engine-plugins';
import { registerOrderHooks } from './order-run-hooks';

/** Orders follow their runs: the hooks run in engines and in the API (operator actions). */
export const ordersPlugin: EnginePlugin = {
  name: 'orders',
  registerHooks: registerOrderHooks,
};
