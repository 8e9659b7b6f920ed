// `planboard export PLAN --format json|csv|mermaid|tjp [--today D] [--scenario S] [-o FILE]`
import type { Handler } from './command.js';
import { str } from './args.js';
import { checkScenario, loadPlan, scheduleOf } from './input.js';
import { writeOutput } from './output.js';
import { snakeKeys } from './json.js';
import { sanitizeJson } from '../core/text/sanitize.js';
import { exporterNamed } from '../core/formats/exporters.js';

export const run: Handler = async (a, io) => {
  const format = str(a, 'format')!; // required
  // The option's choices are the exporters' names (a test holds the table to the list).
  const exporter = exporterNamed(format)!;
  const plan = await loadPlan('export', io, a.args.plan!);
  const scenario = checkScenario('export', plan, str(a, 'scenario'));
  let text = exporter.write(plan.model, scheduleOf(plan, a.today, scenario));
  if (format === 'json') text = sanitizeJson(jsonKeys(JSON.parse(text)), 2) + '\n';
  return writeOutput('export', io, str(a, 'output'), text);
};

/** snake_case keys like every other JSON output; the plan itself and maps keyed by data stay as they are. */
function jsonKeys(doc: { version?: unknown; plan?: unknown } & Record<string, unknown>) {
  const { version, plan, ...rest } = doc;
  return { version, plan, ...(snakeKeys(rest, DATA_KEYS) as object) } as Record<string, unknown>;
}
const DATA_KEYS = ['booked']; // lane → day → hours
