import PDFDocument from 'pdfkit';
import type { DocumentFonts } from './fonts';

const MM = 72 / 25.4;

/** A4, with the margins of the national document format (GB/T 9704: 版心 156 mm wide). */
export const PAGE = { width: 210 * MM, height: 297 * MM } as const;
export const MARGINS = { top: 30 * MM, bottom: 28 * MM, left: 28 * MM, right: 26 * MM } as const;
export const CONTENT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

export interface TextStyle {
  font: 'body' | 'title';
  size: number;
  /** Distance from one line to the next. */
  pitch: number;
}

/**
 * Body text in 三号 (16 pt) at 22 lines a page as GB/T 9704 sets it; titles in 二号 黑体; forms (审批表, 回证,
 * 清单) in 小四.
 */
export const STYLES = {
  issuer: { font: 'title', size: 18, pitch: 30 },
  title: { font: 'title', size: 22, pitch: 38 },
  body: { font: 'body', size: 16, pitch: 28.9 },
  label: { font: 'title', size: 16, pitch: 28.9 },
  cell: { font: 'body', size: 12, pitch: 21 },
  cellLabel: { font: 'title', size: 12, pitch: 21 },
  note: { font: 'body', size: 10.5, pitch: 17 },
} as const satisfies Record<string, TextStyle>;

/** Characters a line must not start with (行首禁则): closing punctuation stays with the text before it. */
const NO_LINE_START = new Set(Array.from('，。、；：？！）】」』》〉”’．,.;:?!)]}%…—·'));
/** Characters a line must not end with (行尾禁则): opening brackets go to the next line with their text. */
const NO_LINE_END = new Set(Array.from('（【「『《〈“‘([{'));
/** A run of these is one word: numbers, codes and Latin words are not broken inside. */
const WORD_CHARACTER = /[A-Za-z0-9.,:%@/\\_\-+#&'¥]/;

/** Ideographs sit a little above the middle of the font's line box; this centres them on the line's pitch. */
const GLYPH_CENTRE = 0.77;

export interface WrappedLine {
  text: string;
  /** The last line of its paragraph or before a hard break: set flush left, not justified. */
  last: boolean;
}

export interface ParagraphOptions {
  /** First-line indent in characters (two in running Chinese text). */
  indent?: number;
  align?: 'justify' | 'left' | 'center' | 'right';
  x?: number;
  width?: number;
}

/**
 * Lays text out on A4 pages itself: Chinese breaks between any two characters (not inside numbers and Latin
 * words, and with the line-start and line-end rules), lines are justified to both margins, and text flows on to
 * new pages. pdfkit only draws each line, so the result depends on nothing but the input.
 */
export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  /** Top of the next line on the current page. */
  y: number = MARGINS.top;
  /** STYLES with the line pitch this layout uses (tightened a little when that keeps the seal block with text). */
  readonly styles: Record<keyof typeof STYLES, TextStyle>;
  /** Pages started so far. */
  pages = 1;
  private readonly widths: Record<TextStyle['font'], Map<string, number>>;

  constructor(
    fonts: DocumentFonts,
    info: { title: string; subject: string; keywords: string; created: Date },
    lineScale = 1,
  ) {
    this.styles = Object.fromEntries(
      Object.entries(STYLES).map(([name, style]) => [name, { ...style, pitch: style.pitch * lineScale }]),
    ) as Record<keyof typeof STYLES, TextStyle>;
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGINS.top, bottom: 0, left: MARGINS.left, right: MARGINS.right },
      bufferPages: true,
      // A fixed date and no other varying metadata: the same input gives the same bytes, and so the same hash.
      info: {
        Title: info.title,
        Subject: info.subject,
        Keywords: info.keywords,
        Creator: 'LEP 执法文书',
        Producer: 'LEP',
        CreationDate: info.created,
      },
    });
    this.doc.registerFont('body', fonts.body.font as never);
    this.doc.registerFont('title', fonts.title.font as never);
    this.widths = { body: fonts.body.widths, title: fonts.title.widths };
  }

  get bottom(): number {
    return PAGE.height - MARGINS.bottom;
  }

  /** Room left on the current page. */
  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.pages += 1;
    this.y = MARGINS.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01) this.newPage();
  }

  gap(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  width(text: string, style: TextStyle): number {
    let total = 0;
    for (const character of text) {
      const key = `${style.size}|${character}`;
      const widths = this.widths[style.font];
      let width = widths.get(key);
      if (width === undefined) {
        width = this.doc.font(style.font).fontSize(style.size).widthOfString(character);
        widths.set(key, width);
      }
      total += width;
    }
    return total;
  }

  /** Breaks text into lines of at most `width` (the first shorter by `firstIndent`); `\n` is a hard break. */
  wrap(text: string, style: TextStyle, width: number, firstIndent = 0): string[] {
    return this.wrapLines(text, style, width, firstIndent).map((line) => line.text);
  }

  /** As wrap, marking the last line before each hard break (a line that is not justified). */
  wrapLines(text: string, style: TextStyle, width: number, firstIndent = 0): WrappedLine[] {
    const lines: WrappedLine[] = [];
    for (const piece of text.split('\n')) {
      const tokens = tokenize(piece);
      let line: string[] = [];
      let lineWidth = 0;
      const limit = () => width - (lines.length === 0 ? firstIndent : 0);
      const flush = (last: boolean) => {
        lines.push({ text: line.join(''), last });
        line = [];
        lineWidth = 0;
      };
      for (const token of tokens) {
        const tokenWidth = this.width(token, style);
        if (line.length > 0 && lineWidth + tokenWidth > limit() + 0.01) {
          // Closing punctuation hangs at the end of the line rather than starting the next one.
          if (NO_LINE_START.has(token) && lineWidth + tokenWidth <= limit() + style.size * 0.6) {
            line.push(token);
            lineWidth += tokenWidth;
            continue;
          }
          const carried: string[] = [];
          // Punctuation that cannot hang takes the character before it along to the new line.
          if (NO_LINE_START.has(token) && line.length > 1) carried.unshift(line.pop()!);
          while (line.length > 1 && NO_LINE_END.has(line[line.length - 1])) carried.unshift(line.pop()!);
          flush(false);
          for (const kept of carried) {
            line.push(kept);
            lineWidth += this.width(kept, style);
          }
        }
        if (tokenWidth > limit() && line.length === 0) {
          // A word wider than the line (a long code): break it where it must.
          for (const character of token) {
            const characterWidth = this.width(character, style);
            if (line.length > 0 && lineWidth + characterWidth > limit() + 0.01) flush(false);
            line.push(character);
            lineWidth += characterWidth;
          }
          continue;
        }
        line.push(token);
        lineWidth += tokenWidth;
      }
      flush(true);
    }
    return lines;
  }

  /** Draws one line with its glyphs centred on the line's pitch; `justifyTo` spreads it to that width. */
  drawLine(text: string, x: number, top: number, style: TextStyle, justifyTo?: number): void {
    if (text === '') return;
    const natural = this.width(text, style);
    const count = Array.from(text).length;
    let spacing = 0;
    if (justifyTo !== undefined && count > 1 && natural < justifyTo) {
      spacing = (justifyTo - natural) / (count - 1);
      // A line of a few long words is not torn apart to reach the margin.
      if (spacing > style.size * 0.5) spacing = 0;
    } else if (justifyTo !== undefined && count > 1 && natural > justifyTo) {
      // Hanging punctuation: squeeze the line a little instead of running into the margin.
      spacing = (justifyTo - natural) / (count - 1);
    }
    this.doc
      .font(style.font)
      .fontSize(style.size)
      .text(text, x, top + style.pitch / 2 - style.size * GLYPH_CENTRE, {
        lineBreak: false,
        characterSpacing: spacing,
      });
  }

  /** A paragraph flowing over pages: justified, with a first-line indent in characters. */
  paragraph(text: string, style: TextStyle, options: ParagraphOptions = {}): void {
    const x = options.x ?? MARGINS.left;
    const width = options.width ?? CONTENT_WIDTH;
    const indent = (options.indent ?? 0) * style.size;
    const align = options.align ?? 'justify';
    this.wrapLines(text, style, width, indent).forEach((line, index) => {
      this.ensure(style.pitch);
      const lineIndent = index === 0 ? indent : 0;
      const lineWidth = this.width(line.text, style);
      const lineX =
        align === 'center'
          ? x + (width - lineWidth) / 2
          : align === 'right'
            ? x + width - lineWidth
            : x + lineIndent;
      const justify = align === 'justify' && !line.last;
      this.drawLine(line.text, lineX, this.y, style, justify ? width - lineIndent : undefined);
      this.y += style.pitch;
    });
  }

  /** A horizontal or vertical rule of a table. */
  rule(x1: number, y1: number, x2: number, y2: number): void {
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(0.75).strokeColor('#000000').stroke();
  }

  /** Puts "第 n 页 共 m 页" under every page of a document longer than one page. */
  numberPages(): void {
    const range = this.doc.bufferedPageRange();
    if (range.count < 2) return;
    for (let index = 0; index < range.count; index += 1) {
      this.doc.switchToPage(range.start + index);
      const text = `第 ${index + 1} 页  共 ${range.count} 页`;
      const style = STYLES.note;
      const width = this.width(text, style);
      this.drawLine(text, (PAGE.width - width) / 2, this.bottom + 8 * MM, style);
    }
  }

  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.numberPages();
      this.doc.end();
    });
  }
}

/** Words (runs of Latin letters, digits and the signs inside numbers and codes) and single other characters. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const character of text) {
    if (WORD_CHARACTER.test(character)) {
      word += character;
      continue;
    }
    if (word) tokens.push(word);
    word = '';
    tokens.push(character);
  }
  if (word) tokens.push(word);
  return tokens;
}
