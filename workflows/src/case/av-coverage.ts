import { patched } from '@temporalio/workflow';
import {
  CASE_ERROR_CODES,
  COERCION_KIND_NAMES,
  type ActSpan,
  type CoercionKind,
  type EvidenceLink,
} from '@lep/contracts';
import { refusal } from './refusal';
import type { Violation } from './rules';

/**
 * Acts that are recorded on AV from start to end wherever they happen, whatever the agency's own AV list says
 * (domain.md R4: 查封扣押财产、强制拆除 — a demolition is entered as 排除妨碍、恢复原状).
 */
export const FULL_PROCESS_AV_FLOOR: readonly CoercionKind[] = ['seal', 'detain', 'removal'];

const AV_KINDS = new Set(['audio', 'video']);

/**
 * The parts of `span` that no audio or video recording of the case covers, in order: the union of the recordings'
 * spans (start `recordedFrom`, end `recordedTo`) must contain the whole act. Recordings without an end say nothing
 * about how long they ran, so they cover nothing here; touching recordings join (a camera's file split).
 */
export function uncoveredParts(span: ActSpan, evidence: EvidenceLink[]): ActSpan[] {
  const from = Date.parse(span.from);
  const to = Date.parse(span.to);
  const recordings = evidence
    .filter((item) => AV_KINDS.has(item.kind) && item.recordedFrom && item.recordedTo)
    .map((item) => [Date.parse(item.recordedFrom!), Date.parse(item.recordedTo!)] as const)
    .filter(([start, end]) => end > from && start < to)
    .sort((a, b) => a[0] - b[0]);
  const gaps: ActSpan[] = [];
  let covered = from;
  for (const [start, end] of recordings) {
    if (start > covered)
      gaps.push({ from: new Date(covered).toISOString(), to: new Date(start).toISOString() });
    covered = Math.max(covered, end);
    if (covered >= to) break;
  }
  if (covered < to) gaps.push({ from: new Date(covered).toISOString(), to: new Date(to).toISOString() });
  return gaps;
}

/** The China-time clock reading of an instant, as staff read the act's times (HH:MM:SS). */
function clock(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(11, 19);
}

/**
 * A 查封、扣押 or 强制拆除 is accepted only with the times it was carried out and recordings covering them all
 * (domain.md R4): refused naming the uncovered stretches otherwise. Other kinds follow the agency's AV list.
 */
export function fullProcessAvViolation(
  kind: CoercionKind,
  carriedOut: ActSpan | undefined,
  evidence: EvidenceLink[],
): Violation | undefined {
  if (!FULL_PROCESS_AV_FLOOR.includes(kind)) return undefined;
  const act = COERCION_KIND_NAMES[kind];
  if (!carriedOut)
    return {
      code: CASE_ERROR_CODES.avMissing,
      message: `「${act}」须全过程音像记录（平台最低要求，不论本机关音像记录事项清单）：请写明实施的起止时间（carriedOut）`,
    };
  if (!(Date.parse(carriedOut.to) > Date.parse(carriedOut.from)))
    return {
      code: CASE_ERROR_CODES.avMissing,
      message: `「${act}」的实施结束时间须晚于开始时间`,
    };
  const gaps = uncoveredParts(carriedOut, evidence);
  if (gaps.length === 0) return undefined;
  return {
    code: CASE_ERROR_CODES.avMissing,
    message:
      `「${act}」须全过程音像记录（平台最低要求，不论本机关音像记录事项清单），已上传的录音录像未覆盖实施过程：` +
      gaps.map((gap) => `${clock(gap.from)}—${clock(gap.to)}`).join('、') +
      '（北京时间）未被覆盖',
  };
}

/**
 * Refuses the act in its update handler when the floor is not met. The check runs in the handler, not the
 * validator, behind patch `full-process-av-floor`: validators run again on replay, and acts accepted before the
 * floor existed must still replay as accepted.
 */
export function assertFullProcessAv(
  kind: CoercionKind,
  carriedOut: ActSpan | undefined,
  evidence: EvidenceLink[],
): void {
  if (!FULL_PROCESS_AV_FLOOR.includes(kind) || !patched('full-process-av-floor')) return;
  const violation = fullProcessAvViolation(kind, carriedOut, evidence);
  if (violation) throw refusal(violation.code, violation.message);
}
