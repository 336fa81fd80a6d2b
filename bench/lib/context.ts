import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BENCH_DIR, type BenchResult, gitCommit, type Machine } from './results';

export interface BenchContext {
  /** Repetitions of each measurement (≥ 3 for committed results). */
  reps: number;
  /** Smaller workloads, for trying the bench out (results marked quick). */
  quick: boolean;
  /** Run the API and engines under `node --cpu-prof` and summarize the profiles. */
  profile: boolean;
  /** `--vs <git-ref>`: the commit an A/B benchmark compares this build with (order-placement). */
  vs?: string;
  machine: Machine;
  log(line: string): void;
  /** The common fields of a result. */
  header(name: string, description: string): Pick<BenchResult, 'name' | 'description' | 'date' | 'commit' | 'dirty' | 'machine' | 'durationS'>;
  /** Copies the .cpuprofile files out of a temp dir into bench/profiles/<name>/ (not committed). */
  keepProfiles(dir: string, name: string): void;
}

export interface BenchDefinition {
  name: string;
  /** Other result names this benchmark writes (engine-throughput also writes memory). */
  also?: string[];
  description: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

export function createContext(opts: {
  reps: number;
  quick: boolean;
  profile: boolean;
  vs?: string;
  machine: Machine;
  log: (line: string) => void;
}): BenchContext {
  const git = gitCommit();
  const ctx: BenchContext = {
    ...opts,
    header: (name, description) => ({
      name,
      description,
      date: new Date().toISOString(),
      commit: git.commit,
      dirty: git.dirty,
      machine: { ...ctx.machine, loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100) },
      durationS: 0,
    }),
    keepProfiles: (dir, name) => {
      if (!fs.existsSync(dir)) return;
      const target = path.join(BENCH_DIR, 'profiles', name);
      fs.rmSync(target, { recursive: true, force: true });
      fs.mkdirSync(target, { recursive: true });
      fs.cpSync(dir, target, { recursive: true });
      opts.log(`CPU profiles kept in ${path.relative(process.cwd(), target)} (open them in Chrome DevTools → Performance)`);
    },
  };
  return ctx;
}
