/**
 * What the command reads from its environment: the language (`LC_ALL`, `LC_MESSAGES`, `LANG`)
 * and whether to paint colours (`FORCE_COLOR`, `NO_COLOR`, a terminal), the conventions of the
 * tools people already use (eslint, prettier, git, ls).
 *
 * @internal
 */
import type { Lang } from 'outturn';

/** The environment, as the command gets it. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The language of a locale variable's value: `zh_CN.UTF-8`, `zh_TW`, `zh` → zh; any other value
 * that is set (`en_US.UTF-8`, `C`, `POSIX`, `fr_FR`) → en; unset or empty → undefined.
 *
 * @example
 * ```ts
 * langOfLocale('zh_CN.UTF-8'); // 'zh'
 * langOfLocale('C.UTF-8'); // 'en'
 * ```
 */
export function langOfLocale(value: string | undefined): Lang | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^zh(?:$|[^a-z])/i.test(value.trim()) ? 'zh' : 'en';
}

/**
 * The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
 * set and not empty, as POSIX orders them (see {@link langOfLocale}); undefined when none is.
 */
export function langOfEnv(env: Env): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const lang = langOfLocale(env[name]);
    if (lang !== undefined) return lang;
  }
  return undefined;
}

/** What the command line says of colours: `--color`, `--no-color`, or nothing. */
export type ColorFlag = 'always' | 'never' | undefined;

/**
 * Whether the text output is painted: `--color` / `--no-color` first (the last one given wins);
 * else `FORCE_COLOR` set, not empty and not `0` forces colours (`FORCE_COLOR=0` forbids them);
 * else `NO_COLOR` set and not empty forbids them (no-color.org); else colours only when stdout is
 * a terminal, never when it is piped or redirected.
 */
export function useColor(flag: ColorFlag, env: Env, isTTY: boolean): boolean {
  if (flag !== undefined) return flag === 'always';
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if ((env.NO_COLOR ?? '') !== '') return false;
  return isTTY;
}

/** The width the text output fits: the terminal's (60 to 160 columns), else 80. */
export function widthOf(isTTY: boolean, columns: number | undefined): number {
  return isTTY && columns !== undefined && columns >= 60 ? Math.min(columns, 160) : 80;
}

/** What the text renderers need of the command line and the process. */
export interface TextSettings {
  readonly color: boolean;
  readonly width: number;
}

/** Colours and width of the text output, from `--color` / `--no-color`, the environment and the terminal. */
export function textSettings(
  flag: ColorFlag,
  io: { readonly env: Env; readonly isTTY: boolean; readonly columns?: number | undefined },
): TextSettings {
  return { color: useColor(flag, io.env, io.isTTY), width: widthOf(io.isTTY, io.columns) };
}

/** Info findings of one code over this many are collapsed to one line in the text output, unless `--verbose`. */
export const COLLAPSE_INFO_OVER = 5;

/**
 * Whether a check's warnings exceed `--max-warnings` (undefined: no limit), which makes the exit
 * code 1 whatever `--fail-on` says, as eslint's `--max-warnings` does.
 */
export function tooManyWarnings(warnings: number, maxWarnings: number | undefined): boolean {
  return maxWarnings !== undefined && warnings > maxWarnings;
}
