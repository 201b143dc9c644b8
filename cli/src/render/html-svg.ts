/**
 * The charts of the HTML report, drawn as inline SVG by a few lines of ours: a horizontal bar
 * of an execution rate against 100%, with a mark at 序时进度 on a monitoring table.
 *
 * Why no chart library: the only chart is a bar in a table cell, which is a handful of
 * rectangles and lines. A library (Chart.js, ECharts, Vega) would add 60 KB to 1 MB of script to
 * a report that must run no script at all (its Content-Security-Policy forbids scripts), and the
 * SVG-only ones still bring a dependency and its updates for what 60 lines do. Inline SVG is
 * vector, so it prints as sharply as the text, and needs no request.
 *
 * Geometry is the only arithmetic here: a bar's length in pixels is read from the figure the
 * checks already gave (`"134.17%"`), as a JS number, and rounded to 0.01 px. No figure shown to
 * the reader is computed; every label is the checks' string.
 *
 * @internal
 */
import { escapeHtml } from './html-text.js';

/** Width and height of a bar, in CSS pixels. */
export const BAR_WIDTH = 160;
const BAR_HEIGHT = 14;
/** The longest scale a bar is drawn on, in percent: beyond it the bar is cut and marked. */
const SCALE_CAP = 200;

/**
 * The value of a percentage as the checks print it (`"134.17%"`, `"-6.26%"`), for geometry
 * only; null for anything else (`"-"`, text).
 */
export function percentValue(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const m = /^([+-]?\d{1,12}(?:\.\d{1,20})?)%$/.exec(text.trim());
  if (m === null) return null;
  const v = Number(m[1]);
  return Number.isFinite(v) ? v : null;
}

/** The scale (in percent) the bars of one table share: 100%, or the largest rate up to 200%. */
export function barScale(rates: readonly (number | null)[]): number {
  let max = 100;
  for (const r of rates) if (r !== null && r > max) max = r;
  return Math.min(max, SCALE_CAP);
}

/** What one bar shows. */
export interface Bar {
  /** The rate as the checks give it, e.g. `"134.17%"`: its length, and its label. */
  readonly rate: string;
  /** 序时进度 as the checks give it (`"50.00%"`), drawn as a dashed mark; monitoring tables only. */
  readonly timeProgress?: string | null;
  /** Fill colour class: `ok`, `over` (beyond 100%), or a monitoring state `red`, `amber`, `green`. */
  readonly tone?: 'ok' | 'red' | 'amber' | 'green';
  /** The words of the accessible label: `{rate} of 100%`, `time progress {tp}`. */
  readonly label: string;
}

const px = (v: number) => String(Math.round(v * 100) / 100);

/**
 * A bar as an inline `<svg>` element of {@link BAR_WIDTH} × 14 px on `scale` (percent): the
 * track, the rate (the part beyond 100% in the overspend colour), a line at 100%, a dashed mark
 * at time progress, and a cut mark when the rate runs past the scale. Empty for a rate that is
 * not a percentage.
 */
export function barSvg(bar: Bar, scale: number): string {
  const rate = percentValue(bar.rate);
  if (rate === null) return '';
  const x = (v: number) => (Math.max(0, Math.min(v, scale)) / scale) * BAR_WIDTH;
  const h = BAR_HEIGHT;
  const parts: string[] = [`<rect class="track" x="0" y="2" width="${BAR_WIDTH}" height="${h - 4}"/>`];
  const tone = bar.tone ?? 'ok';
  const within = Math.min(rate, 100);
  if (within > 0)
    parts.push(`<rect class="fill ${tone}" x="0" y="2" width="${px(x(within))}" height="${h - 4}"/>`);
  if (rate > 100) {
    parts.push(
      `<rect class="fill over" x="${px(x(100))}" y="2" width="${px(x(rate) - x(100))}" height="${h - 4}"/>`,
    );
  }
  if (rate > scale) {
    const e = BAR_WIDTH;
    parts.push(`<path class="cut" d="M${e - 7} ${h} L${e - 3} 0 M${e - 4} ${h} L${e} 0"/>`);
  }
  parts.push(`<line class="full" x1="${px(x(100))}" y1="0" x2="${px(x(100))}" y2="${h}"/>`);
  const tp = percentValue(bar.timeProgress);
  if (tp !== null) {
    parts.push(`<line class="time" x1="${px(x(tp))}" y1="0" x2="${px(x(tp))}" y2="${h}"/>`);
  }
  const label = escapeHtml(bar.label);
  return `<svg class="bar" width="${BAR_WIDTH}" height="${h}" viewBox="0 0 ${BAR_WIDTH} ${h}" role="img" aria-label="${label}"><title>${label}</title>${parts.join('')}</svg>`;
}
