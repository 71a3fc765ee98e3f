/**
 * The portal's server-rendered pages: plain HTML that works without JavaScript (GB/T 37668: readable by screen
 * readers, usable by keyboard, large text). Every value that reaches a page goes through `escapeHtml`.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A template literal whose interpolations are escaped, unless they are already rendered `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let text = strings[0]!;
  values.forEach((value, index) => {
    text += render(value) + strings[index + 1]!;
  });
  return new Html(text);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** What a reader chose on /portal/display, kept in a cookie: larger text, stronger contrast. */
export interface DisplayPrefs {
  large: boolean;
  contrast: boolean;
}

export const DISPLAY_COOKIE = 'lep-portal-display';

/** The reader's display choices from the Cookie header (`large`, `contrast`, comma separated). */
export function displayPrefs(cookieHeader: string | undefined): DisplayPrefs {
  const value =
    (cookieHeader ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .find(([name]) => name === DISPLAY_COOKIE)?.[1] ?? '';
  const chosen = new Set(decodeURIComponent(value).split(','));
  return { large: chosen.has('large'), contrast: chosen.has('contrast') };
}

export interface PageOptions {
  title: string;
  /** Where the page sits, for the breadcrumb: [label, href] pairs ending at the page itself. */
  trail: Array<[string, string]>;
  body: Html;
  display: DisplayPrefs;
  /** The page's own address, so the display switches come back to it. */
  path: string;
}

const SECTIONS: Array<[string, string]> = [
  ['执法决定', '/portal/decisions'],
  ['执法主体与事前公开', '/portal/agencies'],
  ['双随机抽查', '/portal/inspections'],
  ['统计年报', '/portal/annual-reports'],
  ['使用帮助', '/portal/help'],
];

/** The switches for larger text and stronger contrast: plain links, so they work without a script. */
function displaySwitches({ large, contrast }: DisplayPrefs, path: string): Html {
  const link = (next: DisplayPrefs, label: string) => {
    const chosen = [next.large ? 'large' : '', next.contrast ? 'contrast' : ''].filter(Boolean).join(',');
    const href = `/portal/display?set=${encodeURIComponent(chosen || 'none')}&back=${encodeURIComponent(path)}`;
    return html`<a class="switch" href="${href}">${label}</a>`;
  };
  return html`<p class="display">
    ${link({ large: !large, contrast }, large ? '标准字号' : '大字号')}
    ${link({ large, contrast: !contrast }, contrast ? '标准配色' : '高对比度')}
  </p>`;
}

/** The frame of every portal page: skip link, header with display switches, sections, breadcrumb, main, footer. */
export function page({ title, trail, body, display, path }: PageOptions): string {
  const classes = [display.large ? 'text-large' : '', display.contrast ? 'contrast-high' : ''].filter(
    Boolean,
  );
  return html`<!doctype html>
    <html lang="zh-CN" ${classes.length > 0 ? html` class="${classes.join(' ')}"` : ''}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} - 行政执法公示平台</title>
        <link rel="stylesheet" href="/portal/portal.css" />
      </head>
      <body>
        <a class="skip" href="#main">跳到正文</a>
        <header>
          <p class="site"><a href="/portal">行政执法公示平台</a></p>
          ${displaySwitches(display, path)}
        </header>
        <nav aria-label="栏目" class="sections">
          <ul>
            ${SECTIONS.map(
              ([label, href]) =>
                html`<li>
                  <a href="${href}" ${path.startsWith(href) ? html` aria-current="true"` : ''}>${label}</a>
                </li>`,
            )}
          </ul>
        </nav>
        <nav aria-label="当前位置" class="trail">
          <ol>
            ${trail.map(([label, href], index) =>
              index === trail.length - 1
                ? html`<li><span aria-current="page">${label}</span></li>`
                : html`<li><a href="${href}">${label}</a></li>`,
            )}
          </ol>
        </nav>
        <main id="main">
          <h1>${title}</h1>
          ${body}
        </main>
        <footer>
          <p>本平台公开的信息已依法对个人信息进行处理。<a href="/portal/help">使用帮助</a></p>
        </footer>
      </body>
    </html> `.text;
}

/** Label and value pairs as a definition list; empty values are left out, `missing` says what to show instead. */
export function fields(rows: Array<[string, unknown, string?]>): Html {
  return html`<dl class="fields">
    ${rows
      .filter(([, value, missing]) => (value !== undefined && value !== null && value !== '') || missing)
      .map(
        ([label, value, missing]) =>
          html`<dt>${label}</dt>
            <dd>
              ${value === undefined || value === null || value === '' ? html`<span class="missing">${missing}</span>` : value}
            </dd>`,
      )}
  </dl>`;
}

/** Previous/next links of a paged list; `href(page)` builds the address of a page. */
export function pager(page: number, pageSize: number, total: number, href: (page: number) => string): Html {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return html``;
  return html`<nav class="pager" aria-label="分页">
    ${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">上一页</a>` : ''}
    <span>第 ${page} / ${pages} 页</span>
    ${page < pages ? html`<a href="${href(page + 1)}" rel="next">下一页</a>` : ''}
  </nav>`;
}
