/**
 * The command line run in-process: `main(argv, io)` with stdout and stderr collected, as the
 * tests of the CLI use it. Only cli/test/bin.test.ts runs the built bin as a process.
 */
import { main } from 'outturn-cli';
import { ROOT } from './cli.js';

/** What a run of the command gave. */
export interface Run {
  /** The exit code. */
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how the command runs. */
export interface RunOptions {
  /** The directory relative file names are read from (default: the repository root). */
  readonly cwd?: string;
  /** The environment (default: NO_COLOR=1 and nothing else). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (default false). */
  readonly isTTY?: boolean;
  /** The terminal width, when it is one. */
  readonly columns?: number;
  /** What standard input holds (default: no standard input). */
  readonly stdin?: string | Uint8Array;
}

/** Runs `outturn ...args` in-process; resolves when the command has finished. */
export async function run(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? { NO_COLOR: '1' },
    isTTY: options.isTTY ?? false,
    columns: options.columns,
    cwd: options.cwd ?? ROOT,
    stdin: stdinOf(options.stdin),
  });
  return { status, stdout, stderr };
}

/** Standard input holding `input`, in one chunk; undefined when there is none. */
function stdinOf(input: string | Uint8Array | undefined): AsyncIterable<Uint8Array> | undefined {
  if (input === undefined) return undefined;
  return (async function* () {
    yield typeof input === 'string' ? new TextEncoder().encode(input) : input;
  })();
}
