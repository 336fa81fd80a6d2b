#!/usr/bin/env node
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/common/version';
import { dockerHaFiles } from './docker-files';
import { DEFAULT_PORT_BASE } from './layout';
import { MissingPackagesError, TOPOLOGY_PACKAGES } from './packages';
import { Topology } from './topology';

/**
 * `npm run topology [-- --port-base 15400 --engines 3 --fresh]`: the reference topology on this
 * machine (etcd ×3, PostgreSQL primary + synchronous standby under Patroni, HAProxy, 2 × serve,
 * 3 × engine), data in .provisio/topology/; Ctrl-C or SIGTERM stops all of it.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'port-base': { type: 'string', default: process.env.TOPOLOGY_PORT_BASE ?? String(DEFAULT_PORT_BASE) },
      engines: { type: 'string', default: '3' },
      apis: { type: 'string', default: '2' },
      dir: { type: 'string', default: path.join(PROJECT_ROOT, '.provisio', 'topology') },
      fresh: { type: 'boolean', default: false },
      'write-docker': { type: 'boolean', default: false },
    },
  });
  if (positionals[0] === 'packages') {
    // For .ci/run: apt-get install $(node dist/scripts/topology/topology-cli.js packages)
    console.log(TOPOLOGY_PACKAGES.join(' '));
    return 0;
  }
  if (values['write-docker']) {
    for (const [file, content] of Object.entries(dockerHaFiles())) {
      const target = path.join(PROJECT_ROOT, 'docker', file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
      console.log(`wrote ${path.relative(PROJECT_ROOT, target)}`);
    }
    return 0;
  }
  const t0 = Date.now();
  const log = (line: string) => console.log(`[topology +${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}`);
  let topology: Topology | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    if (stopping) return stopping;
    log(`${signal}: stopping engines (drain), APIs, HAProxy, PostgreSQL, etcd`);
    stopping = (topology?.stop() ?? Promise.resolve()).then(() => log('stopped; nothing left running'));
    return stopping;
  };
  const abort = new AbortController();
  const signalled = new Promise<string>((resolve) => {
    const on = (signal: string) => {
      abort.abort();
      resolve(signal);
    };
    process.once('SIGINT', () => on('SIGINT'));
    process.once('SIGTERM', () => on('SIGTERM'));
  });
  const starting = Topology.start({
    signal: abort.signal,
    dir: values.dir!,
    portBase: Number(values['port-base']),
    engines: Number(values.engines),
    apis: Number(values.apis),
    fresh: values.fresh,
    log,
  });
  try {
    topology = await starting;
  } catch (e) {
    // Topology.start stopped whatever it had started before it gave up.
    if (abort.signal.aborted) {
      log('interrupted during start; stopped');
      return 130;
    }
    throw e;
  }
  const e = topology.endpoints;
  const primary = await topology.primary();
  console.log(
    [
      '',
      'Provisio reference topology is up:',
      `  API (HAProxy, 2 × provisio serve)   ${e.api}/v1   docs ${e.api}/docs`,
      `  PostgreSQL primary (HAProxy)        ${e.databaseUrl.replace(/:[^:@/]+@/, ':****@')}   (passwords in ${topology.layout.secretsFile})`,
      `  HAProxy statistics                  ${e.stats}`,
      `  Patroni REST                        ${e.patroni.join('  ')}   (primary now: ${primary?.name ?? '?'})`,
      `  etcd                                ${e.etcd.join('  ')}`,
      `  engines                             ${[...topology.services.keys()].filter((n) => n.startsWith('engine')).length} × provisio engine`,
      `  logs                                ${topology.layout.logDir}`,
      `  admin token                         ${e.adminTokenFile}${topology.newAdminToken ? ` (new: ${topology.newAdminToken})` : ''}`,
      '',
      `  curl -H "Authorization: Bearer $(cat ${e.adminTokenFile})" ${e.api}/v1/me`,
      `  patronictl -c ${topology.layout.postgres[0].configFile} list`,
      '',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
  await stop(await signalled);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof MissingPackagesError ? err.message : err);
    process.exit(1);
  },
);
