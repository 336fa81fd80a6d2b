import { parseArgs } from 'node:util';
import { UsageError, verifyExportFile } from './offline-verify';

export const AUDIT_USAGE = `Usage: provisio audit verify --file <export.ndjson> [--public-key <key|file>] [--checkpoints <checkpoints.json>] [--partial] [--json]

Verifies an audit export offline (no server, no database):
  --file          NDJSON from GET /v1/audit/events/export (oldest first, the default order)
  --public-key    the installation's Ed25519 public key: PEM or base64 raw key, inline or as a file
                  (publicKey.pem or publicKey.raw of GET /v1/audit/checkpoints, obtained out of band)
  --checkpoints   the answer of GET /v1/audit/checkpoints (or an array of checkpoints) saved to a file
                  just before exporting; each signature is checked and the export must hold the
                  checkpointed (seq, hash); a complete export that ends before one was truncated
  --partial       the export was filtered: gaps in seq are expected, checkpoints outside it are noted
  --json          print the full result as JSON after the summary line

Exit code 0 when verified, 1 otherwise.`;

/** `provisio audit <subcommand>`; returns the exit code. Writes one summary line to stdout. */
export async function runAuditCli(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') {
    err(sub && sub !== 'help' && sub !== '--help' ? `unknown audit command "${sub}"\n\n${AUDIT_USAGE}` : AUDIT_USAGE);
    return 1;
  }
  let values: { file?: string; 'public-key'?: string; checkpoints?: string; partial?: boolean; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        file: { type: 'string', short: 'f' },
        'public-key': { type: 'string', short: 'k' },
        checkpoints: { type: 'string', short: 'c' },
        partial: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    err(`${(e as Error).message}\n\n${AUDIT_USAGE}`);
    return 1;
  }
  if (values.help) {
    out(AUDIT_USAGE);
    return 0;
  }
  if (!values.file) {
    err(`--file is required\n\n${AUDIT_USAGE}`);
    return 1;
  }
  try {
    const result = await verifyExportFile({ file: values.file, publicKey: values['public-key'], checkpoints: values.checkpoints, partial: values.partial });
    out(result.summary);
    if (values.json) out(JSON.stringify(result, null, 2));
    return result.verified ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`NOT VERIFIED: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
