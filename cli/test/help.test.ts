/**
 * The help and the argument parser agree, in both languages: both come from the table of
 * cli/src/options.ts, and this pins what that promises. Every option the parser accepts is in
 * every help page of a command that takes it; every value a choice option allows is accepted
 * and documented; nothing outside the table is accepted.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayWidth } from 'outturn-cli/render';
import { describe, expect, it } from 'vitest';
import { type CommandName, OPTIONS, type OptionSpec } from '../src/options.js';
import { ROOT } from './support/cli.js';
import { run } from './support/run.js';

const EXAMPLE = join(ROOT, 'examples', 'suzhou-commerce-service-center-2023.json');
/** A file each command reads without a usage error. */
const INPUT: Readonly<Record<CommandName, string>> = {
  check: EXAMPLE,
  import: EXAMPLE,
  pefa: join(ROOT, 'cli', 'test', 'fixtures', 'pefa', 'options.json'),
  review: join(ROOT, 'test', 'fixtures', 'review', 'hunan-nanyue-2018-lvyoufupin.json'),
  web: join(mkdtempSync(join(tmpdir(), 'outturn-help-')), 'page.html'),
};
const COMMANDS: readonly CommandName[] = ['check', 'import', 'pefa', 'review', 'web'];

/** The arguments that run `command` on its input (web writes a page and reads no FILE). */
const base = (command: CommandName): string[] =>
  command === 'web' ? ['web', '--out', INPUT.web] : [command, INPUT[command]];
const LANGS = ['zh', 'en'] as const;
const TOPICS = [
  { topic: 'main', args: ['--help'] },
  { topic: 'check', args: ['check', '--help'] },
  { topic: 'import', args: ['import', '--help'] },
  { topic: 'pefa', args: ['pefa', '--help'] },
  { topic: 'review', args: ['review', '--help'] },
  { topic: 'web', args: ['web', '--help'] },
] as const;

/** Whether `command` takes `option`. */
function takes(command: CommandName, option: OptionSpec): boolean {
  return option.commands === 'any' || option.commands.includes(command);
}

/** Whether the help page of `topic` should document `option`. */
function documents(topic: 'main' | CommandName, option: OptionSpec): boolean {
  return topic === 'main' || takes(topic, option);
}

/** The first command that takes `option`. */
function takerOf(option: OptionSpec): CommandName {
  return COMMANDS.find((c) => takes(c, option)) ?? 'check';
}

/** A value the option accepts, to pass it on a command line. */
function sampleValue(option: OptionSpec): string | null {
  if (option.kind === 'flag') return null;
  if (option.kind === 'choice') return option.values[0]?.name ?? '';
  if (option.name === 'max-bytes') return '50M';
  if (option.name === 'out') return INPUT.web;
  if (option.name === 'max-warnings') return '100';
  if (option.name === 'output') return join(tmpdir(), `outturn-help-${process.pid}.out`);
  if (option.name === 'rule') return 'target-vague=off';
  return option.name === 'profile' ? 'default' : 'Sheet1';
}

describe('help pages', () => {
  for (const { topic, args } of TOPICS) {
    for (const lang of LANGS) {
      it(`outturn ${args.join(' ')} --lang ${lang} documents every option it takes, within 80 columns`, async () => {
        const r = await run([...args, '--lang', lang]);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('');
        for (const option of OPTIONS.filter((o) => documents(topic, o))) {
          expect(r.stdout, `--${option.name}`).toContain(`--${option.name}`);
          if (option.kind === 'flag' && option.short !== undefined)
            expect(r.stdout).toContain(`-${option.short}, --${option.name}`);
          if (option.kind === 'choice') {
            expect(r.stdout).toContain(`--${option.name} ${option.values.map((v) => v.name).join('|')}`);
          }
          if (option.kind === 'string')
            expect(r.stdout).toContain(`--${option.name} ${option.placeholder[lang]}`);
        }
        for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      });
    }
  }

  it('the Chinese help documents --profile, with every shipped profile in the help of check', async () => {
    const main = (await run(['--help'])).stdout;
    const check = (await run(['check', '--help'])).stdout;
    expect(main).toContain('--profile 名称|文件.json');
    for (const name of ['default', 'linear-deficit', 'bands-80-50', 'grades-80-70-60', 'uncapped']) {
      expect(main).toContain(name);
      expect(check).toMatch(new RegExp(`^ {6}${name} +\\S`, 'm'));
    }
  });

  it('the help of a command details every value of its choice options, in both languages', async () => {
    for (const lang of LANGS) {
      for (const command of COMMANDS) {
        const help = (await run([command, '--help', '--lang', lang])).stdout;
        for (const option of OPTIONS) {
          if (option.kind !== 'choice' || !takes(command, option)) continue;
          for (const value of option.values) {
            // The first line of the value's description, after its name.
            const first = value.description[lang].split(/[ ，、：；]/)[0] ?? '';
            expect(help, `${command} --${option.name} ${value.name}`).toMatch(
              new RegExp(`^ {6}${value.name} +${first.replace(/[{}()|.+*?^$[\]\\]/g, '\\$&')}`, 'm'),
            );
          }
        }
      }
    }
  });

  it('the help of import does not document the options only check takes', async () => {
    for (const lang of LANGS) {
      const help = (await run(['import', '--help', '--lang', lang])).stdout;
      for (const name of ['--format', '--fail-on', '--profile']) expect(help).not.toContain(name);
    }
  });
});

describe('--help and --version', () => {
  it('--help documents every option and exits 0, in both languages', async () => {
    for (const args of [
      ['--help'],
      ['-h', '--lang', 'en'],
      ['check', '--help'],
      ['check', '--help', '--lang', 'en'],
    ]) {
      const r = await run(args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      for (const opt of ['--format', 'text', 'json', 'markdown', '--lang', '--fail-on', 'never', '--help']) {
        expect(r.stdout).toContain(opt);
      }
      for (const line of r.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    }
    expect((await run(['--help'])).stdout).toContain('--version');
    expect((await run(['--help', '--lang', 'en'])).stdout).toContain('Exit codes');
  });

  it('--version prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('the parser takes exactly the options of the table', () => {
  it('accepts every option in each command that takes it, and refuses it in the others', async () => {
    for (const option of OPTIONS) {
      // --help and --version end the command; tested below
      if (option.name === 'help' || option.name === 'version') continue;
      const value = sampleValue(option);
      for (const command of COMMANDS) {
        const extra = command === 'import' ? [] : ['--format', 'json', '--fail-on', 'never'];
        const extraWeb = command === 'web' ? [] : extra;
        const given = value === null ? [`--${option.name}`] : [`--${option.name}`, value];
        const r = await run([...base(command), ...given, ...extraWeb, '--lang', 'en']);
        const label = `${command} --${option.name} ${value}`;
        expect(r.stderr, label).not.toContain('unknown option');
        if (!takes(command, option)) {
          const c = option.commands === 'any' ? [] : option.commands;
          const takers = c.length > 2 ? `${c.slice(0, -1).join(', ')} and ${c.at(-1)}` : c.join(' and ');
          expect(r.stderr, label).toContain(`--${option.name} applies to ${takers}, not to ${command}`);
          expect(r.status, label).toBe(2);
        } else if (option.name !== 'from' && command !== 'import' && command !== 'web') {
          // --from makes a JSON file a table file, in which no table is found (exit 2).
          expect(r.status, `${label}: ${r.stderr}`).toBe(0);
        }
      }
    }
  });

  it('accepts --help and --version, long and short, each alone', async () => {
    for (const option of OPTIONS) {
      if (option.kind !== 'flag' || (option.name !== 'help' && option.name !== 'version')) continue;
      for (const flag of [`--${option.name}`, ...(option.short === undefined ? [] : [`-${option.short}`])]) {
        const r = await run([flag]);
        expect(r.status, flag).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout).not.toBe('');
      }
    }
  });

  it('accepts each allowed value of a choice option and names them all when one is wrong', async () => {
    for (const option of OPTIONS) {
      if (option.kind !== 'choice') continue;
      const command = takerOf(option);
      for (const value of option.values) {
        const r = await run([
          ...base(command),
          `--${option.name}=${value.name}`,
          '--fail-on=never',
          '--lang=en',
        ]);
        expect(r.stderr, `--${option.name}=${value.name}`).not.toContain(`--${option.name} must be`);
      }
      const wrong = await run([...base(command), '--lang', 'en', `--${option.name}`, 'nonsense']);
      expect(wrong.status).toBe(2);
      const names = option.values.map((v) => v.name);
      expect(wrong.stderr).toContain(
        `--${option.name} must be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, not "nonsense"`,
      );
    }
  });

  it('refuses an option that is not in the table', async () => {
    const names = new Set<string>(OPTIONS.map((o) => o.name));
    for (const name of ['colour', 'silent', 'outfile', 'outdir', 'fail', 'format-json', 'warnings-max']) {
      expect(names.has(name)).toBe(false);
      const r = await run(['check', EXAMPLE, `--${name}`, '--lang', 'en']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`unknown option "--${name}"`);
    }
  });
});
