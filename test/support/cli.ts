/**
 * The built command line (dist/cli.js) for tests that run it as a process.
 *
 * `npm test` builds before the tests, so dist is fresh and nothing is built here. When a test
 * file runs alone and dist is missing or older than src/, it builds once, under a lock, so
 * that test files running in parallel never see dist/ half cleaned by tsup.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');
const LOCK = join(ROOT, 'node_modules', '.cache', 'outturn-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function fresh(): boolean {
  return existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(ROOT, 'src'));
}

/** Makes sure dist/cli.js is built from the current sources; returns its path. */
export function ensureBuilt(): string {
  if (fresh()) return CLI;
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK); // atomic: only one test file builds
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`could not take the build lock ${LOCK}`);
      execFileSync(process.execPath, ['-e', 'setTimeout(() => {}, 200)']);
      if (fresh()) return CLI;
    }
  }
  try {
    if (!fresh()) execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'pipe', timeout: 170_000 });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return CLI;
}
