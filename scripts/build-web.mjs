#!/usr/bin/env node
// Builds the offline page: one HTML file that a person opens from disk (file://), with every
// script and style inline and nothing fetched after it loads.
//
//   node scripts/build-web.mjs                  writes cli/dist/outturn-web.html
//   node scripts/build-web.mjs --out FILE       writes FILE
//   WEB_NOMINIFY=1 node scripts/build-web.mjs   the same, not minified (to read a browser's stack trace)
//
// The CLI package's `npm run build` runs it after tsup, so the page ships in cli/dist/ (and
// `outturn web --out FILE` copies it). What it does:
//   - esbuild bundles cli/src/web/page.ts for the browser (iife, minified, ES2022): the
//     importers, the library (from its sources) and the renderers, SheetJS and pdf.js with its
//     worker module (pdf.js runs on the page's thread: no worker file, no Blob URL);
//   - csv-parse is its browser build (dist/esm, with its own Buffer);
//   - in that bundle `node:path` and `node:module` (used by the PDF reader to name pdf.js's
//     data files) are small modules of cli/src/web/, `pdfjs-dist/legacy/build/pdf.mjs` is
//     cli/src/web/pdfjs.ts (which wraps the real one), and cli/src/web/cmap-data.ts gets the
//     Adobe-GB1 character maps of pdfjs-dist (base64);
//   - the script goes into the page with cli/src/web/page.css, under a
//     Content-Security-Policy that allows this one script by its SHA-256 hash and nothing else
//     to run or be fetched (docs/web.md explains each directive).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'cli/src/web');
const PDFJS = join(ROOT, 'node_modules/pdfjs-dist');

/** The character maps the page carries: Simplified Chinese (Adobe-GB1), as the reports are. */
function cmaps() {
  const dir = join(PDFJS, 'cmaps');
  const out = {};
  for (const name of readdirSync(dir).sort()) {
    if (/GB/.test(name) && name.endsWith('.bcmap') && !/GBT|UTF8|UTF32/.test(name)) {
      out[name] = readFileSync(join(dir, name)).toString('base64');
    }
  }
  return out;
}

/** esbuild plugin: the browser's stand-ins for what the PDF reader takes from Node.js. */
const browserStandIns = {
  name: 'outturn-web',
  setup(b) {
    b.onResolve({ filter: /^node:path$/ }, () => ({ path: join(WEB, 'node-path.ts') }));
    b.onResolve({ filter: /^node:module$/ }, () => ({ path: join(WEB, 'node-module.ts') }));
    b.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf\.mjs$/ }, (args) =>
      args.importer === join(WEB, 'pdfjs.ts') ? undefined : { path: join(WEB, 'pdfjs.ts') },
    );
    b.onLoad({ filter: /[\\/]cli[\\/]src[\\/]web[\\/]cmap-data\.ts$/ }, () => ({
      contents: `export const CMAPS = ${JSON.stringify(cmaps())};`,
      loader: 'js',
    }));
  },
};

/** The page's script: the bundle of page.ts. */
async function bundle() {
  const result = await build({
    entryPoints: [join(WEB, 'page.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: process.env.WEB_NOMINIFY !== '1',
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
    define: { 'import.meta.url': '"file:///outturn-web.html"' },
    alias: {
      outturn: join(ROOT, 'src/index.ts'),
      'outturn/schema': join(ROOT, 'src/schema/index.ts'),
      // csv-parse's own browser build: the same parser with the Buffer it needs built in.
      'csv-parse/sync': join(ROOT, 'node_modules/csv-parse/dist/esm/sync.js'),
    },
    plugins: [browserStandIns],
  });
  const js = result.outputFiles[0].text;
  const node = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('node:'));
  if (node.length > 0) throw new Error(`the page's bundle imports Node.js modules: ${node.join(', ')}`);
  return { js, metafile: result.metafile };
}

/** The HTML of the page around its policy, style and script (none of them has a `<` that matters here). */
function page(csp, style, script) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>outturn</title>
<style>${style}</style>
</head>
<body>
<noscript>outturn 需要 JavaScript 才能在本机读取文件。outturn needs JavaScript to read files on this machine.</noscript>
<script>${script}</script>
</body>
</html>
`;
}

/** The page: the template with its style, its script and the policy that allows only them. */
export async function buildWeb(out = join(ROOT, 'cli/dist/outturn-web.html')) {
  const { js: bundled, metafile } = await bundle();
  // In an HTML <script>, "</script" ends the element and "<!--" followed by "<script" changes
  // where it ends. In the bundle they occur only inside string, template and regular expression
  // literals (SheetJS strips HTML comments): there "\x3C" is the same "<", so the replacement
  // keeps the program and makes the element end only at its own </script>.
  const js = bundled.replace(/<(?=!--|\/?script)/gi, '\\x3C').trimEnd();
  const style = readFileSync(join(WEB, 'page.css'), 'utf8');
  const hash = createHash('sha256').update(js, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    // The page's own <style>, and the report's styles in its frame (a srcdoc frame keeps
    // the page's policy, and the report styles its cells): styles only, no script.
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "worker-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = page(csp, style.trim(), js);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { out, bytes: Buffer.byteLength(html), script: Buffer.byteLength(js), metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = i >= 0 ? process.argv[i + 1] : undefined;
  if (i >= 0 && (out === undefined || out === '')) {
    console.error('build-web: --out needs a file name');
    process.exit(2);
  }
  const r = await buildWeb(out);
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`build-web: ${relative(process.cwd(), r.out)}: ${kb(r.bytes)} (script ${kb(r.script)})`);
}
