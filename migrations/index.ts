import type { MigrationInterface } from 'typeorm';
import { Foundation1764057600000 } from './1764057600000-Foundation';
import { AuditTrail1764057600500 } from './1764057600500-AuditTrail';
import { Identity1764057601000 } from './1764057601000-Identity';
import { Catalog1764057602000 } from './1764057602000-Catalog';
import { ProvisioningRuns1764057603000 } from './1764057603000-ProvisioningRuns';
import { LabPlatform1764057604000 } from './1764057604000-LabPlatform';
import { Orders1764057605000 } from './1764057605000-Orders';
import { AuditCheckpoints1764057606000 } from './1764057606000-AuditCheckpoints';
import { IdentityChangeNotifications1764057607000 } from './1764057607000-IdentityChangeNotifications';
import { LabFaultVersion1764057608000 } from './1764057608000-LabFaultVersion';
import { CatalogChangeNotifications1764057609000 } from './1764057609000-CatalogChangeNotifications';
import { SubscriptionOrganizationPath1764057630000 } from './1764057630000-SubscriptionOrganizationPath';
import { LabUserPasswords1764057640000 } from './1764057640000-LabUserPasswords';
import { AuditSealFunction1764057650000 } from './1764057650000-AuditSealFunction';
import { DelegationIssuedTokens1764057660000 } from './1764057660000-DelegationIssuedTokens';

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Foundation1764057600000,
  AuditTrail1764057600500,
  Identity1764057601000,
  Catalog1764057602000,
  ProvisioningRuns1764057603000,
  LabPlatform1764057604000,
  Orders1764057605000,
  AuditCheckpoints1764057606000,
  IdentityChangeNotifications1764057607000,
  LabFaultVersion1764057608000,
  CatalogChangeNotifications1764057609000,
  SubscriptionOrganizationPath1764057630000,
  LabUserPasswords1764057640000,
  AuditSealFunction1764057650000,
  DelegationIssuedTokens1764057660000,
];
