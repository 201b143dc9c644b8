/**
 * `outturn web --out FILE`: writes the offline page (one HTML file that checks a dropped report
 * in the browser, with nothing sent anywhere: docs/web.md). The page is built with the package
 * (`npm run build`: cli/dist/outturn-web.html); this command copies it where the user asks.
 *
 * @internal
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebArgs } from './args.js';
import { UsageError } from './errors.js';
import { type CliIO, cwdOf, EXIT } from './io.js';

/** The built page: beside this module in dist/, or in dist/ when run from the sources. */
function pagePath(): string | null {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, 'outturn-web.html'), join(here, '..', 'dist', 'outturn-web.html')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Runs `outturn web`; resolves to the exit code. */
export async function web(args: WebArgs, io: CliIO): Promise<number> {
  const page = pagePath();
  if (page === null) {
    throw new Error(
      'the offline page outturn-web.html is not in this installation (build the CLI package first)',
    );
  }
  const out = resolve(cwdOf(io), args.out);
  const html = await readFile(page);
  // Written beside the target and renamed over it: never a half-written page.
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(temp, html);
    await rename(temp, out);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    throw new UsageError({
      en: `cannot write ${args.out} (${reason})`,
      zh: `无法写入 ${args.out}（${reason}）`,
    });
  }
  io.stderr(
    args.lang === 'zh'
      ? `outturn: 已写入离线页面 ${args.out}（${html.length} 字节）：用浏览器打开，拖入报告文件即可核对，数据不会离开本机\n`
      : `outturn: wrote the offline page ${args.out} (${html.length} bytes): open it in a browser and drop a report on it; nothing leaves the machine\n`,
  );
  return EXIT.ok;
}
