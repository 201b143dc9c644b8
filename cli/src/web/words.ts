/**
 * The words of the offline page in both languages (its own texts; the report's texts come
 * from the library's catalogs and the HTML renderer).
 *
 * @internal
 */
import type { Lang } from 'outturn';

/** Every text of the page's frame, by language. */
export interface PageWords {
  readonly title: string;
  readonly subtitle: string;
  readonly offline: string;
  readonly drop: string;
  readonly pick: string;
  readonly formats: string;
  readonly reading: (file: string) => string;
  readonly readingPdf: (file: string) => string;
  readonly failed: string;
  readonly internal: (detail: string) => string;
  readonly summary: (file: string, error: number, warning: number, info: number) => string;
  readonly imported: (format: string, unplaced: number, notes: number) => string;
  readonly unplaced: string;
  readonly notes: string;
  readonly save: string;
  readonly saved: (name: string) => string;
  readonly reportTitle: string;
  readonly language: string;
}

/** The page's texts: zh (zh-CN) and en. */
export const WORDS: Readonly<Record<Lang, PageWords>> = {
  zh: {
    title: 'outturn 预算绩效报告检查',
    subtitle: '检查自评表、绩效运行监控表、绩效目标表中的数字是否相符',
    offline: '离线运行：文件只在本机浏览器中读取，不会上传或发送到任何地方。',
    drop: '把报告文件拖到这里',
    pick: '或选择文件',
    formats: '可读取：报告 JSON、CSV、Excel（.xlsx、.xls）、Word（.docx）、网页（.html）、数字版 PDF',
    reading: (file) => `正在读取 ${file} …`,
    readingPdf: (file) => `正在读取 PDF ${file}（大文件可能需要几秒钟）…`,
    failed: '无法读取该文件',
    internal: (detail) => `页面内部错误：${detail}`,
    summary: (file, error, warning, info) => `${file}：错误 ${error} 个，警告 ${warning} 个，提示 ${info} 个`,
    imported: (format, unplaced, notes) => `已从 ${format} 导入；未导入 ${unplaced} 处，说明 ${notes} 条`,
    unplaced: '未导入',
    notes: '说明',
    save: '保存 HTML 报告',
    saved: (name) => `已保存为 ${name}`,
    reportTitle: '检查报告',
    language: '语言',
  },
  en: {
    title: 'outturn: check a budget performance report',
    subtitle: 'Checks that the figures of a self-evaluation, monitoring or target table add up',
    offline: 'Works offline: the file is read in this browser only; nothing is uploaded or sent anywhere.',
    drop: 'Drop a report file here',
    pick: 'or choose a file',
    formats: 'Reads: report JSON, CSV, Excel (.xlsx, .xls), Word (.docx), web pages (.html), digital PDFs',
    reading: (file) => `Reading ${file} …`,
    readingPdf: (file) => `Reading the PDF ${file} (a large one may take a few seconds) …`,
    failed: 'The file could not be read',
    internal: (detail) => `Internal error of the page: ${detail}`,
    summary: (file, error, warning, info) =>
      `${file}: ${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info`,
    imported: (format, unplaced, notes) =>
      `Imported from ${format}; ${unplaced} item(s) not imported, ${notes} note(s)`,
    unplaced: 'Not imported',
    notes: 'Notes',
    save: 'Save the HTML report',
    saved: (name) => `Saved as ${name}`,
    reportTitle: 'Report',
    language: 'Language',
  },
};

/**
 * The page's first language: the browser's preferred languages, the first that is Chinese
 * (`zh*`) or not; zh when the browser says nothing (as the CLI falls back to zh).
 */
export function initialLang(languages: readonly string[]): Lang {
  const first = languages[0];
  if (first === undefined || first === '') return 'zh';
  return first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
