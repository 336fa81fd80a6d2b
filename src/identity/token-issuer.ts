import type { Role } from '../access/permissions';
import { newId } from '../common/ids';
import type { Sql } from '../database/sql';
import { type CreatedTokenView, tokenView } from './identity.views';
import { displayPrefix, generateTokenSecret, hashToken } from './token-secret';
import { insertToken } from './tokens.store';

export interface IssueTokenInput {
  userId: string;
  organizationId: string;
  roles: Role[];
  expiresAt: Date;
  name?: string | null;
  delegationId?: string | null;
  issuedUnderDelegationId?: string | null;
  createdBy?: string | null;
}

/**
 * Inserts a token and returns its secret (the only time it exists outside the caller's hands;
 * only its SHA-256 is stored). The caller writes the audit event; the secret never goes into it.
 */
export async function issueToken(sql: Sql, input: IssueTokenInput): Promise<CreatedTokenView> {
  const secret = generateTokenSecret();
  const row = await insertToken(sql, { ...input, id: newId('tok'), hash: hashToken(secret), prefix: displayPrefix(secret) });
  return { ...tokenView(row), token: secret };
}
