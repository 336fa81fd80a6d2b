import { seedCatalog } from '../catalog/catalog-seed';
import type { AppConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { inTransaction } from '../database/sql';
import { bootstrapInstallation } from '../identity/bootstrap';

/** Seed steps other modules contribute (the catalog's sample plans); each must be idempotent. */
export const SEED_STEPS: { name: string; run: (ds: import('typeorm').DataSource) => Promise<void> }[] = [{ name: 'catalog', run: seedCatalog }];

/** First-start data: bootstrap identity, then every registered seed step. Idempotent. */
export async function seedInstallation(config: AppConfig, url: string, opts: { printToken: boolean }): Promise<void> {
  const ds = createDataSource(url, { poolSize: 2, applicationName: 'provisio-seed' });
  await ds.initialize();
  try {
    const result = await inTransaction(ds, (sql) => bootstrapInstallation(sql, { dataDir: config.resolvedDataDir, tokenTtlMs: config.tokenDefaultTtlMs }));
    if (result.created && opts.printToken) {
      // Printed once, on purpose outside the structured log (which must never carry secrets).
      process.stdout.write(
        `\n  Provisio bootstrap: hoster admin token (shown once, also saved to ${result.tokenFile}):\n\n    ${result.token}\n\n` +
          `  Try: curl -H "Authorization: Bearer $(cat ${result.tokenFile})" http://${config.host}:${config.port}/v1/me\n\n`,
      );
    }
    for (const step of SEED_STEPS) await step.run(ds);
  } finally {
    await ds.destroy();
  }
}
