import type { AppConfig } from '../config/app-config';

/** First-start data: bootstrap identity and the sample catalog. Idempotent. */
export async function seedInstallation(_config: AppConfig, _url: string, _opts: { printToken: boolean }): Promise<void> {
  // Filled in by the identity and catalog modules.
}
