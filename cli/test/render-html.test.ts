/**
 * The HTML report (issue 15 §2, §6): rendered from the reference report and from reports of
 * examples/reports/, parsed back with htmlparser2, and checked for what it shows (the 134.17%
 * rate, the three errors, the time-progress mark of a monitoring table), for its links (every
 * finding's anchor exists, each row links back), and for what it must never hold (a script, a
 * URL, markup from the report, an escape sequence).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import { type Report, validateReport } from 'outturn';
import { escapeHtml, HTML_CSP, type RenderInput, renderHtml } from 'outturn-cli/render';
import { describe, expect, it } from 'vitest';
import { barScale, barSvg, percentValue } from '../src/render/html-svg.js';
import { visible } from '../src/render/terminal.js';
import { ROOT } from './support/cli.js';
import { ALL, HOSTILE_FILE, hostileReport, PAYLOADS } from './support/payloads.js';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const REFERENCE = 'examples/suzhou-commerce-service-center-2023.json';
const MONITORING = 'examples/reports/cn-hubei-huangshi-heritage-2019-monitoring.json';
const APPROPRIATION = 'examples/reports/za-dsd-2021-22-appropriation-statement.json';

function input(file: string): RenderInput {
  const report = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Report;
  return { file, result: validateReport(report) };
}

function parse(html: string) {
  const doc = parseDocument(html);
  const all = DomUtils.findAll(() => true, doc.children);
  const text = (el: Parameters<typeof DomUtils.textContent>[0]) =>
    DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
  const byId = new Map<string, Element>();
  const duplicates: string[] = [];
  for (const el of all) {
    const id = el.attribs.id;
    if (id === undefined) continue;
    if (byId.has(id)) duplicates.push(id);
    byId.set(id, el);
  }
  return {
    doc,
    all,
    text,
    byId,
    duplicates,
    tags: (name: string) => DomUtils.getElementsByTagName(name, doc.children, true),
    cls: (name: string) => all.filter((el) => (el.attribs.class ?? '').split(/\s+/).includes(name)),
  };
}

/** Every attribute that names a resource or a link, with its element. */
function urls(all: readonly Element[]): string[] {
  const out: string[] = [];
  for (const el of all) {
    for (const [name, value] of Object.entries(el.attribs)) {
      if (
        [
          'href',
          'src',
          'srcset',
          'action',
          'formaction',
          'xlink:href',
          'poster',
          'data',
          'background',
        ].includes(name)
      )
        out.push(`${el.name}[${name}]=${value}`);
    }
  }
  return out;
}

/** The checks every HTML report passes, whatever it shows. */
function expectInert(html: string) {
  const p = parse(html);
  expect(p.tags('script')).toEqual([]);
  expect(p.tags('img')).toEqual([]);
  expect(p.tags('iframe')).toEqual([]);
  expect(p.tags('link')).toEqual([]);
  expect(p.tags('object')).toEqual([]);
  // Links are anchors inside the document, and nothing else.
  for (const u of urls(p.all)) expect(u).toMatch(/^a\[href\]=#[a-z0-9-]+$/);
  expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:|\/\/|javascript:|data:)/i);
  // No event handler, no inline script in any form.
  for (const el of p.all) for (const name of Object.keys(el.attribs)) expect(name).not.toMatch(/^on/i);
  // No byte that acts on a terminal: the file can be shown with `cat`.
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f))
      throw new Error(`control character ${c} at ${i}`);
  }
  const csp = p
    .tags('meta')
    .filter((m) => m.attribs['http-equiv']?.toLowerCase() === 'content-security-policy');
  expect(csp.map((m) => m.attribs.content)).toEqual([HTML_CSP]);
  expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  expect(p.duplicates).toEqual([]);
  return p;
}

describe('renderHtml: the reference report', () => {
  const one = input(REFERENCE);
  const html = renderHtml(one, { lang: 'zh' });
  const p = expectInert(html);

  it('is one document with its charset, language, title and inline style', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(p.tags('meta')[0]?.attribs.charset).toBe('utf-8');
    expect(p.text(p.tags('title')[0] as Element)).toBe(
      'outturn 核对报告 · 苏州市商务服务中心 · 2023 · 苏州市市级预算部门（单位）整体支出预算绩效自评报告（2023 年度）',
    );
    expect(p.tags('style')).toHaveLength(1);
    expect(p.text(p.tags('h1'))).toBe('苏州市商务服务中心 · 2023');
  });

  it('shows the execution rate 134.17% of 预算总金额 with its bar past 100%', () => {
    const row = p.byId.get('r1-b0') as Element;
    expect(p.text(row)).toContain('预算总金额');
    expect(p.text(row)).toContain('134.17%');
    const svg = DomUtils.getElementsByTagName('svg', row, true)[0] as Element;
    expect(svg.attribs['aria-label']).toBe('执行率 134.17%，对照 100%');
    // A bar within 100% and the overspend beyond it.
    const fills = DomUtils.getElementsByTagName('rect', svg, true).map((r) => r.attribs.class);
    expect(fills).toEqual(['track', 'fill ok', 'fill over']);
    // 86.59% of 项目支出 has no overspend part.
    const project = p.byId.get('r1-b2') as Element;
    expect(p.text(project)).toContain('86.59%');
    expect(DomUtils.getElementsByTagName('rect', project, true).map((r) => r.attribs.class)).toEqual([
      'track',
      'fill ok',
    ]);
  });

  it('lists the three errors, the five warnings and the four infos, grouped by severity', () => {
    expect(p.text(p.byId.get('r1-error') as Element)).toBe('错误（3）');
    const groups = p
      .tags('ol')
      .map((ol) => [ol.attribs.class, DomUtils.getElementsByTagName('li', ol, true).length]);
    expect(groups).toEqual([
      ['findings error', 3],
      ['findings warning', 5],
      ['findings info', 4],
    ]);
    const errors = DomUtils.getElementsByTagName('li', p.tags('ol')[0] as Element, true).map((li) =>
      p.text(li),
    );
    expect(errors.map((e) => e.match(/\((cross-check-mismatch)\)$/)?.[1])).toEqual(
      Array(3).fill('cross-check-mismatch'),
    );
    expect(errors[2]).toContain('“预算执行率”印为 93.74%，但按报告自身数据计算为 134.17%');
  });

  it('links each finding to its row, whose anchor exists, and each row back to its findings', () => {
    const items = p.tags('li').filter((li) => li.attribs.id?.startsWith('r1-f'));
    expect(items).toHaveLength(one.result.findings.length);
    const targets = items.map((li) => {
      const a = DomUtils.getElementsByTagName('a', li, true)[0] as Element;
      const id = (a.attribs.href ?? '').slice(1);
      expect(p.byId.has(id)).toBe(true);
      return [li.attribs.id, id];
    });
    // 预算执行率's cross-check mismatch points at the cross-check row, its reason at the indicator row.
    expect(targets).toContainEqual(['r1-f11', 'r1-x2']);
    expect(targets).toContainEqual(['r1-f5', 'r1-i26']);
    expect(targets).toContainEqual(['r1-f0', 'r1-b0']);
    // Every href in the document points at an element that exists.
    for (const a of p.tags('a')) expect(p.byId.has((a.attribs.href ?? '').slice(1))).toBe(true);
    // The indicator row of 预算执行率 links back to its four findings, the error first.
    const back = DomUtils.getElementsByTagName('a', p.byId.get('r1-i26') as Element, true).map((a) => [
      a.attribs.class,
      a.attribs.href,
    ]);
    expect(back).toEqual([
      ['sev error', '#r1-f11'],
      ['sev warning', '#r1-f5'],
      ['sev info', '#r1-f4'],
    ]);
  });

  it('shows the indicators with status and deviation, and the cross-checks', () => {
    const row = p.byId.get('r1-i26') as Element;
    expect(DomUtils.getElementsByTagName('td', row, true).map((td) => p.text(td))).toEqual([
      '26',
      '预算执行率',
      '=100%',
      '93.74% ✗',
      '未达成',
      '-6.26%',
      '-6.26% ✓',
      '✗!i',
    ]);
    expect(p.text(p.byId.get('r1-i23') as Element)).toContain('+43.37 pp');
    expect(p.text(p.byId.get('r1-x0') as Element)).toContain('71.43% ✗');
    // A cross-check row links back to its cross-check finding only, not to the indicator's others.
    const links = (id: string) =>
      DomUtils.getElementsByTagName('a', p.byId.get(id) as Element, true).map((a) => a.attribs.href);
    expect(links('r1-x1')).toEqual(['#r1-f10']);
    expect(links('r1-i23')).toEqual(['#r1-f10', '#r1-f3', '#r1-f2']);
    expect(p.cls('group').map((g) => p.text(g))).toEqual([
      '分解目标 / 决策',
      '分解目标 / 过程',
      '分解目标 / 效益',
      '分解目标 / 满意度',
      '分解目标 / 履职',
    ]);
  });

  it('is in English with lang en', () => {
    const en = renderHtml(one, { lang: 'en' });
    const q = expectInert(en);
    expect(en).toContain('<html lang="en">');
    expect(q.text(q.byId.get('r1-error') as Element)).toBe('Errors (3)');
    expect(q.text(q.byId.get('r1-b0') as Element)).toContain('134.17%');
  });
});

describe('renderHtml: reports of examples/reports/', () => {
  it('a monitoring table draws the time-progress mark at 序时进度 and its state', () => {
    const html = renderHtml(input(MONITORING), { lang: 'zh' });
    const p = expectInert(html);
    const row = p.byId.get('r1-mb0') as Element;
    expect(p.text(row)).toContain('50.00%');
    expect(p.text(row)).toContain('39.80%');
    expect(p.text(row)).toContain('黄');
    const svg = DomUtils.getElementsByTagName('svg', row, true)[0] as Element;
    const time = DomUtils.getElementsByTagName('line', svg, true).filter((l) => l.attribs.class === 'time');
    // 50% of a 100% scale, 160 px wide.
    expect(time.map((l) => l.attribs.x1)).toEqual(['80']);
    expect(svg.attribs['aria-label']).toBe('执行率 39.80%，对照 100%，序时进度 50.00%');
    expect(DomUtils.getElementsByTagName('rect', svg, true).map((r) => r.attribs.class)).toEqual([
      'track',
      'fill amber',
    ]);
    // behind-schedule, at budget[0].periodActual, points at the monitoring row.
    const f = p.tags('li').find((li) => p.text(li).includes('behind-schedule')) as Element;
    expect(DomUtils.getElementsByTagName('a', f, true)[0]?.attribs.href).toBe('#r1-mb0');
  });

  it('no time-progress mark on a year-end report', () => {
    const p = expectInert(renderHtml(input(REFERENCE), { lang: 'en' }));
    expect(p.cls('time')).toEqual([]);
  });

  it('many reports: one summary table, then each report, every link resolving', () => {
    const inputs = [input(REFERENCE), input(MONITORING), input(APPROPRIATION)];
    const html = renderHtml(inputs, { lang: 'en' });
    const p = expectInert(html);
    const summary = p.tags('table')[0] as Element;
    const rows = DomUtils.getElementsByTagName('tr', summary, true).slice(1);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => DomUtils.getElementsByTagName('a', r, true)[0]?.attribs.href)).toEqual([
      '#r1',
      '#r2',
      '#r3',
    ]);
    const cells = (r: Element) => DomUtils.getElementsByTagName('td', r, true).map((td) => p.text(td));
    expect(cells(rows[0] as Element).slice(0, 7)).toEqual([
      REFERENCE,
      '苏州市商务服务中心',
      '2023',
      'department',
      '3',
      '5',
      '4',
    ]);
    expect(cells(rows[1] as Element).slice(3, 7)).toEqual(['monitoring', '0', '2', '1']);
    expect(p.tags('article').map((a) => a.attribs.id)).toEqual(['r1', 'r2', 'r3']);
    for (const a of p.tags('a')) expect(p.byId.has((a.attribs.href ?? '').slice(1))).toBe(true);
    const za = inputs[2] as RenderInput;
    const items = p.tags('li').filter((li) => li.attribs.id?.startsWith('r3-f'));
    expect(items).toHaveLength(za.result.findings.length);
    expect(p.text(p.tags('title')[0] as Element)).toBe('outturn check · 3 reports');
  });

  it('an empty list says so', () => {
    const p = expectInert(renderHtml([], { lang: 'zh' }));
    expect(p.text(p.doc)).toContain('没有可显示的报告。');
  });

  it('a rejected input says it is not a report', () => {
    const p = expectInert(
      renderHtml({ file: 'x.json', result: validateReport([] as unknown as Report) }, { lang: 'en' }),
    );
    expect(p.text(p.doc)).toContain("not a report in outturn's format");
  });
});

describe('renderHtml: injection payloads are inert', () => {
  const result = validateReport(hostileReport());
  for (const lang of ['zh', 'en'] as const) {
    it(`every payload of issue 15 §6 shows as text (${lang})`, () => {
      const html = renderHtml({ file: HOSTILE_FILE, result }, { lang });
      const p = expectInert(html);
      const text = p.text(p.doc);
      // The markup shows as the text it is …
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('<img src=x onerror="alert(1)">');
      expect(text).toContain('[x](javascript:alert(1))');
      // … and escape sequences as their escapes.
      expect(text).toContain('\\u001b[2J');
      expect(text).toContain('\\u001b]52;c;ZWNobyBwd25lZA==\\u0007');
      // `</td><td>` opens no cell: every row of the budget table has as many cells as its header.
      const budget = p.tags('section').find((s) => s.attribs.id === 'r1-budget') as Element;
      const width = DomUtils.getElementsByTagName('th', budget, true).length;
      for (const tr of DomUtils.getElementsByTagName('tr', budget, true).slice(1))
        expect(DomUtils.getElementsByTagName('td', tr, true)).toHaveLength(width);
      const rows = DomUtils.getElementsByTagName('tr', budget, true).slice(1);
      expect(rows).toHaveLength(1 + Object.keys(PAYLOADS).length);
      expect(p.text(rows[8] as Element)).toContain('</td><td>forged</td><td>');
    });
  }

  it('escapeHtml writes the five characters as references and control characters visibly', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('\u001b[2J')).toBe('\\u001b[2J');
    expect(escapeHtml('a\u202eb')).toBe('a\\u202eb');
    expect(escapeHtml('预算执行率 134.17%')).toBe('预算执行率 134.17%');
    for (const c of ['<', '>', '"', "'", '\u001b']) expect(escapeHtml(ALL)).not.toContain(c);
  });

  it('any name parses back to its own text, in one cell (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
        const r = validateReport({ budget: [{ name, adjusted: '10', actual: '5' }] });
        const p = parse(renderHtml({ file: name, result: r }, { lang: 'en' }));
        const row = p.byId.get('r1-b0') as Element;
        const first = DomUtils.getElementsByTagName('td', row, true)[0] as Element;
        expect(DomUtils.textContent(first)).toBe(visible(r.budget[0]?.name ?? ''));
        expect(p.tags('script')).toEqual([]);
        expect(DomUtils.getElementsByTagName('td', row, true)).toHaveLength(7);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bars', () => {
  it.each([
    ['134.17%', 134.17],
    ['-6.26%', -6.26],
    ['0%', 0],
    ['100.00%', 100],
    ['-', null],
    ['', null],
    ['12.5', null],
    ['1e3%', null],
    ['达成', null],
  ])('percentValue(%j) = %j', (text, value) => {
    expect(percentValue(text)).toBe(value);
  });

  it.each([
    [[], 100],
    [[null, 50], 100],
    [[134.17, 144.48], 144.48],
    [[250], 200],
  ])('barScale(%j) = %j', (rates, scale) => {
    expect(barScale(rates)).toBe(scale);
  });

  it('a rate past the scale is cut and marked; a rate that is no percentage draws nothing', () => {
    expect(barSvg({ rate: '250.00%', label: 'x' }, 200)).toContain('class="cut"');
    expect(barSvg({ rate: '150.00%', label: 'x' }, 200)).not.toContain('class="cut"');
    expect(barSvg({ rate: '-', label: 'x' }, 100)).toBe('');
    // 100% on a 200% scale is half the width; a negative rate draws no fill.
    expect(barSvg({ rate: '100%', label: 'x' }, 200)).toContain('<line class="full" x1="80"');
    expect(barSvg({ rate: '-5%', label: 'x' }, 100)).not.toContain('class="fill');
    expect(barSvg({ rate: '50%', label: '<b>"' }, 100)).toContain('aria-label="&lt;b&gt;&quot;"');
  });
});
