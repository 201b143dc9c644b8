/**
 * The PEFA dataset of DESIGN §3 (`"kind": "pefa"`), as TypeScript types: three or more fiscal
 * years of original approved budget and outturn, the input of `assessPefa` (PEFA 2016 Pillar I,
 * budget reliability: PI-1, PI-2, PI-3).
 *
 * Every amount is a string exactly as printed (`"1 234.5"`, `"(7 379)"`) or a finite number, in
 * the dataset's `amountUnit`. Unknown fields are allowed everywhere and ignored.
 */
import type { Figure } from './report.js';

/** One line of a budget-vs-outturn table: a vote, a function, an economic item or a revenue category. */
export interface PefaLine {
  /** The line as printed, e.g. `"Education"`, `"Compensation of employees"`, `"Taxes on income"`. */
  readonly name: string;
  /** Original approved budget (the budget law as first passed, not a supplementary one). */
  readonly budget?: Figure | null;
  /** End-of-year outturn (actual expenditure or revenue). */
  readonly actual?: Figure | null;
  readonly [key: string]: unknown;
}

/** An original approved amount and its outturn: the contingency vote, interest, or a printed total. */
export interface PefaAmounts {
  /** Original approved budget. */
  readonly budget?: Figure | null;
  /** End-of-year outturn. */
  readonly actual?: Figure | null;
  readonly [key: string]: unknown;
}

/** The expenditure tables of one fiscal year. */
export interface PefaExpenditure {
  /** Lines by administrative head (vote): used by PI-1 and dimension 2.1. */
  readonly administrative?: readonly PefaLine[];
  /** Lines by function (COFOG): used when no administrative lines are given. */
  readonly functional?: readonly PefaLine[];
  /** Lines by programme: used when neither administrative nor functional lines are given. */
  readonly programme?: readonly PefaLine[];
  /** Lines by economic type (GFS 2-digit): dimension 2.2. */
  readonly economic?: readonly PefaLine[];
  /** The contingency vote (dimension 2.3; part of total expenditure, never of 2.1 or 2.2). */
  readonly contingency?: PefaAmounts;
  /** Interest on debt (part of total expenditure and of 2.2, never of 2.1). */
  readonly interest?: PefaAmounts;
  /** Total expenditure as printed; checked against the lines + interest + contingency. */
  readonly total?: PefaAmounts;
  readonly [key: string]: unknown;
}

/** One fiscal year of a PEFA dataset. */
export interface PefaYear {
  /** The fiscal year as printed: `"2018/19"`, `2019`, `"FY2020"`. */
  readonly year: string | number;
  /** `false` when the legislature approved no budget that year: the year then scores D. Default true. */
  readonly approvedBudget?: boolean;
  /** Expenditure by administrative/functional/programme and economic classification. */
  readonly expenditure?: PefaExpenditure;
  /** Revenue by category (GFS 3-digit): PI-3. */
  readonly revenue?: readonly PefaLine[];
  readonly [key: string]: unknown;
}

/** A PEFA dataset: the fiscal years of one government, oldest first. */
export interface PefaDataset {
  /** Always `"pefa"`. */
  readonly kind: 'pefa';
  /** The government assessed, e.g. `"Kampala Capital City Authority"`. */
  readonly entity?: string;
  /** The unit of every amount as printed, e.g. `"Ushs thousands"`, `"R'000"`, `"万元"`. */
  readonly amountUnit?: string;
  /** The fiscal years, oldest first (the last three are assessed). */
  readonly years: readonly PefaYear[];
  readonly [key: string]: unknown;
}
