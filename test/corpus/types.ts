/**
 * The shape of one bad-input case. Every case is a plain description a reviewer can read: a
 * name, the route, the method, the headers, the body, which token sends it and the answer
 * expected. Cases never depend on one another: each is hostile on its own, so any order works.
 */

/** Which principal sends the case (resolved to a bearer token by the test). */
export type TokenKey =
  | 'none'
  /** A well-formed but unknown `pvs_` token. */
  | 'bogus'
  | 'hosterAdmin'
  | 'hosterCsr'
  | 'hosterAuditor'
  | 'r1Admin'
  | 'r1Csr'
  | 'r2Admin'
  | 'c1Admin'
  | 'c1Csr'
  | 'c1EndUser'
  | 'c1Auditor'
  | 'c3Admin'
  /** R1's delegated org_admin token acting in C1. */
  | 'delegated'
  /** The org_admin of Contoso, a direct customer of the hoster with an active subscription. */
  | 'contosoAdmin';

export interface CorpusCase {
  /** Unique, says what is hostile about it. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE';
  /** Path and query, already encoded as it goes on the wire. */
  url: string;
  token: TokenKey;
  headers?: Record<string, string>;
  /** A JSON body (serialized with JSON.stringify, sent as application/json). */
  json?: unknown;
  /** Bytes or text sent exactly as is, with `contentType`. */
  raw?: string | Buffer;
  /** Content-Type for `raw` (default application/json); `null` sends no Content-Type at all. */
  contentType?: string | null;
  /**
   * The answer expected: an exact status, or any 4xx. Either way the test also demands
   * problem+json with an UPPER_SNAKE `code` and nothing that looks like a stack or SQL.
   */
  expect: number | '4xx';
  /** Optionally the exact problem `code`. */
  code?: string;
  /** `http`: a real socket (for what inject cannot express, e.g. header limits of Node's parser). */
  transport?: 'inject' | 'http';
  /**
   * A bug found by the corpus in code this corpus may not edit (src/provisioning/engine/**,
   * src/provisioning/language/**), reported to its owners: where it is and what is wrong. The case
   * runs in its own test, after the database comparison, and fails until the bug is fixed; then
   * drop this field.
   */
  knownBug?: string;
}

/** Ids of the prepared world the cases aim at. */
export interface CorpusContext {
  orgs: { hoster: string; r1: string; c1: string; c2: string; r2: string; c3: string; contoso: string };
  users: { hosterAdmin: string; r1Admin: string; c1Admin: string; c1EndUser: string; c3Admin: string; contosoAdmin: string };
  /** R1's approved delegation on C1. */
  delegation: string;
  /** R2's pending delegation on C3 (another tenant's). */
  otherDelegation: string;
  /** A token id of C3's admin (another tenant's). */
  otherTokenId: string;
  plans: { premium: string; standardMailbox: string; hosterDraft: string };
  contoso: { domain: string; orderId: string; runId: string; subscriptionId: string; userAlias: string; siteUrl: string };
}

export type CaseGroup = (ctx: CorpusContext) => CorpusCase[];
