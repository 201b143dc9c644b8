/**
 * `--output FILE` / `-o FILE`: the output of a command goes to FILE instead of stdout, whole or
 * not at all. It is written to a temporary file beside FILE, then renamed over it, so that a
 * reader never sees half of it and a failed run (exit 2 or 3 before any output) leaves an
 * existing FILE as it was.
 *
 * @internal
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { type CliIO, cwdOf } from './io.js';

/** `io` with its stdout replaced (and not a terminal: no colours, 80 columns). */
export function redirected(io: CliIO, stdout: (text: string) => void): CliIO {
  return {
    stdout,
    stderr: io.stderr,
    env: io.env,
    isTTY: false,
    columns: undefined,
    cwd: io.cwd,
    // A getter, so that standard input is opened only when `-` asks for it.
    get stdin() {
      return io.stdin;
    },
    stderrIsTTY: io.stderrIsTTY,
  };
}

/**
 * Runs `run` with an io whose stdout is collected and written to `output` (a name relative to
 * the io's directory) when `run` resolves; with `io` itself when `output` is undefined.
 * UsageError when FILE cannot be written.
 */
export async function withOutputFile(
  output: string | undefined,
  io: CliIO,
  run: (io: CliIO) => Promise<number>,
): Promise<number> {
  if (output === undefined) return run(io);
  const chunks: string[] = [];
  const code = await run(redirected(io, (text) => chunks.push(text)));
  await writeAtomically(resolve(cwdOf(io), output), chunks.join(''), output);
  return code;
}

/** Writes `text` to `path` through a temporary file in the same directory and a rename. */
async function writeAtomically(path: string, text: string, shown: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    const detail =
      code === 'ENOENT'
        ? { en: 'no such directory', zh: '目录不存在' }
        : code === 'EACCES' || code === 'EPERM'
          ? { en: 'permission denied', zh: '没有写入权限' }
          : code === 'EISDIR'
            ? { en: 'it is a directory', zh: '它是一个目录' }
            : { en: code || String(e), zh: code || String(e) };
    throw new UsageError({
      en: `cannot write ${shown}: ${detail.en}`,
      zh: `无法写入 ${shown}：${detail.zh}`,
    });
  }
}
