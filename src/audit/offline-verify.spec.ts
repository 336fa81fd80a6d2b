import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { type AuditRecord, auditHash, GENESIS_HASH } from './audit-hash';
import { runAuditCli } from './audit-cli';
import { keyIdOf, signCheckpoint } from './checkpoint-signature';
import { parseExportLine, verifyExportFile } from './offline-verify';

describe('offline verification of an export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-offline-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = path.join(dir, 'key.pem');
  fs.writeFileSync(pem, publicKey.export({ format: 'pem', type: 'spki' }));
  const lines: string[] = [];
  let prev = GENESIS_HASH;
  const hashes: string[] = [];
  for (let seq = 1; seq <= 20; seq++) {
    const rec: AuditRecord = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorUserId: null,
      actorOrgId: null,
      onBehalfOfOrgId: null,
      tokenId: null,
      delegationId: null,
      action: 'x.y',
      resourceType: null,
      resourceId: null,
      organizationId: 'org_c',
      organizationPath: seq % 2 ? '/h/c/' : '/h/d/',
      outcome: 'success',
      requestId: null,
      clientIp: null,
      userAgent: 'ua "quoted"\\ and ünïcode',
      details: { seq, nested: { list: [1, 'two', null] } },
    };
    const hash = auditHash(prev, rec);
    lines.push(JSON.stringify({ ...rec, prevHash: prev, hash }));
    hashes.push(hash);
    prev = hash;
  }
  const file = path.join(dir, 'export.ndjson');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const cp = (seq: number) => {
    const f = { lastSeq: seq, lastHash: hashes[seq - 1], createdAt: '2026-01-02T00:00:00.000Z', keyId: keyIdOf(publicKey) };
    return { id: `ckp_${seq}`, ...f, signature: signCheckpoint(privateKey, f) };
  };
  const cpFile = path.join(dir, 'checkpoints.json');
  fs.writeFileSync(cpFile, JSON.stringify({ items: [cp(15), cp(10)] }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('verifies an intact export against signed checkpoints', async () => {
    const r = await verifyExportFile({ file, publicKey: pem, checkpoints: cpFile });
    expect(r).toMatchObject({
      verified: true,
      checkedEvents: 20,
      firstSeq: 1,
      lastSeq: 20,
      firstBreak: null,
      checkpoints: { given: 2, signatureValid: 2, matched: 2, latestMatchedSeq: 15 },
    });
    expect(r.summary).toBe(
      `VERIFIED: 20 events, seq 1–20: every hash and link recomputes; 2 signed checkpoint(s) by key ${keyIdOf(publicKey)} match, the latest at seq 15 (seq 16–20 are chained but after the latest checkpoint)`,
    );
  });

  it('accepts a checkpoint array or a single checkpoint, and CRLF line ends', async () => {
    const crlf = path.join(dir, 'crlf.ndjson');
    fs.writeFileSync(crlf, lines.join('\r\n') + '\r\n');
    for (const doc of [[cp(20)], cp(20)]) {
      const f = path.join(dir, 'one.json');
      fs.writeFileSync(f, JSON.stringify(doc));
      expect((await verifyExportFile({ file: crlf, publicKey: pem, checkpoints: f })).verified).toBe(true);
    }
  });

  it('fails a complete export that stops short of a checkpoint it is given, or does not start at seq 1', async () => {
    const short = path.join(dir, 'short.ndjson');
    fs.writeFileSync(short, lines.slice(0, 12).join('\n') + '\n');
    const r = await verifyExportFile({ file: short, publicKey: pem, checkpoints: cpFile });
    expect(r.verified).toBe(false);
    expect(r.firstBreak).toEqual({
      seq: 13,
      reason: 'truncated',
      detail: 'the chain ends at seq 12, but a signed checkpoint promises events up to seq 15: seq 13 and later were removed',
    });
    expect(r.summary).toMatch(/^NOT VERIFIED: first break at seq 13 \(truncated\)/);
    // Filtered: no promise of completeness, the checkpoint outside it is only counted.
    expect((await verifyExportFile({ file: short, publicKey: pem, checkpoints: cpFile, partial: true })).verified).toBe(true);
    const headless = path.join(dir, 'headless.ndjson');
    fs.writeFileSync(headless, lines.slice(3).join('\n') + '\n');
    expect((await verifyExportFile({ file: headless })).firstBreak).toMatchObject({ seq: 1, reason: 'missing_sequence', detail: 'seq 1 to 3 are missing' });
  });

  it('names a malformed line as the break', async () => {
    const bad = path.join(dir, 'bad.ndjson');
    fs.writeFileSync(bad, [...lines.slice(0, 5), '{"seq": 6, "oops"', ...lines.slice(6)].join('\n'));
    const r = await verifyExportFile({ file: bad });
    expect(r.firstBreak).toEqual({ seq: 6, reason: 'hash_mismatch', detail: 'line 6: not valid JSON' });
    expect(parseExportLine('[1]')).toBe('not a JSON object');
    expect(parseExportLine('{"seq":"1"}')).toBe('no integer seq');
    expect(parseExportLine(lines[0].replace('"x.y"', '7'))).toBe('no action');
  });

  it('verifies a filtered export with --partial, links only where seqs are consecutive', async () => {
    const partial = path.join(dir, 'partial.ndjson');
    fs.writeFileSync(partial, lines.filter((_, i) => i % 2 === 0).join('\n') + '\n');
    expect((await verifyExportFile({ file: partial })).firstBreak).toMatchObject({ seq: 2, reason: 'missing_sequence' });
    const r = await verifyExportFile({ file: partial, partial: true, publicKey: pem, checkpoints: cpFile });
    expect(r.verified).toBe(true);
    // Checkpoint 15 is in it (odd seq), 10 is not.
    expect(r.checkpoints.matched).toBe(1);
    expect(r.notes.join(' ')).toMatch(/1 signed checkpoint\(s\) fall inside the export's range but their seq is not in this filtered export/);
  });

  it('exits 0 when verified, 1 otherwise, with a one-line summary', async () => {
    const out: string[] = [];
    expect(await runAuditCli(['verify', '--file', file, '--public-key', pem, '--checkpoints', cpFile], (l) => out.push(l))).toBe(0);
    expect(out).toHaveLength(1);
    const tampered = path.join(dir, 'tampered.ndjson');
    fs.writeFileSync(tampered, lines.map((l, i) => (i === 11 ? l.replace('"seq":12,"nested"', '"seq":13,"nested"') : l)).join('\n'));
    out.length = 0;
    expect(await runAuditCli(['verify', '--file', tampered, '--public-key', pem, '--checkpoints', cpFile], (l) => out.push(l))).toBe(1);
    expect(out).toEqual([expect.stringMatching(/^NOT VERIFIED: first break at seq 12 \(hash_mismatch\)/)]);
    const err: string[] = [];
    expect(
      await runAuditCli(
        ['verify', '--file', file, '--bogus'],
        () => undefined,
        (l) => err.push(l),
      ),
    ).toBe(1);
    expect(
      await runAuditCli(
        ['frobnicate'],
        () => undefined,
        (l) => err.push(l),
      ),
    ).toBe(1);
    expect(err.join('\n')).toMatch(/Usage: provisio audit verify/);
    out.length = 0;
    expect(await runAuditCli(['verify', '--file', file, '--json'], (l) => out.push(l))).toBe(0);
    expect(JSON.parse(out[1])).toMatchObject({ verified: true, checkedEvents: 20 });
  });
});
