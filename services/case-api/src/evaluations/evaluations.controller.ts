import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@lep/auth';
import { CASE_READERS } from '../common/case-roles';
import {
  CreateEvaluationDrawDto,
  EvaluationAnswerDto,
  EvaluationDrawIdParam,
  EvaluationDrawsPageView,
  EvaluationDrawsQuery,
  EvaluationDrawVerificationView,
  EvaluationDrawView,
  EvaluationFindingsDto,
  EvaluationIdParam,
  EvaluationsPageView,
  EvaluationsQuery,
  EvaluationView,
} from './evaluation.dto';
import { EvaluationDrawsService } from './evaluation-draws.service';
import { EvaluationsService } from './evaluations.service';

/** The justice bureau's enforcement-supervision staff, who draw and score (domain.md R7a). */
const EVALUATORS: readonly Role[] = ['auditor', 'leader'];
/** Who answers findings for the evaluated agency: its head, its admins, its own system. */
const ANSWERERS: readonly Role[] = ['leader', 'agency-admin', 'agency-system'];

/** 案卷评查: a justice bureau draws archived cases it supervises, scores them, and the agency answers. */
@ApiTags('evaluations')
@Controller('api/v1')
export class EvaluationsController {
  constructor(
    private readonly draws: EvaluationDrawsService,
    private readonly evaluations: EvaluationsService,
  ) {}

  @Post('evaluation-draws')
  @HttpCode(200)
  @Roles(...EVALUATORS)
  @ApiOperation({
    summary: '抽取评查案卷（司法局，从所监督执法主体的已归档案件中随机抽取，凭种子可复现）',
  })
  @ApiOkResponse({ type: EvaluationDrawView })
  draw(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateEvaluationDrawDto,
  ): Promise<EvaluationDrawView> {
    return this.draws.draw(principal, dto);
  }

  @Get('evaluation-draws')
  @Roles(...EVALUATORS)
  @ApiOperation({ summary: '本局的评查抽取记录（新者在前），各附待评查、已反馈、已整改反馈件数' })
  @ApiOkResponse({ type: EvaluationDrawsPageView })
  listDraws(
    @CurrentPrincipal() principal: Principal,
    @Query() query: EvaluationDrawsQuery,
  ): Promise<EvaluationDrawsPageView> {
    return this.draws.list(principal, query);
  }

  @Get('evaluation-draws/:drawId')
  @Roles(...EVALUATORS)
  @ApiOperation({ summary: '评查抽取记录：种子、案卷池及其 SHA-256、抽中的案件及各自评查状态' })
  @ApiOkResponse({ type: EvaluationDrawView })
  findDraw(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvaluationDrawIdParam,
  ): Promise<EvaluationDrawView> {
    return this.draws.find(principal, params.drawId);
  }

  @Get('evaluation-draws/:drawId/verification')
  @Roles(...EVALUATORS)
  @ApiOperation({ summary: '凭记录的种子与案卷池重新抽取，核对与记录是否一致' })
  @ApiOkResponse({ type: EvaluationDrawVerificationView })
  verifyDraw(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvaluationDrawIdParam,
  ): Promise<EvaluationDrawVerificationView> {
    return this.draws.verify(principal, params.drawId);
  }

  @Get('evaluations')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: '评查记录列表（司法局：本局抽取的；执法主体：已反馈本单位的评查结果）',
  })
  @ApiOkResponse({ type: EvaluationsPageView })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: EvaluationsQuery,
  ): Promise<EvaluationsPageView> {
    return this.evaluations.list(principal, query);
  }

  @Get('evaluations/:evaluationId')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: '评查记录：各项得分与评查意见、总分、等次、整改反馈' })
  @ApiOkResponse({ type: EvaluationView })
  find(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvaluationIdParam,
  ): Promise<EvaluationView> {
    return this.evaluations.find(principal, params.evaluationId);
  }

  @Put('evaluations/:evaluationId/findings')
  @Roles(...EVALUATORS)
  @ApiOperation({
    summary: '评分并反馈评查结果（八项：主体、事实、证据、程序、依据、裁量、文书、归档，各附评查意见）',
  })
  @ApiOkResponse({ type: EvaluationView })
  returnFindings(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvaluationIdParam,
    @Body() dto: EvaluationFindingsDto,
  ): Promise<EvaluationView> {
    return this.evaluations.returnFindings(principal, params.evaluationId, dto);
  }

  @Post('evaluations/:evaluationId/answer')
  @HttpCode(200)
  @Roles(...ANSWERERS)
  @ApiOperation({ summary: '被评查执法主体反馈整改情况' })
  @ApiOkResponse({ type: EvaluationView })
  answer(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvaluationIdParam,
    @Body() dto: EvaluationAnswerDto,
  ): Promise<EvaluationView> {
    return this.evaluations.answer(principal, params.evaluationId, dto);
  }
}
