import { defineConfig } from 'tsup';

// The CLI package `outturn-cli`. `outturn` (the library) stays an external dependency: the
// build imports it from node_modules, so the library's own build must run first (the root
// `npm run build` does both, in order).
export default defineConfig([
  {
    // For programs: main(argv, io), the importers and the renderers, in ESM and CJS with types.
    entry: { index: 'src/index.ts', import: 'src/import/index.ts', render: 'src/render/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    // The command: ESM only, with a shebang; the only modules with a side effect (bin.ts turns
    // on Node's compile cache, then imports run.ts, the command itself). worker.js is
    // the worker thread of a run over many reports (batch.ts finds it beside itself in dist/).
    entry: { bin: 'src/bin.ts', worker: 'src/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
