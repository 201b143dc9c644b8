import { defineConfig } from 'tsup';

// The library `outturn`: ESM and CJS, each with its own declaration file. The CLI package
// (cli/) has its own build.
export default defineConfig({
  entry: { index: 'src/index.ts', schema: 'src/schema/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
});
