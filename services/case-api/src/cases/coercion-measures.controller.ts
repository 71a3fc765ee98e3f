import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { caseUpdates, DECISION_ID_PATTERN } from '@lep/contracts';
import { CASE_APPROVERS } from '../common/case-roles';
import { ActionRoute } from '../common/action-answer';
import { CaseIdParam } from '../common/params';
import { CaseView } from './case.dto';
import { RevocationDto } from './case-actions.dto';
import { CoercionMeasureDto } from './coercion-measure.dto';
import { assertNotLaterThanToday, assertTradeSecretsInDraft, CasesService } from './cases.service';

/** A measure decision of the case, by the id its taking answered (coercionMeasures[].decisionId). */
export class CaseDecisionParam extends CaseIdParam {
  @ApiProperty({ description: '行政强制决定的决定标识（采取措施时返回的 coercionMeasures[].decisionId）' })
  @Matches(DECISION_ID_PATTERN)
  decisionId!: string;
}

/**
 * 行政强制 inside a case (domain.md P13). A measure is taken on the approval of the agency head (行政强制法 art.
 * 18), so it is the head's or the agency system's to enter, as a decision is; a major one after its legal review
 * (P13b).
 */
@ApiTags('cases')
@Controller('api/v1/cases')
@Roles(...CASE_APPROVERS)
export class CoercionMeasuresController {
  constructor(private readonly cases: CasesService) {}

  @Post(':caseId/coercion-measures')
  @ActionRoute()
  @ApiOperation({
    summary:
      '采取行政强制措施或实施强制执行（经行政机关负责人批准；作为一项独立的行政强制决定公开，单独计算公开期限）。重大的（目录认定或 majorByUnit）须先经法制审核：首次提交只开启审核（measureReviews），审核通过后再次提交同一决定方予作出；urgent 紧急实施的立即作出，二十四小时内未审核通过或审核未通过的自动解除',
  })
  @ApiOkResponse({ type: CaseView })
  take(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: CoercionMeasureDto) {
    assertNotLaterThanToday(dto.decidedOn, 'decidedOn');
    assertTradeSecretsInDraft(dto);
    return this.cases.act(p, params.caseId, caseUpdates.takeCoercionMeasure, CASE_APPROVERS, dto);
  }

  /** 撤销, 确认违法 or 重新作出 of one measure, by its decision id, before or after archive (domain.md P13a). */
  @Post(':caseId/coercion-measures/:decisionId/revocation')
  @ActionRoute()
  @ApiOperation({
    summary:
      '撤销、确认违法或重新作出一项行政强制决定（按其决定标识；任何阶段，含已归档；公开的决定 3 个工作日内撤下；同一决定只能撤回一次：DECISION_ALREADY_WITHDRAWN；本案无此决定：COERCION_MEASURE_NOT_FOUND）',
  })
  @ApiOkResponse({ type: CaseView })
  withdraw(@CurrentPrincipal() p: Principal, @Param() params: CaseDecisionParam, @Body() dto: RevocationDto) {
    return this.cases.withdrawMeasure(p, params.caseId, params.decisionId, dto);
  }
}
