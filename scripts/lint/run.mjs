#!/usr/bin/env node
// `npm run lint`: ESLint, the import boundaries and the format check, started together (they are
// independent; on 2 cores this saves several seconds over running them one after the other).
// Each one's output is printed whole once it ends; the exit code is 1 if any failed.
import { spawn } from 'node:child_process';

const checks = [
  ['eslint', 'npm', ['run', '--silent', 'lint:eslint']],
  ['boundaries', 'npm', ['run', '--silent', 'lint:boundaries']],
  ['format', 'npm', ['run', '--silent', 'format:check']],
];

const results = await Promise.all(
  checks.map(
    ([name, cmd, args]) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => resolve({ name, code, out, ms: Date.now() - started }));
      }),
  ),
);

for (const { name, code, out, ms } of results) {
  console.log(`── ${name}: ${code === 0 ? 'ok' : 'FAILED'} (${(ms / 1000).toFixed(1)} s)`);
  if (code !== 0 || out.trim()) process.stdout.write(out.endsWith('\n') || !out ? out : `${out}\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
