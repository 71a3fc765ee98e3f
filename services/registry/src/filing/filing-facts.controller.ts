import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lep/auth';
import { AgencyCodeParam } from '../common/params';
import { FilingFactsQuery, FilingFactsView } from './filing-facts.dto';
import { FilingFactsService } from './filing-facts.service';

@ApiTags('filing')
@Controller('api/v1/agencies/:code')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor', 'agency-system')
export class FilingFactsController {
  constructor(private readonly filing: FilingFactsService) {}

  @Get('filing-facts')
  @ApiOkResponse({
    type: FilingFactsView,
    description:
      '立案所需的名录事实（一次读取、同一时点）：执法主体、现行清单中的该事项、每名承办人员当日能否办理、音像记录要求、法制审核时限',
  })
  facts(@Param() params: AgencyCodeParam, @Query() query: FilingFactsQuery): Promise<FilingFactsView> {
    return this.filing.facts(params.code, query);
  }
}
