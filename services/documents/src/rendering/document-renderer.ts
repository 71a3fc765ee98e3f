import type {
  DocumentInventoryItem,
  DocumentParty,
  DocumentQa,
  TemplateBlock,
  TemplateDefinition,
  TemplateTableRow,
} from '@lep/contracts';
import { arabicDate, chineseNumeralDate } from './chinese-numerals';
import { fillPlaceholders, inlineText } from './document-data';
import type { DocumentFonts } from './fonts';
import { CONTENT_WIDTH, MARGINS, PdfLayout, type TextStyle } from './pdf-layout';

/** What one rendering needs: the template version's definition, the case's data and what the platform adds. */
export interface RenderInput {
  definition: TemplateDefinition;
  data: Record<string, unknown>;
  /** The issuing agency's name, printed above the title and in the seal block. */
  issuer: string;
  /** The 文号, or null for kinds without one. */
  number: string | null;
  /** YYYY-MM-DD, China time: the date in the seal block and the PDF's creation date. */
  issuedOn: string;
  caseNumber: string;
  templateVersion: string;
}

const CELL_PADDING = 7;
/** The last line of a cell someone signs (an approval opinion, a receipt): room for the name, then the date. */
const SIGNED_LINE = `签名：${'\u3000'.repeat(6)}年${'\u3000'.repeat(2)}月${'\u3000'.repeat(2)}日`;
const FULL_WIDTH_SPACE = '\u3000';

/**
 * Line pitches tried in turn when the seal block would otherwise stand alone on a last page: GB/T 9704 has the
 * line spacing adjusted so that the seal and date stay with the text they sign.
 */
const LINE_SCALES = [1, 0.96, 0.92, 0.88];

/** Renders one document to PDF bytes; the same input gives the same bytes. */
export function renderDocumentPdf(fonts: DocumentFonts, input: RenderInput): Promise<Buffer> {
  for (const [index, scale] of LINE_SCALES.entries()) {
    const last = index === LINE_SCALES.length - 1;
    const layout = lay(fonts, input, scale, last);
    if (!layout.sealAlone || last) return layout.layout.finish();
  }
  throw new Error('unreachable: the last line scale always finishes');
}

function lay(
  fonts: DocumentFonts,
  input: RenderInput,
  scale: number,
  markEmptyPage: boolean,
): { layout: PdfLayout; sealAlone: boolean } {
  const layout = new PdfLayout(
    fonts,
    {
      title: input.number ? `${input.definition.title} ${input.number}` : input.definition.title,
      subject: input.issuer,
      keywords: `文书式样 ${input.templateVersion}; 案号 ${input.caseNumber}`,
      created: new Date(`${input.issuedOn}T00:00:00+08:00`),
    },
    scale,
  );
  const values = placeholderValues(input);
  let sealAlone = false;
  for (const block of input.definition.blocks) {
    if (block.when && !hasValue(input.data[block.when])) continue;
    if (block.type === 'signature') {
      sealAlone = signature(layout, input, markEmptyPage) || sealAlone;
      continue;
    }
    drawBlock(layout, block, input, values);
  }
  return { layout, sealAlone };
}

function hasValue(value: unknown): boolean {
  return !(
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function placeholderValues(input: RenderInput): Record<string, string> {
  const values: Record<string, string> = {
    issuer: input.issuer,
    number: input.number ?? '',
    issuedOn: arabicDate(input.issuedOn),
    caseNumber: input.caseNumber,
  };
  for (const field of input.definition.fields) {
    const value = input.data[field.name];
    if (hasValue(value)) values[field.name] = inlineText(field.type, value);
  }
  return values;
}

function drawBlock(
  layout: PdfLayout,
  block: TemplateBlock,
  input: RenderInput,
  values: Record<string, string>,
): void {
  const fill = (text: string) => fillPlaceholders(text, values);
  switch (block.type) {
    case 'heading':
      return heading(layout, input);
    case 'number':
      if (input.number) layout.paragraph(input.number, layout.styles.body, { align: 'right' });
      return layout.gap(layout.styles.body.pitch * 0.3);
    case 'paragraph':
      return layout.paragraph(fill(block.text), layout.styles.body, {
        indent: block.indent === false ? 0 : 2,
        align: block.align ?? 'justify',
      });
    case 'line':
      return layout.paragraph(`${block.label}：${fill(block.text)}`, layout.styles.body, { align: 'left' });
    case 'parties':
      return parties(layout, (input.data[block.field] as DocumentParty[] | undefined) ?? [], block.label);
    case 'list':
      ((input.data[block.field] as string[] | undefined) ?? []).forEach((entry, index) =>
        layout.paragraph(`${index + 1}．${entry}`, layout.styles.body, { indent: 2 }),
      );
      return;
    case 'qa':
      for (const qa of (input.data[block.field] as DocumentQa[] | undefined) ?? []) {
        layout.paragraph(`问：${qa.question}`, layout.styles.body);
        layout.paragraph(`答：${qa.answer}`, layout.styles.body);
      }
      return;
    case 'table':
      return table(
        layout,
        block.rows.map((row) => ({ ...row, text: fill(row.text) })),
      );
    case 'items':
      return inventory(layout, (input.data[block.field] as DocumentInventoryItem[] | undefined) ?? []);
    case 'signature':
      signature(layout, input, true);
      return;
    case 'signatures':
      return signatureLines(layout, block.lines);
    case 'note':
      layout.gap(layout.styles.note.pitch * 0.5);
      return layout.paragraph(fill(block.text), layout.styles.note, { indent: 0 });
  }
}

/** The issuing agency, then the title in 黑体; a short title is letter-spaced as printed forms are. */
function heading(layout: PdfLayout, input: RenderInput): void {
  layout.paragraph(input.issuer, layout.styles.issuer, { align: 'center' });
  const title = input.definition.title;
  const style = layout.styles.title;
  const count = Array.from(title).length;
  const natural = layout.width(title, style);
  if (natural > CONTENT_WIDTH) {
    layout.paragraph(title, style, { align: 'center' });
  } else {
    const spread = count <= 6 ? natural + (count - 1) * style.size * 0.5 : natural;
    layout.ensure(style.pitch);
    layout.drawLine(title, MARGINS.left + (CONTENT_WIDTH - spread) / 2, layout.y, style, spread);
    layout.y += style.pitch;
  }
  layout.gap(layout.styles.body.pitch * 0.4);
}

const PARTY_TYPE_NOTES: Record<DocumentParty['type'], string> = {
  'natural-person': '',
  'legal-person': '',
  'other-organisation': '',
  'individual-business': '（个体工商户）',
};

/** The party block as decisions print it: the name, then what identifies the party, one item a line. */
function parties(layout: PdfLayout, list: DocumentParty[], label = '当事人'): void {
  for (const party of list) {
    const business = party.type === 'individual-business';
    const lines = [
      `${label}：${party.name}${PARTY_TYPE_NOTES[party.type]}`,
      party.creditCode ? `统一社会信用代码：${party.creditCode}` : '',
      party.legalRepresentative
        ? `${business ? '经营者' : '法定代表人（负责人）'}：${party.legalRepresentative}`
        : '',
      party.gender ? `性别：${party.gender}` : '',
      party.idNumber ? `${party.idType ?? '身份证件'}号码：${party.idNumber}` : '',
      party.address
        ? `${party.type === 'natural-person' ? '住址' : business ? '经营场所' : '住所'}：${party.address}`
        : '',
      party.phone ? `联系电话：${party.phone}` : '',
    ].filter(Boolean);
    for (const line of lines) layout.paragraph(line, layout.styles.body, { align: 'left' });
  }
}

/**
 * The seal block: the agency's name and, under it, the date in Chinese numerals, the date four characters from
 * the right margin and the name centred over it (GB/T 9704), with room above for the seal.
 */
function signature(layout: PdfLayout, input: RenderInput, markEmptyPage: boolean): boolean {
  const style = layout.styles.body;
  const pages = layout.pages;
  layout.ensure(style.pitch * 3.5);
  const alone = layout.pages > pages;
  // The old 公文 rule when nothing else helps: the page says it carries no text, only the seal.
  if (alone && markEmptyPage) layout.paragraph('（此页无正文）', style, { indent: 2 });
  layout.gap(style.pitch * 1.5);
  const date = chineseNumeralDate(input.issuedOn);
  const dateWidth = layout.width(date, style);
  const dateX = MARGINS.left + CONTENT_WIDTH - 4 * style.size - dateWidth;
  const issuerWidth = layout.width(input.issuer, style);
  const issuerX = Math.min(dateX + (dateWidth - issuerWidth) / 2, MARGINS.left + CONTENT_WIDTH - issuerWidth);
  layout.drawLine(input.issuer, issuerX, layout.y, style);
  layout.y += style.pitch;
  layout.drawLine(date, dateX, layout.y, style);
  layout.y += style.pitch;
  return alone;
}

/** Lines for handwritten signatures (笔录, 回证): the label, room to sign, and the date to write in. */
function signatureLines(layout: PdfLayout, lines: string[]): void {
  const style = layout.styles.body;
  layout.ensure(style.pitch * (lines.length + 1));
  layout.gap(style.pitch * 0.5);
  const datePart = `年${FULL_WIDTH_SPACE.repeat(2)}月${FULL_WIDTH_SPACE.repeat(2)}日`;
  const dateX = MARGINS.left + CONTENT_WIDTH - layout.width(datePart, style);
  for (const label of lines) {
    layout.ensure(style.pitch * 1.5);
    layout.drawLine(`${label}：`, MARGINS.left, layout.y, style);
    layout.drawLine(datePart, dateX, layout.y, style);
    layout.y += style.pitch * 1.5;
  }
}

interface Column {
  title: string;
  /** Share of the content width. */
  share: number;
  align: 'left' | 'center';
}

/** A bordered table with a label column, as approval forms and the 送达回证 are printed. */
function table(layout: PdfLayout, rows: TemplateTableRow[]): void {
  const columns: Column[] = [
    { title: '', share: 0.24, align: 'center' },
    { title: '', share: 0.76, align: 'left' },
  ];
  layout.gap(layout.styles.cell.pitch * 0.3);
  for (const row of rows) {
    drawRow(
      layout,
      columns,
      [row.label, row.text],
      [layout.styles.cellLabel, layout.styles.cell],
      row.minLines ?? 1,
      false,
      {
        signed: row.signed,
      },
    );
  }
  layout.gap(layout.styles.cell.pitch * 0.3);
}

/** 查封（扣押）财物清单: numbered rows under a header repeated on every page. */
function inventory(layout: PdfLayout, items: DocumentInventoryItem[]): void {
  const columns: Column[] = [
    { title: '序号', share: 0.09, align: 'center' },
    { title: '名称', share: 0.31, align: 'left' },
    { title: '规格（型号）', share: 0.22, align: 'left' },
    { title: '数量', share: 0.14, align: 'center' },
    { title: '备注', share: 0.24, align: 'left' },
  ];
  const header = () =>
    drawRow(
      layout,
      columns.map((column) => ({ ...column, align: 'center' as const })),
      columns.map((column) => column.title),
      columns.map(() => layout.styles.cellLabel),
      1,
      false,
    );
  layout.gap(layout.styles.cell.pitch * 0.3);
  header();
  items.forEach((item, index) => {
    const styles = columns.map(() => layout.styles.cell);
    const cells = [String(index + 1), item.name, item.specification ?? '', item.quantity, item.note ?? ''];
    drawRow(layout, columns, cells, styles, 1, true, { repeatHeader: header });
  });
  layout.gap(layout.styles.cell.pitch * 0.5);
}

/**
 * One table row: each cell's text wrapped to its column, the row as tall as its tallest cell (at least
 * `minLines`). A row that does not fit goes to the next page; one taller than a page is split, its label
 * marked （续） where it continues.
 */
function drawRow(
  layout: PdfLayout,
  columns: Column[],
  cells: string[],
  styles: TextStyle[],
  minLines: number,
  keepWhole: boolean,
  options: { repeatHeader?: () => void; signed?: boolean } = {},
): void {
  const { repeatHeader } = options;
  const widths = columns.map((column) => CONTENT_WIDTH * column.share);
  let remaining = cells.map((text, index) =>
    layout.wrap(text, styles[index], widths[index] - 2 * CELL_PADDING),
  );
  const pitch = Math.max(...styles.map((style) => style.pitch));
  const pageRows = Math.floor((layout.bottom - MARGINS.top - 2 * CELL_PADDING) / pitch);
  for (;;) {
    const signLine = options.signed ? 1 : 0;
    const needed = Math.max(minLines, ...remaining.map((lines) => lines.length + signLine));
    const height = needed * pitch + 2 * CELL_PADDING;
    if (height > layout.room) {
      const fits = Math.floor((layout.room - 2 * CELL_PADDING) / pitch);
      if (needed <= pageRows || keepWhole || fits < 2) {
        layout.newPage();
        repeatHeader?.();
        continue;
      }
      const top = layout.y;
      drawCells(
        layout,
        columns,
        widths,
        remaining.map((lines) => lines.slice(0, fits)),
        styles,
        pitch,
        fits,
        top,
      );
      remaining = remaining.map((lines, index) =>
        index === 0 && columns.length === 2 ? [`${cells[0]}（续）`] : lines.slice(fits),
      );
      layout.newPage();
      continue;
    }
    const top = layout.y;
    drawCells(layout, columns, widths, remaining, styles, pitch, needed, top);
    if (options.signed) {
      const style = styles[styles.length - 1];
      const x = MARGINS.left + CONTENT_WIDTH - CELL_PADDING - layout.width(SIGNED_LINE, style);
      layout.drawLine(SIGNED_LINE, x, top + CELL_PADDING + (needed - 1) * pitch, style);
    }
    return;
  }
}

function drawCells(
  layout: PdfLayout,
  columns: Column[],
  widths: number[],
  lines: string[][],
  styles: TextStyle[],
  pitch: number,
  rowLines: number,
  top: number,
): void {
  const height = rowLines * pitch + 2 * CELL_PADDING;
  let x = MARGINS.left;
  layout.rule(MARGINS.left, top, MARGINS.left + CONTENT_WIDTH, top);
  layout.rule(MARGINS.left, top + height, MARGINS.left + CONTENT_WIDTH, top + height);
  columns.forEach((column, index) => {
    layout.rule(x, top, x, top + height);
    const cellLines = lines[index];
    // A label sits in the middle of its row; content starts at the top.
    const firstTop =
      column.align === 'center' ? top + (height - cellLines.length * pitch) / 2 : top + CELL_PADDING;
    cellLines.forEach((line, lineIndex) => {
      const style = styles[index];
      const lineX =
        column.align === 'center' ? x + (widths[index] - layout.width(line, style)) / 2 : x + CELL_PADDING;
      layout.drawLine(line, lineX, firstTop + lineIndex * pitch, style);
    });
    x += widths[index];
  });
  layout.rule(x, top, x, top + height);
  layout.y = top + height;
}
