// Tests that need a system tool fail, with a clear message, when it is missing: a suite that
// skips silently passes in an environment that tests nothing. .ci/run installs every one.
import { spawnSync } from 'node:child_process';

const INSTALL: Record<string, string> = {
  tmux: 'apt-get install tmux',
  tj3: 'apt-get install tj3 (TaskJuggler)',
  git: 'apt-get install git',
  setpriv: 'apt-get install util-linux',
};

/** The tool's version line; throws naming the tool and how to install it when it will not run. */
export function requireTool(name: string, versionArgs: string[] = ['--version']): string {
  const r = spawnSync(name, versionArgs, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`${name} is needed by this test and is not installed (${INSTALL[name] ?? `install ${name}`}; .ci/run does)`);
  }
  return (r.stdout || r.stderr).split('\n')[0].trim();
}
