/**
 * The report's facts printed outside its tables: `key,value` rows (or `key：value` in one cell,
 * as PDF text prints them) for the title, entity, year, kind, money unit, staffing, total score
 * and grade. The keys are matched like headers (width, script, spaces and punctuation
 * normalised), after a leading section number (`一、预算部门名称：…`).
 *
 * @internal
 */
import { type Messages, normalizeWidth } from 'outturn';
import { headerKey } from './headers.js';
import { kindOf } from './lines.js';
import { isMonitoringTitle, type Period, periodOf, readMonitoringTitle, recordPeriod } from './monitoring.js';
import type { Sheet } from './sheet.js';

/** Facts about the report printed outside its tables, as they will appear in the report JSON. */
export interface Meta {
  title?: string;
  entity?: string;
  year?: number;
  kind?: 'department' | 'project';
  /** The money unit as printed (`万元`, `千元`, `R'000` …): any unit, DESIGN §3. */
  amountUnit?: string;
  source?: string;
  authorized?: string;
  actualStaff?: string;
  staffingNote?: string;
  totalScore?: string;
  grade?: string;
  /**
   * Which row gave `entity`: 实施单位 (the unit that carried the project out) wins over 主管部门
   * (the department above it), whatever their order; any other entity row overrides both.
   */
  entityFrom?: 'implementer' | 'department' | 'entity';
  /**
   * A monitoring table (绩效运行监控表): its title says 监控, or a header names a monitoring column
   * (1-6月执行数, 全年预计执行数, 序时进度, 完成目标可能性 …). The report's `kind` is then `monitoring`.
   */
  monitoring?: boolean;
  /** The period of a monitoring table's figures (monitoring.ts). */
  period?: Period;
}

/** The facts a `key,value` row can give. */
export type FactKey =
  | 'title'
  /** 项目名称: the project's name, the title of a project form (and its kind). */
  | 'project'
  | 'entity'
  /** 实施单位: the entity of a project form. */
  | 'implementer'
  /** 主管部门: the entity of a project form that prints no 实施单位. */
  | 'department'
  | 'year'
  | 'kind'
  | 'amountUnit'
  | 'authorized'
  | 'actualStaff'
  | 'source'
  | 'totalScore'
  | 'grade'
  /**
   * Vote: the appropriation an English budget names its spending entity by (`Vote:517 Kamuli
   * District`, Uganda's quarterly reports, whose page head adds the quarter): the entity.
   */
  | 'vote'
  /** 监控期间 / 监控时点: the period of a monitoring table's figures (`2023年1-6月`, `截至6月30日`). */
  | 'period'
  /** 负责人, 联系电话, 财政处室: whom to ask (a person, a number, an office), no field of the report JSON. */
  | 'contact';

/** One `key | value` pair of a row: the fact it names and its value, trimmed (empty in a blank template). */
export interface FactPair {
  readonly key: FactKey;
  readonly value: string;
  /** 0-based column of the key cell. */
  readonly column: number;
}

/**
 * A `key,value` row: the fact it names and its value (its first pair), and every pair of the
 * row (`主管部门 | 廊坊市发改委 | 实施单位 | 廊坊市食品工程学校` has two).
 */
export interface FactRow {
  readonly key: FactKey;
  readonly value: string;
  readonly pairs: readonly FactPair[];
}

const FACT_WORDS: readonly (readonly [FactKey, readonly string[]])[] = [
  ['title', ['标题', '报告名称', '报告标题', '表名', 'title', 'reporttitle']],
  ['project', ['项目名称', '项目全称', '专项资金名称']],
  ['implementer', ['实施单位', '项目实施单位', '实施部门', '项目实施部门', '项目执行单位', '执行单位']],
  [
    'department',
    [
      '主管部门',
      '项目主管部门',
      '主管单位',
      '项目主管单位',
      '主管部门及代码',
      '县级主管部门',
      '市级主管部门',
    ],
  ],
  [
    'entity',
    [
      '单位',
      '单位名称',
      '预算单位',
      '预算单位名称',
      '预算部门',
      '预算部门名称',
      '部门名称',
      '单位名称',
      'entity',
      'department',
      'organisation',
      'organization',
      'agency',
    ],
  ],
  ['year', ['年度', '年份', '预算年度', '评价年度', 'year', 'financialyear', 'fiscalyear']],
  ['kind', ['类型', '报告类型', '评价类型', 'kind', 'reporttype', 'type']],
  ['amountUnit', ['金额单位', 'amountunit', 'currencyunit']],
  [
    'authorized',
    ['编制数', '编制人数', '核定编制', '核定编制数', '编制', 'authorizedstaff', 'authorisedstaff'],
  ],
  [
    'actualStaff',
    ['实际在职人数', '实有人数', '在职人数', '实际人数', '实际用编人数', 'actualstaff', 'staffinpost'],
  ],
  ['source', ['来源', '报告来源', '出处', 'source']],
  ['totalScore', ['总分', '自评得分', '自评总分', '评价得分', 'totalscore']],
  ['grade', ['等级', '评价等级', '自评等级', 'grade']],
  ['vote', ['vote']],
  [
    'period',
    [
      '监控期间',
      '监控时段',
      '监控时点',
      '监控截止时间',
      '监控截止日期',
      '监控周期',
      '数据截止时间',
      '数据截止日期',
      'monitoringperiod',
      'reportingperiod',
      'periodcovered',
    ],
  ],
  [
    'contact',
    [
      '负责人',
      '项目负责人',
      '负责人及电话',
      '项目负责人及电话',
      '联系人',
      '部门联系人',
      '联系电话',
      '联系人及电话',
      '填报人',
      '财政处室',
    ],
  ],
];

const FACT_MAP: ReadonlyMap<string, FactKey> = (() => {
  const m = new Map<string, FactKey>();
  for (const [key, words] of FACT_WORDS) for (const w of words) m.set(headerKey(w).stripped, key);
  return m;
})();

/** The fact a key cell names (`一、预算部门名称：`, `实施单位`), or undefined. */
function factKey(text: string): FactKey | undefined {
  const key = normalizeWidth(text)
    .trim()
    .replace(/^[一二三四五六七八九十]+[、.]\s*/, '')
    .replace(/[:：]\s*$/, '');
  return FACT_MAP.get(headerKey(key).stripped);
}

/**
 * A row of label cells each followed by its value cell, as the forms print their heading
 * rows: `主管部门 | 廊坊市发改委 | 实施单位 | 廊坊市食品工程学校` (merged value cells leave the
 * cells they cover empty, which are skipped). Every label must name a fact; a last label with
 * no value is a template left blank. Null for any other row.
 */
function pairsOf(sheet: Sheet, r: number, cells: readonly number[]): FactPair[] | null {
  const pairs: FactPair[] = [];
  for (let k = 0; k < cells.length; k += 2) {
    const c = cells[k] as number;
    const text = sheet.text(r, c);
    const key = factKey(text);
    if (key === undefined) {
      // A label and its value in one cell among the pairs (`自评总分：95`, Hubei's heading row).
      const colon = text.search(/[:：]/);
      const inCell = colon > 0 ? factKey(text.slice(0, colon)) : undefined;
      if (inCell === undefined) return null;
      pairs.push({ key: inCell, value: text.slice(colon + 1).trim(), column: c });
      k -= 1;
      continue;
    }
    const v = cells[k + 1];
    // `主管部门 | (blank) | 财政处室 | …` (Chongqing's form left partly blank): a label after an
    // empty cell of its own is the next label, not this one's value.
    if (
      v !== undefined &&
      v - c > 1 &&
      !sheet.isCovered(r, c + 1) &&
      factKey(sheet.text(r, v)) !== undefined
    ) {
      pairs.push({ key, value: '', column: c });
      k -= 1;
      continue;
    }
    pairs.push({ key, value: v === undefined ? '' : sheet.text(r, v), column: c });
  }
  return pairs;
}

/**
 * The fact a row states, or null: two cells `key,value` (not in PDF text), label–value pairs
 * (`主管部门 | … | 实施单位 | …`, PDF text too), one cell `key：value`, or a template's key alone
 * in the first cell (`年度,` left blank).
 */
export function factOf(sheet: Sheet, r: number): FactRow | null {
  const cells = sheet.filled(r);
  let key: string;
  let value: string;
  if (cells.length >= 3) {
    const pairs = pairsOf(sheet, r, cells);
    const first = pairs?.[0];
    if (pairs === null || first === undefined) return null;
    return { key: first.key, value: first.value, pairs };
  }
  if (cells.length === 2 && !sheet.isText) {
    key = sheet.text(r, cells[0] as number);
    value = sheet.text(r, cells[1] as number);
    // `主管部门 | | 实施单位 |` of a form left blank: two labels with an empty value cell between
    // them (`Kind,department` is a label and its value).
    const gap =
      (cells[1] as number) - (cells[0] as number) > 1 && !sheet.isCovered(r, (cells[0] as number) + 1);
    const second = gap ? factKey(value) : undefined;
    const firstKey = factKey(key);
    if (second !== undefined && firstKey !== undefined) {
      return {
        key: firstKey,
        value: '',
        pairs: [
          { key: firstKey, value: '', column: cells[0] as number },
          { key: second, value: '', column: cells[1] as number },
        ],
      };
    }
  } else if (cells.length === 1) {
    const s = sheet.text(r, cells[0] as number);
    const colon = s.search(/[:：]/);
    if (colon > 0) {
      key = s.slice(0, colon);
      value = s.slice(colon + 1).trim();
    } else if (!sheet.isText && (cells[0] as number) === 0) {
      // A template's `年度,` left blank: the key alone.
      key = s;
      value = '';
    } else {
      return null;
    }
  } else {
    return null;
  }
  const k = factKey(key);
  if (k === undefined) return null;
  return { key: k, value, pairs: [{ key: k, value, column: cells[0] as number }] };
}

/**
 * Records a fact row in `meta` (a later row overrides an earlier one). A blank value records
 * nothing; a unit given as the entity (`单位,万元`, `单位：千元`) is the money unit (a money unit
 * is never the name of a reporting unit). Returns why when the value cannot be read (a year
 * without four digits, an unknown kind): then nothing is recorded.
 */
export function recordFact(meta: Meta, fact: FactRow): Messages | null {
  let first: Messages | null = null;
  for (const pair of fact.pairs) {
    const problem = recordPair(meta, pair);
    first ??= problem;
  }
  return first;
}

function recordPair(meta: Meta, { key, value }: FactPair): Messages | null {
  // A template's fact left blank (`年度,`): nothing to import.
  if (value === '') return null;
  if (key === 'entity' && isMoneyUnit(value)) return recordValue(meta, 'amountUnit', value);
  switch (key) {
    case 'contact':
      // The forms' heading rows print who answers for the table (项目负责人 | 孙章勇): listed.
      return {
        en: 'whom to ask (负责人, 联系电话, 财政处室), which the report JSON has no field for: not imported',
        zh: '联系人、联系电话或财政处室，报告 JSON 中没有对应字段：未导入',
      };
    case 'project':
      // The project forms name the project in a 项目名称 row: the report's title, and its kind.
      meta.title = value;
      meta.kind ??= 'project';
      return null;
    case 'implementer':
      meta.entity = value;
      meta.entityFrom = 'implementer';
      return null;
    case 'department':
      if (meta.entityFrom === 'implementer' || meta.entityFrom === 'entity') return null;
      meta.entity = value;
      meta.entityFrom = 'department';
      return null;
    case 'entity':
      meta.entity = value;
      meta.entityFrom = 'entity';
      return null;
    case 'vote': {
      // `517 Kamuli District Quarter4`: the vote's number, the entity, the period of the page.
      const entity = value
        .replace(/^\d+\s*/, '')
        .replace(/\b(?:Quarter|Q) ?\d\s*$/i, '')
        .trim();
      if (entity === '' || meta.entityFrom === 'implementer' || meta.entityFrom === 'entity') return null;
      meta.entity = entity;
      meta.entityFrom = 'entity';
      return null;
    }
    default:
      return recordValue(meta, key, value);
  }
}

/** The period a 监控期间 fact gives: a period phrase, or a bare date (`2023年6月30日`, `2023-06-30`). */
function periodFact(value: string): Period | null {
  const phrase = periodOf(value);
  if (phrase !== null) return phrase.period;
  const bare = /^(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?$/.exec(
    normalizeWidth(value).replace(/\s+/g, ''),
  );
  return bare === null ? null : (periodOf(`截至${bare[1]}年${bare[2]}月${bare[3]}日`)?.period ?? null);
}

/**
 * A money unit as a `单位` cell prints it: 元 with a scale (`千元`, `万元`, `百万元`, `亿元`, in
 * either script), a currency code or sign with a scale (`R'000`, `US$ millions`), never a name.
 */
export function isMoneyUnit(value: string): boolean {
  const s = normalizeWidth(value).trim().replace(/\s+/g, '');
  if (/^(?:人民币)?(?:[千万萬亿億]|百万|百萬|十万|十萬)?元$/.test(s)) return true;
  return /^(?:[A-Z]{1,3}|US\$|\$|Ushs|KShs?)(?:'000|thousands?|millions?|billions?|000)$/i.test(s);
}

function recordValue(
  meta: Meta,
  key: Exclude<FactKey, 'project' | 'implementer' | 'department' | 'vote' | 'contact'>,
  value: string,
): Messages | null {
  switch (key) {
    case 'year': {
      const m = /(\d{4})/.exec(normalizeWidth(value));
      if (m?.[1] === undefined)
        return { en: 'a year without a four-digit year: not imported', zh: '年度不是四位数年份：未导入' };
      meta.year = Number(m[1]);
      return null;
    }
    case 'title':
      meta.title = value;
      readMonitoringTitle(meta, value);
      return null;
    case 'period': {
      const period = periodFact(value);
      if (period === null)
        return {
          en: 'a period that names no months since the year began (1-6月, 截至6月底, 上半年) nor a date (截至2023年6月30日): not imported',
          zh: '期间既不是自年初起的月数（1-6月、截至6月底、上半年），也不是日期（截至2023年6月30日）：未导入',
        };
      meta.monitoring = true;
      recordPeriod(meta, period);
      return null;
    }
    case 'kind': {
      if (isMonitoringTitle(value)) {
        meta.monitoring = true;
        return null;
      }
      const kind =
        kindOf(normalizeWidth(value)) ??
        (/^(?:部门|单位|整体)/.test(value) ? 'department' : /^项目/.test(value) ? 'project' : null);
      if (kind === null) {
        return {
          en: 'a report type that is neither 部门整体 (department) nor 项目 (project): not imported',
          zh: '报告类型既不是部门整体也不是项目：未导入',
        };
      }
      meta.kind = kind;
      return null;
    }
    case 'amountUnit': {
      // Any unit, as printed (DESIGN §3): the checks convert the known ones and compare like
      // with like for the others. Only the width of the characters is normalised.
      meta.amountUnit = normalizeWidth(value).trim();
      return null;
    }
    default:
      meta[key] = value;
      return null;
  }
}
