#!/usr/bin/env node
// Tests scripts/check-release-metadata.mjs as the release workflow runs it: a child process on
// copies of the two package.json files, with and without the fields. check:package runs it.
//
//   node scripts/test-release-metadata.mjs
//
// The placeholder repository OWNER/REPO exists only in these temporary copies.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './util.mjs';

const SCRIPT = join(ROOT, 'scripts', 'check-release-metadata.mjs');
const FIELDS = ['repository', 'homepage', 'bugs'];
const real = {
  lib: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')),
  cli: JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8')),
};
const PLACEHOLDER = {
  repository: { type: 'git', url: 'git+https://github.com/OWNER/REPO.git' },
  homepage: 'https://github.com/OWNER/REPO#readme',
  bugs: { url: 'https://github.com/OWNER/REPO/issues' },
};
const without = (pkg) => Object.fromEntries(Object.entries(pkg).filter(([k]) => !FIELDS.includes(k)));
const withFields = (pkg, extra = {}) => ({ ...pkg, ...PLACEHOLDER, ...extra });

const temp = mkdtempSync(join(tmpdir(), 'outturn-release-metadata-'));
let n = 0;

/** Runs the check on copies of `lib` and `cli`; returns { status, lines }. */
function runCheck(lib, cli, { args = [], env = {} } = {}) {
  const root = join(temp, String(n++));
  mkdirSync(join(root, 'cli'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify(lib));
  writeFileSync(join(root, 'cli', 'package.json'), JSON.stringify(cli));
  const r = spawnSync(process.execPath, [SCRIPT, '--root', root, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GITHUB_REPOSITORY: '', ...env },
  });
  const lines = `${r.stdout}${r.stderr}`.trim().split('\n');
  return { status: r.status, lines };
}

/** Asserts a failure with exactly one `::error::` line containing every one of `parts`. */
function fails(result, ...parts) {
  assert.equal(result.status, 1, `exit ${result.status}: ${result.lines.join(' | ')}`);
  assert.equal(result.lines.length, 1, `not one line: ${result.lines.join(' | ')}`);
  assert.match(result.lines[0], /^::error::release metadata: /);
  for (const p of parts) assert.ok(result.lines[0].includes(p), `"${p}" not in: ${result.lines[0]}`);
  return result.lines[0];
}

const report = [];
try {
  // The fields missing in both files: one line naming both files and the three fields.
  const missing = fails(
    runCheck(without(real.lib), without(real.cli)),
    `package.json (${real.lib.name}) lacks repository, homepage, bugs`,
    `cli/package.json (${real.cli.name}) lacks repository, homepage, bugs`,
    'E422',
  );
  // Missing in one file only.
  fails(
    runCheck(withFields(real.lib), without(real.cli)),
    'cli/package.json',
    'lacks repository, homepage, bugs',
  );
  fails(
    runCheck(withFields(real.lib), { ...withFields(real.cli), bugs: '' }),
    `(${real.cli.name}) lacks bugs`,
  );

  // All set: passes, with and without the tag, and inside the workflow's repository.
  const ok = runCheck(withFields(real.lib), withFields(real.cli), {
    args: ['--tag', `v${real.lib.version}`],
    env: { GITHUB_REPOSITORY: 'OWNER/REPO' },
  });
  assert.equal(ok.status, 0, ok.lines.join(' | '));
  assert.equal(ok.lines.length, 1);
  assert.match(ok.lines[0], /^release metadata: /);
  assert.equal(
    runCheck(withFields(real.lib), withFields(real.cli, { repository: 'github:OWNER/REPO' })).status,
    0,
  );

  // The tag, the versions and the repository.
  fails(
    runCheck(withFields(real.lib), withFields(real.cli), { args: ['--tag', 'v999.0.0'] }),
    `tag v999.0.0 does not match the version of both packages (v${real.lib.version})`,
  );
  fails(runCheck(withFields(real.lib), withFields(real.cli, { version: '999.0.0' })), 'the versions differ');
  fails(
    runCheck(withFields(real.lib), withFields(real.cli), { env: { GITHUB_REPOSITORY: 'someone-else/REPO' } }),
    'but this workflow runs in someone-else/REPO',
  );
  fails(
    runCheck(withFields(real.lib), withFields(real.cli, { repository: 'https://gitlab.com/OWNER/REPO' })),
    'must be a GitHub repository',
  );

  // The repository as it is: the line the release workflow would print today.
  const today = runCheck(real.lib, real.cli, { args: ['--tag', `v${real.lib.version}`] });
  const set = [real.lib, real.cli].every((p) => FIELDS.every((f) => p[f]));
  if (set) assert.equal(today.status, 0, today.lines.join(' | '));
  else fails(today, 'lacks');
  report.push(`missing fields: ${missing}`, `this repository today: exit ${today.status}: ${today.lines[0]}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
console.log(report.join('\n'));
