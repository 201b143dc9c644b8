/**
 * The review rules of one row (target-review-rules.md B, C 10–11, D, E, G): its target, unit,
 * comparator, cost form, date, bounds, standard, last year's actual and its filing.
 *
 * @internal
 */
import type { Dec } from '../core/decimal.js';
import { convertValue, parseQuantity, type Quantity, quantityUnit, quantityValue } from '../core/quantity.js';
import { hasDigit, isDigit, nameKey, normalizeText } from '../core/text.js';
import { lookupUnit } from '../core/units.js';
import { indicatorDirection } from '../figures/direction.js';
import { GRADE_SCALES } from '../figures/grades.js';
import { daysOf, formatDay, readDate, spanOf } from '../figures/period.js';
import { comparatorSymbol, parseTarget, type Target } from '../figures/target.js';
import { makeFinding } from '../model/messages/index.js';
import type { Emitter } from './review-emit.js';
import { hintedUnit, isRecord, type ReviewRow } from './review-read.js';

/** Degree and comparative words of rule 7 (target-review-rules.md). */
export const DEGREE_WORDS: readonly string[] = [
  '进一步',
  '提高',
  '提升',
  '改善',
  '增强',
  '加强',
  '明显',
  '显著',
  '稳步',
  '持续',
  '有所',
  '不断',
  '巩固',
  '逐步',
];

/** Words before a degree word that make it a yes/no standard (`无明显影响`, `不明显`). */
const NEGATIONS = ['无', '不', '未', '没有'];

/** Ends of names that are rates (a bare number there lacks its %). */
const RATE_ENDS = ['率', '比例', '比重', '占比', '满意度', '百分比'];

/** Rates that cannot exceed 100% (rule 14): shares of a whole. 完成率 and 增长率 can, and are not here. */
const BOUNDED_RATE_ENDS = [
  '满意度',
  '满意率',
  '合格率',
  '达标率',
  '覆盖率',
  '及时率',
  '知晓率',
  '成活率',
  '完好率',
  '到位率',
  '公开率',
  '办结率',
  '参保率',
  '接种率',
  '免疫率',
  '正确率',
  '准确率',
  '通过率',
  '验收率',
  '优良率',
  '出勤率',
  '受灾率',
  '发生率',
];

/** Ends of names that name a time (rule 13): a date or a duration is expected. */
const TIME_NAME_ENDS = ['完成时间', '时间', '时限', '日期', '期限', '周期', '工期', '日前'];

/** Input and process measures of rule 21. */
const PROCESS_MEASURES = ['资金到位率', '资金下达率', '预算执行率', '成本控制率'];

/** Quality rates and time measures that do not belong under 数量指标 (rule 22). */
const QUALITY_ENDS = ['成活率', '合格率', '达标率', '优良率', '完好率', '验收合格率', '通过率'];
const TIME_ENDS = ['及时率', '时效', '时限', '完成时间', '周期'];

/** The period time targets must fall in (rule 13). */
export interface ReviewPeriod {
  readonly start: number;
  readonly end: number;
  readonly startYear: number;
  readonly basis: 'period' | 'year';
}

/** Reads the printed period, or the budget year when none is printed; null when neither is known. */
export function periodOf(project: unknown, year: number | null): ReviewPeriod | null {
  const period = isRecord(project) && isRecord(project.period) ? project.period : null;
  const start = period !== null && typeof period.start === 'string' ? readDate(period.start) : null;
  const end = period !== null && typeof period.end === 'string' ? readDate(period.end) : null;
  if (start !== null && end !== null) {
    const a = daysOf(start, year);
    const b = daysOf(end, start.year ?? year);
    if (a !== null && b !== null && a.first <= b.last) {
      return { start: a.first, end: b.last, startYear: Math.floor(a.first / 10000), basis: 'period' };
    }
  }
  if (year === null) return null;
  return { start: year * 10000 + 101, end: year * 10000 + 1231, startYear: year, basis: 'year' };
}

const endsWithAny = (key: string, ends: readonly string[]): string | undefined =>
  ends.find((e) => key.endsWith(e));

/** A comparison target as printed back: `≥90%`. */
export function reading(t: Target & { kind: 'comparison' }): string {
  return `${comparatorSymbol(t.operator)}${t.value.value}${t.value.moreThan ? '余' : ''}${t.value.unit ?? ''}`;
}

/** Runs the row rules on one row. */
export function checkRow(row: ReviewRow, e: Emitter, period: ReviewPeriod | null): void {
  const { ref, path } = row;
  const targetPath = [...path, 'target'];
  // Rule 6: a name and a value.
  if (nameKey(row.name) === '')
    e.emit('6', 'target-missing', [...path, 'name'], { row: ref, kind: 'name', target: row.targetText });
  if (row.kind === 'empty') {
    const placeholder = row.targetText.includes('*') && normalizeText(row.targetText).includes('**');
    e.emit('6', 'target-missing', targetPath, {
      row: ref,
      kind: placeholder ? 'placeholder' : 'value',
      target: row.targetText,
    });
  }
  checkResidue(row, e);
  checkProcess(row, e);
  checkFiling(row, e);
  if (row.kind === 'empty') return;
  if (row.kind === 'unparsable' && !row.parsed.ok) {
    e.plain(makeFinding('unparsable-target', targetPath, { detail: row.parsed.message }));
  }
  checkVague(row, e);
  checkUnit(row, e);
  checkOperator(row, e);
  checkCost(row, e);
  checkTime(row, e, period);
  checkBounds(row, e);
  checkStandard(row, e);
  checkLastYear(row, e);
}

function checkVague(row: ReviewRow, e: Emitter): void {
  if (row.kind !== 'qualitative' || row.target?.kind !== 'qualitative') return;
  const key = row.target.expected;
  if (hasDigit(key)) return;
  const words = DEGREE_WORDS.filter((w) => {
    let at = key.indexOf(w);
    while (at >= 0) {
      const here = at;
      if (!NEGATIONS.some((n) => here >= n.length && key.startsWith(n, here - n.length))) return true;
      at = key.indexOf(w, at + 1);
    }
    return false;
  });
  if (words.length === 0) return;
  // In printed order: 巩固、提高 of 巩固提高.
  const word = words.sort((a, b) => key.indexOf(a) - key.indexOf(b)).join('、');
  // 显著 / 较显著 / 明显 are grades of a scale as well as degree words: read two ways, info.
  const grade = GRADE_SCALES.some((scale) => scale.includes(key));
  e.emit(
    '7',
    'target-vague',
    [...row.path, 'target'],
    { row: row.ref, target: row.targetText, word, kind: grade ? 'grade' : 'degree' },
    { note: grade },
  );
}

/**
 * The figure a name ends with: digits (with one point) followed by at most `unitChars` CJK
 * characters, or `%` (`村组干部230人` → `230人`, `达标率100%` → `100%`); null when none. A scan
 * from the end, no backtracking.
 */
function trailingFigure(key: string, unitChars: number): string | null {
  let i = key.length;
  if (key.endsWith('%')) i -= 1;
  else {
    let n = 0;
    while (i > 0 && n < unitChars && /[\u4e00-\u9fff]/u.test(key[i - 1] as string)) {
      i -= 1;
      n += 1;
    }
    if (n === 0) return null;
  }
  let j = i;
  while (j > 0 && (isDigit(key[j - 1]) || (key[j - 1] === '.' && isDigit(key[j - 2])))) j -= 1;
  if (j === i || key[j] === '.') return null;
  return key.slice(j);
}

/** The count unit a name carries at its end (`村组干部230人` → 人), or null. */
function namedUnit(key: string): string | null {
  const figure = trailingFigure(key, 2);
  if (figure === null) return null;
  const q = parseQuantity(figure);
  if (!q.ok || q.quantity?.unit == null) return null;
  const u = lookupUnit(q.quantity.unit);
  return u?.dimension.startsWith('count:') ? u.symbol : null;
}

function checkUnit(row: ReviewRow, e: Emitter): void {
  const t = row.target;
  const path = [...row.path, 'target'];
  if (row.badUnit !== null) {
    e.emit('8b', 'unit-mismatch', [...row.path, 'unit'], {
      kind: 'column-not-a-unit',
      row: row.ref,
      unit: row.badUnit,
    });
    return;
  }
  if (row.unitCost !== null) {
    const a = row.unitCost.amount;
    if (a.ok && a.target?.kind === 'comparison' && a.target.value.unit === null) {
      e.emit('8a', 'unit-missing', path, { row: row.ref, target: row.targetText, kind: 'money' });
    }
    return;
  }
  if (t === null || t.kind === 'qualitative') return;
  const value = t.kind === 'comparison' ? t.value : t.min;
  const key = row.key;
  if (value.unit === null) {
    const rate = endsWithAny(key, RATE_ENDS) !== undefined || hintedUnit(row.name) === '%';
    e.emit('8a', 'unit-missing', path, {
      row: row.ref,
      target: row.targetText,
      kind: rate ? 'rate' : 'count',
    });
    return;
  }
  const own = lookupUnit(value.unit);
  if (own === null) return;
  const named = namedUnit(key);
  if (named !== null && own.dimension.startsWith('count:') && own.symbol !== named) {
    e.emit('8b', 'unit-mismatch', path, { kind: 'name-unit', row: row.ref, unit: value.unit, named });
    return;
  }
  const hint = hintedUnit(row.name);
  const hinted = hint === null ? null : lookupUnit(normalizeText(hint));
  if (hinted !== null && hinted.dimension !== own.dimension && !hint?.includes('/')) {
    e.emit('8b', 'unit-mismatch', path, {
      kind: 'name-unit',
      row: row.ref,
      unit: value.unit,
      named: hinted.symbol,
    });
    return;
  }
  if (own.symbol === '%' && endsWithAny(key, TIME_NAME_ENDS) !== undefined) {
    e.emit('8b', 'unit-mismatch', path, { kind: 'time-as-rate', row: row.ref, target: row.targetText });
  }
}

function checkOperator(row: ReviewRow, e: Emitter): void {
  const t = row.target;
  if (t?.kind !== 'comparison' || !t.implicit || row.band) return;
  const per = row.unitCost === null ? '' : `/${row.unitCost.per}`;
  e.emit('9', 'implicit-operator', [...row.path, 'target'], {
    row: row.ref,
    target: row.targetText,
    reading: `${reading(t)}${per}`,
  });
}

function checkCost(row: ReviewRow, e: Emitter): void {
  if (!row.costMoney) return;
  const path = [...row.path, 'target'];
  const t = row.target;
  if (
    row.kind === 'qualitative' ||
    row.kind === 'deadline' ||
    (row.kind === 'unparsable' && !hasDigit(row.targetText))
  ) {
    e.emit('10', 'cost-not-money', path, { row: row.ref, target: row.targetText, kind: 'no-number' });
    return;
  }
  if (t?.kind !== 'comparison') return;
  if (row.unitCost === null && row.money === null && t.value.unit !== null) {
    const rate = t.value.unit === '%';
    e.emit(
      '10',
      'cost-not-money',
      path,
      { row: row.ref, target: row.targetText, kind: rate ? 'rate' : 'other' },
      { note: rate },
    );
    return;
  }
  if (
    (row.money !== null || row.unitCost !== null) &&
    !t.implicit &&
    (t.operator === '>=' || t.operator === '>')
  ) {
    e.emit('11', 'cost-not-ceiling', path, { row: row.ref, target: row.targetText });
  }
}

function checkTime(row: ReviewRow, e: Emitter, period: ReviewPeriod | null): void {
  const path = [...row.path, 'target'];
  const namesTime = endsWithAny(row.key, TIME_NAME_ENDS) !== undefined;
  if (row.time !== null) {
    if (period === null) return;
    // A date printed without its year (`6月前`) is read in each year of the period: inside when
    // any reading is (a two-year period makes `1月` either year).
    const time = row.time;
    const yearless = time.kind === 'span' ? time.from.year === null : time.date.year === null;
    const lastYear = yearless
      ? Math.min(Math.floor(period.end / 10000), period.startYear + 100)
      : period.startYear;
    let inside = false;
    for (let y = period.startYear; y <= lastYear && !inside; y += 1) {
      const span = spanOf(time, y);
      inside =
        span !== null &&
        span.last <= period.end &&
        span.last >= period.start &&
        (span.first === null || span.first >= period.start);
    }
    if (!inside) {
      e.emit('13', 'deadline-outside-period', path, {
        row: row.ref,
        target: row.targetText,
        kind: 'outside',
        start: formatDay(period.start),
        end: formatDay(period.end),
        basis: period.basis,
      });
    }
    return;
  }
  // Rule 13 asks for a date of the 时效 rows that name a time (a table without levels: any row).
  const timeRow = row.level2 === 'time' || (row.level2 === null && row.level1 === null);
  if (!namesTime || !timeRow || row.cost) return;
  const t = row.target;
  if (t?.kind === 'comparison' || t?.kind === 'range') {
    // A duration (3个月, 180天) or a number whose unit rule 8 already judges.
    return;
  }
  e.emit('13', 'deadline-outside-period', path, {
    row: row.ref,
    target: row.targetText,
    kind: 'no-date',
    start: null,
    end: null,
    basis: period?.basis ?? 'year',
  });
}

function checkBounds(row: ReviewRow, e: Emitter): void {
  const t = row.target;
  if (t?.kind !== 'comparison' || t.value.unit !== '%' || row.band) return;
  if (endsWithAny(row.key, BOUNDED_RATE_ENDS) === undefined) return;
  if (indicatorDirection(row.key, row.category).lowerIsBetter) return;
  const v = quantityValue(t.value);
  const path = [...row.path, 'target'];
  if (t.operator === '<=' || t.operator === '<') return;
  if (v.gt(100) || (v.equals(100) && t.operator === '>')) {
    e.emit('14', 'value-out-of-bounds', path, { row: row.ref, target: row.targetText, kind: 'above-100' });
  } else if (v.equals(100) && t.operator === '>=' && !t.implicit) {
    e.emit(
      '14',
      'value-out-of-bounds',
      path,
      { row: row.ref, target: row.targetText, kind: 'at-least-100' },
      { note: true },
    );
  }
}

/** The figure a standard prints (`90%(计划标准)`, `历史标准95%`), or null when it prints none. */
function standardFigure(row: ReviewRow): { q: Quantity; text: string } | null {
  const raw = typeof row.source.standard === 'string' ? row.source.standard : null;
  const candidates: string[] = [];
  if (raw !== null && hasDigit(raw))
    candidates.push(
      normalizeText(raw)
        .replace(/\([^()]*\)/gu, '')
        .trim(),
    );
  const inName = row.key.endsWith('%') ? trailingFigure(row.key, 0) : null;
  if (inName !== null) candidates.push(inName);
  for (const text of candidates) {
    const r = parseTarget(text, { name: row.key, path: row.category });
    if (r.ok && r.target?.kind === 'comparison') return { q: r.target.value, text: raw ?? text };
  }
  return null;
}

function checkStandard(row: ReviewRow, e: Emitter): void {
  const t = row.target;
  if (t?.kind !== 'comparison') return;
  const std = standardFigure(row);
  // A cost against a money standard (预算支出标准) is rule 12's.
  if (std === null || (row.cost && lookupUnit(std.q.unit ?? '')?.dimension === 'money')) return;
  const path = [...row.path, 'target'];
  const a = quantityValue(t.value);
  const b = convertValue(quantityValue(std.q), quantityUnit(std.q), quantityUnit(t.value));
  const sameUnit = (t.value.unit === null) === (std.q.unit === null) && b !== null;
  if (!sameUnit || b === null) {
    if (!a.equals(quantityValue(std.q))) {
      e.emit('15', 'target-below-standard', path, {
        row: row.ref,
        target: row.targetText,
        standard: std.text,
        kind: 'contradicts',
      });
    }
    return;
  }
  const lower = t.operator === '<=' || t.operator === '<';
  if (lower ? a.gt(b) : a.lt(b)) {
    e.emit('15', 'target-below-standard', path, {
      row: row.ref,
      target: row.targetText,
      standard: std.text,
      kind: 'weaker',
    });
  }
}

function checkLastYear(row: ReviewRow, e: Emitter): void {
  const t = row.target;
  if (t?.kind !== 'comparison' || t.operator === '<=' || t.operator === '<') return;
  if (indicatorDirection(row.key, row.category).lowerIsBetter) return;
  const below = (q: Quantity | null): boolean => {
    if (q === null) return false;
    const v: Dec | null = convertValue(quantityValue(q), quantityUnit(q), quantityUnit(t.value));
    return v !== null && quantityValue(t.value).lt(v);
  };
  const path = [...row.path, 'target'];
  const last = row.source.lastYear;
  if (typeof last === 'string' || typeof last === 'number') {
    const q = parseQuantity(last);
    const reason = typeof row.source.reason === 'string' ? row.source.reason.trim() : '';
    if (q.ok && below(q.quantity) && reason === '') {
      e.emit('16', 'target-below-last-year', path, {
        row: row.ref,
        target: row.targetText,
        reference: String(last),
        basis: 'last-year-actual',
      });
      return;
    }
  }
  // A continuing project's target lowered against its previous declaration: info (the note).
  const previous = row.source.previousTarget;
  if (typeof previous === 'string' || typeof previous === 'number') {
    const p = parseTarget(previous, { name: row.key, path: row.category });
    if (p.ok && p.target?.kind === 'comparison' && below(p.target.value)) {
      e.emit(
        '16',
        'target-below-last-year',
        path,
        { row: row.ref, target: row.targetText, reference: String(previous), basis: 'previous-target' },
        { note: true },
      );
    }
  }
}

function checkResidue(row: ReviewRow, e: Emitter): void {
  const s = normalizeText(row.name);
  const stars = /[★☆]+/u.exec(s);
  const at = s.indexOf('**');
  const open = at < 0 ? -1 : s.lastIndexOf('(', at);
  const close = at < 0 ? -1 : s.indexOf(')', at);
  const hint = at < 0 ? undefined : open >= 0 && close > at ? s.slice(open, close + 1) : '**';
  if (stars === null && hint === undefined) return;
  const text = [stars?.[0], hint].filter((x): x is string => x !== undefined).join(' ');
  e.emit('20', 'template-residue', [...row.path, 'name'], {
    row: row.ref,
    kind: stars !== null ? 'stars' : 'placeholder',
    text,
  });
}

function checkProcess(row: ReviewRow, e: Emitter): void {
  const measure = endsWithAny(row.key, PROCESS_MEASURES);
  if (measure === undefined) return;
  e.emit('21', 'process-measure-as-target', [...row.path, 'name'], { row: row.ref, measure });
}

function checkFiling(row: ReviewRow, e: Emitter): void {
  if (row.level2 !== 'quantity') return;
  const filed = row.category[1] ?? '数量指标';
  if (endsWithAny(row.key, QUALITY_ENDS) !== undefined) {
    e.emit('22', 'misfiled-indicator', [...row.path, 'path'], { row: row.ref, filed, belongs: '质量指标' });
  } else if (endsWithAny(row.key, TIME_ENDS) !== undefined) {
    e.emit('22', 'misfiled-indicator', [...row.path, 'path'], { row: row.ref, filed, belongs: '时效指标' });
  }
}
