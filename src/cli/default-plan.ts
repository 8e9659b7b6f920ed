// Which plan `planboard` alone opens: ./plan.yaml (or .yml), else the one plan in ./plans/ when
// there is exactly one; otherwise none, and the usage is printed.
import { readdir } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

export async function defaultPlan(cwd: string): Promise<string | undefined> {
  for (const name of ['plan.yaml', 'plan.yml']) if (isFile(join(cwd, name))) return name;
  let names: string[];
  try {
    names = await readdir(join(cwd, 'plans'));
  } catch {
    return undefined;
  }
  const plans = names.filter((n) => /\.ya?ml$/.test(n) && isFile(join(cwd, 'plans', n)));
  return plans.length === 1 ? join('plans', plans[0]) : undefined;
}
