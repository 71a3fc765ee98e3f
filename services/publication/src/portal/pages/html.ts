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

export interface PageOptions {
  title: string;
  /** Where the page sits, for the breadcrumb: [label, href] pairs ending at the page itself. */
  trail: Array<[string, string]>;
  body: Html;
}

/** The frame of every portal page: skip link, header, breadcrumb, main and footer. */
export function page({ title, trail, body }: PageOptions): string {
  return html`<!doctype html>
    <html lang="zh-CN">
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
        </header>
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
        <footer><p>本平台公开的信息已依法对个人信息进行处理。</p></footer>
      </body>
    </html> `.text;
}
