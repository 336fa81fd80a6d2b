import { Pool } from 'pg';
import { createLabProvider } from '../../src/provisioning/providers/lab';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import type { ContractTarget } from './contract';
import { communicationsContract } from './communications-contract';
import { directoryContract } from './directory-contract';
import { dnsContract } from './dns-contract';
import { exchangeContract } from './exchange-contract';

/** The provider contract against the lab (the same behaviours run against OpenLDAP and PowerDNS in `npm run test:platform`). */
describe('provider contract: lab', () => {
  let db: TestDatabase;
  let pool: Pool;
  let target: ContractTarget;
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 5 });
    target = { provider: createLabProvider(pool), close: async () => undefined };
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });
  directoryContract(() => target);
  dnsContract(() => target);
  exchangeContract(() => ({ ...target, directory: target.provider }));
  communicationsContract(() => ({ ...target, directory: target.provider }));
});
