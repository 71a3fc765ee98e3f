import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { CASE_READERS } from '../common/case-roles';
import { CaseIdParam } from '../common/params';
import {
  CaseAccountabilityView,
  WithdrawnDecisionsPageView,
  WithdrawnDecisionsQuery,
} from './accountability.dto';
import { AccountabilityService } from './accountability.service';

/** 责任追究: the people behind each decision, each with the record entries that prove their part. */
@ApiTags('accountability')
@Controller('api/v1')
@Roles(...CASE_READERS)
export class AccountabilityController {
  constructor(private readonly accountability: AccountabilityService) {}

  @Get('cases/:caseId/accountability')
  @ApiOperation({
    summary: '决定的责任链：立案、调查、起草、审核、协调、决定、撤销各由谁办理，附全过程记录为证',
  })
  @ApiOkResponse({ type: CaseAccountabilityView })
  ofCase(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseIdParam,
  ): Promise<CaseAccountabilityView> {
    return this.accountability.ofCase(principal, params.caseId);
  }

  @Get('withdrawn-decisions')
  @ApiOperation({ summary: '被撤销、确认违法或要求重新作出的决定及其责任链（默认本单位）' })
  @ApiOkResponse({ type: WithdrawnDecisionsPageView })
  withdrawn(
    @CurrentPrincipal() principal: Principal,
    @Query() query: WithdrawnDecisionsQuery,
  ): Promise<WithdrawnDecisionsPageView> {
    return this.accountability.withdrawn(principal, query);
  }
}
