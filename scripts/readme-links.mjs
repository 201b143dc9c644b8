// Relative links of a Markdown file, and which of them point to no file of a package tarball.
// On the npm page a README's relative link only works when the target ships in the tarball;
// absolute links (https:, mailto: …) and anchors into the page itself are always fine.
import { posix } from 'node:path';

/** Links (inline, images, reference definitions, HTML href/src) outside code, with their line. */
export function markdownLinks(markdown) {
  const links = [];
  let fenced = null;
  markdown.split(/\r?\n/).forEach((raw, i) => {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (fenced === null) fenced = fence[1][0];
      else if (fence[1][0] === fenced) fenced = null;
      return;
    }
    if (fenced !== null) return;
    const line = raw.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    const add = (target) => links.push({ target: target.replace(/^<|>$/g, ''), line: i + 1 });
    for (const m of line.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+)/g)) add(m[1]);
    const def = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(line);
    if (def) add(def[1]);
    for (const m of line.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)) add(m[1]);
  });
  return links;
}

/** True for a link that needs a file next to the README: not absolute, not an anchor. */
export function isRelative(target) {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('//');
}

/**
 * The relative links of `markdown` (a README at `readmePath` inside the package) whose target
 * is not one of `files` (paths inside the package, `/`-separated). A link to a folder counts
 * as broken: npm shows no folder listings.
 */
export function brokenLinks(markdown, readmePath, files) {
  const shipped = new Set(files);
  return markdownLinks(markdown)
    .filter((l) => isRelative(l.target))
    .filter((l) => {
      let path = l.target.replace(/[?#].*$/, '');
      try {
        path = decodeURI(path);
      } catch {
        return true; // a malformed %-escape resolves to nothing
      }
      const resolved = posix.normalize(posix.join(posix.dirname(readmePath), path));
      return !shipped.has(resolved);
    });
}
