import { chinaDateOf } from '@lep/calendar';
import {
  CASE_ERROR_CODES,
  CASE_STAGE_NAMES,
  REVIEW_CHECKLIST,
  type AvRecordingEntry,
  type CaseStage,
  type CaseState,
  type EvidenceLink,
  type ReviewCompletion,
  type ReviewRoundState,
} from '@lep/contracts';

/** A rule violation: the code the API maps to a status, and the Chinese sentence staff read. */
export interface Violation {
  code: (typeof CASE_ERROR_CODES)[keyof typeof CASE_ERROR_CODES];
  message: string;
  /** The input's field the refusal is about, when it is about one. */
  field?: string;
}

const AV_KINDS = new Set(['audio', 'video']);
/** The stages a full-process AV entry covers (domain.md R4): every on-site stage from investigation to execution. */
const FULL_PROCESS_STAGES: CaseStage[] = ['investigating', 'hearing', 'served', 'executed'];

/** Stages of this case that the registry's AV list requires audio or video for. */
export function avRequiredStages(entry: AvRecordingEntry | null): CaseStage[] {
  if (!entry) return [];
  const listed = entry.stages.filter((stage): stage is CaseStage => stage in CASE_STAGE_NAMES);
  return entry.fullProcess ? [...new Set([...FULL_PROCESS_STAGES, ...listed])] : listed;
}

/** Stages among `stages` that have no audio or video evidence attached yet. */
export function stagesLackingAv(stages: CaseStage[], evidence: EvidenceLink[]): CaseStage[] {
  return stages.filter((stage) => !evidence.some((item) => item.stage === stage && AV_KINDS.has(item.kind)));
}

/** Leaving `stage` needs its AV record when the AV list names it (domain.md R3/R4). */
export function avViolationOnLeaving(
  stage: CaseStage,
  required: CaseStage[],
  evidence: EvidenceLink[],
): Violation | undefined {
  if (!required.includes(stage) || stagesLackingAv([stage], evidence).length === 0) return undefined;
  return {
    code: CASE_ERROR_CODES.avMissing,
    message: `音像记录事项清单要求「${CASE_STAGE_NAMES[stage]}」环节留存音像记录，尚未上传音频或视频，不能进入下一环节`,
  };
}

export function stageViolation(
  state: CaseState,
  allowed: CaseStage[],
  action: string,
): Violation | undefined {
  if (state.status !== 'open')
    return { code: CASE_ERROR_CODES.caseClosed, message: `案件当前不在办理中，不能${action}` };
  if (allowed.includes(state.stage)) return undefined;
  const names = allowed.map((stage) => CASE_STAGE_NAMES[stage]).join('、');
  return {
    code: CASE_ERROR_CODES.wrongStage,
    message: `案件处于「${CASE_STAGE_NAMES[state.stage]}」环节，${action}只能在「${names}」环节进行`,
  };
}

/** The review round whose opinion currently stands: the latest one. */
export function latestRound(state: CaseState): ReviewRoundState | undefined {
  return state.reviewRounds[state.reviewRounds.length - 1];
}

/** True when the round's opinion, or the head's final ruling on a dispute, approves its draft. */
export function roundApproves(round: ReviewRoundState): boolean {
  return round.outcome === 'approved' || round.dispute?.ruling === 'overrule';
}

/**
 * The hard rule of domain.md L1: a major decision is made only from exactly the draft the latest review round
 * approved. Every decision must name the draft it is made from.
 */
export function decisionViolation(state: CaseState, draftHash: string): Violation | undefined {
  if (!state.draft) return { code: CASE_ERROR_CODES.wrongStage, message: '尚未提交决定草案，不能作出决定' };
  if (draftHash !== state.draft.hash)
    return {
      code: CASE_ERROR_CODES.draftMismatch,
      message: '所作决定与当前决定草案不一致（草案哈希不符），请按当前草案作出决定',
    };
  if (!state.major) return undefined;
  const round = latestRound(state);
  if (!round || round.outcome === undefined)
    return {
      code: CASE_ERROR_CODES.reviewNotApproved,
      message: '本案属于重大执法决定，未经法制审核或审核尚未完成，不得作出决定',
    };
  if (!roundApproves(round))
    return {
      code: CASE_ERROR_CODES.reviewNotApproved,
      message: `本案属于重大执法决定，最近一轮（第 ${round.round} 轮）法制审核未通过，不得作出决定`,
    };
  if (round.draftHash !== state.draft.hash)
    return {
      code: CASE_ERROR_CODES.reviewNotApproved,
      message: '决定草案在法制审核通过后已修改，须就修改后的草案重新提请法制审核',
    };
  return undefined;
}

/**
 * The date written on the 决定书 (domain.md L1a): not after today, not before filing, and for a major decision not
 * before the review that approved it was completed. Dates are China calendar days, YYYY-MM-DD.
 */
export function decisionDateViolation(
  state: CaseState,
  decidedOn: string,
  on: { today: string; filedOn: string },
): Violation | undefined {
  const invalid = (message: string): Violation => ({ code: CASE_ERROR_CODES.decisionDateInvalid, message });
  if (decidedOn > on.today)
    return invalid(`决定书载明的日期 ${decidedOn} 晚于今天（${on.today}），不能预填决定日期`);
  if (decidedOn < on.filedOn) return invalid(`决定书载明的日期 ${decidedOn} 早于立案日期 ${on.filedOn}`);
  const round = state.major ? latestRound(state) : undefined;
  const approvedOn = round?.completedAt ? chinaDateOf(round.completedAt) : undefined;
  if (approvedOn && decidedOn < approvedOn)
    return invalid(
      `决定书载明的日期 ${decidedOn} 早于法制审核意见作出的日期 ${approvedOn}：重大执法决定须在审核通过后作出`,
    );
  return undefined;
}

/**
 * A written opinion must agree with its checklist (domain.md L5): approval means no point raised a problem;
 * returning or refusing must name at least one problem.
 */
export function checklistViolation(completion: ReviewCompletion): Violation | undefined {
  const answers = REVIEW_CHECKLIST.map((item) => completion.checklist?.[item]);
  if (answers.some((answer) => answer === undefined || typeof answer.passed !== 'boolean'))
    return {
      code: CASE_ERROR_CODES.checklistInconsistent,
      message: '法制审核须逐项填写审核要点（共 8 项）',
    };
  const problems = answers.filter((answer) => !answer?.passed).length;
  if (completion.outcome === 'approved' && problems > 0)
    return {
      code: CASE_ERROR_CODES.checklistInconsistent,
      message: '审核要点中存在问题时，审核意见不能为「同意」',
    };
  if (completion.outcome !== 'approved' && problems === 0)
    return {
      code: CASE_ERROR_CODES.checklistInconsistent,
      message: '退回修改或不同意的审核意见须在审核要点中列明存在的问题',
    };
  if (!completion.opinion?.trim())
    return { code: CASE_ERROR_CODES.checklistInconsistent, message: '须出具书面审核意见' };
  return undefined;
}
