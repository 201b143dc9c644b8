// Helpers shared by the scripts in this folder: running commands, timing steps, failing clearly.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder above scripts/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Path of a binary installed in the repository's node_modules/.bin. */
export function bin(name) {
  return join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

/** A failed check: the script prints its message and exits 1, without a stack trace. */
export class CheckError extends Error {}

/** Throws a CheckError when `condition` is false. */
export function check(condition, message) {
  if (!condition) throw new CheckError(message);
}

/**
 * Runs a command and returns `{ status, stdout, stderr }`. Never throws for a non-zero exit:
 * callers decide. Throws a CheckError when the command cannot be started.
 */
export function run(command, args, options = {}) {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
    ...options,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  if (r.error) throw new CheckError(`cannot run ${command}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** {@link run} without blocking: resolves to `{ status, stdout, stderr }`, so commands can overlap. */
export function runAsync(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      shell: process.platform === 'win32',
      ...options,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    child.on('error', (e) => reject(new CheckError(`cannot run ${command}: ${e.message}`)));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** {@link runOk} without blocking. */
export async function runOkAsync(what, command, args, options = {}) {
  const r = await runAsync(command, args, options);
  if (r.status !== 0) {
    throw new CheckError(`${what} failed (exit ${r.status}):\n${indent(`${r.stdout}${r.stderr}`.trim())}`);
  }
  return r;
}

/** Runs a command that must exit 0; on failure the CheckError carries its output. */
export function runOk(what, command, args, options = {}) {
  const r = run(command, args, options);
  if (r.status !== 0) {
    throw new CheckError(`${what} failed (exit ${r.status}):\n${indent(`${r.stdout}${r.stderr}`.trim())}`);
  }
  return r;
}

/** Indents every line of `text` by two spaces. */
export function indent(text) {
  return String(text)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

/** Runs `fn` as a named step and prints `✓ name (1.2 s)` with an optional detail line. */
export async function step(name, fn) {
  const t0 = performance.now();
  const detail = await fn();
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`✓ ${name} (${s} s)${detail ? `\n${indent(detail)}` : ''}`);
  return detail;
}

/**
 * Runs a script's main function: prints the total time on success; on a CheckError prints
 * `✗ message` and exits 1; any other error is a bug in the script (exit 3).
 */
export async function main(title, fn) {
  const t0 = performance.now();
  console.log(title);
  try {
    await fn();
    console.log(`${title}: all checks passed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    if (e instanceof CheckError) {
      console.error(`✗ ${e.message}`);
      process.exitCode = 1;
    } else {
      console.error(e);
      process.exitCode = 3;
    }
  }
}
