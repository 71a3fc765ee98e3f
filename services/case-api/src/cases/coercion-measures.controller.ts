import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { caseUpdates } from '@lep/contracts';
import { CASE_APPROVERS } from '../common/case-roles';
import { ActionRoute } from '../common/action-answer';
import { CaseIdParam } from '../common/params';
import { CaseView } from './case.dto';
import { CoercionMeasureDto } from './coercion-measure.dto';
import { assertNotLaterThanToday, assertTradeSecretsInDraft, CasesService } from './cases.service';

/**
 * 行政强制 inside a case (domain.md P13). A measure is taken on the approval of the agency head (行政强制法 art.
 * 18), so it is the head's or the agency system's to enter, as a decision is.
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
      '采取行政强制措施或实施强制执行（经行政机关负责人批准；作为一项独立的行政强制决定公开，单独计算公开期限）',
  })
  @ApiOkResponse({ type: CaseView })
  take(@CurrentPrincipal() p: Principal, @Param() params: CaseIdParam, @Body() dto: CoercionMeasureDto) {
    assertNotLaterThanToday(dto.decidedOn, 'decidedOn');
    assertTradeSecretsInDraft(dto);
    return this.cases.act(p, params.caseId, caseUpdates.takeCoercionMeasure, CASE_APPROVERS, dto);
  }
}
