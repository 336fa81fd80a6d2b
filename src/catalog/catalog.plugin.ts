import type { EnginePlugin } from '../provisioning/engine/engine-plugins';
import { createPlansProvider } from './plans-provider';

/** The catalog in engine processes: the `Plans` leaf namespace on the engine's pool. */
export const catalogPlugin: EnginePlugin = {
  name: 'catalog',
  providers: ({ pool }) => [createPlansProvider(pool)],
};
