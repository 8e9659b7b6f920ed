#!/usr/bin/env node
// npm run gen -- --issues N --seed S -o FILE : writes a realistic generated plan (see lib/gen-plan.mjs).
import { writeFileSync } from 'node:fs';
import { generatePlan } from './lib/gen-plan.mjs';

const args = process.argv.slice(2);
const opt = (names, fallback) => {
  const k = args.findIndex((a) => names.includes(a));
  return k >= 0 ? args[k + 1] : fallback;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run gen -- --issues N [--seed S] [-o FILE]   (default: 1000 issues, seed 1, stdout)');
  process.exit(0);
}
const issues = Number(opt(['--issues', '-n'], '1000'));
const seed = Number(opt(['--seed', '-s'], '1'));
const file = opt(['-o', '--out'], undefined);
if (!Number.isInteger(issues) || issues < 1 || !Number.isInteger(seed)) {
  console.error('gen: --issues must be a positive integer and --seed an integer');
  process.exit(2);
}
const text = generatePlan({ issues, seed });
if (file) writeFileSync(file, text);
else process.stdout.write(text);
