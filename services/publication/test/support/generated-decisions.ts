import type { DecisionMadeData } from '@lep/contracts';
import { penaltyDecision, residentId } from './decisions';

/** A deterministic pseudo-random sequence, so a failing case can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '欧阳', '司马'];
// Given-name characters that never form words with the template text below.
const GIVEN = ['翠', '磊', '婷', '鑫', '琳', '昊', '娟', '杰', '蕾', '雯', '峥', '珂'];
const STREETS = ['幸福路', '塔里木大道', '胜利街', '青松路', '南口街'];

export interface GeneratedDecision {
  decision: DecisionMadeData;
  /** Values that must never appear in any public answer. */
  secrets: string[];
}

/** How decisions introduce a home address, with and without a colon. */
const ADDRESS_LABELS = ['住址：', '住址', '住', '家住', '现住', '居住地', '户籍地：', '家庭住址:'];
/** 兵团 cities and 团场 a home may lie in. */
const PLACES = ['阿拉尔市', '新疆石河子市', '北屯市', '五家渠市', '第八师一四二团三连', '图木舒克市'];
/** What every generated decision says about the violation: public, so it must survive masking word for word. */
export const PUBLIC_FACT = '于2026年8月在其经营场所销售不符合食品安全标准的食品';

/** A decision whose texts carry a natural person's name, ID, phone, bank card, home address and a witness. */
export function generatedDecision(random: () => number, index: number): GeneratedDecision {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const name = () => pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : '');
  const party = name();
  let witness = name();
  while (witness === party) witness = name();
  const year = 1950 + Math.floor(random() * 50);
  const birth = `${year}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const id = residentId(birth, '659002', digits(3));
  const phone = `1${pick(['3', '5', '8', '9'])}${digits(9)}`;
  const card = luhnComplete(`622848${digits(12)}`);
  const address = `${pick(PLACES)}${pick(STREETS)}${1 + Math.floor(random() * 300)}号${1 + Math.floor(random() * 20)}栋${digits(3)}室`;
  // The address comes last inside the brackets, straight before the facts, as often as not without a colon.
  const facts =
    `经查，当事人${party}（公民身份号码${id}，联系电话${phone}，${pick(ADDRESS_LABELS)}${address}）` +
    `${PUBLIC_FACT}，违法所得通过其银行卡${card}收取。` +
    `证人${witness}证实了上述事实，${party}对违法事实无异议。`;
  const base = penaltyDecision({ caseNumber: `兵师市监立〔2026〕生成${process.pid}-${index}号` });
  const decision: DecisionMadeData = {
    ...base,
    party: { type: 'natural-person', name: party, idType: '居民身份证', idNumber: id },
    otherPersonNames: [witness],
    penalty: {
      ...base.penalty!,
      facts,
      content: `对${party}处以警告，并处罚款${1000 + Math.floor(random() * 9000)}元，证人${witness}的证言附卷。`,
    },
  };
  return { decision, secrets: [party, witness, id, phone, card, address] };
}

function luhnComplete(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    let digit = Number(body[body.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}
