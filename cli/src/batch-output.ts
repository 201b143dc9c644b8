/**
 * `--output FILE` / `-o FILE`: the output of a command goes to FILE instead of stdout, whole or
 * not at all. It is written to a temporary file beside FILE (as it comes, once it is more than
 * 1 MiB), then renamed over it, so that a reader never sees half of it and a failed run (exit 2
 * or 3 before any output) leaves an existing FILE as it was.
 *
 * @internal
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
 * Runs `run` with an io whose stdout goes to `output` (a name relative to the io's directory)
 * when `run` resolves; with `io` itself when `output` is undefined. What `run` writes is kept in
 * memory up to 1 MiB, then spooled to the temporary file beside FILE as it comes (so that a
 * large output is never one string, nor all in memory), and the file is renamed over FILE at the
 * end. UsageError when FILE cannot be written; when `run` throws, FILE is left as it was.
 */
export async function withOutputFile(
  output: string | undefined,
  io: CliIO,
  run: (io: CliIO) => Promise<number>,
): Promise<number> {
  if (output === undefined) return run(io);
  const spool = new Spool(resolve(cwdOf(io), output));
  let code: number;
  try {
    code = await run(redirected(io, (text) => spool.write(text)));
  } catch (e) {
    spool.discard();
    throw e;
  }
  const failure = spool.commit();
  if (failure !== null) throw writeError(output, failure);
  return code;
}

/** Characters kept in memory before the temporary file is opened and written to. */
const SPOOL_AT = 1 << 20;

/**
 * The output on its way to `path`: in memory while it is small, then in a temporary file in the
 * same directory (created exclusively, written synchronously), renamed over `path` by commit.
 * The first error is kept and given by commit; what comes after it is dropped.
 */
class Spool {
  private readonly temp: string;
  private pending: string[] = [];
  private size = 0;
  private fd: number | null = null;
  private error: unknown = null;

  constructor(private readonly path: string) {
    this.temp = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
  }

  write(text: string): void {
    if (this.error !== null) return;
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= SPOOL_AT) this.flush();
  }

  private flush(): void {
    try {
      if (this.fd === null) this.fd = openSync(this.temp, 'wx');
      for (const text of this.pending) writeSync(this.fd, text);
    } catch (e) {
      this.error = e;
    }
    this.pending = [];
    this.size = 0;
  }

  private close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch (e) {
      this.error ??= e;
    }
    this.fd = null;
  }

  /** Writes the rest and renames the file over `path`; the error when it could not. */
  commit(): unknown {
    this.flush();
    this.close();
    if (this.error === null) {
      try {
        renameSync(this.temp, this.path);
        return null;
      } catch (e) {
        this.error = e;
      }
    }
    rmSync(this.temp, { force: true });
    return this.error;
  }

  /** Drops the output: FILE is not touched. */
  discard(): void {
    this.pending = [];
    const opened = this.fd !== null;
    this.close();
    if (opened) rmSync(this.temp, { force: true });
  }
}

/** The usage error of an output FILE that cannot be written. */
function writeError(shown: string, e: unknown): UsageError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  const detail =
    code === 'ENOENT'
      ? { en: 'no such directory', zh: '目录不存在' }
      : code === 'EACCES' || code === 'EPERM'
        ? { en: 'permission denied', zh: '没有写入权限' }
        : code === 'EISDIR'
          ? { en: 'it is a directory', zh: '它是一个目录' }
          : { en: code || String(e), zh: code || String(e) };
  return new UsageError({
    en: `cannot write ${shown}: ${detail.en}`,
    zh: `无法写入 ${shown}：${detail.zh}`,
  });
}
