import { registerOrderHooks } from '../orders/order-run-hooks';
import { RunHookRegistry } from '../provisioning/engine/run-hooks';

/**
 * The run hooks of a process (API or engine): one registry, every module's hooks registered on it
 * explicitly. Orders follow their runs (order status, inventory, quota settlement).
 */
export function createRunHooks(): RunHookRegistry {
  const hooks = new RunHookRegistry();
  registerOrderHooks(hooks);
  return hooks;
}
