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
}

/** The facts a `key,value` row can give. */
export type FactKey =
  | 'title'
  | 'entity'
  | 'year'
  | 'kind'
  | 'amountUnit'
  | 'authorized'
  | 'actualStaff'
  | 'source'
  | 'totalScore'
  | 'grade';

/** A `key,value` row: the fact it names and its value, trimmed (empty in a blank template). */
export interface FactRow {
  readonly key: FactKey;
  readonly value: string;
}

const FACT_WORDS: readonly (readonly [FactKey, readonly string[]])[] = [
  ['title', ['标题', '报告名称', '报告标题', '表名', 'title', 'reporttitle']],
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
      '实施单位',
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
];

const FACT_MAP: ReadonlyMap<string, FactKey> = (() => {
  const m = new Map<string, FactKey>();
  for (const [key, words] of FACT_WORDS) for (const w of words) m.set(headerKey(w).stripped, key);
  return m;
})();

/**
 * The fact a row states, or null: two cells `key,value` (not in PDF text), one cell
 * `key：value`, or a template's key alone in the first cell (`年度,` left blank).
 */
export function factOf(sheet: Sheet, r: number): FactRow | null {
  const cells = sheet.filled(r);
  let key: string;
  let value: string;
  if (cells.length === 2 && !sheet.isText) {
    key = sheet.text(r, cells[0] as number);
    value = sheet.text(r, cells[1] as number);
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
  key = normalizeWidth(key)
    .trim()
    .replace(/^[一二三四五六七八九十]+[、.]\s*/, '')
    .replace(/[:：]\s*$/, '');
  const k = FACT_MAP.get(headerKey(key).stripped);
  if (k === undefined) return null;
  return { key: k, value };
}

/**
 * Records a fact row in `meta` (a later row overrides an earlier one). A blank value records
 * nothing; a unit given as the entity (`单位,万元`, `单位：千元`) is the money unit (a money unit
 * is never the name of a reporting unit). Returns why when the value cannot be read (a year
 * without four digits, an unknown kind): then nothing is recorded.
 */
export function recordFact(meta: Meta, fact: FactRow): Messages | null {
  const { key, value } = fact;
  // A template's fact left blank (`年度,`): nothing to import.
  if (value === '') return null;
  if (key === 'entity' && isMoneyUnit(value)) return recordValue(meta, 'amountUnit', value);
  return recordValue(meta, key, value);
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

function recordValue(meta: Meta, key: FactKey, value: string): Messages | null {
  switch (key) {
    case 'year': {
      const m = /(\d{4})/.exec(normalizeWidth(value));
      if (m?.[1] === undefined)
        return { en: 'a year without a four-digit year: not imported', zh: '年度不是四位数年份：未导入' };
      meta.year = Number(m[1]);
      return null;
    }
    case 'kind': {
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
