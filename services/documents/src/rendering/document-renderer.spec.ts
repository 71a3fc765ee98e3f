import { createHash } from 'node:crypto';
import { DOCUMENT_KINDS } from '@lep/contracts';
import { ensureCjkFonts, pdfPages, pdfText } from '@lep/testing';
import { DEFAULT_TEMPLATES, defaultTemplateVersion } from '../templates/default-templates';
import { SAMPLE_DATA } from '../templates/sample-data';
import { renderDocumentPdf, type RenderInput } from './document-renderer';
import { type DocumentFonts, loadDocumentFont, loadDocumentFonts } from './fonts';
import { maskDocumentData } from './masked-data';

const NOTO = '/usr/share/fonts/opentype/noto';
let fonts: DocumentFonts;

beforeAll(() => {
  ensureCjkFonts();
  fonts = loadDocumentFonts({
    body: `${NOTO}/NotoSerifCJK-Regular.ttc`,
    title: `${NOTO}/NotoSansCJK-Bold.ttc`,
  });
});

function input(kind: (typeof DOCUMENT_KINDS)[number], overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    definition: DEFAULT_TEMPLATES[kind],
    data: SAMPLE_DATA[kind],
    issuer: '石河子市市场监督管理局',
    number: '石市监处罚〔2026〕118号',
    issuedOn: '2026-12-04',
    caseNumber: 'SJ-2026-0312',
    templateVersion: defaultTemplateVersion(kind),
    ...overrides,
  };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const text = (pdf: Buffer) =>
  pdfText(pdf)
    .replace(/\s+/g, '')
    .replace(/第\d+页共\d+页/g, '');

describe('rendering a document to PDF', () => {
  it('gives the same bytes for the same input, whatever was rendered before', async () => {
    const first = await renderDocumentPdf(fonts, input('penalty-decision'));
    await renderDocumentPdf(fonts, input('inquiry-record'));
    const again = await renderDocumentPdf(fonts, input('penalty-decision'));
    expect(sha256(again)).toBe(sha256(first));
    const otherDay = await renderDocumentPdf(fonts, input('penalty-decision', { issuedOn: '2026-12-05' }));
    expect(sha256(otherDay)).not.toBe(sha256(first));
  });

  it('writes Chinese a PDF reader reads back, with the seal date in Chinese numerals', async () => {
    const pdf = await renderDocumentPdf(fonts, input('penalty-decision'));
    const content = text(pdf);
    expect(content).toContain('石河子市市场监督管理局行政处罚决定书石市监处罚〔2026〕118号');
    expect(content).toContain('石河子市市场监督管理局二〇二六年十二月四日');
    expect(content).toContain('罚款：人民币捌仟元整（¥8,000.00）');
    expect(pdfPages(pdf).length).toBeGreaterThan(0);
  });

  it('renders every kind of the default set from its sample data', async () => {
    for (const kind of DOCUMENT_KINDS) {
      const pdf = await renderDocumentPdf(fonts, input(kind));
      expect({ kind, title: text(pdf).includes(DEFAULT_TEMPLATES[kind].title) }).toEqual({
        kind,
        title: true,
      });
    }
  });

  it("writes the 不予受理通知书 from what the not-accepted filing records, under the filing's 文号", async () => {
    const content = text(
      await renderDocumentPdf(fonts, input('not-accepted-notice', { number: null, issuedOn: '2026-03-04' })),
    );
    expect(content).toContain(
      '石河子市市场监督管理局不予受理通知书石市监许不受〔2026〕7号石河子市鑫源商贸有限公司：',
    );
    expect(content).toContain('本机关于2026年3月2日收到你（单位）提出的食品生产许可申请。');
    expect(content).toContain('不属于本机关职权范围，请向新疆维吾尔自治区市场监督管理局申请。');
    expect(content).toContain(
      '依据《中华人民共和国行政许可法》第三十二条第一款第（二）项的规定，本机关于2026年3月4日决定对该申请不予受理。',
    );
    expect(content).toContain('六十日内向第八师石河子市人民政府申请行政复议');
    expect(content).toContain('石河子市市场监督管理局二〇二六年三月四日');
  });

  it('leaves out a block whose field has no value', async () => {
    const { discretion: _discretion, ...data } = SAMPLE_DATA['penalty-decision'];
    const content = text(await renderDocumentPdf(fonts, input('penalty-decision', { data })));
    expect(content).not.toContain('裁量基准');
    expect(content).toContain('依据《中华人民共和国产品质量法》');
  });

  it('flows a long table row over pages, marking the label where it continues', async () => {
    const longFacts = '当事人销售不合格产品的经过如下。'.repeat(120);
    const pdf = await renderDocumentPdf(
      fonts,
      input('filing-approval', { data: { ...SAMPLE_DATA['filing-approval'], briefFacts: longFacts } }),
    );
    expect(pdfPages(pdf).length).toBeGreaterThan(2);
    const content = text(pdf);
    expect(content).toContain('简要案情（续）');
    // pdftotext reads the label cell in between the row's lines; without the labels the text is whole.
    expect(content.replace(/简要案情（续）|简要案情/g, '')).toContain(longFacts);
  });

  it('masks the party and other persons in the disclosure rendering', async () => {
    const kind = 'inquiry-record';
    const masked = maskDocumentData(DEFAULT_TEMPLATES[kind].fields, SAMPLE_DATA[kind]);
    const content = text(await renderDocumentPdf(fonts, input(kind, { data: masked })));
    expect(content).toContain('被询问人：张某');
    expect(content).toContain('身份证件号码：[身份证号已隐去]');
    expect(content).toContain('住址：[住址已隐去]');
    expect(content).not.toContain('13899521234');
    expect(content).toContain('王执法（执法证号：65090012024001）');
  });
});

describe('document fonts', () => {
  it('takes the Simplified Chinese face of a collection', () => {
    expect(loadDocumentFont(`${NOTO}/NotoSerifCJK-Regular.ttc`).face).toBe('NotoSerifCJKsc-Regular');
    expect(loadDocumentFont(`${NOTO}/NotoSansCJK-Bold.ttc`).face).toBe('NotoSansCJKsc-Bold');
  });
});
