/**
 * The report document the page shows (in a sandboxed frame) and saves.
 *
 * @internal
 */
import type { Lang } from 'outturn';
import { type RenderInput, renderText } from '../render/index.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-contained HTML document of the checks of one report. */
export function reportDocument(input: RenderInput, lang: Lang): string {
  const text = renderText(input, { lang, color: false, width: 100 });
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(input.file)}</title></head><body><pre>${escapeHtml(text)}</pre></body></html>`;
}
