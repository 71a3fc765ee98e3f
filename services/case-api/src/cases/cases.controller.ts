import { Body, Controller, Get, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { writeDossier } from '@lep/case-store';
import { caseUpdates } from '@lep/contracts';
import { DynamicStatus } from '@lep/nest-kit';
import { ActingOfficersHeader } from '../common/acting-officers';
import { CASE_APPROVERS, CASE_READERS, CASE_WRITERS } from '../common/case-roles';
import { ActionOutcomeRoute, ActionRoute, ActionRunningView } from '../common/action-answer';
import { CaseActionParam, CaseIdParam } from '../common/params';
import {
  CaseActionDto,
  DecisionDto,
  DeadlineExtensionDto,
  DraftDecisionDto,
  HearingHeldDto,
  MajorDeclarationDto,
  NoticeDto,
  RecordEntryDto,
  ReviewDisputeDto,
  RevocationDto,
  ExecutionDto,
  StageActionDto,
} from './case-actions.dto';
import { assertOnSiteDisclosed, HandlerReplacementDto } from './officer.dto';
import { assertDocumentFieldsApply } from './decision-document.dto';
import { prepareLicensingDraft } from './licensing-draft';
import { CaseListQuery, CasePageView, CaseRecordView, CaseView, StartCaseDto } from './case.dto';
import {
  assertFactsMatchDraft,
  assertNotLaterThanToday,
  assertOneDecisionKind,
  assertTradeSecretsInDraft,
  CasesService,
} from './cases.service';
import { callerCredential } from './dossier-documents';

/**
 * Enforcement cases. Each action route executes the matching update of the case's workflow and answers with
 * the case state after it; refusals come back as 409/403/400 with the workflow's code and Chinese message.
 */
@ApiTags('cases')
@ActingOfficersHeader()
@Controller('api/v1/cases')
@Roles(...CASE_WRITERS)
export class CasesController {
  private readonly logger = new Logger(CasesController.name);

  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: '立案（同一执法主体同一案件编号重复提交返回已有案件，200）' })
  @ApiCreatedResponse({ type: CaseView, description: '新立案件' })
  @ApiOkResponse({ type: CaseView, description: '该案件编号已立案' })
  @ApiConflictResponse({
    description:
      '案件标识已被其他案件使用：CASE_ID_CONFLICT，不立案，也不返回该案件；remakesDecisionId 所指决定已由另一案件重新作出：DECISION_ALREADY_REMADE',
  })
  @DynamicStatus(200)
  async start(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: StartCaseDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const { created, view } = await this.cases.start(principal, dto);
    response.status(created ? 201 : 200);
    return view;
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: '案件列表（默认本单位）' })
  @ApiOkResponse({ type: CasePageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: CaseListQuery): Promise<CasePageView> {
    return this.cases.list(principal, query);
  }

  @Get(':caseId')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: '案件状态（流程实时状态；流程已结束或无响应时取案件索引）' })
  @ApiOkResponse({ type: CaseView })
  get(@CurrentPrincipal() principal: Principal, @Param() params: CaseIdParam): Promise<CaseView> {
    return this.cases.get(principal, params.caseId);
  }

  @Get(':caseId/actions/:requestId')
  @Roles(...CASE_READERS)
  @ActionOutcomeRoute()
  @ApiOperation({ summary: '办理结果（按 requestId；流程仍在办理时 202）' })
  @ApiOkResponse({ type: CaseView, description: '已办结：办理后的案件状态' })
  actionOutcome(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseActionParam,
  ): Promise<CaseView | ActionRunningView> {
    return this.cases.actionOutcome(principal, params.caseId, params.requestId);
  }

  @Get(':caseId/record')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: '执法全过程记录及哈希链校验结果' })
  @ApiOkResponse({ type: CaseRecordView })
  record(@CurrentPrincipal() principal: Principal, @Param() params: CaseIdParam): Promise<CaseRecordView> {
    return this.cases.record(principal, params.caseId);
  }

  @Get(':caseId/dossier')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      '导出案卷（tar 归档文件：清单、执法全过程记录、证据索引、审核意见、文书 PDF），lep case verify-archive 可离线校验',
  })
  @ApiProduces('application/x-tar')
  @ApiOkResponse({ description: '案卷归档文件', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ description: '案件尚未归档：CASE_NOT_ARCHIVED' })
  @ApiServiceUnavailableResponse({ description: '证据存储服务暂时无法访问：EVIDENCE_UNAVAILABLE' })
  async dossier(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseIdParam,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { contents, documents } = await this.cases.dossier(
      principal,
      params.caseId,
      callerCredential(request),
    );
    response.status(200);
    response.setHeader('content-type', 'application/x-tar');
    // A case number may hold any character but whitespace and / \\ ? # %: the name goes out percent-encoded.
    const name = encodeURIComponent(`${params.caseId}.tar`).replace(
      /[!'()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    response.setHeader('content-disposition', `attachment; filename="dossier.tar"; filename*=UTF-8''${name}`);
    response.setHeader('cache-control', 'private, no-store');
    // The status is out with the first bytes: a download broken off (the client gone) only ends its connection.
    await writeDossier(contents, response, documents).catch((error: Error) => {
      // The PDFs not yet read release their connections to the evidence service.
      for (const document of documents) document.body.destroy();
      this.logger.warn(`dossier of ${params.caseId}: download ended early (${error.message})`);
    });
  }

  @Post(':caseId/records')
  @ActionRoute()
  @ApiOperation({
    summary:
      '添加执法记录（笔录、检查记录等；现场检查、询问、勘验笔录须载明亮证与告知，由两名以上承办人员实施）',
  })
  @ApiOkResponse({ type: CaseView })
  addRecord(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: RecordEntryDto) {
    assertOnSiteDisclosed(dto);
    return this.cases.act(p, params.caseId, caseUpdates.addRecord, CASE_WRITERS, dto);
  }

  @Post(':caseId/draft-decision')
  @ActionRoute()
  @ApiOperation({ summary: '提交决定书草案（修改后再次提交为新版本）' })
  @ApiOkResponse({ type: CaseView })
  draftDecision(
    @CurrentPrincipal() p: Principal,
    @Param() params: CaseIdParam,
    @Body() dto: DraftDecisionDto,
  ) {
    assertOneDecisionKind(dto);
    prepareLicensingDraft(dto);
    if (dto.inspection) assertNotLaterThanToday(dto.inspection.inspectedOn, 'inspection.inspectedOn');
    assertFactsMatchDraft(dto);
    assertTradeSecretsInDraft(dto);
    assertDocumentFieldsApply(dto);
    return this.cases.act(p, params.caseId, caseUpdates.draftDecision, CASE_WRITERS, dto);
  }

  @Post(':caseId/major-declaration')
  @ActionRoute()
  @ApiOperation({ summary: '承办机构认定为重大执法决定（作出决定前任何环节）' })
  @ApiOkResponse({ type: CaseView })
  declareMajor(
    @CurrentPrincipal() p: Principal,
    @Param() params: CaseIdParam,
    @Body() dto: MajorDeclarationDto,
  ) {
    return this.cases.act(p, params.caseId, caseUpdates.declareMajor, CASE_WRITERS, dto);
  }

  @Post(':caseId/notice')
  @ActionRoute()
  @ApiOperation({ summary: '告知（陈述、申辩及听证权利）' })
  @ApiOkResponse({ type: CaseView })
  notify(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: NoticeDto) {
    return this.cases.act(p, params.caseId, caseUpdates.notify, CASE_WRITERS, dto);
  }

  @Post(':caseId/hearing-request')
  @ActionRoute()
  @ApiOperation({ summary: '当事人申请听证（须在听证申请期限内）' })
  @ApiOkResponse({ type: CaseView })
  requestHearing(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: CaseActionDto) {
    return this.cases.act(p, params.caseId, caseUpdates.requestHearing, CASE_WRITERS, dto);
  }

  @Post(':caseId/hearing')
  @ActionRoute()
  @ApiOperation({ summary: '听证已举行（听证报告）' })
  @ApiOkResponse({ type: CaseView })
  recordHearing(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: HearingHeldDto) {
    return this.cases.act(p, params.caseId, caseUpdates.recordHearing, CASE_WRITERS, dto);
  }

  @Post(':caseId/review-submission')
  @ActionRoute()
  @ApiOperation({ summary: '送法制审核（重大执法决定）' })
  @ApiOkResponse({ type: CaseView })
  submitForReview(
    @CurrentPrincipal() p: Principal,
    @Param() params: CaseIdParam,
    @Body() dto: CaseActionDto,
  ) {
    return this.cases.act(p, params.caseId, caseUpdates.submitForReview, CASE_WRITERS, dto);
  }

  @Post(':caseId/review-dispute')
  @ActionRoute()
  @ApiOperation({ summary: '对法制审核意见提出异议（由机关负责人协调裁决）' })
  @ApiOkResponse({ type: CaseView })
  disputeReview(
    @CurrentPrincipal() p: Principal,
    @Param() params: CaseIdParam,
    @Body() dto: ReviewDisputeDto,
  ) {
    return this.cases.act(p, params.caseId, caseUpdates.disputeReview, CASE_WRITERS, dto);
  }

  /** Handlers draft; the agency's head makes the decision (domain.md L6a). */
  @Post(':caseId/decision')
  @ActionRoute()
  @Roles(...CASE_APPROVERS)
  @ApiOperation({ summary: '作出决定（由行政机关负责人作出；重大案件须为最近一次审核通过的草案）' })
  @ApiOkResponse({ type: CaseView })
  decide(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: DecisionDto) {
    return this.cases.act(p, params.caseId, caseUpdates.decide, CASE_APPROVERS, dto);
  }

  @Post(':caseId/service')
  @ActionRoute()
  @ApiOperation({ summary: '送达' })
  @ApiOkResponse({ type: CaseView })
  serve(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: StageActionDto) {
    return this.cases.act(p, params.caseId, caseUpdates.serve, CASE_WRITERS, dto);
  }

  @Post(':caseId/execution')
  @ActionRoute()
  @ApiOperation({ summary: '执行' })
  @ApiOkResponse({ type: CaseView })
  execute(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: ExecutionDto) {
    return this.cases.act(p, params.caseId, caseUpdates.execute, CASE_WRITERS, dto);
  }

  @Post(':caseId/closure')
  @ActionRoute()
  @ApiOperation({ summary: '结案' })
  @ApiOkResponse({ type: CaseView })
  close(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: StageActionDto) {
    return this.cases.act(p, params.caseId, caseUpdates.close, CASE_WRITERS, dto);
  }

  @Post(':caseId/archive')
  @ActionRoute()
  @ApiOperation({ summary: '归档' })
  @ApiOkResponse({ type: CaseView })
  archive(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: StageActionDto) {
    return this.cases.act(p, params.caseId, caseUpdates.archive, CASE_WRITERS, dto);
  }

  @Post(':caseId/decision-limit-extension')
  @ActionRoute()
  @Roles(...CASE_APPROVERS)
  @ApiOperation({ summary: '延长办案期限（经行政机关负责人批准）' })
  @ApiOkResponse({ type: CaseView })
  extendDecisionLimit(
    @CurrentPrincipal() p: Principal,
    @Param() params: CaseIdParam,
    @Body() dto: DeadlineExtensionDto,
  ) {
    return this.cases.act(p, params.caseId, caseUpdates.extendDecisionLimit, CASE_APPROVERS, dto);
  }

  /** A leader replaces a handler; the incoming officer is checked like an acting one (domain.md R8c). */
  @Post(':caseId/handler-replacement')
  @ActionRoute()
  @Roles(...CASE_APPROVERS)
  @ApiOperation({ summary: '更换承办人员（机关负责人；新承办人员须持当日有效的执法证件）' })
  @ApiOkResponse({ type: CaseView })
  replaceHandler(
    @CurrentPrincipal() p: Principal,
    @Param() params: CaseIdParam,
    @Body() dto: HandlerReplacementDto,
  ) {
    return this.cases.act(p, params.caseId, caseUpdates.replaceHandler, CASE_APPROVERS, dto);
  }

  @Post(':caseId/revocation')
  @ActionRoute()
  @Roles(...CASE_APPROVERS)
  @ApiOperation({
    summary:
      '撤销、确认违法或重新作出决定（任何阶段，含已归档；公开的决定 3 个工作日内撤下；同一决定只能撤回一次：DECISION_ALREADY_WITHDRAWN）',
  })
  @ApiOkResponse({ type: CaseView })
  revoke(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: RevocationDto) {
    return this.cases.revoke(p, params.caseId, dto);
  }
}
