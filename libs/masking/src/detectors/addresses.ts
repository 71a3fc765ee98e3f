import { Finding, REPLACEMENT_TOKENS } from '../finding';

/**
 * Words that introduce where a person lives (domain.md §4), longest first: at one position the first that
 * matches is taken, so 家庭住址 is not read as 住址, nor 住所地 as 住. A label may run straight into the
 * address (住址新疆石河子市…, 住新疆石河子市…, 家住第八师…) or take a separator (：, 为, 是, 在, 于).
 */
const LABELS = [
  '身份证住址',
  '家庭住址',
  '家庭地址',
  '户籍所在地',
  '户籍地址',
  '户籍地',
  '经常居住地',
  '现居住地',
  '现住址',
  '现住所',
  '现居住',
  '居住地址',
  '居住地',
  '联系地址',
  '通讯地址',
  '通信地址',
  '送达地址',
  '住址',
  '住所地',
  '住所',
  '住处',
  '现居',
  '现住',
  '家住',
  '暂住',
  '居住',
  '租住',
  '借住',
  '寄住',
  '住',
];

/** Labels that are also legal phrases (被告住所地人民法院): an address follows them only after a separator. */
const LABELS_NEEDING_SEPARATOR = new Set(['住所地', '住所']);

/** 住 that is not about a dwelling: 住院 (hospital), 住宿, 住房, 住宅, 住户, 住建 (housing bureau), 住持 … */
const NOT_A_DWELLING = '院宿房宅户建持手口了过着';
/**
 * 住 alone is no label after these: the end of a verb (保住, 记住, 抓住, 挡住, 守住 …), or the second character of
 * a longer label found at the character before (居住地, 家住, 现住, 暂住 …), whose own span is the address.
 */
const NOT_BEFORE_BARE_ZHU = new Set([...'保记抓挡顶站稳忍守困留拦卡封管堵盯憋止靠撑托居家现暂租借寄']);

// Zero-width, so every position is tried: a label the scan passed over (其家住址：…) is not lost.
const LABEL_PATTERN = new RegExp(
  `(?=(${LABELS.join('|')})(?![${NOT_A_DWELLING}])(\\s*[：:]\\s*|为|是|在|于)?)`,
  'g',
);

/**
 * The last part of an address: administrative divisions down to the room, 兵团 units included (第八师一四二团三连),
 * longest first so that 街道 is not read as 街 + 道.
 */
const UNIT =
  '自治区|自治州|自治县|特别行政区|开发区|工业园区|园区|地区|街道|社区|小区|花园|家属院|家属楼|家属区|宿舍|公寓|大厦|' +
  '广场|号楼|号院|楼栋|单元|连队|团场|农场|牧场|林场|兵团|胡同|省|市|州|盟|县|旗|区|镇|乡|村|组|屯|队|团|师|连|营|路|街|' +
  '道|巷|弄|里|号|院|苑|园|庭|府|城|楼|栋|幢|座|层|室|户|房|排|门|铺';
const UNITS = new RegExp(UNIT, 'g');
/** A room or house number after the last unit (小区15-2-301), not a date or an amount (5号2019年). */
const TRAILING_NUMBER = /^[0-9０-９]+(?:[-－—#][0-9０-９]+)*(?![0-9０-９年月日时分元万千百个次岁天份件%])/;
/** An address written after a label without a colon must begin like one: a place name ending in a division. */
const PLACE_START = new RegExp(
  `^[\\u4e00-\\u9fff〇]{1,12}?(?:省|自治区|市|州|盟|地区|县|旗|区|镇|乡|街道|社区|村|师|团|连|路|街|巷|小区)`,
);

/** Where an address ends at the latest: punctuation, a line break, a closing bracket, a replacement token. */
const HARD_STOP = /[，,。；;！!？?、\n）)】\]」』》[]/;
/** Words after which the text is about something else (的, 于2026年…, 在其…, 经营, 销售 …), not the address. */
const STOP_WORDS =
  /的|于(?=[0-9０-９一二三四五六七八九十〇零同当本其该])|在(?=[其该本此])|经营|从事|销售|期间|因|被|并|及|与|已|曾/;

/**
 * Free-text addresses after a label (domain.md §4). The address runs to its last address unit (with the room
 * number after it), and never past a punctuation mark, a closing bracket or the words that start the facts
 * after it: `（住址：…401室）于2026年10月在其经营场所销售…` loses the address and keeps the sale.
 */
export function detectAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(LABEL_PATTERN)) {
    const [, label, separator] = match;
    if (separator === undefined && LABELS_NEEDING_SEPARATOR.has(label)) continue;
    if (label === '住' && NOT_BEFORE_BARE_ZHU.has(text[match.index - 1] ?? '')) continue;
    const start = match.index + label.length + (separator?.length ?? 0);
    const span = addressAt(text, start, /[：:]/.test(separator ?? ''));
    if (span)
      findings.push({
        kind: 'address',
        start,
        end: span,
        replacement: REPLACEMENT_TOKENS.address,
        needsReview: false,
      });
  }
  return findings;
}

/** Where the address starting at `start` ends, or undefined when none starts there. */
function addressAt(text: string, start: number, colon: boolean): number | undefined {
  const region = candidateRegion(text, start);
  let end = 0;
  for (const unit of region.matchAll(UNITS)) end = unit.index + unit[0].length;
  if (end === 0) {
    // 住址：不详 — after a colon whatever stands there is the address; without one, no address starts here.
    const written = region.trimEnd().length;
    return colon && written > 0 ? start + written : undefined;
  }
  if (!colon && !PLACE_START.test(region)) return undefined;
  end += TRAILING_NUMBER.exec(region.slice(end))?.[0].length ?? 0;
  return start + end;
}

/**
 * The text an address can occupy: up to a hard stop or a stop word, with a bracket pair that closes before the
 * hard stop kept inside (北泉镇（一四三团）三连).
 */
function candidateRegion(text: string, start: number): string {
  let position = start;
  while (position < text.length) {
    const char = text[position];
    if (char === '（' || char === '(') {
      const close = text.indexOf(char === '（' ? '）' : ')', position);
      const inner = close === -1 ? '' : text.slice(position + 1, close);
      if (close === -1 || HARD_STOP.test(inner) || /[（(]/.test(inner)) break;
      position = close + 1;
      continue;
    }
    if (HARD_STOP.test(char)) break;
    if (position > start) {
      const stop = STOP_WORDS.exec(text.slice(position, position + 3));
      if (stop?.index === 0) break;
    }
    position += 1;
  }
  return text.slice(start, position);
}
