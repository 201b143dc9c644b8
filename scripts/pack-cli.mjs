#!/usr/bin/env node
// Packs the CLI package (cli/) as it is published: from a staging copy whose package.json
// depends on the released library, `"outturn": "^<root version>"`, instead of the development
// link `"outturn": "file:.."`. The real cli/package.json is never written.
//
//   node scripts/pack-cli.mjs                          tarball into the current folder
//   node scripts/pack-cli.mjs --pack-destination DIR   tarball into DIR
//   node scripts/pack-cli.mjs --json                   print npm pack's JSON (one object)
//
// The staging copy holds exactly the files `npm pack` would take from cli/ (its "files",
// package.json, README, LICENSE). Build first (`npm run build` at the root): cli/dist is
// packed as it is. The library and the CLI must have the same version.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckError, check, ROOT, runOk } from './util.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const CLI = join(ROOT, 'cli');

/** Dependency specs that only work inside this repository. */
const LOCAL_SPEC = /^(file:|link:|workspace:|portal:|\.{0,2}\/)/;

/**
 * The package.json the CLI is published with: cli/package.json with the library dependency
 * pinned to the root version's caret range. Throws a CheckError when the versions differ or
 * another dependency points into the repository.
 */
export function publishedCliManifest() {
  const lib = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const cli = JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8'));
  check(
    cli.version === lib.version,
    `${cli.name} is ${cli.version} and ${lib.name} is ${lib.version}: the two packages are released together with one version`,
  );
  check(cli.dependencies?.[lib.name] !== undefined, `cli/package.json does not depend on ${lib.name}`);
  const dependencies = { ...cli.dependencies, [lib.name]: `^${lib.version}` };
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    const deps = field === 'dependencies' ? dependencies : (cli[field] ?? {});
    for (const [name, spec] of Object.entries(deps)) {
      check(
        !LOCAL_SPEC.test(spec),
        `cli/package.json ${field}.${name} is "${spec}": it cannot be installed from the registry`,
      );
    }
  }
  return { ...cli, dependencies };
}

/**
 * Packs the CLI into `destination` (created if needed) and returns npm pack's JSON for it:
 * `{ name, version, filename, files, size, unpackedSize, … }` plus `path`, the tarball's path.
 */
export function packCli(destination) {
  const manifest = publishedCliManifest();
  for (const f of ['bin.js', 'index.js', 'index.cjs']) {
    check(
      existsSync(join(CLI, 'dist', f)),
      `cli/dist/${f} is missing: run npm run build at the repository root`,
    );
  }
  mkdirSync(destination, { recursive: true });
  // What npm would pack from cli/ itself: "files", package.json, README, LICENSE.
  const dry = runOk('npm pack --dry-run', npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: CLI,
  });
  const listed = JSON.parse(dry.stdout)[0];
  check(listed?.name === manifest.name, `npm pack in cli/ packed ${listed?.name}, not ${manifest.name}`);
  const stage = mkdtempSync(join(tmpdir(), 'outturn-cli-stage-'));
  try {
    for (const { path } of listed.files) {
      if (path === 'package.json') continue;
      const to = join(stage, path);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(CLI, path), to);
      chmodSync(to, statSync(join(CLI, path)).mode & 0o777);
    }
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const r = runOk(
      'npm pack (staged cli)',
      npm,
      ['pack', '--json', '--ignore-scripts', '--pack-destination', resolve(destination)],
      { cwd: stage },
    );
    const info = JSON.parse(r.stdout)[0];
    const staged = info.files.map((f) => f.path).sort();
    const wanted = listed.files.map((f) => f.path).sort();
    if (staged.join('\n') !== wanted.join('\n')) {
      throw new CheckError(
        `the staged CLI tarball's files differ from cli/'s: ${staged
          .filter((f) => !wanted.includes(f))
          .concat(wanted.filter((f) => !staged.includes(f)))
          .join(', ')}`,
      );
    }
    return { ...info, path: join(resolve(destination), info.filename) };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let destination = process.cwd();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--pack-destination' && args[i + 1]) destination = args[++i];
    else if (args[i] === '--json') json = true;
    else {
      console.error(`pack-cli: unknown option ${args[i]} (known: --pack-destination DIR, --json)`);
      process.exit(2);
    }
  }
  try {
    const info = packCli(destination);
    if (json) console.log(JSON.stringify(info, null, 2));
    else
      console.log(
        `${info.path} (${info.name}@${info.version}, dependencies: ${JSON.stringify(publishedCliManifest().dependencies)})`,
      );
  } catch (e) {
    if (!(e instanceof CheckError)) throw e;
    console.error(`pack-cli: ${e.message}`);
    process.exit(1);
  }
}
