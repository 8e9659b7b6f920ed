// The ten public roadmap fixtures and, for each, which headings make its plain bullets work
// items and done ones: decided by reading the files, not by the importer.
import { resolve } from 'node:path';
import { REPO } from './helpers.js';

export const DIR = resolve(REPO, 'test/fixtures/roadmaps');
const NONE = /$^/;

export interface Spec {
  file: string;
  /** The nearest heading above a plain bullet that makes it a work item. */
  planUnder: RegExp;
  /** A heading anywhere above that makes its plain bullets done. */
  doneUnder?: RegExp;
}

export const SPECS: Spec[] = [
  { file: 'gsd-antigravity-ROADMAP.md', planUnder: /^v1\.\d/, doneUnder: /✅/ },
  { file: 'proj-flow-ROADMAP.md', planUnder: NONE },
  { file: 'roadmap-cli-V1_0_0_SCOPE.md', planUnder: /^(What v\.1\.0\.0 IS|v\.[12]\.\d\.0:)/ },
  { file: 'view-todo-TODO.md', planUnder: /^(TODO|DONE)$/, doneUnder: /^DONE$/ },
  { file: 'q1-2025-roadmap.md', planUnder: NONE },
  { file: 'keep-a-changelog-CHANGELOG.md', planUnder: /^(Added|Fixed|Changed|Removed)$/, doneUnder: /\d{4}-\d\d-\d\d/ },
  { file: 'template-plans-roadmap.md', planUnder: NONE },
  { file: 'mu-ROADMAP.rst', planUnder: /Release$/ },
  { file: 'django-oscar-ROADMAP.rst', planUnder: /^Roadmap$/ },
  { file: 'rasa-roadmap.rst', planUnder: /^Roadmap$/ },
];

