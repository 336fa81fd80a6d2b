#!/usr/bin/env node
// `npm run lint:boundaries`: the import rules of .dependency-cruiser.cjs plus "no cycle between
// top-level modules of src/". Exits 1 on any error-level violation or module cycle.
//   --module <name>   only what concerns that module (violations from it, cycles through it)
import { cruiseSrc, cyclesOf, isUpward, moduleEdges, topModuleOf } from './module-graph.mjs';

const only = valueOf('--module');
const result = await cruiseSrc();
const all = (result.summary.violations ?? []).filter((v) => !only || topModuleOf(v.from) === only);

const direct = all.filter((v) => v.type !== 'reachability');
for (const v of direct) console.log(`${v.rule.severity === 'error' ? 'error' : 'warn '} ${v.rule.name}: ${v.from} → ${v.to}`);

// Reachability findings come one per (file, target) pair: show one shortest path per target module or package.
const reach = new Map();
// A route of one hop is a direct import, already reported above.
for (const v of all.filter((x) => x.type === 'reachability' && x.via.length > 1)) {
  const target =
    topModuleOf(v.to) ??
    v.to
      .split('/')
      .slice(1, v.to.split('/')[1].startsWith('@') ? 3 : 2)
      .join('/');
  const key = `${v.rule.severity} ${v.rule.name} ${target}`;
  const route = [v.from, ...v.via.map((x) => x.name)];
  if (!reach.has(key) || reach.get(key).route.length > route.length) reach.set(key, { v, target, route });
}
for (const { v, target, route } of reach.values()) {
  console.log(`${v.rule.severity === 'error' ? 'error' : 'warn '} ${v.rule.name} ${target}: ${route.join(' → ')}`);
}

const edges = moduleEdges(result);
const cycles = cyclesOf(edges).filter((scc) => !only || scc.includes(only));
for (const scc of cycles) {
  console.log(`error module-cycle: ${scc.join(', ')} import each other; cut imports (↑ = against the documented direction):`);
  const inCycle = scc.flatMap((a) => [...(edges.get(a) ?? [])].filter(([b]) => scc.includes(b)).map(([b, imports]) => ({ a, b, imports })));
  inCycle.sort((x, y) => Number(isUpward(y.a, y.b)) - Number(isUpward(x.a, x.b)) || x.imports.length - y.imports.length);
  for (const { a, b, imports } of inCycle) {
    if (only && a !== only && b !== only) continue;
    const shown = imports.slice(0, 3).map((i) => `${i.from} → ${i.to}${i.typeOnly ? ' (type)' : ''}`);
    console.log(`  ${isUpward(a, b) ? '↑' : ' '} ${a} → ${b} (${imports.length}): ${shown.join('; ')}${imports.length > 3 ? '; …' : ''}`);
  }
}

const errors =
  direct.filter((v) => v.rule.severity === 'error').length + [...reach.values()].filter((r) => r.v.rule.severity === 'error').length + cycles.length;
const warnings = direct.filter((v) => v.rule.severity !== 'error').length + [...reach.values()].filter((r) => r.v.rule.severity !== 'error').length;
const files = result.modules.filter((m) => m.source.startsWith('src/')).length;
console.log(`${errors ? '✖' : '✔'} boundaries: ${errors} error(s) (${cycles.length} module cycle(s)), ${warnings} warning(s); ${files} files of src/ cruised`);
process.exitCode = errors ? 1 : 0;

function valueOf(flag) {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
