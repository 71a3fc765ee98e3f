import { ensureCjkFonts } from '@lep/testing';
import { loadDocumentFonts } from './fonts';
import { CONTENT_WIDTH, PdfLayout, STYLES } from './pdf-layout';

const NOTO = '/usr/share/fonts/opentype/noto';

function layout(): PdfLayout {
  ensureCjkFonts();
  const fonts = loadDocumentFonts({
    body: `${NOTO}/NotoSerifCJK-Regular.ttc`,
    title: `${NOTO}/NotoSansCJK-Bold.ttc`,
  });
  return new PdfLayout(fonts, { title: 't', subject: 's', keywords: 'k', created: new Date(0) });
}

describe('Chinese line breaking', () => {
  const page = layout();
  const wrap = (text: string, width = CONTENT_WIDTH) => page.wrap(text, STYLES.body, width);

  it('fills a line of body text with 27 characters at 三号 on the 156 mm text block', () => {
    const lines = wrap('国'.repeat(60));
    expect(lines.map((line) => line.length)).toEqual([27, 27, 6]);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    const text = `${'执'.repeat(26)}，法${'执'.repeat(25)}（依据）`;
    for (const line of wrap(text)) {
      expect('，。、；：？！）》”'.includes(line[0])).toBe(false);
      expect('（《“'.includes(line[line.length - 1])).toBe(false);
    }
    expect(wrap(text).join('')).toBe(text);
  });

  it('keeps numbers and codes whole when they fit on a line', () => {
    const lines = wrap(`${'执'.repeat(20)}659001198503152017`);
    expect(lines).toEqual(['执'.repeat(20), '659001198503152017']);
  });

  it('breaks a code longer than a line where it must, and honours hard line breaks', () => {
    expect(wrap('A'.repeat(200), 100).join('')).toBe('A'.repeat(200));
    expect(wrap('第一行\n第二行')).toEqual(['第一行', '第二行']);
  });
});
