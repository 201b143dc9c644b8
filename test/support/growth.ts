/**
 * Growth of a function's cost with its input size, as a ratio measured in one process: the
 * best of several runs at size n and at size 4n. A linear function gives about 4, a quadratic
 * one about 16. Tests assert the ratio, never an absolute time (speed itself belongs in bench/).
 */
export function growthRatio(run: (size: number) => void, size: number, repeats = 5): number {
  const best = (n: number): number => {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < repeats; i += 1) {
      const start = process.hrtime.bigint();
      run(n);
      const elapsed = Number(process.hrtime.bigint() - start);
      if (elapsed < min) min = elapsed;
    }
    return Math.max(min, 1);
  };
  // Warm up the JIT on both sizes, then take the best of several runs of each.
  run(size);
  run(size * 4);
  return best(size * 4) / best(size);
}

/** Upper bound for {@link growthRatio} that linear code meets with room for noise (quadratic: ~16). */
export const LINEAR_BOUND = 9;
