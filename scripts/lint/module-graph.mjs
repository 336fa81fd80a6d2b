// The import graph of src/ (dependency-cruiser, configured by .dependency-cruiser.cjs), and the
// same graph collapsed to modules. Shared by boundaries.mjs (the check) and docs-graph.mjs (the
// picture in docs/architecture.md).
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/** Cruises src/ with the project's rules; returns dependency-cruiser's result object. */
export async function cruiseSrc() {
  process.chdir(ROOT);
  const config = require(path.join(ROOT, '.dependency-cruiser.cjs'));
  const options = { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, outputType: 'json' };
  const tsConfig = extractTSConfig(path.join(ROOT, config.options.tsConfig.fileName));
  const { output } = await cruise(['src'], options, { extensions: options.enhancedResolveOptions.extensions }, { tsConfig });
  return typeof output === 'string' ? JSON.parse(output) : output;
}

/** The module a file of src/ belongs to: its first directory, or `(root)` for files directly in src/. */
export function topModuleOf(file) {
  const parts = file.split('/');
  if (parts[0] !== 'src') return undefined;
  return parts.length > 2 ? parts[1] : '(root)';
}

/**
 * The documented direction (ARCHITECTURE.md §3): orders → catalog, provisioning, identity/access,
 * audit → database, common, config; the composition root, CLI and health above everything.
 * Modules of one layer have no order among themselves.
 */
const LAYER = {
  config: 0,
  common: 0,
  database: 0,
  identity: 1,
  access: 1,
  audit: 1,
  catalog: 1,
  provisioning: 1,
  orders: 2,
  health: 3,
  cli: 3,
  app: 3,
  '(root)': 3,
};

/** True when an import from module a to module b points up the documented direction. */
export function isUpward(a, b) {
  return (LAYER[a] ?? 1) < (LAYER[b] ?? 1);
}

/** Like topModuleOf, but provisioning split into its parts (language, engine, namespaces, providers, runs). */
export function areaOf(file) {
  const parts = file.split('/');
  if (parts[0] !== 'src') return undefined;
  if (parts[1] === 'provisioning' && parts.length > 3) return `provisioning/${parts[2]}`;
  return topModuleOf(file);
}

/**
 * Edges between modules: Map from → Map to → the file-level imports behind it.
 * @returns {Map<string, Map<string, { from: string, to: string, typeOnly: boolean }[]>>}
 */
export function moduleEdges(result, keyOf = topModuleOf) {
  const edges = new Map();
  for (const m of result.modules) {
    const a = keyOf(m.source);
    if (!a) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    for (const d of m.dependencies) {
      const b = keyOf(d.resolved);
      if (!b || b === a) continue;
      const to = edges.get(a);
      if (!to.has(b)) to.set(b, []);
      to.get(b).push({ from: m.source, to: d.resolved, typeOnly: d.dependencyTypes.includes('type-only') });
    }
  }
  return edges;
}

/** Strongly connected components with more than one node (Tarjan), each sorted, largest first. */
export function cyclesOf(edges) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) {
        info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
      }
    }
    if (info.get(v).low === info.get(v).index) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!info.has(v)) visit(v);
  return found.sort((a, b) => b.length - a.length);
}
