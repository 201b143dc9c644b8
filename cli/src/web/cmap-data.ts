/**
 * The character maps (CMaps) of Chinese PDF fonts that the offline page carries inline, as
 * base64 by file name (`UniGB-UCS2-H.bcmap` …). This file is the empty placeholder that the
 * type check and the tests see; scripts/build-web.mjs fills it, when it bundles the page, with
 * the Adobe-GB1 maps of the installed pdfjs-dist (about 290 kB), so that a PDF whose Chinese font
 * is not embedded (WPS, older Word) is read in the page as it is by the CLI.
 *
 * @internal
 */
export const CMAPS: Readonly<Record<string, string>> = {};
