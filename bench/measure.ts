/**
 * Timing: tinybench tasks repeated in rounds (order rotated each round), medians; process
 * start times measured by alternating runs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';

/** A measured task: `fn` does `items` units of work per call. */
export interface TaskSpec {
  readonly name: string;
  readonly items: number;
  readonly fn: () => void;
}

export interface TimingOptions {
  /** Rounds: each runs every task once with tinybench; figures are medians over rounds. */
  readonly rounds: number;
  /** tinybench time budget per task and round, ms. */
  readonly time: number;
  /** tinybench warmup budget per task and round, ms. */
  readonly warmupTime: number;
  /** Called after each round (progress). */
  readonly onRound?: (round: number) => void;
}

/** Per task and round: the median wall time of one call (tinybench p50) and the mean CPU time, ms. */
export interface TaskTimings {
  readonly wall: readonly number[];
  readonly cpu: readonly number[];
}

export type Timings = ReadonlyMap<string, TaskTimings>;

/** The last result of a measured call: written to module state, so no call can be optimised away. */
export let sink: unknown;

/** Keeps a result alive so the optimiser cannot drop the call that made it. */
export function consume(value: unknown): void {
  sink = value;
}

/**
 * A task function that calls `f` on `batch` consecutive items per call, cycling through
 * `items`, so every call does the same amount of work over a representative slice.
 */
export function batched<T>(items: readonly T[], batch: number, f: (item: T) => unknown): () => void {
  let i = 0;
  return () => {
    for (let k = 0; k < batch; k += 1) {
      consume(f(items[i] as T));
      i = i + 1 === items.length ? 0 : i + 1;
    }
  };
}

/** CPU time of this process (all threads, user + system), ms. */
export function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/**
 * Runs the tasks with tinybench, `rounds` times, rotating their order each round. Wall time
 * is tinybench's median latency; CPU time is the process's CPU time over the measured phase
 * divided by its iterations (robust when other processes share the cores).
 */
export async function timeTasks(tasks: readonly TaskSpec[], options: TimingOptions): Promise<Timings> {
  const wall = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  const cpu = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    const bench = new Bench({
      time: options.time,
      warmupTime: options.warmupTime,
      iterations: 5,
      warmupIterations: 2,
      throws: true,
    });
    const cpuStart = new Map<string, number>();
    for (let k = 0; k < tasks.length; k += 1) {
      const t = tasks[(k + round) % tasks.length] as TaskSpec;
      bench.add(t.name, t.fn, {
        async: false,
        beforeAll(mode) {
          if (mode === 'run') cpuStart.set(t.name, cpuMs());
        },
        afterAll(mode) {
          if (mode === 'run') cpuStart.set(t.name, cpuMs() - (cpuStart.get(t.name) ?? 0));
        },
      });
    }
    await bench.run();
    for (const task of bench.tasks) {
      const r = task.result;
      if (r.state !== 'completed') throw new Error(`bench task ${task.name}: ${r.state}`);
      wall.get(task.name)?.push(r.latency.p50);
      cpu.get(task.name)?.push((cpuStart.get(task.name) ?? Number.NaN) / r.latency.samplesCount);
    }
    options.onRound?.(round);
  }
  return new Map(tasks.map((t) => [t.name, { wall: wall.get(t.name) ?? [], cpu: cpu.get(t.name) ?? [] }]));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Items per second from a per-call latency (ms) and the items one call does. */
export function throughput(latencyMs: number, items: number): number {
  return (items / latencyMs) * 1000;
}

/** Median over rounds of (time of `a`) ÷ (time of `b`), both measured in the same round. */
export function medianRatio(timings: Timings, a: string, b: string, clock: 'wall' | 'cpu' = 'wall'): number {
  const ta = timings.get(a)?.[clock] ?? [];
  const tb = timings.get(b)?.[clock] ?? [];
  return median(ta.map((x, i) => x / (tb[i] as number)));
}

/** Least and greatest over rounds of (time of `a`) ÷ (time of `b`), both measured in the same round. */
export function ratioSpread(
  timings: Timings,
  a: string,
  b: string,
  clock: 'wall' | 'cpu' = 'wall',
): readonly [number, number] {
  const ta = timings.get(a)?.[clock] ?? [];
  const tb = timings.get(b)?.[clock] ?? [];
  const r = ta.map((x, i) => x / (tb[i] as number));
  return r.length === 0 ? [Number.NaN, Number.NaN] : [Math.min(...r), Math.max(...r)];
}

/** Median over rounds of one call's time, ms. */
export function medianTime(timings: Timings, name: string, clock: 'wall' | 'cpu' = 'wall'): number {
  return median(timings.get(name)?.[clock] ?? []);
}

/** A command started as a fresh process. */
export interface StartCommand {
  readonly name: string;
  readonly args: readonly string[];
}

export interface StartTiming {
  readonly name: string;
  /** Wall time of each run, ms (warmup runs excluded). */
  readonly runs: readonly number[];
  readonly median: number;
  /**
   * Mean CPU time (user + system) of one run, ms, from the children times in /proc/self/stat
   * (clock ticks, so only the mean over many runs is meaningful); null where /proc is missing.
   */
  readonly cpuMean: number | null;
}

/** CPU time of waited-for child processes (cutime + cstime), ms; null without /proc. */
export function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** sysconf(_SC_CLK_TCK): 100 on Linux in practice. */
const CLOCK_TICKS = 100;

/**
 * Starts each command `runs` times with `process.execPath`, alternating between them (and
 * alternating which goes first), after `warmup` unmeasured rounds; wall time per run.
 */
export function timeStarts(
  commands: readonly StartCommand[],
  runs: number,
  cwd: string,
  warmup = 2,
): StartTiming[] {
  const times = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  const cpu = new Map<string, number | null>(commands.map((c) => [c.name, 0]));
  for (let i = 0; i < warmup + runs; i += 1) {
    const order = i % 2 === 0 ? commands : [...commands].reverse();
    for (const c of order) {
      const c0 = childrenCpuMs();
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const c1 = childrenCpuMs();
      if (r.status !== 0) {
        throw new Error(`${c.name} exited with ${r.status}: ${r.stderr?.toString().slice(0, 200)}`);
      }
      if (i < warmup) continue;
      times.get(c.name)?.push(ms);
      const sum = cpu.get(c.name);
      cpu.set(c.name, sum === null || sum === undefined || c0 === null || c1 === null ? null : sum + c1 - c0);
    }
  }
  return commands.map((c) => {
    const t = times.get(c.name) ?? [];
    const total = cpu.get(c.name) ?? null;
    return {
      name: c.name,
      runs: t,
      median: median(t),
      cpuMean: total === null || runs === 0 ? null : total / runs,
    };
  });
}
