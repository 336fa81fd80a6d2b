import fs from 'node:fs';
import type { PlatformService } from './service';

export interface MissingPackages {
  packages: string[];
  paths: string[];
  /** The exact command that installs them on Debian/Ubuntu. */
  command: string;
}

/** The Debian packages some of `services` need and do not have; undefined when nothing is missing. */
export function missingPackages(services: PlatformService[]): MissingPackages | undefined {
  const packages = new Set<string>();
  const paths: string[] = [];
  for (const s of services) {
    for (const r of s.requires) {
      if (fs.existsSync(r.path)) continue;
      packages.add(r.package);
      paths.push(r.path);
    }
  }
  if (!packages.size) return undefined;
  const list = [...packages].sort();
  return { packages: list, paths, command: installCommand(list) };
}

export function installCommand(packages: string[]): string {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  // Postfix's package would otherwise configure and start a system-wide instance on port 25.
  const preseed = packages.includes('postfix') ? `echo "postfix postfix/main_mailer_type select No configuration" | ${sudo}debconf-set-selections && ` : '';
  return `${preseed}${sudo}apt-get update && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** Every package the given services may need (for CI and the README). */
export function allPackages(services: PlatformService[]): string[] {
  return [...new Set(services.flatMap((s) => s.requires.map((r) => r.package)))].sort();
}

export class MissingPackagesError extends Error {
  constructor(readonly missing: MissingPackages) {
    super(`missing Debian packages: ${missing.packages.join(' ')} (no ${missing.paths.join(', ')}). Install them with:\n  ${missing.command}`);
    this.name = 'MissingPackagesError';
  }
}
