/**
 * The `outturn` executable. Before anything else is loaded it turns on Node's compile cache
 * (`module.enableCompileCache`, Node ≥ 22.1; absent on Node 20, where this does nothing): the
 * compiled code of the command and the library is kept in Node's cache directory (by default
 * under the system's temporary directory; `NODE_COMPILE_CACHE=DIR` moves it,
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off), so that later runs do not compile them again.
 * Then it runs the command (run.ts), which only a dynamic import loads after the cache is on.
 *
 * @internal
 */
import nodeModule from 'node:module';

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
try {
  enableCompileCache?.();
} catch {
  // A cache that cannot be written only costs the time it would have saved.
}
await import('./run.js');
