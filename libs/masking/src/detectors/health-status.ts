import { Finding } from '../finding';
import { isInsideBookTitle, matchSpans } from './spans';

// Specific phrases only: a bare 病 would flag every 病死猪 case. Statute titles (《传染病防治法》) are skipped.
const HEALTH_KEYWORDS = (
  '患有 患病 病史 病情 病历 诊断为 确诊 住院 精神病 精神疾病 精神障碍 艾滋病 HIV 传染病 乙肝 肝炎 结核病 ' +
  '癌症 肿瘤 残疾 伤残 怀孕 孕期 哺乳期 抑郁症 健康状况 身体状况 体检结果'
).split(' ');
const HEALTH_PATTERN = new RegExp(HEALTH_KEYWORDS.join('|'), 'g');

/** Health-status wording: left in place and flagged, since whether it may be published is a human judgement. */
export function detectHealthStatus(text: string): Finding[] {
  return matchSpans(text, HEALTH_PATTERN)
    .filter((match) => !isInsideBookTitle(text, match.start))
    .map((match) => ({
      kind: 'health-status' as const,
      start: match.start,
      end: match.end,
      replacement: null,
      needsReview: true,
    }));
}
