import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests import both packages by their public names; these resolve to the sources, so a test
// never needs a build (only the smoke tests of the built bins do, and `npm test` builds first).
const alias = [
  { find: /^outturn$/, replacement: at('./src/index.ts') },
  { find: /^outturn\/schema$/, replacement: at('./src/schema/index.ts') },
  { find: /^outturn-cli$/, replacement: at('./cli/src/index.ts') },
  { find: /^outturn-cli\/import$/, replacement: at('./cli/src/import/index.ts') },
  { find: /^outturn-cli\/render$/, replacement: at('./cli/src/render/index.ts') },
];

/**
 * Test files that are heavy by nature: megabyte cells, trees 5,000 levels deep, 100,000
 * indicators, 5 MB reports, and the property runs of thousands of generated reports. They run
 * in the `stress` project, one file at a time, after the `unit` project has finished, so that
 * they neither slow the fast tests down nor compete with them for the cores.
 *
 * No test of either project asserts on elapsed time: speed is measured in bench/ (see
 * bench/growth.ts for how costs grow with the size of the input).
 */
const STRESS = [
  'test/hostile-sizes.test.ts',
  'test/properties.test.ts',
  'cli/test/hostile-cli.test.ts',
  'cli/test/render-properties.test.ts',
  'cli/test/web.test.ts',
];

export default defineConfig({
  resolve: { alias },
  test: {
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'cli/test/**/*.test.ts'],
          exclude: STRESS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'stress',
          include: STRESS,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
