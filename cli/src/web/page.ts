/**
 * The offline page (`outturn-web.html`): its entry, bundled for the browser by
 * scripts/build-web.mjs into the one inline script of the page. It builds the page's frame (a
 * drop zone and a file picker, the language switch, a status line, the import's notes, the
 * "save" button), reads a dropped or picked file with {@link checkFile} (the importers and the
 * checks of the CLI, all on this machine) and shows the report document in a sandboxed frame.
 *
 * Every text of the frame is set with `textContent`; a report's content reaches the page only
 * as the escaped HTML report, in an `<iframe sandbox>` (no scripts, an opaque origin) through
 * `srcdoc`. Saving downloads that same HTML from a Blob: nothing is sent anywhere.
 *
 * @internal
 */
import type { Lang } from 'outturn';
import { formatLocation, type ImportItem } from '../import/index.js';
import { ACCEPTED, checkFile, type PageFailure, type PageResult, tooLarge } from './pipeline.js';
import { reportDocument } from './view.js';
import { initialLang, type PageWords, WORDS } from './words.js';

// The few DOM types the page uses, declared here for this module only: the project's type check
// has no DOM library (a global `Element` or `Document` would clash with other code's names), and
// esbuild drops these declarations, so the names are the browser's own at run time.

/** A node the page creates. */
interface PageNode {
  textContent: string | null;
}

/** An element, as far as the page uses one. */
interface PageElement extends PageNode {
  className: string;
  hidden: boolean;
  title: string;
  lang: string;
  readonly classList: { add(name: string): void; remove(name: string): void };
  setAttribute(name: string, value: string): void;
  append(...nodes: PageNode[]): void;
  replaceChildren(...nodes: PageNode[]): void;
  addEventListener(type: string, listener: () => void): void;
  click(): void;
  remove(): void;
}

/** A file of the picker or of a drop. */
interface PageFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

interface PageInput extends PageElement {
  readonly files: ArrayLike<PageFile> | null;
  value: string;
}

interface PageButton extends PageElement {
  disabled: boolean;
}

interface PageFrame extends PageElement {
  srcdoc: string;
}

/** A drag or drop event. */
interface PageDragEvent {
  preventDefault(): void;
  readonly dataTransfer: { readonly files: ArrayLike<PageFile> } | null;
}

declare const document: {
  readonly body: PageElement;
  readonly documentElement: PageElement;
  title: string;
  createElement(tag: string): PageElement;
  createTextNode(text: string): PageNode;
  addEventListener(type: 'dragover' | 'dragleave' | 'drop', listener: (e: PageDragEvent) => void): void;
};
declare const navigator: { readonly languages: readonly string[]; readonly language: string };

/** What the status line says, in the current language, and whether it is an error. */
interface Status {
  readonly kind: 'idle' | 'busy' | 'error' | 'done';
  readonly text: (w: PageWords) => string;
}

interface State {
  lang: Lang;
  result: PageResult | null;
  status: Status;
  /** The HTML shown and saved: renderHtml of the result in the current language. */
  html: string | null;
  /** Incremented per file: a slower earlier file never overwrites a later one. */
  run: number;
}

/** An element with attributes and text or children; never HTML from a string. */
function el(
  tag: string,
  attrs: Readonly<Record<string, string>> = {},
  ...children: (PageNode | string)[]
): PageElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

function start(): void {
  const state: State = {
    lang: initialLang(navigator.languages.length > 0 ? navigator.languages : [navigator.language]),
    result: null,
    status: { kind: 'idle', text: (w) => w.offline },
    html: null,
    run: 0,
  };

  const title = el('h1');
  const subtitle = el('p', { class: 'subtitle' });
  const zh = el('button', { type: 'button', id: 'lang-zh', lang: 'zh-CN' }, '中文');
  const en = el('button', { type: 'button', id: 'lang-en', lang: 'en' }, 'English');
  const langs = el('div', { class: 'langs', role: 'group' }, zh, en);
  const input = el('input', { type: 'file', id: 'file', accept: ACCEPTED }) as PageInput;
  const dropText = el('strong');
  const pickText = el('span', { class: 'pick' });
  const formats = el('span', { class: 'formats' });
  const drop = el('label', { id: 'drop', for: 'file', class: 'drop' }, dropText, pickText, formats, input);
  const status = el('p', { id: 'status', role: 'status', 'aria-live': 'polite' });
  const summary = el('p', { id: 'summary' });
  const save = el('button', { type: 'button', id: 'save', disabled: '' }) as PageButton;
  const details = el('details', { id: 'import' });
  const frame = el('iframe', { id: 'report', sandbox: '', referrerpolicy: 'no-referrer' }) as PageFrame;
  const main = el(
    'main',
    {},
    el('header', {}, el('div', {}, title, subtitle), langs),
    drop,
    status,
    el('div', { class: 'bar' }, summary, save),
    details,
    frame,
  );
  document.body.replaceChildren(main);

  /** Puts every text of the frame in the current language, and the report in it. */
  const paint = (): void => {
    const w = WORDS[state.lang];
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = w.title;
    title.textContent = w.title;
    subtitle.textContent = w.subtitle;
    langs.setAttribute('aria-label', w.language);
    zh.setAttribute('aria-pressed', String(state.lang === 'zh'));
    en.setAttribute('aria-pressed', String(state.lang === 'en'));
    dropText.textContent = w.drop;
    pickText.textContent = w.pick;
    formats.textContent = w.formats;
    status.textContent = state.status.text(w);
    status.className = state.status.kind;
    save.textContent = w.save;
    const r = state.result;
    if (r === null) {
      summary.textContent = '';
      save.disabled = true;
      details.hidden = true;
      frame.hidden = true;
      state.html = null;
      return;
    }
    const s = r.input.result.summary;
    summary.textContent = w.summary(r.input.file, s.error, s.warning, s.info);
    summary.className = s.error > 0 ? 'has-errors' : s.warning > 0 ? 'has-warnings' : 'clean';
    paintImport(details, r, state.lang, w);
    state.html = reportDocument(r.input, state.lang);
    frame.title = `${w.reportTitle}: ${r.input.file}`;
    frame.srcdoc = state.html;
    frame.hidden = false;
    save.disabled = false;
  };

  const setLang = (lang: Lang): void => {
    if (lang === state.lang) return;
    state.lang = lang;
    paint();
  };
  zh.addEventListener('click', () => setLang('zh'));
  en.addEventListener('click', () => setLang('en'));

  const read = async (file: PageFile): Promise<void> => {
    const run = ++state.run;
    const pdf = file.name.toLowerCase().endsWith('.pdf');
    state.status = { kind: 'busy', text: (w) => (pdf ? w.readingPdf(file.name) : w.reading(file.name)) };
    paint();
    // Let the status line show before a long import holds the thread.
    await new Promise((resolve) => setTimeout(resolve, 30));
    try {
      const large = tooLarge(file.name, file.size);
      const outcome: PageResult | PageFailure =
        large ?? (await checkFile(new Uint8Array(await file.arrayBuffer()), file.name));
      if (run !== state.run) return;
      if (outcome.ok) {
        state.result = outcome;
        state.status = { kind: 'done', text: (w) => w.offline };
      } else {
        state.result = null;
        const message = outcome.message;
        state.status = { kind: 'error', text: (w) => `${w.failed}: ${message[state.lang]}` };
      }
    } catch (e) {
      if (run !== state.run) return;
      state.result = null;
      const detail = e instanceof Error ? e.message : String(e);
      state.status = { kind: 'error', text: (w) => w.internal(detail) };
    }
    paint();
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void read(file);
    input.value = '';
  });
  // A file dropped anywhere on the page is read; the browser never opens it in its place.
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', () => drop.classList.remove('over'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file !== undefined) void read(file);
  });

  save.addEventListener('click', () => {
    const r = state.result;
    if (r === null || state.html === null) return;
    const name = savedName(r.input.file, state.lang);
    const url = URL.createObjectURL(new Blob([state.html], { type: 'text/html;charset=utf-8' }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    state.status = { kind: 'done', text: (w) => w.saved(name) };
    paint();
  });

  paint();
}

/** The import's unplaced items and notes, as text. */
function paintImport(details: PageElement, r: PageResult, lang: Lang, w: PageWords): void {
  if (r.format === 'json') {
    details.hidden = true;
    details.replaceChildren();
    return;
  }
  const list = (label: string, items: readonly ImportItem[]): PageNode[] =>
    items.length === 0
      ? []
      : [
          el('h3', {}, label),
          el(
            'ul',
            {},
            ...items.map((it) => {
              const where = formatLocation(it.at, lang);
              const text = it.text.replaceAll('\t', ' | ');
              return el(
                'li',
                {},
                el('span', { class: 'where' }, where),
                ` ${it.reason[lang]}`,
                ...(text === '' ? [] : [el('q', {}, text.length > 200 ? `${text.slice(0, 199)}…` : text)]),
              );
            }),
          ),
        ];
  details.replaceChildren(
    el('summary', {}, w.imported(r.format, r.unplaced.length, r.notes.length)),
    ...list(w.unplaced, r.unplaced),
    ...list(w.notes, r.notes),
  );
  details.hidden = false;
}

/** The name of a saved report: the file's name without its extension, `.outturn.<lang>.html`. */
function savedName(file: string, lang: Lang): string {
  const base = file.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return `${stem === '' ? 'report' : stem}.outturn.${lang}.html`;
}

start();
