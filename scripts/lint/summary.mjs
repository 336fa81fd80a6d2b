#!/usr/bin/env node
// `npm run lint:summary`: counts of today's lint and boundary findings per rule and per module,
// as a Markdown table (what remains to clean up, and where). Changes nothing.
import path from 'node:path';
import { ESLint } from 'eslint';
import { cruiseSrc, cyclesOf, moduleEdges, topModuleOf } from './module-graph.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const areaOf = (file) => {
  const rel = path.relative(ROOT, file);
  if (rel.startsWith('src/')) return `src/${topModuleOf(rel) === '(root)' ? '*.ts' : topModuleOf(rel)}`;
  return rel.split('/')[0].includes('.') ? '(root files)' : rel.split('/')[0];
};

const counts = new Map(); // rule → area → n
const add = (rule, area, n = 1) => {
  if (!counts.has(rule)) counts.set(rule, new Map());
  counts.get(rule).set(area, (counts.get(rule).get(area) ?? 0) + n);
};

const results = await new ESLint({ cwd: ROOT }).lintFiles(['.']);
for (const r of results) for (const m of r.messages) add(m.ruleId ?? 'parse error', areaOf(r.filePath));

const cruise = await cruiseSrc();
for (const v of cruise.summary.violations ?? []) {
  if (v.type === 'reachability') continue;
  add(`boundaries: ${v.rule.name}${v.rule.severity === 'warn' ? ' (warn)' : ''}`, `src/${topModuleOf(v.from)}`);
}
for (const scc of cyclesOf(moduleEdges(cruise))) for (const m of scc) add('boundaries: module cycle (modules in one)', `src/${m === '(root)' ? '*.ts' : m}`);

const areas = [...new Set([...counts.values()].flatMap((m) => [...m.keys()]))].sort();
const rules = [...counts.keys()].sort((a, b) => total(b) - total(a));
console.log(`| rule | total | ${areas.join(' | ')} |`);
console.log(`|---|---:|${areas.map(() => '---:').join('|')}|`);
for (const rule of rules) console.log(`| ${rule} | ${total(rule)} | ${areas.map((a) => counts.get(rule).get(a) ?? '').join(' | ')} |`);

function total(rule) {
  return [...counts.get(rule).values()].reduce((a, b) => a + b, 0);
}
