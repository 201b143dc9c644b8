/**
 * `outturn check` over many reports, and `outturn review` over many target tables (the job's
 * kind is a setting, `BatchSettings.command`; the rest is the same): several FILEs, a directory (every report file in it), or
 * `--summary` / `--format ndjson`. Each report is checked on its own, on worker threads (one per
 * core, at most one per file), and the results are written in the order of the input: text gives
 * one summary table and then each report's findings; json one object `{ reports, summary }`;
 * ndjson one line per report, each written as soon as it and those before it are done.
 *
 * A file that cannot be read is one row with its reason, and the others go on. Exit code, the
 * worst over the files, as eslint does: 3 for a bug, 2 when some file could not be read, 1 when a
 * finding reached --fail-on, else 0.
 *
 * @internal
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckArgs, ReviewArgs } from './args.js';
import { type BatchInput, expandInputs, isDirectory } from './batch-inputs.js';
import { type BatchJob, type BatchOutcome, type BatchSettings, runJob } from './batch-job.js';
import { textColor, textWidth } from './batch-result.js';
import { UsageError } from './errors.js';
import { type CliIO, cwdOf, EXIT } from './io.js';
import { resolveProfile } from './profile.js';
import { readStdin } from './read-input.js';
import {
  type BatchRow,
  batchCounts,
  commonDirectory,
  renderBatchSummary,
  renderBatchSummaryMarkdown,
  renderBatchUnreadable,
} from './render/batch.js';
import { visible } from './render/terminal.js';

/** Whether the command line asks for a batch run rather than the output of one report. */
export async function isBatch(
  args: Pick<CheckArgs, 'files' | 'summary' | 'format'>,
  io: CliIO,
): Promise<boolean> {
  if (args.files.length !== 1 || args.summary || args.format === 'ndjson') return true;
  const only = args.files[0] as string;
  return only !== '-' && (await isDirectory(only, cwdOf(io)));
}

/** The worker entry beside this module in the build (dist/worker.js); null when there is none. */
function workerEntry(): URL | null {
  try {
    const url = new URL('./worker.js', import.meta.url);
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null; // the CommonJS build has no import.meta.url: run in the main thread
  }
}

/** Runs the jobs, calling `done` with each outcome as it comes, on threads when there are several. */
async function runAll(
  jobs: readonly BatchJob[],
  settings: BatchSettings,
  done: (id: number, outcome: BatchOutcome) => void,
): Promise<void> {
  const entry = jobs.length > 1 ? workerEntry() : null;
  const threads = Math.min(availableParallelism(), jobs.length);
  if (entry === null || threads < 2) {
    for (const job of jobs) done(job.id, await runJob(job, settings));
    return;
  }
  let next = 0;
  let left = jobs.length;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const feed = (w: Worker) => {
        const job = jobs[next];
        if (job === undefined) return;
        next++;
        w.postMessage(job);
      };
      for (let i = 0; i < threads; i++) {
        const w = new Worker(entry, { workerData: settings });
        workers.push(w);
        w.on('message', (m: { id: number; outcome: BatchOutcome }) => {
          done(m.id, m.outcome);
          left--;
          if (left === 0) resolvePromise();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (left > 0) reject(new Error(`a worker thread stopped (exit code ${code})`));
        });
        // Two jobs in flight per thread, so that none waits for the next message.
        feed(w);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The progress line on stderr: only on a terminal, and only once the run has taken a second;
 * never when ndjson lines go to a terminal too (they would be cut by it).
 */
function progress(
  io: CliIO,
  total: number,
  lang: CheckArgs['lang'],
  ndjson: boolean,
  command: BatchSettings['command'],
) {
  const start = Date.now();
  const on = io.stderrIsTTY === true && !(ndjson && io.isTTY);
  let shown = false;
  let doneCount = 0;
  const draw = () => {
    if (!on || Date.now() - start < 1000) return;
    shown = true;
    const verb = command === 'review' ? ['已审核', 'reviewed'] : ['已检查', 'checked'];
    io.stderr(
      lang === 'zh'
        ? `\r${verb[0]} ${doneCount}/${total} 个文件`
        : `\r${verb[1]} ${doneCount}/${total} files`,
    );
  };
  const timer = on ? setInterval(draw, 250) : null;
  timer?.unref();
  const clear = () => {
    if (shown) io.stderr('\r\x1b[K');
    shown = false;
  };
  return {
    step: () => {
      doneCount++;
    },
    /** Writes `text` on stderr below nothing: the progress line is cleared first. */
    write: (text: string) => {
      clear();
      io.stderr(text);
    },
    end: () => {
      if (timer !== null) clearInterval(timer);
      clear();
    },
  };
}

/** The arguments of a batch run: those of check, or those of review marked as such. */
export type BatchArgs = CheckArgs | ({ readonly command: 'review' } & ReviewArgs);

/** Runs `outturn check` over many reports (or `outturn review` over many tables); resolves to the exit code. */
export async function runBatch(args: BatchArgs, io: CliIO): Promise<number> {
  const cwd = cwdOf(io);
  const command: BatchSettings['command'] = 'command' in args ? args.command : 'check';
  const inputs: BatchInput[] = await expandInputs(args.files, cwd);
  const profile = await resolveProfile('command' in args ? undefined : args.profile, cwd);
  const settings: BatchSettings = {
    command,
    format: args.format,
    lang: args.lang,
    failOn: args.failOn,
    summary: args.summary,
    from: args.from,
    sheet: args.sheet,
    maxBytes: args.maxBytes,
    cwd,
    color: textColor(io),
    width: textWidth(io),
    profile,
    maxWarnings: args.maxWarnings,
    quiet: args.quiet,
    rules: 'command' in args ? args.rules : {},
  };
  // Standard input is read once, by the main thread, however many times `-` is given.
  let stdin: { bytes: Uint8Array } | { error: UsageError } | undefined;
  if (inputs.some((i) => i.path === undefined)) {
    try {
      stdin = { bytes: await readStdin(io.stdin, args.maxBytes) };
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      stdin = { error: e };
    }
  }
  const outcomes: (BatchOutcome | undefined)[] = inputs.map(() => undefined);
  const jobs: BatchJob[] = [];
  const common = commonDirectory(inputs.map((i) => i.file));
  inputs.forEach((input, id) => {
    const label = input.file.slice(common === '' ? 0 : common.length + 1);
    if (input.path !== undefined) jobs.push({ id, file: input.file, label });
    else if (stdin !== undefined && 'bytes' in stdin)
      jobs.push({ id, file: input.file, label, bytes: stdin.bytes });
    else if (stdin !== undefined) {
      outcomes[id] = { ok: false, file: input.file, message: stdin.error.text, internal: false, stderr: '' };
    }
  });

  const ndjson = args.format === 'ndjson';
  const p = progress(io, inputs.length, args.lang, ndjson, command);
  let written = 0;
  // Writes what is done, in input order: ndjson its lines, every format the import notes.
  const flush = () => {
    for (;;) {
      const o = outcomes[written];
      if (o === undefined) return;
      if (o.stderr !== '') p.write(o.stderr);
      if (ndjson) {
        for (const piece of o.ok ? o.body : [errorLine(o.file, o.message[args.lang])]) io.stdout(piece);
        io.stdout('\n');
        // Written: only its summary row is needed from now on, not its text.
        if (o.ok) outcomes[written] = { ...o, body: [] };
      }
      written++;
    }
  };
  flush();
  try {
    await runAll(jobs, settings, (id, outcome) => {
      outcomes[id] = outcome;
      p.step();
      flush();
    });
  } finally {
    p.end();
  }

  const done = outcomes as BatchOutcome[];
  const rows: BatchRow[] = done.map((o) =>
    o.ok ? { file: o.file, ok: true, ...o.row } : { file: o.file, ok: false, message: o.message },
  );
  if (args.format === 'json') writeJsonDocument(done, rows, args.lang, io.stdout);
  else if (args.format === 'markdown') {
    const parts = [
      renderBatchSummaryMarkdown(rows, args.lang, command),
      ...done.flatMap((o) => (o.ok ? o.body : [])).filter((b) => b !== ''),
    ];
    io.stdout(parts.join('\n'));
  } else if (!ndjson) {
    const options = {
      lang: args.lang,
      color: settings.color,
      width: settings.width,
      command,
    };
    const parts = [renderBatchSummary(rows, options)];
    if (!args.summary) {
      const label = (file: string) => file.slice(common === '' ? 0 : common.length + 1);
      for (const o of done)
        parts.push(...(o.ok ? o.body : [renderBatchUnreadable(label(o.file), o.message, options)]));
    }
    io.stdout(parts.join('\n'));
  }
  if (done.some((o) => !o.ok && o.internal)) return EXIT.internal;
  if (done.some((o) => !o.ok)) return EXIT.usage;
  return done.some((o) => o.ok && o.fails) ? EXIT.findings : EXIT.ok;
}

/** The ndjson line (and json entry) of a file that could not be read. */
function errorLine(file: string, message: string): string {
  return visible(JSON.stringify({ file, error: { message } }));
}

/**
 * `--format json`: `{ "reports": [ … ], "summary": { files, error, warning, info, unreadable } }`,
 * written report by report and piece by piece (never one string of the whole document).
 */
function writeJsonDocument(
  done: readonly BatchOutcome[],
  rows: readonly BatchRow[],
  lang: CheckArgs['lang'],
  write: (text: string) => void,
): void {
  const summary = JSON.stringify(batchCounts(rows), null, 2).replaceAll('\n', '\n  ');
  write(`{\n  "reports": ${done.length === 0 ? '[]' : '['}`);
  done.forEach((o, i) => {
    const pieces = o.ok
      ? o.body
      : [visible(JSON.stringify({ file: o.file, error: { message: o.message[lang] } }, null, 2))];
    write(`${i === 0 ? '' : ','}\n    `);
    for (const piece of pieces) write(piece.replaceAll('\n', '\n    '));
  });
  write(`${done.length === 0 ? '' : '\n  ]'},\n  "summary": ${summary}\n}\n`);
}
