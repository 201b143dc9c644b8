#!/usr/bin/env node
// Before a release: both package.json files (the library at the root, the CLI in cli/) carry
// what `npm publish --provenance` and the npm page need, and the tag names their one version.
//
//   node scripts/check-release-metadata.mjs                 repository, homepage, bugs; versions equal
//   node scripts/check-release-metadata.mjs --tag v0.2.0    and the tag is v<version>
//   node scripts/check-release-metadata.mjs --root DIR      check DIR/package.json and DIR/cli/package.json
//
// npm refuses a provenance publish (E422) unless package.json's "repository" names the GitHub
// repository the workflow runs in; when GITHUB_REPOSITORY is set (GitHub Actions), the
// repository of both files must be that one. On a problem the script prints ONE line,
// `::error::…` (GitHub shows it as an annotation), and exits 1; otherwise one summary line, exit 0.
// It needs only Node.js (no npm ci), so a workflow can run it first.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIELDS = ['repository', 'homepage', 'bugs'];
const FILES = ['package.json', 'cli/package.json'];

/** The URL of a package.json "repository" (string, shorthand or { url }), or "". */
export function repositoryUrl(repository) {
  const raw = typeof repository === 'string' ? repository : (repository?.url ?? '');
  return raw.trim();
}

/** `owner/name` of a GitHub repository URL or shorthand, lower case; null for anything else. */
export function githubSlug(url) {
  const m =
    /^(?:git\+)?(?:https?|git|ssh):\/\/(?:git@)?github\.com\/([^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/i.exec(url) ??
    /^git@github\.com:([^/\s]+\/[^/\s]+?)(?:\.git)?$/i.exec(url) ??
    /^(?:github:)?([A-Za-z0-9][\w.-]*\/[\w.-]+?)(?:\.git)?$/.exec(url);
  return m ? m[1].toLowerCase() : null;
}

function isSet(field, value) {
  if (field === 'repository') return repositoryUrl(value) !== '';
  if (field === 'bugs' && value !== null && typeof value === 'object') {
    return Boolean(value.url?.trim() || value.email?.trim());
  }
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The problems of the release metadata under `root`, as short phrases (empty when all is well),
 * and what was read. `tag` (e.g. "v0.2.0") is checked when given; `githubRepository`
 * ("owner/name") when given.
 */
export function releaseProblems({ root, tag, githubRepository }) {
  const problems = [];
  const manifests = [];
  for (const file of FILES) {
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(join(root, file), 'utf8'));
    } catch (e) {
      problems.push(`${file} cannot be read (${e.code ?? e.message})`);
      continue;
    }
    manifests.push({ file, pkg });
    const missing = FIELDS.filter((f) => !isSet(f, pkg[f]));
    if (missing.length > 0) problems.push(`${file} (${pkg.name}) lacks ${missing.join(', ')}`);
  }
  if (manifests.length === FILES.length) {
    const [lib, cli] = manifests.map((m) => m.pkg);
    if (lib.version !== cli.version) {
      problems.push(`the versions differ (${lib.name} ${lib.version}, ${cli.name} ${cli.version})`);
    } else if (tag !== undefined && tag !== `v${lib.version}`) {
      problems.push(`tag ${tag} does not match the version of both packages (v${lib.version})`);
    }
    const urls = manifests.map((m) => repositoryUrl(m.pkg.repository));
    if (urls.every((u) => u !== '')) {
      const slugs = urls.map(githubSlug);
      if (slugs.some((s) => s === null)) {
        problems.push(`repository must be a GitHub repository for provenance (${urls.join(', ')})`);
      } else if (slugs[0] !== slugs[1]) {
        problems.push(`the two packages name different repositories (${slugs.join(', ')})`);
      } else if (githubRepository && slugs[0] !== githubRepository.toLowerCase()) {
        problems.push(`repository names ${slugs[0]}, but this workflow runs in ${githubRepository}`);
      }
    }
  }
  return { problems, manifests };
}

/** The one line the script prints for `problems`. */
export function errorLine(problems) {
  const hint = problems.some((p) => /lacks|repository/.test(p))
    ? ' (npm publish --provenance fails with E422 unless "repository" names this GitHub repository)'
    : '';
  return `::error::release metadata: ${problems.join('; ')}${hint}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  let tag;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--tag' && args[i + 1] !== undefined) tag = args[++i];
    else if (args[i] === '--root' && args[i + 1] !== undefined) root = args[++i];
    else {
      console.log(
        `::error::check-release-metadata: unknown option ${args[i]} (known: --tag vX.Y.Z, --root DIR)`,
      );
      process.exit(2);
    }
  }
  const githubRepository = process.env.GITHUB_REPOSITORY || undefined;
  const { problems, manifests } = releaseProblems({ root, tag, githubRepository });
  if (problems.length > 0) {
    console.log(errorLine(problems));
    process.exit(1);
  }
  const [lib, cli] = manifests.map((m) => m.pkg);
  console.log(
    `release metadata: ${lib.name} ${lib.version} and ${cli.name} ${cli.version}, repository ${repositoryUrl(lib.repository)}${tag ? `, tag ${tag}` : ''}`,
  );
}
