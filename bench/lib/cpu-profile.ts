import * as fs from 'node:fs';
import * as path from 'node:path';

/** A V8 .cpuprofile (what `node --cpu-prof` writes). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  fn: string;
  where: string;
  selfMs: number;
  selfShare: number;
}

export interface ProfileSummary {
  files: number;
  totalMs: number;
  idleShare: number;
  gcShare: number;
  top: HotFunction[];
  /** Self time per area of the code (src/provisioning/engine, node_modules/pg, node internals…). */
  byArea: { area: string; selfMs: number; share: number }[];
}

function areaOf(url: string): string {
  if (!url) return '(native/V8)';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 'node_modules/'.length).split('/');
    return `node_modules/${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const dist = u.indexOf('/dist/');
  if (dist >= 0) {
    const parts = u.slice(dist + '/dist/'.length).split('/');
    return parts.slice(0, Math.min(parts.length - 1, 3)).join('/') || parts[0];
  }
  if (u.startsWith('node:')) return 'node internals';
  return path.basename(u);
}

/** Self time by function over every .cpuprofile in `dir` (recursively). */
export function summarizeProfiles(dir: string, top = 25): ProfileSummary | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.cpuprofile')) files.push(p);
    }
  };
  walk(dir);
  if (!files.length) return undefined;
  const self = new Map<string, { fn: string; where: string; us: number }>();
  const areas = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let gc = 0;
  for (const file of files) {
    const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const samples = prof.samples ?? [];
    const deltas = prof.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const node = byId.get(samples[i]);
      if (!node) continue;
      const us = Math.max(0, deltas[i] ?? 0);
      total += us;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') {
        idle += us;
        continue;
      }
      if (functionName === '(garbage collector)') gc += us;
      const where = url ? `${url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}` : '';
      const key = `${functionName}|${where}`;
      const entry = self.get(key) ?? { fn: functionName || '(anonymous)', where, us: 0 };
      entry.us += us;
      self.set(key, entry);
      const area = functionName.startsWith('(') ? functionName : areaOf(url);
      areas.set(area, (areas.get(area) ?? 0) + us);
    }
  }
  const busy = Math.max(1, total - idle);
  return {
    files: files.length,
    totalMs: Math.round(total / 1000),
    idleShare: Math.round((idle / Math.max(1, total)) * 1000) / 1000,
    gcShare: Math.round((gc / busy) * 1000) / 1000,
    top: [...self.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({ fn: e.fn, where: e.where, selfMs: Math.round(e.us / 1000), selfShare: Math.round((e.us / busy) * 1000) / 1000 })),
    byArea: [...areas.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([area, us]) => ({ area, selfMs: Math.round(us / 1000), share: Math.round((us / busy) * 1000) / 1000 })),
  };
}
