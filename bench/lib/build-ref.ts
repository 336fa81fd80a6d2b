import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../src/common/version';

/**
 * Builds another commit of this repository for an A/B benchmark (`--vs <git-ref>`): the commit's
 * tree is exported with `git archive` (no worktree is registered, nothing in the checkout
 * changes) into node_modules/.cache/provisio-bench/<commit>/ and compiled with this checkout's
 * TypeScript when its runtime dependencies are the ones installed here (its node_modules is then
 * a link to ours); when they differ it gets its own (`npm ci` of its lockfile, its TypeScript),
 * rather than being measured with the wrong libraries.
 * A finished build is kept and reused (keyed by the full commit hash).
 */
export interface RefBuild {
  /** What the user asked for (`baseline-13`, `0515ddf`, `HEAD~3`). */
  ref: string;
  commit: string;
  /** The commit's `dist/src/main.js`. */
  mainJs: string;
  dir: string;
}

const git = (args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function dependencyMismatch(dir: string): string[] {
  const ours = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).dependencies ?? {};
  const theirs = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies ?? {};
  const names = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  return [...names].filter((n) => ours[n] !== theirs[n]).map((n) => `${n}: ${theirs[n] ?? '—'} there, ${ours[n] ?? '—'} here`);
}

/** Resolves `ref` (a branch, tag or commit; a missing branch falls back to `fallback`). */
export function resolveRef(ref: string, fallback?: string): { ref: string; commit: string } {
  for (const candidate of [ref, fallback].filter((r): r is string => !!r)) {
    try {
      return { ref: candidate, commit: git(['rev-parse', '--verify', `${candidate}^{commit}`]) };
    } catch {
      /* try the next */
    }
  }
  throw new Error(`--vs ${ref}: no such commit in this repository${fallback ? ` (nor ${fallback})` : ''}`);
}

export function buildRef(ref: string, log: (line: string) => void, fallback?: string): RefBuild {
  const resolved = resolveRef(ref, fallback);
  const dir = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'provisio-bench', resolved.commit);
  const mainJs = path.join(dir, 'dist', 'src', 'main.js');
  const done = path.join(dir, '.built');
  if (fs.existsSync(done) && fs.existsSync(mainJs)) return { ...resolved, mainJs, dir };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`building ${resolved.ref} (${resolved.commit.slice(0, 12)}) in ${path.relative(PROJECT_ROOT, dir)}`);
  const archive = execFileSync('git', ['archive', '--format=tar', resolved.commit], { cwd: PROJECT_ROOT, maxBuffer: 512 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const mismatch = dependencyMismatch(dir);
  let tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (mismatch.length) {
    // Measuring the commit with our libraries would measure the wrong code: it gets its own,
    // exactly as its lockfile says (needs the npm registry once; the build is cached by commit).
    log(`${resolved.ref}'s dependencies differ from the installed ones (${mismatch.join('; ')}): npm ci of its lockfile`);
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    tsc = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  } else {
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  }
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  fs.writeFileSync(done, `${resolved.commit}\n`);
  return { ...resolved, mainJs, dir };
}
