/**
 * The formulas of the recomputed common indicators, in words, in both languages: shown in a
 * cross-check's result and in its finding.
 */
import type { Messages } from '../findings.js';
import type { CrossCheckId } from './params.js';

export const CROSS_CHECK_FORMULAS: Readonly<Record<CrossCheckId, Messages>> = {
  'execution-rate': {
    en: 'actual ÷ adjusted budget × 100% (budget table root)',
    zh: '实际支出数 ÷ 调整预算数 × 100%（预算表合计行）',
  },
  'adjustment-rate': {
    en: '(adjusted − initial budget) ÷ initial budget × 100% (budget table root)',
    zh: '(调整预算数 − 年初预算数) ÷ 年初预算数 × 100%（预算表合计行）',
  },
  'staff-control-rate': {
    en: 'staff ÷ authorised posts × 100% (staffing)',
    zh: '在职人员数 ÷ 编制数 × 100%',
  },
  'carryover-rate': {
    en: 'carry-over ÷ adjusted budget × 100% (budget table root)',
    zh: '年末结转结余 ÷ 调整预算数 × 100%',
  },
};
