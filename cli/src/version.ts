/**
 * The version of the CLI package.
 *
 * @internal
 */
import { createRequire } from 'node:module';

/**
 * The version in cli/package.json, which sits one level above both the sources (cli/src) and the
 * build (cli/dist); `unknown` when it cannot be read.
 */
export function version(): string {
  try {
    const pkg: unknown = createRequire(import.meta.url)('../package.json');
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
      return pkg.version;
    }
  } catch {
    // fall through
  }
  return 'unknown';
}
