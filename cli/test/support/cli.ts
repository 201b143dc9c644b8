/**
 * The built command line (cli/dist/bin.js) for the one test file that runs it as a process,
 * bin.test.ts, and the one way the tests build it; every other test of the CLI runs `main` in
 * process (./run.ts) on the sources.
 *
 * `npm test` builds both packages before the tests, so the build is fresh and nothing is built
 * here. When a test file runs alone and the build is missing or older than the sources, it
 * builds once (`npm run build` at the root: the library, then the CLI), under a lock, so that
 * test files running in parallel never see a dist/ half cleaned by tsup.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const CLI = join(ROOT, 'cli', 'dist', 'bin.js');
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
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist', 'index.js'))) return false;
  const built = Math.min(statSync(CLI).mtimeMs, statSync(join(ROOT, 'dist', 'index.js')).mtimeMs);
  return built >= Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'cli', 'src')));
}

/** Makes sure cli/dist/bin.js is built from the current sources; returns its path. */
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
    if (!fresh())
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe', timeout: 170_000 });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return CLI;
}
