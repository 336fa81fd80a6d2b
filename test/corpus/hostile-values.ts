/**
 * Hostile values reused across routes: each is put into every string field, path parameter or
 * query parameter of the routes in the corpus. Named, so a failing case says which one hit.
 */

/** SQL injection: classic tautologies, stacked statements, comments, UNION reads, casts. */
export const SQL_INJECTION: Record<string, string> = {
  tautology: "' OR '1'='1",
  dropTable: "'; DROP TABLE users; --",
  stackedSleep: '1; SELECT pg_sleep(10); --',
  unionTokens: "x' UNION SELECT token_hash FROM tokens --",
  doubleQuote: '" OR ""="',
  commentOut: "admin'--",
  castError: "1' AND 1=CAST((SELECT version()) AS int) --",
  dollarQuote: '$$; DELETE FROM organizations; $$',
};

/** Path traversal, raw and percent-encoded, with a NUL to cut an extension. */
export const PATH_TRAVERSAL: Record<string, string> = {
  dotdot: '../../../../etc/passwd',
  encoded: '..%2F..%2F..%2Fetc%2Fpasswd',
  dotsEncoded: '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  backslash: '..\\..\\windows\\win.ini',
  nulCut: '/etc/passwd\u0000.xsd',
  doubleEncoded: '%252e%252e%252fetc%252fpasswd',
};

/** Control characters, line breaks and bidi overrides inside names. */
export const CONTROL: Record<string, string> = {
  nul: 'Ann\u0000Lee',
  bell: 'Ann\u0007Lee',
  crlfHeader: 'Ann\r\nX-Injected: 1',
  escapeSeq: 'Ann\u001b[31mLee',
  del: 'Ann\u007fLee',
  c1Next: 'Ann\u0085Lee',
  rtlOverride: 'Invoice \u202egnp.exe',
  lrEmbedding: 'Ann\u202aLee',
  isolate: 'Ann\u2066Lee\u2069',
  lineSeparator: 'Ann\u2028Lee',
  blank: '   ',
  empty: '',
};

/** Strings that are not text at all or are absurdly long. */
export const OVERSIZED = {
  /** Past every field limit, well under the 1 MiB body limit. */
  string300k: 'A'.repeat(300_000),
};

/** The domain `contoso.example` with look-alike letters and shapes that are no domain name. */
export const BAD_DOMAINS: Record<string, string> = {
  cyrillicA: 'contoso.ex\u0430mple',
  cyrillicO: 'c\u043entoso.example',
  greekOmicron: 'c\u03bfntoso.example',
  fullwidthDot: 'contoso\uff0eexample',
  upperCase: 'CONTOSO.EXAMPLE',
  label64: `${'a'.repeat(64)}.example`,
  name254: `${Array.from({ length: 4 }, () => 'b'.repeat(62)).join('.')}.example`,
  emptyLabel: 'contoso..example',
  leadingDash: '-contoso.example',
  trailingDot: 'contoso.example.',
  noTld: 'localhost',
  ipv4: '127.0.0.1',
  underscore: 'con_toso.example',
  space: 'contoso .example',
  sqlInDomain: "x.example'; DROP TABLE customer_services; --",
  traversal: '../../etc/passwd',
  nulByte: 'contoso.example\u0000.evil',
};
