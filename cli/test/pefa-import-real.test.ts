/**
 * The real PEFA datasets of examples/pefa/ (Uganda, district Quarter 4 performance reports), as the
 * long tables `outturn pefa` reads, in every format scripts/fixtures/pefa.mjs makes: each imports to
 * the dataset's own lines, figures exactly as printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPefa } from 'outturn-cli/import';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

const DATASETS = ['ug-mukono-district-2017-18-to-2019-20', 'ug-kabarole-district-2017-18-to-2018-19'];
const FORMATS = ['csv', 'html', 'xlsx', 'xls'] as const;

interface Line {
  readonly name: string;
  readonly budget?: string;
  readonly actual?: string;
}

/** The lines of a dataset as the long table carries them: name, budget and actual only. */
function expected(id: string) {
  const d = JSON.parse(readFileSync(join(ROOT, 'examples', 'pefa', `${id}.json`), 'utf8'));
  const lines = (list: readonly Line[] | undefined) =>
    list?.map((l) => ({ name: l.name, budget: l.budget, actual: l.actual }));
  const pair = (l: Line | undefined) =>
    l === undefined ? undefined : { budget: l.budget, actual: l.actual };
  return {
    entity: d.entity as string,
    amountUnit: d.amountUnit as string,
    years: (d.years as { year: string; expenditure: Record<string, unknown>; revenue?: Line[] }[]).map(
      (y) => ({
        year: y.year,
        administrative: lines(y.expenditure.administrative as Line[] | undefined),
        total: pair(y.expenditure.total as Line | undefined),
        revenue: lines(y.revenue),
      }),
    ),
  };
}

describe.each(DATASETS)('%s', (id) => {
  it.each(FORMATS)('.%s imports to the dataset, figures as printed', async (format) => {
    const bytes = readFileSync(join(ROOT, 'cli', 'test', 'fixtures', 'pefa', `${id}.${format}`));
    const r = await importPefa(bytes, { fileName: `${id}.${format}` });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.format).toBe(format);
    expect(r.unplaced).toEqual([]);
    const want = expected(id);
    expect(r.dataset.amountUnit).toBe(want.amountUnit);
    expect(r.dataset.entity).toBe(want.entity);
    expect(
      r.dataset.years.map((y) => ({
        year: y.year,
        administrative: y.expenditure.administrative,
        total: y.expenditure.total,
        revenue: y.revenue,
      })),
    ).toEqual(want.years);
  });
});
