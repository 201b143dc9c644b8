/**
 * The English message catalog: every finding's text, rendered from its code's parameters.
 */
import { formatPath } from '../findings.js';
import { CROSS_CHECK_FORMULAS } from './formulas.js';
import type { BudgetColumn, Catalog, RoundedFigure, RowRef, ScoreSubject } from './params.js';

/** A budget line as the subject of a sentence. */
const line = (name: string): string => (name === '' ? 'this line' : `"${name}"`);

/** An indicator row as the subject of a sentence: its name, or its path when it has none. */
const row = (r: RowRef): string => (r.name === '' ? `indicator ${formatPath(r.path)}` : `"${r.name}"`);

const subject = (s: ScoreSubject): string =>
  s.kind === 'indicator'
    ? `"${s.name}"`
    : s.kind === 'group'
      ? `group "${s.path.join(' / ')}"`
      : s.line === ''
        ? 'budget execution'
        : `"${s.line}" budget execution`;

const FIGURE: Readonly<Record<RoundedFigure, string>> = {
  'execution-rate': 'execution rate',
  'budget-sum': 'total',
  'adjusted-budget': 'adjusted budget',
  variance: 'variance',
  deviation: 'deviation',
  score: 'score',
  'total-score': 'total score',
  'cross-check': 'figure',
  'period-rate': 'execution rate to date',
};

const COLUMN: Readonly<Record<BudgetColumn, string>> = {
  initial: 'initial budget',
  adjustment: 'adjustment',
  adjusted: 'adjusted budget',
  actual: 'actual spending',
};

const unitWords = (unit: string | null): string =>
  unit === '%' ? ' percentage points' : unit ? ` ${unit}` : '';

/** The English texts of the finding codes. */
export const EN: Catalog = {
  'invalid-report': (p) => p.detail.en,
  'unparsable-target': (p) => p.detail.en,
  'unparsable-value': (p) =>
    p.kind === 'cell'
      ? p.detail.en
      : p.kind === 'not-a-percentage'
        ? `"${p.text}" is not a percentage`
        : `"${p.text}" is not a score`,
  'budget-adjusted-mismatch': (p) =>
    `${line(p.line)}: adjusted budget ${p.adjusted} ≠ initial ${p.initial} + adjustment ${p.adjustment} = ${p.expected}`,
  'budget-sum-mismatch': (p) =>
    `${line(p.line)}: ${p.column} ${p.published} ≠ the sum of its ${p.count} lines ${p.sum}${p.blanks > 0 ? ` (${p.blanks} of them print nothing in this column)` : ''}`,
  'execution-rate-mismatch': (p) =>
    `${line(p.line)}: printed execution rate ${p.published} ≠ actual ÷ adjusted = ${p.recomputed}${p.truncated ? ' (the printed figure looks truncated, not rounded half-up)' : ''}`,
  'execution-rate-undefined': (p) =>
    `${line(p.line)}: the adjusted budget is zero, so there is no execution rate${p.spent !== null ? ` (yet ${p.spent} was spent)` : ''}`,
  overspend: (p) =>
    p.basis === 'original'
      ? `${line(p.line)}: actual spending ${p.actual} is above the original budget ${p.budget} by ${p.excess}${p.rate !== null ? ` (${p.rate} of the original budget)` : ''}; the table prints no adjusted budget, so supplementary funding may cover it`
      : `${line(p.line)}: actual spending ${p.actual} exceeds the adjusted budget ${p.budget} by ${p.excess}${p.rate !== null ? ` (execution rate ${p.rate})` : ''}`,
  'variance-mismatch': (p) =>
    `${line(p.line)}: printed variance ${p.published} ≠ budget − actual = ${p.expected}`,
  'deviation-mismatch': (p) =>
    `${row(p.row)}: printed deviation ${p.published} ≠ recomputed ${p.recomputed}${p.relative ? ' ((actual − target) ÷ target)' : ' (actual − target)'}${
      p.hint === 'zero-when-met'
        ? " (the publisher prints 0 for a met target: option evaluate.metInequality: 'zero')"
        : p.hint === 'truncated'
          ? ' (the printed figure looks truncated, not rounded half-up)'
          : ''
    }`,
  'deviation-undefined': (p) =>
    `${row(p.row)}: a relative deviation "${p.published}" is printed, but the target is zero, so it does not exist; the absolute deviation is ${p.absolute}${unitWords(p.unit)}`,
  'target-not-met': (p) => `${row(p.row)}: target ${p.target} not met (actual ${p.actual})`,
  'reason-missing': (p) =>
    p.kind === 'not-met'
      ? `${row(p.row)}: the target ${p.target} was not met (actual ${p.actual}) and no reason is given`
      : `${row(p.row)}: achieved ${p.achieved} of the target ${p.target} (at or above ${p.threshold}%) and no reason is given for the over-achievement`,
  'unit-mismatch': (p) => {
    switch (p.kind) {
      case 'values':
        return p.detail.en;
      case 'column-not-a-unit':
        return `${row(p.row)}: the unit column "${p.unit}" is not a unit`;
      case 'column-differs':
        return `${row(p.row)}: the target prints unit "${p.own}" but the unit column says "${p.unit}"`;
      case 'deviation-unit':
        return `${row(p.row)}: the printed deviation "${p.published}" has a unit that is neither % nor the indicator's`;
      case 'name-unit':
        return `${row(p.row)}: the unit "${p.unit}" contradicts the name, which counts in ${p.named}`;
      case 'time-as-rate':
        return `${row(p.row)}: a time (完成时间) is given as the rate "${p.target}"`;
    }
  },
  'implicit-operator': (p) =>
    `${row(p.row)}: the target "${p.target}" prints no comparator; read as ${p.reading} (the indicator's natural direction)`,
  'needs-judgement': (p) => {
    switch (p.kind) {
      case 'evaluation':
        return `${row(p.row)}: ${p.detail.en}`;
      case 'deviation-text':
        return `${row(p.row)}: the printed deviation "${p.text}" is text, not a figure`;
      case 'deviation-without-values':
        return `${row(p.row)}: a deviation ${p.published} is printed, but ${p.missing === 'target' ? 'no target' : 'no actual value'} is`;
      case 'score-unchecked':
        return `${subject(p.subject)}: the printed score ${p.published} cannot be checked: ${p.detail.en}`;
      case 'score-without-weight':
        return `"${p.name}": a score is printed but no weight (分值), so it cannot be checked`;
      case 'status-word':
        return p.reading === 'partial'
          ? `${row(p.row)}: the printed status "${p.text}" says partly achieved, while the target and actual give met`
          : `${row(p.row)}: the printed status "${p.text}" is not a known status word (达成, 未达成, Achieved, Not achieved …), so it is not checked`;
    }
  },
  'over-achievement': (p) =>
    `${subject(p.subject)}: achieved ${p.achieved} of the target (≥ ${p.threshold}%): flagged for review, not deducted; was the target set too low?`,
  'cross-check-mismatch': (p) =>
    `"${p.name}" is printed as ${p.published}, but the report's own figures give ${p.recomputed}: ${CROSS_CHECK_FORMULAS[p.id].en}`,
  'score-mismatch': (p) =>
    `${subject(p.subject)}: printed score ${p.published} ≠ ${p.expected} (${p.explanation.en})${p.metBelowWeight ? '; a met target scores its full weight under every profile' : ''}`,
  'score-out-of-band': (p) =>
    `${subject(p.subject)}: printed score ${p.published} is outside its band ${p.band}: ${p.explanation.en}`,
  'total-score-mismatch': (p) =>
    p.kind === 'printed-sum'
      ? `the printed total ${p.published} is not the sum of the printed scores, ${p.expected}`
      : `the printed total ${p.published} is not what the scoring rules give, ${p.expected} (profile ${p.profile})`,
  'weight-sum-mismatch': (p) =>
    p.basis === 'default-split'
      ? `the weights (分值) of "${(p.group ?? []).join(' / ')}" sum to ${p.sum}, not the ${p.expected} of the default split (产出 50, 效益 30, 满意度 10, 预算执行率 10)`
      : p.group === undefined
        ? `the weights (分值) of the table sum to ${p.sum}, not ${p.expected}`
        : `the weights (分值) of the rows of group "${p.group.join(' / ')}" sum to ${p.sum}, not the group's ${p.expected}`,
  'grade-mismatch': (p) =>
    `the printed grade ${p.published} does not match the total ${p.total}: ${p.expected} (profile ${p.profile})`,
  'rounding-difference': (p) =>
    `${p.name === '' ? 'the report' : `"${p.name}"`}: the printed ${FIGURE[p.figure]} ${p.published} differs from ${p.recomputed} (computed from the printed inputs as exact) only by the rounding of those inputs: inputs that round to them give ${p.low} to ${p.high}`,
  'empty-report': (p) =>
    `nothing in this report can be checked: no budget lines, indicators, staffing or printed total${p.ignored.length > 0 ? ` (ignored keys: ${p.ignored.map((k) => `"${k}"`).join(', ')})` : ''}`,
  'unknown-field': (p) =>
    `the field "${p.key}" is not part of the report format and is ignored${p.nearest !== null ? `; did you mean "${p.nearest}"?` : ''}`,
  'status-mismatch': (p) =>
    `${row(p.row)}: the printed status "${p.published}" contradicts the target and actual, which give ${p.recomputed === 'met' ? 'met' : 'not met'}`,
  'score-above-weight': (p) =>
    `${subject(p.subject)}: the printed score ${p.published} is above its weight ${p.weight}`,
  'score-missing': (p) => `${subject(p.subject)}: a weight ${p.weight} is printed but no score`,
  'weights-incomplete': (p) =>
    p.sum === p.expected
      ? `the rows printed under ${p.missing.length > 0 ? p.missing.join(', ') : 'some groups'} fall short of their weights: the table looks incomplete, so no total and no grade are recomputed`
      : `the printed weights add up to ${p.sum} of ${p.expected}${p.missing.length > 0 ? ` (missing: ${p.missing.join(', ')})` : ''}: the table looks incomplete, so no total and no grade are recomputed`,
  'negative-amount': (p) => `${line(p.line)}: the ${COLUMN[p.column]} is negative (${p.value})`,
  'over-establishment': (p) =>
    `${p.actual} staff in post against ${p.authorized} authorised posts (在职人员控制率 ${p.rate}): above the establishment`,
  'staffing-invalid': (p) =>
    p.kind === 'zero-authorized'
      ? `the authorised staff (编制数) is ${p.authorized ?? 'zero'}, so there is no staff control rate${p.actual !== null ? ` (${p.actual} in post)` : ''}`
      : `a staff number is negative (authorised ${p.authorized ?? '—'}, in post ${p.actual ?? '—'})`,
  // PEFA datasets (assessPefa)
  'pefa-total-mismatch': (p) =>
    `${p.year}: the printed total expenditure ${p.column === 'budget' ? 'budget' : 'outturn'} ${p.published} ≠ the lines + interest + contingency = ${p.sum}`,
  'pefa-year-missing': (p) =>
    p.dimension === null
      ? `${p.year}: this fiscal year, one of the last three, is not in the dataset: it scores D`
      : `${p.year}: the figures of dimension ${p.dimension} are not given for this year: it scores D`,
  'pefa-insufficient-years': (p) =>
    p.dimension === null
      ? `only ${p.count} fiscal year${p.count === 1 ? '' : 's'} of data: PEFA scores the last three completed years, so every dimension is D* (insufficient information)`
      : `no year gives the figures of dimension ${p.dimension}: it is D* (insufficient information)`,
  'pefa-no-approved-budget': (p) =>
    `${p.year}: no budget was approved this year, so there is no original budget to compare with: the year scores D`,
  'pefa-undefined': (p) =>
    `${p.year}: dimension ${p.dimension} does not exist this year (${p.reason === 'zero-budget' ? 'the budget is zero' : 'the adjusted budgets sum to zero'}): the year counts as D`,
  'pefa-line-unreadable': (p) =>
    `${p.year}: ${p.line === '' ? 'a line' : `"${p.line}"`}: the ${p.column === 'budget' ? 'budget' : 'outturn'} "${p.text}" cannot be read (${p.detail.en}); the figures of this table and year are not computed`,
  'behind-schedule': (p) =>
    `${line(p.line)}: spending to date ${p.periodRate} against time progress ${p.timeProgress} (pace ${p.pace}, ${p.gap} points behind): ${p.state === 'red' ? 'red, well behind schedule' : p.state === 'amber' ? 'amber, behind schedule' : 'green'}`,
  'ahead-of-schedule': (p) =>
    `${line(p.line)}: spending to date ${p.periodRate} is ahead of time progress ${p.timeProgress} (pace ${p.pace})`,
  'period-rate-mismatch': (p) =>
    `${line(p.line)}: the printed execution rate to date ${p.published} is not spending to date ÷ budget, which gives ${p.recomputed}`,
  'period-rate-undefined': (p) =>
    `${line(p.line)}: the budget is zero, so there is no execution rate to date${p.spent !== null ? ` (${p.spent} spent)` : ''}`,
  'time-progress-mismatch': (p) =>
    `${line(p.line)}: the printed time progress ${p.published} is not the period's ${p.recomputed} (${p.convention === 'months' ? 'months elapsed ÷ 12' : 'days elapsed ÷ days of the year'})${p.other !== null ? `; it is the ${p.convention === 'months' ? 'days' : 'months'} convention's ${p.other}` : ''}`,
  'time-progress-undefined': (p) => `no time progress for this monitoring table: ${p.detail.en}`,
  'expected-execution-gap': (p) =>
    `${line(p.line)}: the full-year expected spending ${p.expected} is ${p.direction === 'below' ? 'below' : 'above'} the budget ${p.budget} (${p.rate})`,
  'likelihood-contradiction': (p) =>
    `${row(p.row)}: the printed likelihood "${p.likelihood}" (${p.reading}) contradicts the expected full-year value ${p.expected}, which ${p.status === 'met' ? 'meets' : 'misses'} the target ${p.target}`,
  'dimension-missing': (p) =>
    p.block.length === 1 && p.block[0] === '成本指标'
      ? 'no cost indicator (成本指标), neither under 产出指标 nor as its own block'
      : `no indicator under ${p.block.join(' / ')}`,
  'table-truncated': (p) =>
    `the table is cut off in its source: rules ${p.rules.join(', ')} (completeness) were not applied`,
  'target-missing': (p) =>
    p.kind === 'name'
      ? `indicator ${formatPath(p.row.path)} has no name`
      : p.kind === 'placeholder'
        ? `${row(p.row)}: the target "${p.target}" is still a template placeholder`
        : `${row(p.row)}: no target value${p.target === '' ? '' : ` ("${p.target}")`}`,
  'target-vague': (p) =>
    p.kind === 'grade'
      ? `${row(p.row)}: the target "${p.target}" is a grade of degree (${p.word}): graded, but not measurable without a scale`
      : `${row(p.row)}: the target "${p.target}" is vague: degree words (${p.word}) and no number or named grade`,
  'unit-missing': (p) =>
    p.kind === 'rate'
      ? `${row(p.row)}: the rate "${p.target}" is written without %`
      : p.kind === 'money'
        ? `${row(p.row)}: the unit cost "${p.target}" has no money unit (元, 万元)`
        : `${row(p.row)}: the target "${p.target}" is a bare number: no unit`,
  'cost-not-money': (p) =>
    p.kind === 'rate'
      ? `${row(p.row)}: the cost target "${p.target}" is a rate, not an amount of money`
      : p.kind === 'no-number'
        ? `${row(p.row)}: the cost target "${p.target}" has no amount`
        : `${row(p.row)}: the cost target "${p.target}" is not a money figure or a unit cost`,
  'cost-not-ceiling': (p) => `${row(p.row)}: the cost "${p.target}" is written as a floor (≥), not a ceiling`,
  'cost-over-funds': (p) =>
    p.kind === 'single'
      ? `${row(p.row)}: the cost ceiling ${p.cost} exceeds the funds ${p.funds}`
      : p.kind === 'standard'
        ? `${row(p.row)}: the cost ${p.cost} exceeds the expenditure standard ${p.standard}`
        : `the unit costs times their quantities (${p.terms.join('; ')}) make ${p.sum}, above the funds ${p.funds}`,
  'deadline-outside-period': (p) =>
    p.kind === 'no-date'
      ? `${row(p.row)}: the time target "${p.target}" gives no date or duration`
      : `${row(p.row)}: "${p.target}" falls outside the ${p.basis === 'period' ? 'implementation period' : 'budget year'} ${p.start} to ${p.end}`,
  'value-out-of-bounds': (p) =>
    p.kind === 'above-100'
      ? `${row(p.row)}: the target "${p.target}" is above 100%, which this rate cannot reach`
      : `${row(p.row)}: the target "${p.target}" can only mean =100%`,
  'target-below-standard': (p) =>
    p.kind === 'contradicts'
      ? `${row(p.row)}: the target "${p.target}" contradicts the standard printed with it (${p.standard})`
      : `${row(p.row)}: the target "${p.target}" is weaker than the standard printed with it (${p.standard})`,
  'target-below-last-year': (p) =>
    p.basis === 'previous-target'
      ? `${row(p.row)}: the target "${p.target}" is lower than the previous declaration's ${p.reference}`
      : `${row(p.row)}: the target "${p.target}" is below last year's actual ${p.reference}, and no reason is given`,
  'goal-indicator-mismatch': (p) =>
    `${row(p.row)}: the goal says ${p.context}${p.figure}, the target says "${p.target}"`,
  'funds-mismatch': (p) =>
    p.kind === 'sum'
      ? `the funds do not add up: ${p.parts.join(' + ')} = ${p.sum}, not the total ${p.total}`
      : p.kind === 'line'
        ? `the funds line ${p.parts.join('')} exceeds the total ${p.total}`
        : p.kind === 'tasks'
          ? `the task amounts of the 年度履职目标 (${p.parts.join(', ')}) sum to ${p.sum}, not the total ${p.total}`
          : `the funds lines (${p.parts.join(', ')}) sum to ${p.sum}, above the total ${p.total}`,
  'template-residue': (p) =>
    p.kind === 'footnote'
      ? `a footnote of the model table is left in: "${p.text}"`
      : `${p.row === null ? 'the table' : row(p.row)}: template ${p.kind === 'stars' ? 'stars' : 'placeholder'} "${p.text}" left in the name`,
  'process-measure-as-target': (p) =>
    `${row(p.row)}: ${p.measure} measures an input or the process, not an output or an effect`,
  'misfiled-indicator': (p) => `${row(p.row)}: filed under ${p.filed}, but it measures ${p.belongs}`,
};
