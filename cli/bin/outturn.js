#!/usr/bin/env node
// The `outturn` command. The program is the build in ../dist; this file only exists so that a
// checkout has the command linked as soon as `npm ci` has run, before the first build.
import('../dist/bin.js').catch((e) => {
  if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/bin.js')) {
    process.stderr.write(
      'outturn: the command is not built yet; run `npm run build` at the repository root\n',
    );
    process.exitCode = 2;
    return;
  }
  throw e;
});
