import { ProviderError } from '../../src/provisioning/providers/provider';

/** The ProviderError a provider call fails with; fails the test if the call succeeds or throws anything else. */
export async function providerFailure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error('expected the call to fail with a ProviderError, but it succeeded');
}
