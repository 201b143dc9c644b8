/**
 * The body of the `outturn` executable (bin.ts imports it once Node's compile cache is on): it
 * wires the process (stdout, stderr, environment, terminal) to {@link main} and sets the exit
 * code.
 *
 * @internal
 */
import { EXIT } from './io.js';
import { main } from './main.js';
import { oneLine } from './text.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (`outturn check … | head`) is not an error worth a stack trace.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`outturn: cannot write output: ${oneLine(e.message)}\n`);
  process.exit(EXIT.internal);
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns,
  // Read only when FILE is `-`: the getter opens standard input on demand.
  get stdin() {
    return process.stdin;
  },
  stderrIsTTY: process.stderr.isTTY === true,
  // A pipe that is read slowly: the output waits for it instead of piling up in memory.
  drained: () =>
    process.stdout.writableNeedDrain
      ? new Promise<void>((resolvePromise) => process.stdout.once('drain', () => resolvePromise()))
      : undefined,
});
