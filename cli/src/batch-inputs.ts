/**
 * The reports a batch run checks: the FILEs as given, each directory replaced by the report files
 * in it (recursively), and `-` for standard input.
 *
 * @internal
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** The extensions of the files a directory contributes: the formats `check` reads. */
export const REPORT_EXTENSIONS: readonly string[] = [
  '.json',
  '.csv',
  '.txt',
  '.xlsx',
  '.xls',
  '.html',
  '.htm',
  '.docx',
  '.pdf',
];

/** One report to check: the name shown, and the path it is read from (undefined: standard input). */
export interface BatchInput {
  readonly file: string;
  readonly path: string | undefined;
}

/** Compares two strings by code point (not by UTF-16 unit, which puts U+FF01 after U+1F600). */
export function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Whether `path` (a name relative to `cwd`) is a directory; false when it cannot be seen. */
export async function isDirectory(path: string, cwd: string): Promise<boolean> {
  try {
    return (await stat(resolve(cwd, path))).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The report files under `dir`, relative to it, sorted by path in code point order. Hidden files
 * and folders (a name starting with `.`) and `node_modules` are skipped; a symbolic link to a
 * file counts, a link to a folder is not followed (no cycles).
 */
async function reportFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(path);
      else if (REPORT_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
        if (e.isFile()) out.push(path);
        else if (e.isSymbolicLink()) {
          const target = await stat(join(dir, path)).catch(() => null);
          if (target?.isFile() === true) out.push(path);
        }
      }
    }
  };
  await walk('');
  return out.sort(byCodePoint);
}

/**
 * The inputs of `files`, in order: a directory gives its report files (see reportFilesUnder);
 * anything else is kept as it is, and a file that cannot be read fails later, on its own row.
 * UsageError for a directory with no report file in it.
 */
export async function expandInputs(files: readonly string[], cwd: string): Promise<BatchInput[]> {
  const out: BatchInput[] = [];
  for (const file of files) {
    if (file === '-') {
      out.push({ file, path: undefined });
      continue;
    }
    const path = resolve(cwd, file);
    if (!(await isDirectory(file, cwd))) {
      out.push({ file, path });
      continue;
    }
    let found: string[];
    try {
      found = await reportFilesUnder(path);
    } catch (e) {
      const detail = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e);
      throw new UsageError({
        en: `cannot read the folder ${file}: ${detail}`,
        zh: `无法读取目录 ${file}：${detail}`,
      });
    }
    if (found.length === 0) {
      throw new UsageError({
        en: `${file} has no report file (${REPORT_EXTENSIONS.join(' ')})`,
        zh: `${file} 中没有报告文件（${REPORT_EXTENSIONS.join(' ')}）`,
      });
    }
    for (const rel of found) out.push({ file: join(file, rel), path: join(path, rel) });
  }
  return out;
}
