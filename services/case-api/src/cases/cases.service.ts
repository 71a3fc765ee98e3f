import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Principal, Role } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import {
  dossierContents,
  DossierUnavailableError,
  readCaseRecord,
  type CaseFileEntity,
  type DossierContents,
  type OpenedDocument,
} from '@lep/case-store';
import { contradictionsWithDraft, type DraftUnderReview } from '@lep/review-rules';
import {
  CASE_ERROR_CODES,
  caseIdOfDecision,
  caseWorkflowId,
  caseUpdates,
  isWithdrawn,
  type CaseAction,
  type CaseActionUpdate,
  type CaseState,
  type DecisionWithdrawalInput,
  type StartCaseInput,
} from '@lep/contracts';
import type { UpdateDefinition } from '@temporalio/common';
import { WorkflowNotFoundError } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { CaseAccess } from '../access/case-access';
import { ActionRunningView, actionRunning } from '../common/action-answer';
import { caseActor } from '../common/acting-officers';
import { actorOf } from '../common/case-actor';
import { CASE_APPROVERS, CASE_WRITERS } from '../common/case-roles';
import type { RequestIdDto } from '../common/params';
import { ActionOutcome, CaseWorkflows } from '../workflows/case-workflows';
import { toApiError, workflowErrors } from '../workflows/workflow-errors';
import { assertApplicationDates } from './application.dto';
import type { CaseListQuery, CasePageView, CaseRecordView, CaseView, StartCaseDto } from './case.dto';
import type { RevocationDto } from './case-actions.dto';
import { CaseIndex } from './case-index';
import { DossierDocuments } from './dossier-documents';
import { RemakeClaims } from './remake-claims';

/** The case as case-api knows it before acting: its agency (for scoping) and whether it is indexed yet. */
interface KnownCase {
  caseId: string;
  agencyCode: string;
  row: CaseFileEntity | null;
}

@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    private readonly workflows: CaseWorkflows,
    private readonly index: CaseIndex,
    private readonly access: CaseAccess,
    private readonly dataSource: DataSource,
    private readonly dossierDocuments: DossierDocuments,
    private readonly remakeClaims: RemakeClaims,
  ) {}

  /** 立案. `created` is false when the agency already started a case under this number. */
  async start(principal: Principal, dto: StartCaseDto): Promise<{ created: boolean; view: CaseView }> {
    await this.access.assertHandlingAgency(principal, dto.agencyCode);
    // Bad input is refused before the decision to re-make is claimed: a claim is a change.
    if (dto.application) assertApplicationDates(dto.application, dto.filedOn);
    if (dto.remakesDecisionId) {
      await this.assertRemakable(dto.remakesDecisionId, dto.agencyCode);
      await this.remakeClaims.claim(dto.remakesDecisionId, caseWorkflowId(dto.agencyCode, dto.caseNumber));
    }
    const input: StartCaseInput = { ...dto, actor: actorOf(principal, CASE_WRITERS) };
    let started: { caseId: string; created: boolean };
    try {
      started = await this.workflows.start(input);
    } catch (error) {
      throw toApiError(error, false);
    }
    const { caseId, created } = started;
    // A new case has no state to show until the worker's filing step: asking the workflow now would only queue a
    // query behind that step. The caller reads the case (or lists it) once filed.
    if (created) return { created, view: { caseId, source: 'index', state: null } };
    // The start itself succeeded (the case exists): a workflow that does not answer in time does not fail it,
    // the answer then shows the case as its last committed step left it (source index).
    return {
      created,
      view: await this.view(caseId, await this.index.find(caseId), 'index-when-unavailable'),
    };
  }

  /**
   * A new case may re-make (重新作出) only a decision of its own agency that was withdrawn as to be re-made after
   * its case was archived; an open case re-decides within its own lifecycle.
   */
  private async assertRemakable(decisionId: string, agencyCode: string): Promise<void> {
    const caseId = caseIdOfDecision(decisionId);
    const row = caseId ? await this.index.find(caseId) : null;
    const refuse = (message: string) =>
      new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
        { field: 'remakesDecisionId', rule: 'withdrawnToBeRemade', message },
      ]);
    if (!row || row.agencyCode !== agencyCode) throw refuse(`决定 ${decisionId} 不是本执法主体的决定`);
    // A withdrawal after archive keeps the decision in the state; one re-made within its own case does not.
    const { decision, withdrawal } = row.state;
    if (
      row.status !== 'archived' ||
      decision?.decisionId !== decisionId ||
      withdrawal?.decisionId !== decisionId ||
      withdrawal.kind !== 'remade'
    )
      throw refuse(`决定 ${decisionId} 不是已归档案件中被要求重新作出而撤回的决定`);
  }

  /** The case, and what its workflow is stuck on (retried activities, no worker) when it is. */
  async get(principal: Principal, caseId: string): Promise<CaseView> {
    const known = await this.resolve(caseId);
    await this.access.assertCanRead(principal, caseId, known.agencyCode, `/api/v1/cases/${caseId}`);
    const [view, waitingOn] = await Promise.all([
      this.view(caseId, known.row),
      this.workflows.waitingOn(caseId, true),
    ]);
    return waitingOn.length > 0 ? { ...view, waitingOn } : view;
  }

  async list(principal: Principal, query: CaseListQuery): Promise<CasePageView> {
    return this.index.page(query, await this.access.listScope(principal, query, '/api/v1/cases'));
  }

  /**
   * Executes one action as a workflow update. The workflow validates it (stage, hard rule, windows) and answers
   * with a refusal the caller sees as 4xx, or applies it; either way `requestId` makes a retry harmless. An
   * action the workflow has not finished within the wait is answered as still running (202), with where to
   * ask for its outcome and what the workflow waits on.
   */
  async act<Input extends CaseAction>(
    principal: Principal,
    caseId: string,
    update: CaseActionUpdate & UpdateDefinition<CaseState, [Input]>,
    acting: readonly Role[],
    dto: RequestIdDto & Omit<Input, 'actor'>,
  ): Promise<CaseView | ActionRunningView> {
    const known = await this.resolve(caseId);
    await this.access.assertHandlingAgency(principal, known.agencyCode);
    // The DTO is the update's input but for the actor, which only the authenticated caller supplies (with the
    // officers it names: domain.md R8).
    const input = { ...dto, actor: caseActor(principal, acting) } as Input;
    let outcome: ActionOutcome<CaseState>;
    try {
      outcome = await this.workflows.update(caseId, update, input, dto.requestId);
    } catch (error) {
      throw toApiError(error, true);
    }
    return this.answer(caseId, dto.requestId, outcome, update.name);
  }

  /**
   * 撤销, 确认违法 or 重新作出 (domain.md P9), whatever the case's stage. An open case withdraws through its
   * lifecycle's `revoke` update; an archived case's lifecycle has ended, so its decision is withdrawn by a
   * decisionWithdrawal workflow of its own, which appends the entry to the same record and sends the same event.
   * Either way a decision is withdrawn once (409 DECISION_ALREADY_WITHDRAWN), and the same requestId again
   * answers the same withdrawal.
   */
  async revoke(
    principal: Principal,
    caseId: string,
    dto: RevocationDto,
  ): Promise<CaseView | ActionRunningView> {
    assertNotLaterThanToday(dto.source.decidedOn, 'source.decidedOn');
    const known = await this.resolve(caseId);
    if (known.row?.status !== 'archived')
      return this.act(principal, caseId, caseUpdates.revoke, CASE_APPROVERS, dto);
    await this.access.assertHandlingAgency(principal, known.agencyCode);
    const archived = known.row.state;
    if (!archived.decision)
      throw new ApiError(HttpStatus.CONFLICT, CASE_ERROR_CODES.wrongStage, '本案没有生效的决定');
    const revocation = { ...dto, actor: caseActor(principal, CASE_APPROVERS) };
    const input = { revocation, archived, filedAt: known.row.filedAt.toISOString() };
    return this.withdrawAfterArchive(caseId, dto.requestId, input, isWithdrawn(archived));
  }

  /**
   * 撤销, 确认违法 or 重新作出 of a 行政强制 decision taken inside the case, by its own decision id (domain.md P13a):
   * through the lifecycle's `withdrawCoercionMeasure` while the case is open, by a decisionWithdrawal workflow of
   * its own once it is archived — the same rule, entry and event as the case's decision (P9).
   */
  async withdrawMeasure(
    principal: Principal,
    caseId: string,
    decisionId: string,
    dto: RevocationDto,
  ): Promise<CaseView | ActionRunningView> {
    assertNotLaterThanToday(dto.source.decidedOn, 'source.decidedOn');
    const known = await this.resolve(caseId);
    if (known.row?.status !== 'archived')
      return this.act(principal, caseId, caseUpdates.withdrawCoercionMeasure, CASE_APPROVERS, {
        ...dto,
        decisionId,
      });
    await this.access.assertHandlingAgency(principal, known.agencyCode);
    const archived = known.row.state;
    const measure = archived.coercionMeasures?.find((each) => each.decisionId === decisionId);
    if (!measure)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        CASE_ERROR_CODES.coercionMeasureNotFound,
        `本案没有决定标识为 ${decisionId} 的行政强制决定`,
      );
    const revocation = { ...dto, actor: caseActor(principal, CASE_APPROVERS) };
    const input = { revocation, archived, filedAt: known.row.filedAt.toISOString(), decisionId };
    return this.withdrawAfterArchive(caseId, dto.requestId, input, Boolean(measure.withdrawal));
  }

  /** A withdrawal once the lifecycle has ended: its own workflow, waited on as long as an action. */
  private async withdrawAfterArchive(
    caseId: string,
    requestId: string,
    input: DecisionWithdrawalInput,
    withdrawnBefore: boolean,
  ): Promise<CaseView | ActionRunningView> {
    let outcome: ActionOutcome<CaseState>;
    try {
      outcome = await this.workflows.withdrawAfterArchive(input, withdrawnBefore);
    } catch (error) {
      throw toApiError(error, true);
    }
    if (outcome.finished) return { caseId, source: 'workflow', state: outcome.result };
    return actionRunning(requestId, caseActionLocation(caseId, requestId), []);
  }

  /** The outcome of an action sent earlier with `requestId` (a 202 answer's Location). */
  async actionOutcome(
    principal: Principal,
    caseId: string,
    requestId: string,
  ): Promise<CaseView | ActionRunningView> {
    const known = await this.resolve(caseId);
    await this.access.assertCanRead(
      principal,
      caseId,
      known.agencyCode,
      caseActionLocation(caseId, requestId),
    );
    let outcome: ActionOutcome<CaseState>;
    try {
      // Every case action answers CaseState: any one of their definitions types the outcome.
      outcome = await this.workflows.outcome(caseId, requestId, caseUpdates.addRecord);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw workflowErrors.actionNotFound();
      throw toApiError(error, true);
    }
    return this.answer(caseId, requestId, outcome);
  }

  /** Every case update answers with the case state after it; one still running says what it waits on. */
  private async answer(
    caseId: string,
    requestId: string,
    outcome: ActionOutcome<CaseState>,
    update?: string,
  ): Promise<CaseView | ActionRunningView> {
    if (outcome.finished) return { caseId, source: 'workflow', state: outcome.result };
    const waitingOn = await this.workflows.waitingOn(caseId);
    if (update)
      this.logger.warn(
        `case ${caseId}: ${update} (${requestId}) still running after the wait${waitingOn.length ? `: ${waitingOn.join('; ')}` : ''}`,
      );
    return actionRunning(requestId, caseActionLocation(caseId, requestId), waitingOn);
  }

  async record(principal: Principal, caseId: string): Promise<CaseRecordView> {
    const known = await this.resolve(caseId);
    await this.access.assertCanRead(principal, caseId, known.agencyCode, `/api/v1/cases/${caseId}/record`);
    return readCaseRecord(this.dataSource, caseId);
  }

  /**
   * The 案卷 of an archived case (domain.md R6), for whoever may read the case: a supervisor's export is recorded in
   * the audit log before it is answered, as every supervised read is. The documents' PDFs are opened in the
   * evidence service with the caller's credential, which applies its own rules to each (confidential items).
   */
  async dossier(
    principal: Principal,
    caseId: string,
    credential: Record<string, string>,
  ): Promise<{ contents: DossierContents; documents: OpenedDocument[] }> {
    const known = await this.resolve(caseId);
    await this.access.assertCanRead(principal, caseId, known.agencyCode, `/api/v1/cases/${caseId}/dossier`);
    let contents: DossierContents;
    try {
      contents = await dossierContents(this.dataSource, caseId);
    } catch (error) {
      if (error instanceof DossierUnavailableError) throw workflowErrors.caseNotArchived();
      throw error;
    }
    return { contents, documents: await this.dossierDocuments.open(contents.documents, credential) };
  }

  /**
   * One case is read from its workflow, the one source of its state (the index is a projection for lists,
   * current as of the last committed step). Only a case whose workflow is gone (ended beyond retention) is read
   * from its index row, which then holds its final state; a workflow that does not answer in time is 503, never
   * an older state passed off as current (but for a repeated start, `unavailable`). A case started but not yet
   * filed has neither: state is null.
   */
  private async view(
    caseId: string,
    row: CaseFileEntity | null,
    unavailable: 'refuse' | 'index-when-unavailable' = 'refuse',
  ): Promise<CaseView> {
    // An archived case's lifecycle has ended; its index row has its final state and what came after (a withdrawal).
    if (row?.status === 'archived') return { caseId, source: 'index', state: row.state };
    try {
      return { caseId, source: 'workflow', state: await this.workflows.state(caseId) };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || unavailable === 'index-when-unavailable')
        return { caseId, source: 'index', state: row?.state ?? null };
      throw workflowErrors.unavailable();
    }
  }

  /** Finds the case in the index, else asks its workflow (a case is indexed once its filing step ran). */
  private async resolve(caseId: string): Promise<KnownCase> {
    const row = await this.index.find(caseId);
    if (row) return { caseId, agencyCode: row.agencyCode, row };
    let state: CaseState;
    try {
      state = await this.workflows.state(caseId);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw workflowErrors.caseNotFound();
      throw workflowErrors.unavailable();
    }
    return { caseId, agencyCode: state.agencyCode, row: null };
  }
}

/** Where the outcome of a case action is reported. */
export function caseActionLocation(caseId: string, requestId: string): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/actions/${encodeURIComponent(requestId)}`;
}

/** Declared facts that contradict the draft are refused, each named by its field (domain.md L3a). */
export function assertFactsMatchDraft(draft: DraftUnderReview): void {
  const contradictions = contradictionsWithDraft(draft);
  if (contradictions.length > 0)
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', contradictions);
}

/** A field marked as a commercial secret must be one the draft fills in, or nothing would be kept back. */
export function assertTradeSecretsInDraft(draft: {
  tradeSecretFields?: readonly string[];
  penalty?: object;
  noPenalty?: object;
  licensing?: object;
  other?: object;
  inspection?: object;
}): void {
  const missing = (draft.tradeSecretFields ?? []).filter((path) => {
    const [kind, field] = path.split('.') as [
      'penalty' | 'noPenalty' | 'licensing' | 'other' | 'inspection',
      string,
    ];
    const value = (draft[kind] as Record<string, unknown> | undefined)?.[field];
    return typeof value !== 'string' || value.trim() === '';
  });
  if (missing.length > 0)
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
      {
        field: 'tradeSecretFields',
        rule: 'fieldInDraft',
        message: `标为商业秘密的字段须在决定书草案中填写：${missing.join('、')}`,
      },
    ]);
}

/** A draft decides exactly one kind of decision; which one the case's category already says. */
export function assertOneDecisionKind(dto: {
  penalty?: unknown;
  noPenalty?: unknown;
  licensing?: unknown;
  other?: unknown;
  inspection?: unknown;
}): void {
  const given = (['penalty', 'noPenalty', 'licensing', 'other', 'inspection'] as const).filter(
    (kind) => dto[kind] !== undefined,
  );
  if (given.length === 1) return;
  throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
    {
      field: given.length === 0 ? 'penalty' : given[1],
      rule: 'exactlyOneDecisionKind',
      message: '决定书草案须且只能填写 penalty、noPenalty、licensing、other、inspection 之一',
    },
  ]);
}

/**
 * A document's date may not lie in the future (China time, the agencies' day): a date entered ahead is refused,
 * named by its field.
 */
export function assertNotLaterThanToday(date: string, field: string): void {
  const today = new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  if (date <= today) return;
  throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
    { field, rule: 'notLaterThanToday', message: `文书日期 ${date} 晚于今天（${today}）` },
  ]);
}

/** China keeps UTC+8 all year (libs/calendar's chinaDateOf, which case-api does not depend on). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
