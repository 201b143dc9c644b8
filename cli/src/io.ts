/**
 * What the command needs of its process, given to it as data so that it runs the same
 * in-process (tests, programs) and in run.ts (the executable): where it writes, its environment, and its exit codes.
 *
 * @internal
 */

/** Exit codes of the command. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** Where the command writes, and what it knows of its environment. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colours, terminal width). */
  readonly isTTY: boolean;
  /** Terminal width, when stdout is a terminal. */
  readonly columns?: number | undefined;
  /** The directory relative file names are read from (default `process.cwd()`). */
  readonly cwd?: string | undefined;
  /** Standard input, read when FILE is `-` (none: `-` is a usage error). */
  readonly stdin?: AsyncIterable<Uint8Array | string> | undefined;
  /** Whether stderr is a terminal (the progress line of a run over many files). */
  readonly stderrIsTTY?: boolean | undefined;
  /**
   * When stdout is a stream that buffers what it cannot take yet (a pipe, a socket): a promise
   * that settles once it has drained, or undefined when it can take more now. Absent: writing
   * never waits (an in-memory sink, a file written synchronously).
   */
  readonly drained?: (() => Promise<void> | undefined) | undefined;
}

/**
 * A writer to the io's stdout that respects its backpressure: it writes `text`, then returns
 * the promise of {@link CliIO.drained} when stdout asks to wait, so that a caller that awaits
 * each write never holds more than one piece of the output in the stream's buffer.
 */
export function stdoutWriter(io: CliIO): (text: string) => void | Promise<void> {
  return (text) => {
    io.stdout(text);
    return io.drained?.();
  };
}

/** The directory relative file names are read from. */
export function cwdOf(io: CliIO): string {
  return io.cwd ?? process.cwd();
}
