// `planboard schema [--path]`: the plan format's JSON Schema, or where the installed copy is, so a
// plan anywhere can name it in its yaml-language-server modeline (init and import write that line).
import { readFile } from 'node:fs/promises';
import { CliError, type Handler } from './command.js';
import { flag } from './args.js';
import { schemaPath } from '../core/plan/schema-location.js';

export const run: Handler = async (a, io) => {
  const path = schemaPath();
  if (flag(a, 'path')) {
    io.out(path);
    return 0;
  }
  const text = await readFile(path, 'utf8').catch(() => {
    throw new CliError(`planboard schema: the schema is not where the package keeps it (${path}); reinstall planboard`, 1);
  });
  io.out(text);
  return 0;
};
