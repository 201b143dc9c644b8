/**
 * The `outturn` command: `outturn check FILE...`, `outturn import FILE...`, `outturn pefa FILE` and
 * `outturn web --out FILE`
 * (see help.ts, or `outturn --help`, for the options; the options themselves are the table of
 * options.ts).
 *
 * A thin layer: parse the arguments (args.ts), read the files (read-input.ts), import tables
 * (import-tables.ts) or parse the report JSON, `validateReport`, render (render/), exit. This
 * module dispatches and turns every error into an exit code. Each command is imported when it
 * runs, so that `--help` and `--version` load only the parser, the help and the version (not the
 * library, decimal.js nor the importers: cli/test/startup.test.ts checks it): 0 no finding at or above
 * `--fail-on` (import: a report was produced); 1 such findings; 2 usage error or unreadable
 * input (one line on stderr); 3 internal error (a bug: one line on stderr).
 *
 * @internal
 */
import { langOf, parseCommand } from './args.js';
import { type Config, findConfig } from './config.js';
import { UsageError } from './errors.js';
import { helpText } from './help.js';
import { type CliIO, cwdOf, EXIT } from './io.js';
import { visible } from './render/terminal.js';
import { oneLine } from './text.js';
import { version } from './version.js';

/**
 * Runs the command with `argv` (without `node` and the script) and returns the exit code.
 * Never throws: usage errors and unreadable input give 2, an internal error 3, each with one
 * line on stderr and no stack trace.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // The language before the config file is read, so that an error in it is in that language.
  let lang = langOf(argv, io.env);
  const hint = () => (lang === 'zh' ? '运行 outturn --help 查看用法' : "run 'outturn --help' for usage");
  try {
    // A bad config file stops every command but the help and the version, which still show.
    let config: Config | null = null;
    let configError: unknown;
    try {
      config = findConfig(cwdOf(io));
    } catch (e) {
      configError = e;
    }
    lang = langOf(argv, io.env, config);
    const command = parseCommand(argv, lang, config);
    if (configError !== undefined && command.kind !== 'help' && command.kind !== 'version') throw configError;
    switch (command.kind) {
      case 'help':
        io.stdout(helpText(command.topic, command.lang, version()));
        return EXIT.ok;
      case 'version':
        io.stdout(`${version()}\n`);
        return EXIT.ok;
      case 'check':
        return await (await import('./check.js')).check(command, io);
      case 'import':
        return await (await import('./import-tables.js')).importCommand(command, io);
      case 'pefa':
        return await (await import('./pefa.js')).pefa(command, io);
      case 'web':
        return await (await import('./web-command.js')).web(command, io);
      case 'review':
        return await (await import('./review.js')).review(command, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const sep = lang === 'zh' ? '；' : '; ';
      io.stderr(`outturn: ${visible(oneLine(e.text[lang]))}${e.hint ? `${sep}${hint()}` : ''}\n`);
      return EXIT.usage;
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.stderr(`outturn: internal error: ${visible(oneLine(message))}\n`);
    return EXIT.internal;
  }
}
