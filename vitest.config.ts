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

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['test/**/*.test.ts', 'cli/test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 60_000,
  },
});
