import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { dockerAddressing } from '../scripts/topology/configs';
import { dockerEtcdCommand, dockerHaFiles } from '../scripts/topology/docker-files';
import { topologyLayout } from '../scripts/topology/layout';

/**
 * docker/compose.ha.yaml cannot run here (no Docker engine), so it is held to `npm run topology`
 * by comparison: the generated configuration under docker/ha/ must be what the local topology
 * would write, and the compose services must be the same parts in the same numbers.
 */
const DOCKER = path.resolve(__dirname, '../docker');

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  user?: string;
}

const compose = load(fs.readFileSync(path.join(DOCKER, 'compose.ha.yaml'), 'utf8')) as { services: Record<string, ComposeService> };

describe('docker/compose.ha.yaml mirrors npm run topology', () => {
  it.each(Object.keys(dockerHaFiles()))('docker/%s is what scripts/topology generates (npm run topology -- --write-docker)', (file) => {
    expect(fs.readFileSync(path.join(DOCKER, file), 'utf8')).toBe(dockerHaFiles()[file]);
  });

  it('has the same parts in the same numbers: 3 etcd, 2 Patroni nodes, HAProxy, 2 API processes, 3 engines', () => {
    const local = topologyLayout('/tmp/x');
    const docker = dockerAddressing();
    const names = Object.keys(compose.services);
    expect(names.filter((n) => /^etcd\d$/.test(n))).toHaveLength(local.etcd.length);
    expect(names.filter((n) => /^pg\d$/.test(n))).toEqual(local.postgres.map((p) => p.name));
    expect(names.filter((n) => /^api\d$/.test(n))).toEqual(docker.apis.map((a) => a.name));
    expect(docker.apis).toHaveLength(local.apiPorts.length);
    expect(compose.services.engine.deploy?.replicas).toBe(3);
    expect(names).toContain('haproxy');
  });

  it('runs etcd and Patroni as the local topology does', () => {
    dockerAddressing().etcd.forEach((_, i) => expect(compose.services[`etcd${i + 1}`].command).toEqual(dockerEtcdCommand(i)));
    for (const p of dockerAddressing().postgres) {
      const s = compose.services[p.name];
      expect(s.user).toBe('postgres');
      expect(s.command).toEqual(['patroni', '/etc/patroni/patroni.yml']);
      expect(s.environment?.PATRONI_NAME).toBe(p.name);
      expect(s.environment?.PATRONI_POSTGRESQL_CONNECT_ADDRESS).toBe(`${p.host}:${p.port}`);
      expect(s.environment?.PATRONI_RESTAPI_CONNECT_ADDRESS).toBe(`${p.host}:${p.restPort}`);
    }
  });

  it('points every Provisio process at the primary through HAProxy with one audit signing key', () => {
    const d = dockerAddressing();
    for (const name of ['seed', 'api1', 'api2', 'engine']) {
      const env = compose.services[name].environment ?? {};
      expect(new URL(env.DATABASE_URL.replace(/\$\{[^}]*\}/, 'x')).host).toBe(`haproxy:${d.databasePort}`);
      expect(env.AUDIT_SIGNING_KEY).toMatch(/^\$\{AUDIT_SIGNING_KEY/);
      expect(env.TRUST_PROXY).toBe('true');
    }
    expect(compose.services.api1.command).toEqual(['serve']);
    expect(compose.services.engine.command).toEqual(['engine']);
  });
});
