import { type AuditRecord, auditHash, GENESIS_HASH } from './audit-hash';
import { type ChainRecord, ChainVerifier } from './chain-verifier';

function chain(n: number, from = 1, prev = GENESIS_HASH): ChainRecord[] {
  const out: ChainRecord[] = [];
  for (let seq = from; seq < from + n; seq++) {
    const rec: AuditRecord = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorUserId: 'usr_1',
      actorOrgId: 'org_1',
      onBehalfOfOrgId: null,
      tokenId: null,
      delegationId: null,
      action: 'thing.done',
      resourceType: 'thing',
      resourceId: `t${seq}`,
      organizationId: 'org_1',
      organizationPath: '/org_1/',
      outcome: 'success',
      requestId: null,
      clientIp: null,
      userAgent: null,
      details: { n: seq },
    };
    const hash = auditHash(prev, rec);
    out.push({ ...rec, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function run(records: ChainRecord[], opts: ConstructorParameters<typeof ChainVerifier>[0] = {}, lastSeq?: number) {
  const v = new ChainVerifier(opts);
  for (const r of records) if (v.push(r)) break;
  v.finish(lastSeq);
  return v;
}

describe('ChainVerifier', () => {
  it('accepts an intact chain and reports what it checked', () => {
    const v = run(chain(10), {}, 10);
    expect(v.firstBreak).toBeNull();
    expect(v.checked).toBe(10);
    expect([v.firstSeq, v.lastSeq]).toEqual([1, 10]);
    expect(v.lastHash).toBe(chain(10)[9].hash);
  });

  it('finds an edited record at its own seq', () => {
    const c = chain(10);
    c[4] = { ...c[4], details: { n: 999 } };
    expect(run(c).firstBreak).toMatchObject({ seq: 5, reason: 'hash_mismatch' });
  });

  it('finds a deleted record, in the middle and at the end', () => {
    const c = chain(10);
    expect(run([...c.slice(0, 3), ...c.slice(4)], { firstSeq: 1 }).firstBreak).toMatchObject({
      seq: 4,
      reason: 'missing_sequence',
      detail: 'seq 4 is missing',
    });
    expect(run(c.slice(0, 8), { firstSeq: 1 }, 10).firstBreak).toMatchObject({ seq: 9, reason: 'missing_sequence', detail: 'seq 9 to 10 are missing' });
  });

  it('finds swapped records at the lower seq', () => {
    const c = chain(10);
    const swapped = [...c];
    // Rows keep their position (seq) but exchange contents.
    swapped[2] = { ...c[6], seq: 3 };
    swapped[6] = { ...c[2], seq: 7 };
    expect(run(swapped).firstBreak).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
    // Lines exchanged in a file: seq 7 shows up where 3 was expected.
    expect(run([c[0], c[1], c[6], c[3]]).firstBreak).toMatchObject({ seq: 3, reason: 'missing_sequence' });
  });

  it('finds a re-hashed record at the next link, and a re-hashed tail at a signed checkpoint', () => {
    const c = chain(10);
    const forged = { ...c[4], details: { n: -1 } };
    forged.hash = auditHash(forged.prevHash, forged);
    const edited = [...c];
    edited[4] = forged;
    expect(run(edited).firstBreak).toMatchObject({ seq: 6, reason: 'broken_link' });
    // Edit seq 5 and re-hash everything after it: consistent in itself, not what was signed.
    const rewritten = c.map((r) => ({ ...r }));
    rewritten[4].details = { n: -1 };
    let prev = c[3].hash;
    for (let i = 4; i < 10; i++) {
      rewritten[i].prevHash = prev;
      rewritten[i].hash = auditHash(prev, rewritten[i]);
      prev = rewritten[i].hash;
    }
    expect(run(rewritten).firstBreak).toBeNull();
    expect(run(rewritten, { checkpoints: new Map([[8, c[7].hash]]) }).firstBreak).toMatchObject({ seq: 8, reason: 'checkpoint_mismatch' });
    const ok = run(c, { checkpoints: new Map([[8, c[7].hash]]) });
    expect(ok.firstBreak).toBeNull();
    expect(ok.checkpointsMatched).toBe(1);
  });

  it('checks the first link: genesis for seq 1, the known previous hash otherwise', () => {
    const c = chain(10);
    expect(run([{ ...c[0], prevHash: 'f'.repeat(64), hash: auditHash('f'.repeat(64), c[0]) }]).firstBreak).toMatchObject({ seq: 1, reason: 'broken_link' });
    expect(run(c.slice(5), { firstSeq: 6, prevHash: c[4].hash }).firstBreak).toBeNull();
    expect(run(c.slice(5), { firstSeq: 6, prevHash: c[3].hash }).firstBreak).toMatchObject({ seq: 6, reason: 'broken_link' });
    // Without a known previous hash a later start is accepted as is.
    expect(run(c.slice(5)).firstBreak).toBeNull();
  });

  it('allows gaps in a filtered export but still checks consecutive links and every hash', () => {
    const c = chain(10);
    const partial = [c[0], c[2], c[3], c[7]];
    expect(run(partial, { allowGaps: true }).firstBreak).toBeNull();
    expect(run(partial).firstBreak).toMatchObject({ seq: 2, reason: 'missing_sequence' });
    const bad = [c[0], c[2], { ...c[3], prevHash: c[0].hash, hash: auditHash(c[0].hash, c[3]) }];
    expect(run(bad, { allowGaps: true }).firstBreak).toMatchObject({ seq: 4, reason: 'broken_link' });
    expect(run([c[3], c[2]], { allowGaps: true }).firstBreak).toMatchObject({ seq: 5, reason: 'broken_link' });
  });

  it('keeps reporting the first break', () => {
    const c = chain(5);
    const v = new ChainVerifier();
    v.push(c[0]);
    const first = v.push({ ...c[1], details: {} });
    expect(v.push(c[2])).toBe(first);
    expect(v.finish(100)).toBe(first);
    expect(v.checked).toBe(1);
  });
});
