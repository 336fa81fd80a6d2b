import { generateKeyPairSync } from 'node:crypto';
import { checkpointMessage, keyIdOf, parsePrivateKey, parsePublicKey, publicKeyInfo, signCheckpoint, verifyCheckpoint } from './checkpoint-signature';

describe('checkpoint signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const fields = { lastSeq: 42, lastHash: 'a'.repeat(64), createdAt: '2026-11-25T08:00:00.000Z', keyId };

  it('signs the documented plain-text message and verifies it', () => {
    expect(checkpointMessage(fields)).toBe(`provisio-audit-checkpoint/v1\nseq=42\nhash=${'a'.repeat(64)}\ntime=2026-11-25T08:00:00.000Z\nkey=${keyId}\n`);
    const signature = signCheckpoint(privateKey, fields);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifyCheckpoint(publicKey, { ...fields, signature })).toBe(true);
  });

  it('rejects any change to a signed field, another key, and garbage', () => {
    const signature = signCheckpoint(privateKey, fields);
    expect(verifyCheckpoint(publicKey, { ...fields, lastSeq: 43, signature })).toBe(false);
    expect(verifyCheckpoint(publicKey, { ...fields, lastHash: 'b'.repeat(64), signature })).toBe(false);
    expect(verifyCheckpoint(publicKey, { ...fields, createdAt: '2026-11-25T08:00:00.001Z', signature })).toBe(false);
    expect(verifyCheckpoint(publicKey, { ...fields, keyId: '0'.repeat(16), signature })).toBe(false);
    expect(verifyCheckpoint(generateKeyPairSync('ed25519').publicKey, { ...fields, signature })).toBe(false);
    expect(verifyCheckpoint(publicKey, { ...fields, signature: 'AAAA' })).toBe(false);
    expect(verifyCheckpoint(publicKey, { ...fields, lastHash: 'not hex', signature })).toBe(false);
  });

  it('reads public keys as PEM, raw base64 and SPKI DER base64, all with the same key id', () => {
    const info = publicKeyInfo(publicKey);
    const der = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    for (const form of [info.pem, info.raw, der, `  ${info.raw}\n`]) expect(keyIdOf(parsePublicKey(form))).toBe(keyId);
    expect(info).toMatchObject({ keyId, algorithm: 'Ed25519' });
    expect(() => parsePublicKey('nonsense')).toThrow(/not a valid Ed25519 public key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(() => parsePublicKey(rsa)).toThrow(/Ed25519/);
  });

  it('reads private keys as PKCS#8 PEM, PKCS#8 DER base64 and a raw seed, never echoing them in errors', () => {
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const seed = der.subarray(der.length - 32).toString('base64');
    for (const form of [pem, der.toString('base64'), seed]) {
      const k = parsePrivateKey(form);
      expect(verifyCheckpoint(publicKey, { ...fields, signature: signCheckpoint(k, fields) })).toBe(true);
    }
    const secretish = 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=';
    try {
      parsePrivateKey(secretish);
      throw new Error('accepted');
    } catch (e) {
      expect((e as Error).message).toMatch(/not a valid Ed25519 private key/);
      expect((e as Error).message).not.toContain(secretish);
    }
  });
});
