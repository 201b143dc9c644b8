/**
 * What the command needs of its process, given to it as data so that it runs the same
 * in-process (tests, programs) and in bin.ts: where it writes, its environment, and its exit codes.
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
}

/** The directory relative file names are read from. */
export function cwdOf(io: CliIO): string {
  return io.cwd ?? process.cwd();
}
