#!/usr/bin/env node
// Fills README.md's generated blocks from the real binary (needs dist/: npm run build):
//   captures: each pane as `planboard render` prints it;
//   examples: a short run of each everyday command.
// Edits go to temp copies, so the repo's plans stay as they are.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(new URL('..', import.meta.url).pathname);
const bin = join(repo, 'dist/planboard.js');
const tmp = mkdtempSync(join(tmpdir(), 'pb-readme-'));

function run(args, { cwd = repo, head } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`planboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  let lines = (r.stdout + r.stderr).replace(/\s+$/, '').split('\n').map((l) => l.replace(/\s+$/, ''));
  if (head && lines.length > head) lines = [...lines.slice(0, head), '…'];
  return lines.join('\n');
}
const shown = (args) => args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ');
const block = (args, opts) => '```console\n$ planboard ' + shown(args) + '\n' + run(args, opts) + '\n```\n';
const pane = (title, args) => `**${title}** (\`planboard ${shown(args)}\`)\n\n\`\`\`\n${run(args)}\n\`\`\`\n`;

const captures = [
  pane('Kanban', ['render', 'plans/stoa-2026-v4.yaml', '--view', 'kanban', '--width', '100', '--height', '24', '--today', '2026-01-06']),
  pane('Timeline', ['render', 'plans/koprogo-roadmap.yaml', '--view', 'timeline', '--width', '100', '--height', '24', '--today', '2025-11-03']),
  pane('Capacity', ['render', 'plans/stoa-2026-v4.yaml', '--view', 'capacity', '--width', '100', '--height', '16', '--today', '2026-01-06']),
].join('\n');

// The commands table, from each command's own --help (itself made from the command table).
const help = run(['--help']);
const names = [...help.matchAll(/^ {2}([a-z]+) {2,}(.*)$/gm)].map((m) => [m[1], m[2]]);
const commands =
  '| command | what it does |\n|---|---|\n' +
  names
    .map(([name, summary]) => {
      const usage = run([name, '--help']).split('\n')[0].replace(/^usage: /, '');
      return `| \`${usage.replaceAll('|', '\\|')}\` | ${summary.replace(/: planboard .*$/, '').replaceAll('|', '\\|')} |`;
    })
    .join('\n') +
  '\n';

const stoa = join(tmp, 'stoa-2026-v4.yaml');
copyFileSync(join(repo, 'plans/stoa-2026-v4.yaml'), stoa);
const examples = [
  block(['standup', 'plans/k3s-mono-pgsql.yaml', '--today', '2026-02-16', '--lane', 'dev-a']),
  block(['log', 'stoa-2026-v4.yaml', 'CAB-238', '1.5h', '--date', '2026-01-06', '--note', 'e2e harness'], { cwd: tmp }),
  block(['hours', 'stoa-2026-v4.yaml', '--month', '--today', '2026-01-06'], { cwd: tmp, head: 8 }),
  block(['schedule', 'plans/koprogo-roadmap.yaml', '--today', '2025-11-03'], { head: 14 }),
  block(['capacity', 'plans/stoa-2026-v2.yaml', '--by', 'quarter', '--today', '2026-01-05'], { head: 14 }),
  block(['report', 'plans/stoa-2026-v4.yaml', '--today', '2026-01-06'], { head: 14 }),
  block(['import', '../shared/seeds/repaired/003_c61cbb500b862e28.txt', '-o', join(tmp, 'koprogo.yaml')], { head: 6 }).replaceAll(tmp + '/', ''),
  block(['export', 'plans/k3s-mono-pgsql.yaml', '--format', 'mermaid', '--today', '2026-02-16'], { head: 10 }),
  block(['init', 'kitchen.yaml', '--title', 'Kitchen'], { cwd: tmp }),
  block(['add', 'kitchen.yaml', '--title', 'Order the worktop', '--estimate', '90m', '--lane', 'me'], { cwd: tmp }),
  block(['edit', 'kitchen.yaml', 'T-3', '--estimate', '2h', '--status', 'todo'], { cwd: tmp }),
  block(['rm', 'kitchen.yaml', 'T-3'], { cwd: tmp }),
  block(['tick', 'kitchen.yaml', 'T-1', '--today', '2026-03-02'], { cwd: tmp }),
  block(['completion', 'bash'], { head: 4 }),
].join('\n');
const fixtures = (f) => `test/fixtures/${f}`;
const imports = [
  block(['import', fixtures('roadmaps/template-plans-roadmap.md'), '-o', join(tmp, 'roadmap.yaml')], { head: 3 }).replaceAll(tmp + '/', ''),
  block(['import', fixtures('trackers/gh-issue-list.json'), '-o', join(tmp, 'gh.yaml')]).replaceAll(tmp + '/', ''),
  block(['import', fixtures('trackers/jira-export.csv'), '-o', join(tmp, 'jira.yaml')]).replaceAll(tmp + '/', ''),
  block(['import', fixtures('trackers/linear-export.csv'), '-o', join(tmp, 'linear.yaml')]).replaceAll(tmp + '/', ''),
  block(['import', fixtures('trackers/backlog'), '-o', join(tmp, 'backlog.yaml')]).replaceAll(tmp + '/', ''),
  block(['import', fixtures('trackers/taskwarrior-export.json'), '-o', join(tmp, 'tasks.yaml')]).replaceAll(tmp + '/', ''),
].join('\n');
rmSync(tmp, { recursive: true, force: true });

const splice = (text, name, body) => {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text)) throw new Error(`README.md has no ${name} markers`);
  return text.replace(re, `$1${body}$2`);
};
const path = join(repo, 'README.md');
let readme = readFileSync(path, 'utf8');
readme = splice(readme, 'captures', captures);
readme = splice(readme, 'examples', examples);
readme = splice(readme, 'commands', commands);
readme = splice(readme, 'imports', imports);
writeFileSync(path, readme);
console.log('README.md: captures, commands, examples and imports written');
