import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from 'pino';
import { parsePrivateKey, publicKeyInfo, type PublicKeyInfo } from './checkpoint-signature';

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  info: PublicKeyInfo;
  source: 'config' | 'file' | 'generated';
  /** The file the key was read from or written to (never the key itself). */
  file?: string;
}

function fromPrivate(privateKey: KeyObject, source: AuditSigningKey['source'], file?: string): AuditSigningKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, info: publicKeyInfo(publicKey), source, file };
}

/**
 * The installation's Ed25519 checkpoint key: `AUDIT_SIGNING_KEY` when given, else
 * `DATA_DIR/audit-signing-key.pem`, generated (mode 0600) on first start. Several API processes
 * sharing a DATA_DIR race safely (exclusive create); processes on different machines should be
 * given the same AUDIT_SIGNING_KEY (checkpoints carry the key id either way).
 */
export function loadAuditSigningKey(opts: { configured?: string; dataDir: string; log?: Logger }): AuditSigningKey {
  if (opts.configured && opts.configured.trim()) return fromPrivate(parsePrivateKey(opts.configured), 'config');
  const file = path.join(opts.dataDir, SIGNING_KEY_FILE);
  const read = (): AuditSigningKey => {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) {
      opts.log?.warn({ file, mode: mode.toString(8) }, 'the audit signing key was readable by others: restricting it to mode 0600');
      fs.chmodSync(file, 0o600);
    }
    return fromPrivate(parsePrivateKey(fs.readFileSync(file, 'utf8')), 'file', file);
  };
  if (fs.existsSync(file)) return read();
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  // Write a complete temporary file, then link it into place: link() fails if another process
  // got there first, and nobody ever reads a half-written key.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return read();
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const key = fromPrivate(privateKey, 'generated', file);
  opts.log?.info({ file, keyId: key.info.keyId }, 'generated the audit signing key (Ed25519)');
  return key;
}
