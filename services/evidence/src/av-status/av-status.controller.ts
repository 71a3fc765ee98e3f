import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { AGENCY_READERS } from '../access/access-policy';
import { CaseIdParam } from '../items/evidence.dto';
import { AvStatusQuery, AvStatusView } from './av-status.dto';
import { AvStatusService } from './av-status.service';

@ApiTags('audio-visual')
@Controller('api/v1/cases')
@Roles(...AGENCY_READERS)
export class AvStatusController {
  constructor(private readonly avStatus: AvStatusService) {}

  @Get(':caseId/av-status')
  @ApiOkResponse({
    type: AvStatusView,
    description: '各环节是否已有录音或录像；missingStages 为仍缺少的环节',
  })
  status(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseIdParam,
    @Query() query: AvStatusQuery,
  ): Promise<AvStatusView> {
    return this.avStatus.status(principal, params.caseId, query.stages);
  }
}
