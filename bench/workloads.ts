/**
 * Deterministic workloads for the benchmarks: indicators in the notations real reports print,
 * budget lines, and whole reports. Every figure is built from integers and printed as a string,
 * so the generator itself never rounds (no float ever decides a printed digit).
 */
import type { BudgetLine, Indicator, Report } from '../src/index.js';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function rng(seed: number): Rng {
  const next = prng(seed);
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

/** `units / 10^decimals` printed exactly: scaled(9374, 2) = "93.74", scaled(-5, 3) = "-0.005". */
export function scaled(units: number | bigint, decimals: number): string {
  const n = BigInt(units);
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${neg ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
}

/** Drops trailing zeros after the point ("8.08040" → "8.0804", "93.00" → "93"). */
function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Inserts thousands separators into the integer part ("1234.5" → "1,234.5"). */
function grouped(s: string, sep = ','): string {
  const [int, frac] = s.split('.') as [string, string | undefined];
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return frac === undefined ? g : `${g}.${frac}`;
}

/** ASCII → full-width digits, `%`, `>`, `<`, `=`, `.` (as some tables print them). */
function fullWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0x21 && c <= 0x7e && /[0-9%<>=.]/.test(ch) ? String.fromCharCode(c + 0xfee0) : ch;
  }
  return out;
}

/** One indicator of the workload. */
export interface IndicatorCase {
  readonly name: string;
  readonly target: string;
  readonly actual: string;
  /** Which notation family the generator drew (for error breakdowns). */
  readonly kind: IndicatorKind;
  /** The exact relative deviation in percent, when the generator constructed it (half-up edges). */
  readonly exactDeviation?: string;
}

export type IndicatorKind =
  | 'ge-percent'
  | 'eq-percent'
  | 'le-percent'
  | 'count-space'
  | 'count'
  | 'fullwidth'
  | 'words'
  | 'control'
  | 'suffix'
  | 'qualitative'
  | 'bare'
  | 'more-than'
  | 'amount'
  | 'half-up-edge'
  | 'zero-target'
  | 'range'
  | 'not-reported'
  | 'near-zero';

const NEUTRAL_NAMES = [
  '预算执行率',
  '政府采购执行率',
  '资金到位率',
  '项目验收合格率',
  '按时完成率',
  '服务对象满意度',
  '信息公开率',
  '培训覆盖率',
  '设备完好率',
  '任务完成率',
] as const;
const LOWER_BETTER_NAMES = [
  '预算调整率',
  '结转结余率',
  '公用经费控制率',
  '“三公经费”变动率',
  '投诉率',
] as const;
const COUNT_NAMES = ['开展培训次数', '检查企业数', '举办活动场次', '走访企业家次', '发放宣传材料'] as const;
const COUNT_UNITS = ['次', '家', '个', '人', '件', '场', '户'] as const;
const AMOUNT_NAMES = ['项目总投资', '招商引资到位金额', '发放补贴金额'] as const;
const QUALITATIVE = [
  ['健全', ['健全', '健全', '健全', '不健全', '较健全']],
  ['规范', ['规范', '规范', '不规范']],
  ['合理', ['合理', '合理']],
  ['明确', ['明确']],
  ['有效', ['有效', '有效', '基本有效']],
  ['较显著', ['较显著', '较显著', '显著', '一般']],
  ['显著', ['显著', '较显著']],
  ['有序推进', ['有序推进']],
  ['达成预期指标', ['达成预期指标', '达成预期指标', '部分达成预期指标']],
] as const;
const QUALITATIVE_NAMES = [
  '中长期规划制定健全性',
  '管理制度健全性',
  '绩效目标合理性',
  '社会效益',
  '经济效益',
] as const;

/** Percent with 0–2 decimals, as units of 0.01: 9374 → "93.74", 9300 → "93" or "93.00". */
function pct(r: Rng, hundredths: number): string {
  const s = scaled(hundredths, 2);
  return r.chance(0.3) ? s : trim(s);
}

/** The mix: kind, weight, generator. Weights sum to 100. */
const MIX: readonly (readonly [IndicatorKind, number, (r: Rng) => Omit<IndicatorCase, 'kind'>])[] = [
  [
    'ge-percent',
    14,
    (r) => {
      const t = r.pick([80, 85, 90, 95, 98, 100, 60, 75]);
      const op = r.pick(['≥', '>=', '≥', '≥']);
      return {
        name: r.pick(NEUTRAL_NAMES),
        target: `${op}${t}%`,
        actual: `${pct(r, r.int((t - 12) * 100, 10000))}%`,
      };
    },
  ],
  [
    'eq-percent',
    10,
    (r) => ({
      name: r.pick(NEUTRAL_NAMES),
      target: '=100%',
      actual: r.chance(0.6) ? '100%' : `${pct(r, r.int(8000, 9999))}%`,
    }),
  ],
  [
    'le-percent',
    6,
    (r) => {
      if (r.chance(0.4)) return { name: r.pick(LOWER_BETTER_NAMES), target: '<=0%', actual: '0%' };
      const t = r.pick([5, 10, 100, 20]);
      return {
        name: r.pick(LOWER_BETTER_NAMES),
        target: `${r.pick(['≤', '<='])}${t}%`,
        actual: `${pct(r, r.int(0, t * 130))}%`,
      };
    },
  ],
  [
    'count-space',
    6,
    (r) => {
      const t = r.int(1, 20);
      return { name: r.pick(COUNT_NAMES), target: `≥${t} 次`, actual: `${r.int(t, t * 3)} 次` };
    },
  ],
  [
    'count',
    6,
    (r) => {
      const t = r.pick([10, 50, 100, 200, 500, 1000]);
      const u = r.pick(COUNT_UNITS);
      return { name: r.pick(COUNT_NAMES), target: `≥${t}${u}`, actual: `${r.int(t / 2, t * 4)}${u}` };
    },
  ],
  [
    'fullwidth',
    4,
    (r) => {
      const t = r.pick([90, 95, 98]);
      const a = pct(r, r.int((t - 5) * 100, 10000));
      return {
        name: r.pick(NEUTRAL_NAMES),
        target: fullWidth(`>=${t}%`),
        actual: r.chance(0.5) ? fullWidth(`${a}%`) : `${a}%`,
      };
    },
  ],
  [
    'words',
    6,
    (r) => {
      if (r.chance(0.5)) {
        const t = r.pick([90, 95, 98]);
        return {
          name: r.pick(NEUTRAL_NAMES),
          target: `${r.pick(['不低于', '不少于', '至少', '大于等于'])}${t}%`,
          actual: `${pct(r, r.int((t - 8) * 100, 10000))}%`,
        };
      }
      const t = r.int(2, 30);
      const u = r.pick(COUNT_UNITS);
      return {
        name: r.pick(COUNT_NAMES),
        target: `${r.pick(['不少于', '至少', '不低于'])}${t}${u}`,
        actual: `${r.int(t - 1, t * 2)}${u}`,
      };
    },
  ],
  [
    'control',
    3,
    (r) => {
      const t = r.pick([5, 3, 10]);
      return {
        name: r.pick(LOWER_BETTER_NAMES),
        target: `控制在${t}%以内`,
        actual: `${pct(r, r.int(0, t * 120))}%`,
      };
    },
  ],
  [
    'suffix',
    3,
    (r) => {
      const t = r.pick([90, 95, 85]);
      return {
        name: r.pick(NEUTRAL_NAMES),
        target: `${t}%${r.pick(['以上', '及以上'])}`,
        actual: `${pct(r, r.int((t - 5) * 100, 10000))}%`,
      };
    },
  ],
  [
    'qualitative',
    12,
    (r) => {
      const [expected, actuals] = r.pick(QUALITATIVE);
      return { name: r.pick(QUALITATIVE_NAMES), target: expected, actual: r.pick(actuals) };
    },
  ],
  [
    'bare',
    8,
    (r) => {
      if (r.chance(0.3)) {
        const t = r.pick([5, 10, 3]);
        return {
          name: r.pick(LOWER_BETTER_NAMES),
          target: `${t}%`,
          actual: `${pct(r, r.int(0, t * 130))}%`,
        };
      }
      const t = r.pick([90, 95, 100, 99]);
      return {
        name: r.pick(NEUTRAL_NAMES),
        target: `${t}%`,
        actual: r.chance(0.2)
          ? pct(r, r.int((t - 8) * 100, 10000))
          : `${pct(r, r.int((t - 8) * 100, 10000))}%`,
      };
    },
  ],
  [
    'more-than',
    3,
    (r) => {
      const t = r.pick([100, 50, 200]);
      const u = r.pick(['次', '家', '人次']);
      return {
        name: r.pick(COUNT_NAMES),
        target: `≥${t}${u}`,
        actual: `${r.int(t, t * 2)}${r.pick(['余', '多'])}${u}`,
      };
    },
  ],
  [
    'amount',
    5,
    (r) => {
      const which = r.int(0, 2);
      if (which === 0) {
        // 1,234.5万元 against 1,300.25万元: thousands separators.
        const t = r.int(10000, 500000); // tenths of 万元
        const a = r.int(t * 8, t * 13); // hundredths
        return {
          name: r.pick(AMOUNT_NAMES),
          target: `≥${grouped(trim(scaled(t, 1)))}万元`,
          actual: `${grouped(scaled(a, 2))}万元`,
        };
      }
      if (which === 1) {
        const t = r.int(10, 500);
        return {
          name: r.pick(AMOUNT_NAMES),
          target: `≤${t}万元`,
          actual: `${trim(scaled(r.int(t * 60, t * 110), 2))}万元`,
        };
      }
      // 10万元 against 120000元: a conversion.
      const t = r.int(5, 200);
      return { name: r.pick(AMOUNT_NAMES), target: `≥${t}万元`, actual: `${r.int(t * 8000, t * 15000)}元` };
    },
  ],
  [
    'half-up-edge',
    8,
    (r) => {
      // (A − T) ÷ T × 100 = k / 1000 exactly, with k ending in 5: the third decimal is a 5.
      const t = r.pick([8, 16, 20, 25, 40, 50, 80, 100, 125, 200, 250, 400, 500]);
      const k = r.int(-4000, 6000) * 10 + 5;
      const a = BigInt(t) * 100000n + BigInt(t) * BigInt(k); // in units of 1e-5
      const unit = r.pick(['%', '%', '万元', '']);
      const op = r.pick(['≥', '=', '≥', '≤']);
      return {
        name: unit === '' ? r.pick(COUNT_NAMES) : r.pick(NEUTRAL_NAMES),
        target: `${op}${t}${unit}`,
        actual: `${trim(scaled(a, 5))}${unit}`,
        exactDeviation: trim(scaled(k, 3)),
      };
    },
  ],
  [
    'zero-target',
    3,
    (r) => ({
      name: r.pick(LOWER_BETTER_NAMES),
      target: '=0%',
      actual: r.chance(0.5) ? '0%' : `${pct(r, r.int(1, 5000))}%`,
    }),
  ],
  [
    'range',
    1,
    (r) => ({ name: r.pick(NEUTRAL_NAMES), target: '90%-95%', actual: `${pct(r, r.int(8500, 9900))}%` }),
  ],
  [
    'not-reported',
    1,
    (r) => ({
      name: r.pick(NEUTRAL_NAMES),
      target: r.pick(['≥90%', '=100%']),
      actual: r.pick(['/', '—', '']),
    }),
  ],
  [
    'near-zero',
    1,
    (r) => ({ name: r.pick(NEUTRAL_NAMES), target: '=100%', actual: `${scaled(r.int(99995, 99999), 3)}%` }),
  ],
];

const MIX_TOTAL = MIX.reduce((s, [, w]) => s + w, 0);

/** The share of each indicator notation in the workload, in percent. */
export const INDICATOR_MIX: readonly (readonly [IndicatorKind, number])[] = MIX.map(([k, w]) => [
  k,
  (w / MIX_TOTAL) * 100,
]);

/** `n` indicators in the notations real reports print, deterministic for a seed. */
export function generateIndicators(n: number, seed = 2023): IndicatorCase[] {
  const r = rng(seed);
  const out: IndicatorCase[] = [];
  for (let i = 0; i < n; i += 1) {
    let x = r.int(0, MIX_TOTAL - 1);
    let chosen = MIX[0] as (typeof MIX)[number];
    for (const m of MIX) {
      if (x < m[1]) {
        chosen = m;
        break;
      }
      x -= m[1];
    }
    out.push({ ...chosen[2](r), kind: chosen[0] });
  }
  return out;
}

/** One budget line of the workload: amounts as printed, in 万元. */
export interface BudgetCase {
  readonly adjusted: string;
  readonly actual: string;
  readonly kind: 'plain' | 'half-up-edge' | 'thousands' | 'spaces' | 'integer' | 'zero' | 'reference';
  /** The exact execution rate in percent, when the generator constructed it. */
  readonly exactRate?: string;
}

/** Budget lines of the reference report (苏州市商务服务中心 2023). */
const REFERENCE_LINES: readonly (readonly [string, string])[] = [
  ['321.19', '430.93'],
  ['263.98', '381.39'],
  ['57.21', '49.54'],
  ['1.2', '0.15'],
  ['4.5', '2.96'],
  ['45.93', '41.55'],
  ['2.16', '1.98'],
  ['1.5', '0.98'],
  ['1.92', '1.92'],
];

/** `n` budget lines (adjusted, actual), deterministic for a seed. */
export function generateBudgetLines(n: number, seed = 2024): BudgetCase[] {
  const r = rng(seed);
  const out: BudgetCase[] = [];
  for (let i = 0; i < n; i += 1) {
    const x = r.int(0, 99);
    if (x < 15) {
      // actual ÷ adjusted × 100 = r / 1000 exactly with r ending in 5; adjusted a multiple of 200.
      const j = r.int(1, 25);
      const q = r.int(3000, 12999);
      const rate = 10 * q + 5;
      out.push({
        adjusted: scaled(20000 * j, 2),
        actual: scaled(j * (2 * q + 1), 2),
        kind: 'half-up-edge',
        exactRate: trim(scaled(rate, 3)),
      });
    } else if (x < 25) {
      const adj = r.int(100000, 90000000);
      out.push({
        adjusted: grouped(scaled(adj, 2)),
        actual: grouped(scaled(Math.floor((adj * r.int(50, 115)) / 100), 2)),
        kind: 'thousands',
      });
    } else if (x < 27) {
      const adj = r.int(100000, 9000000);
      out.push({
        adjusted: grouped(String(adj), ' '),
        actual: grouped(String(Math.floor((adj * r.int(80, 110)) / 100)), ' '),
        kind: 'spaces',
      });
    } else if (x < 32) {
      const adj = r.int(1, 2000);
      out.push({ adjusted: String(adj), actual: String(r.int(0, adj)), kind: 'integer' });
    } else if (x < 33) {
      out.push({ adjusted: '0', actual: r.pick(['0', '0', '1.5']), kind: 'zero' });
    } else if (x < 35) {
      const [adjusted, actual] = r.pick(REFERENCE_LINES);
      out.push({ adjusted, actual, kind: 'reference' });
    } else {
      const adj = r.int(50, 500000); // hundredths of 万元
      out.push({
        adjusted: scaled(adj, 2),
        actual: scaled(Math.floor((adj * r.int(300, 1400)) / 1000), 2),
        kind: 'plain',
      });
    }
  }
  return out;
}

/**
 * The float figures a publisher's spreadsheet prints (parseFloat, ÷, toFixed): the published
 * deviations and rates of the generated reports, so the reports carry the errors real ones do.
 */
function floatDeviation(target: string, actual: string): string | null {
  const re = /^(?:≥|>=|≤|<=|=)?(\d+(?:\.\d+)?)\s*(%|次|万元)?$/;
  const t = re.exec(target);
  const a = re.exec(actual);
  if (!t || !a) return null;
  const tv = Number.parseFloat(t[1] as string);
  const av = Number.parseFloat(a[1] as string);
  if (tv === 0) return av === 0 ? '0%' : null;
  return `${(((av - tv) / tv) * 100).toFixed(2)}%`;
}

/**
 * A department report with `n` indicators (the reference report's shape): a budget tree of
 * 预算总金额 = 基本支出 + 项目支出 (three projects), sums consistent, published rates and
 * deviations computed the way a spreadsheet does (float, toFixed), a reason on most rows.
 */
export function generateReport(n: number, seed = 2025): Report {
  const r = rng(seed);
  const cents = () => r.int(10000, 9000000);
  const spend = (adj: number) => Math.floor((adj * r.int(600, 1200)) / 1000);
  interface Built {
    readonly line: BudgetLine;
    readonly adj: number;
    readonly act: number;
  }
  const line = (name: string, adj: number, act: number, children: readonly Built[] = []): Built => {
    const adjusted = scaled(adj, 2);
    const actual = scaled(act, 2);
    const rate = `${((Number.parseFloat(actual) / Number.parseFloat(adjusted)) * 100).toFixed(2)}%`;
    return {
      line: {
        name,
        initial: adjusted,
        adjusted,
        actual,
        published: { executionRate: rate },
        ...(children.length > 0 ? { children: children.map((c) => c.line) } : {}),
      },
      adj,
      act,
    };
  };
  const parent = (name: string, children: readonly Built[]): Built =>
    line(
      name,
      children.reduce((s, c) => s + c.adj, 0),
      children.reduce((s, c) => s + c.act, 0),
      children,
    );
  const projects = [1, 2, 3].map((i) => {
    const adj = cents();
    return line(`项目${i}`, adj, spend(adj));
  });
  const basicAdj = cents();
  const root = parent('预算总金额', [
    line('基本支出', basicAdj, spend(basicAdj)),
    parent('项目支出', projects),
  ]);
  const indicators: Indicator[] = generateIndicators(n, seed + 1).map((c, i) => {
    const deviation =
      c.kind === 'qualitative' && c.target === c.actual ? '0%' : floatDeviation(c.target, c.actual);
    return {
      path: ['分解目标', ['产出', '效益', '满意度', '过程'][i % 4] as string],
      name: c.name,
      target: c.target,
      actual: c.actual,
      source: '年度工作总结',
      reason: r.chance(0.7) ? '按计划完成' : '',
      ...(deviation === null ? {} : { published: { deviation } }),
    };
  });
  return {
    kind: 'department',
    title: `基准测试报告（${n} 项指标）`,
    entity: '基准测试单位',
    year: 2023,
    amountUnit: '万元',
    budget: [root.line],
    indicators,
  };
}
