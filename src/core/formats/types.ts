// What an import or export format is: one small module each, listed once in registry.ts.
import type { Model } from '../plan/model.js';
import type { Schedule } from '../schedule/types.js';

/** What an importer reads: one file's text, or (for a folder source such as Backlog.md) its files. */
export interface Source {
  /** The name the user gave, for messages. */
  name: string;
  /** The file's text; for a folder, empty. */
  text: string;
  /** For a folder: every file in it, path relative to the folder, `/`-separated. */
  files?: { path: string; text: string }[];
}

/** A line the importer could not place: kept in the plan's notes and listed on stderr. */
export interface Unplaced {
  line: number;
  text: string;
}

export interface Imported {
  /** The plan, ready to validate and write. */
  data: Record<string, unknown>;
  unplaced: Unplaced[];
  /** One line for the file's header comment: where it came from. */
  origin: string;
}

/** Bad input: the message names file:line:col where it can. `usage` marks a bad option instead. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

/** An option a format takes on the command line (`planboard import --id-prefix ABC`). */
export interface FormatOption {
  type: 'string' | 'boolean';
  /** Shown in `planboard import --help`, after the option's name. */
  description: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Importer {
  name: string;
  /** Shown in `planboard import --help`. */
  description: string;
  /** Its own command-line options, by long name. */
  options?: Record<string, FormatOption>;
  /** File names it usually reads (`*.md`, `backlog/`), for help and as a tie-breaker. */
  patterns: string[];
  /** Whether it reads a folder rather than a file. */
  folder?: boolean;
  /** How sure it is that it reads this source: 0 = not at all; the highest score wins. */
  detect(source: Source): number;
  read(source: Source, options: OptionValues): Imported | Promise<Imported>;
}

export interface Exporter {
  name: string;
  description: string;
  patterns: string[];
  write(model: Model, schedule: Schedule): string;
}
