#!/usr/bin/env -S node --max-semi-space-size=4
import 'reflect-metadata';
import { runCli } from './cli/cli';

function finish(code: number) {
  process.exitCode = code;
  // The supervisor's IPC channel (engines) or a stray handle must not keep a finished command alive.
  if (process.connected) process.disconnect();
  setTimeout(() => process.exit(code), 3000).unref();
}

runCli(process.argv.slice(2)).then(finish, (err) => {
  console.error(err instanceof Error ? (process.env.LOG_LEVEL === 'debug' ? err.stack : err.message) : err);
  finish(1);
});
