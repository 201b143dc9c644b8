/**
 * vitest setup: under CI (CI=true), every property runs with one fixed seed, so that a
 * submission's CI is reproducible; elsewhere fast-check draws a new seed each run and keeps
 * exploring. FC_SEED overrides the seed in both cases (fast-check prints the seed of a failure).
 */
import fc from 'fast-check';

const fixed = process.env.FC_SEED ?? (process.env.CI ? '20231231' : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
