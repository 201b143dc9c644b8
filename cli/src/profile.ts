/**
 * The scoring profile of `--profile NAME` or `--profile FILE.json`.
 *
 * @internal
 */
import {
  PROFILE_NAMES,
  parseScoringProfile,
  profileNamed,
  SCORING_PROFILES,
  type ScoringProfile,
} from 'outturn';
import { UsageError } from './errors.js';
import { parseJsonBytes, readBytes } from './read-input.js';

/**
 * The profile named, or read from a JSON file (a relative name from `cwd`); the default profile
 * when `name` is undefined. UsageError when it is neither a shipped profile nor a usable file.
 */
export async function resolveProfile(name: string | undefined, cwd: string): Promise<ScoringProfile> {
  if (name === undefined) return SCORING_PROFILES.default;
  const shipped = profileNamed(name);
  if (shipped !== null) return shipped;
  if (!name.toLowerCase().endsWith('.json')) {
    const names = PROFILE_NAMES.join(', ');
    throw new UsageError(
      {
        en: `--profile "${name}" is neither a profile (${names}) nor a .json file`,
        zh: `--profile“${name}”既不是内置方案（${names}）也不是 .json 文件`,
      },
      true,
    );
  }
  const json = parseJsonBytes(name, await readBytes(name, cwd));
  const r = parseScoringProfile(json);
  if (!r.ok) throw new UsageError({ en: `${name}: ${r.message.en}`, zh: `${name}：${r.message.zh}` });
  return r.profile;
}
