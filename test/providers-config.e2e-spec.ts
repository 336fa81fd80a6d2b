import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The provider selection as an operator meets it: a bad PROVIDER_* stops every role at start. */
const MAIN = path.resolve(__dirname, '..', 'dist', 'src', 'main.js');

function run(args: string[], env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-providers-')), ...env };
  delete base.DATABASE_URL;
  return spawnSync(process.execPath, [MAIN, ...args], { env: base, encoding: 'utf8', timeout: 60_000 });
}

describe('PROVIDER_<NAMESPACE> at start-up', () => {
  it.each(['engine', 'serve', 'all'])('%s refuses to start naming every bad variable, before touching a database', (role) => {
    const r = run([role], { PROVIDER_DNS: 'bind9', PROVIDER_MOBILITY: 'Lab!', PORT: 'eighty' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Invalid configuration');
    expect(r.stderr).toContain('PORT="eighty": must be an integer');
    expect(r.stderr).toContain('PROVIDER_DNS="bind9": no provider of that name (known: lab)');
    expect(r.stderr).toContain('PROVIDER_MOBILITY="Lab!": must be a provider name such as lab');
  });

  it('lists the provider variables with their default in `provisio config`', () => {
    const r = run(['config'], {});
    expect(r.status).toBe(0);
    for (const ns of ['DIRECTORY', 'EXCHANGE', 'MOBILITY', 'DNS', 'COMMUNICATIONS', 'SHAREPOINT']) expect(r.stdout).toContain(`| \`PROVIDER_${ns}\` | \`lab\` |`);
  });
});
