import { arabicDate, capitalYuan, chineseNumeralDate, groupedYuan } from './chinese-numerals';

describe('Chinese numerals on documents', () => {
  it('writes the seal-block date in Chinese numerals', () => {
    expect(chineseNumeralDate('2026-12-04')).toBe('二〇二六年十二月四日');
    expect(chineseNumeralDate('2030-01-10')).toBe('二〇三〇年一月十日');
    expect(chineseNumeralDate('2026-10-21')).toBe('二〇二六年十月二十一日');
    expect(chineseNumeralDate('2026-05-30')).toBe('二〇二六年五月三十日');
    expect(arabicDate('2026-03-05')).toBe('2026年3月5日');
  });

  it('writes money in capital numerals as receipts do', () => {
    expect(capitalYuan(5000)).toBe('伍仟元整');
    expect(capitalYuan(12345.6)).toBe('壹万贰仟叁佰肆拾伍元陆角');
    expect(capitalYuan(100000.05)).toBe('壹拾万元零伍分');
    expect(capitalYuan(10)).toBe('壹拾元整');
    expect(capitalYuan(1005)).toBe('壹仟零伍元整');
    expect(capitalYuan(20_000_800)).toBe('贰仟万零捌佰元整');
    expect(capitalYuan(100_000_000)).toBe('壹亿元整');
    expect(capitalYuan(0.5)).toBe('伍角');
    expect(capitalYuan(0)).toBe('零元整');
    expect(capitalYuan(3.07)).toBe('叁元零柒分');
    expect(groupedYuan(5000)).toBe('5,000.00');
  });
});
