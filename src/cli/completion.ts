// Shell completion from the command table. `planboard completion SHELL` prints a small script;
// the script asks `planboard __complete INDEX -- WORDS...` for the candidates, so commands,
// options, choices, and the ids, lanes and statuses of the plan being typed all come from one place.
// Besides candidates, a line `:plans` asks the shell for plan files (and directories), `:files`
// for any file: the shell's own file completion does that best.
import { resolve } from 'node:path';
import type { Handler } from './command.js';
import { COMMANDS, commandNamed, resolvedSpec } from './commands.js';
import { HELP_OPT, type ArgSpec, type CommandSpec, type OptionSpec, type ValueKind } from './spec.js';
import { readPlanFile } from '../core/persist/read-plan.js';
import type { Model } from '../core/plan/model.js';

const BASH = `# planboard completion for bash: source this file, or put it in
# ~/.local/share/bash-completion/completions/planboard
_planboard() {
  local cur=\${COMP_WORDS[COMP_CWORD]} line out
  local IFS=$'\\n'
  out=$(planboard __complete "$((COMP_CWORD - 1))" -- "\${COMP_WORDS[@]:1}" 2>/dev/null) || return 0
  COMPREPLY=()
  for line in $out; do
    case $line in
      :plans) COMPREPLY+=($(compgen -G "$cur*.yaml") $(compgen -G "$cur*.yml") $(compgen -d -- "$cur")) ;;
      :files) COMPREPLY+=($(compgen -f -- "$cur")) ;;
      *) COMPREPLY+=("$line") ;;
    esac
  done
}
complete -o filenames -F _planboard planboard
`;

const ZSH = `#compdef planboard
# planboard completion for zsh: put it in a directory of $fpath as _planboard, or source it.
_planboard() {
  local -a cands out
  local line
  out=("\${(@f)$(planboard __complete "$((CURRENT - 2))" -- "\${(@)words[2,-1]}" 2>/dev/null)}")
  for line in $out; do
    case $line in
      :plans) _files -g '*.(yaml|yml)' ;;
      :files) _files ;;
      ?*) cands+=("$line") ;;
    esac
  done
  (( \${#cands} )) && compadd -Q -a cands
  return 0
}
if [ "$funcstack[1]" = "_planboard" ]; then _planboard "$@"; else compdef _planboard planboard; fi
`;

const FISH = `# planboard completion for fish: put it in ~/.config/fish/completions/planboard.fish
function __planboard_complete
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cur (commandline -ct)
    for line in (planboard __complete (count $tokens) -- $tokens $cur 2>/dev/null)
        switch $line
            case ':plans'
                __fish_complete_suffix .yaml
                __fish_complete_suffix .yml
            case ':files'
                __fish_complete_path $cur
            case '*'
                echo $line
        end
    end
end
complete -c planboard -f -a '(__planboard_complete)'
`;

export const SCRIPTS = { bash: BASH, zsh: ZSH, fish: FISH } as const;

export const run: Handler = async (a, io) => {
  io.out(SCRIPTS[a.args.shell as keyof typeof SCRIPTS]);
  return 0;
};

const optionWords = (spec: CommandSpec) => [...spec.options, HELP_OPT].map((o) => `--${o.name}`);

/** What the plan offers for a kind of value; nothing when the plan does not load. */
function fromModel(m: Model, kind: ValueKind): string[] {
  switch (kind) {
    case 'issue':
      return m.issues.map((i) => i.id);
    case 'lane':
      return m.lanes.map((l) => l.id);
    case 'status':
      return m.statuses;
    case 'group':
      return m.groups.map((g) => g.id);
    case 'milestone':
      return m.milestones.map((x) => x.id);
    case 'priority':
      return m.priorities;
    case 'scenario':
      return (m.data.scenarios ?? []).map((s) => s.id);
    default:
      return [];
  }
}

async function valuesFor(kind: ValueKind, choices: readonly string[] | undefined, plan: string | undefined, cwd: string): Promise<string[]> {
  if (choices) return [...choices];
  switch (kind) {
    case 'plan':
      return [':plans'];
    case 'file':
      return [':files'];
    case 'date':
      return ['today', 'yesterday', 'tomorrow'];
    case 'shell':
      return Object.keys(SCRIPTS);
    default: {
      if (!plan || plan === '-') return [];
      const r = await readPlanFile(resolve(cwd, plan));
      return r.ok ? fromModel(r.plan.model, kind) : [];
    }
  }
}

/** Candidates for `words[index]`, words being what follows `planboard` on the command line. */
export async function candidates(words: string[], index: number, cwd: string): Promise<string[]> {
  const cur = words[index] ?? '';
  const keep = (xs: string[]) => xs.filter((x) => x.startsWith(':') || x.startsWith(cur));
  if (words[0] === 'help' && index === 1) return keep(COMMANDS.filter((c) => !c.hidden).map((c) => c.name));
  let spec = commandNamed(words[0] ?? '');
  let start = 1;
  if (!spec || spec.hidden) {
    if (index === 0) return keep([...COMMANDS.filter((c) => !c.hidden).map((c) => c.name), ...(cur.startsWith('-') ? [] : [':plans'])]);
    spec = commandNamed('open')!;
    start = 0;
  }
  spec = await resolvedSpec(spec);
  // Walk the words before the cursor: positionals so far, and whether the last one wants a value.
  const opts = [...spec.options, HELP_OPT];
  const positionals: string[] = [];
  let pending: OptionSpec | undefined;
  for (let i = start; i < index; i++) {
    const w = words[i];
    if (pending) {
      pending = undefined;
      continue;
    }
    if (w.startsWith('-') && w !== '-') {
      const o = opts.find((x) => `--${x.name}` === w || (x.short && `-${x.short}` === w));
      if (o?.value) pending = o;
    } else positionals.push(w);
  }
  const planArg = spec.args.findIndex((x) => x.kind === 'plan');
  const plan = planArg >= 0 ? positionals[planArg] : undefined;
  if (pending) return keep(await valuesFor(pending.value!, pending.choices, plan, cwd));
  if (cur.startsWith('-')) return keep(optionWords(spec));
  const arg: ArgSpec | undefined = spec.args[positionals.length] ?? spec.args.find((x) => x.variadic);
  if (!arg) return [];
  return keep(await valuesFor(arg.kind, arg.choices, plan, cwd));
}

export const complete: Handler = async (a, io) => {
  const out = await candidates(a.list, Number(a.args.index), io.cwd);
  if (out.length) io.out(out.join('\n'));
  return 0;
};
