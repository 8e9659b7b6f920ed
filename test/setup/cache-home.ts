// The run's own cache home (vitest.config.ts points XDG_CACHE_HOME at it): removed when it ends.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const home = join(tmpdir(), `pb-test-cache-${process.pid}`);
  return () => rmSync(home, { recursive: true, force: true });
}
