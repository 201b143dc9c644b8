/**
 * The character maps (CMaps) of Chinese PDF fonts that the offline page carries inline, as
 * base64 by file name (`UniGB-UCS2-H.bcmap` …). This file is the empty placeholder that the
 * type check and the tests see; scripts/build-web.mjs fills it, when it bundles the page, with
 * the 23 Simplified Chinese maps (Adobe-GB1, GB, GBK, UniGB UCS-2 and UTF-16; 176 kB, 235 kB in
 * base64) of the installed pdfjs-dist, so that a PDF whose Chinese font is not embedded (older
 * WPS or Word output) is read in the page as it is by the CLI. Other maps (Traditional Chinese,
 * Japanese, Korean, UTF-8 and UTF-32 encodings) are left out for size.
 *
 * @internal
 */
export const CMAPS: Readonly<Record<string, string>> = {};
