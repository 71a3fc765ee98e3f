const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–31 as written in a date: 十, 十一, 二十, 三十一. */
function smallNumber(value: number): string {
  if (value < 10) return DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * A date as the seal block of a document writes it: 2026-12-04 → 二〇二六年十二月四日 (the year digit by digit,
 * month and day as numbers).
 */
export function chineseNumeralDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const yearText = String(year)
    .split('')
    .map((digit) => DIGITS[Number(digit)])
    .join('');
  return `${yearText}年${smallNumber(month)}月${smallNumber(day)}日`;
}

/** A date in running text: 2026-03-05 → 2026年3月5日. */
export function arabicDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CAPITAL_UNITS = ['', '拾', '佰', '仟'];
const CAPITAL_SECTIONS = ['', '万', '亿', '万亿'];

/** One group of four digits (0–9999) in capital numerals, with 零 for inner gaps. */
function capitalSection(value: number): string {
  let text = '';
  let zero = false;
  for (let position = 3; position >= 0; position -= 1) {
    const digit = Math.floor(value / 10 ** position) % 10;
    if (digit === 0) {
      zero = text !== '';
      continue;
    }
    if (zero) text += '零';
    zero = false;
    text += CAPITAL_DIGITS[digit] + CAPITAL_UNITS[position];
  }
  return text;
}

/**
 * An amount of money in the capital numerals (大写) receipts and decisions use: 5000 → 伍仟元整, 12345.6 →
 * 壹万贰仟叁佰肆拾伍元陆角, 100000.05 → 壹拾万元零伍分.
 */
export function capitalYuan(amount: number): string {
  const cents = Math.round(amount * 100);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  let integer = '';
  let pendingZero = false;
  const sections: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);
  for (let index = sections.length - 1; index >= 0; index -= 1) {
    const section = sections[index];
    if (section === 0) {
      pendingZero = integer !== '';
      continue;
    }
    if (integer !== '' && (pendingZero || section < 1000)) integer += '零';
    pendingZero = false;
    integer += capitalSection(section) + CAPITAL_SECTIONS[index];
  }
  // 拾万 is written 壹拾万 on money: a leading 拾 gets its 壹.
  if (integer.startsWith('拾')) integer = `壹${integer}`;
  if (yuan === 0 && cents === 0) return '零元整';
  let text = yuan > 0 ? `${integer}元` : '';
  if (jiao === 0 && fen === 0) return `${text}整`;
  if (jiao > 0) text += `${CAPITAL_DIGITS[jiao]}角`;
  else if (yuan > 0) text += '零';
  if (fen > 0) text += `${CAPITAL_DIGITS[fen]}分`;
  return text;
}

/** 5000 → 5,000.00 */
export function groupedYuan(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
