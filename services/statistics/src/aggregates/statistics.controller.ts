import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { StatisticsAccess } from './statistics-access';
import { StatisticsQueryDto, StatisticsView } from './statistics.dto';
import { StatisticsQueryService } from './statistics-query.service';

@ApiTags('statistics')
@Controller('api/v1/statistics')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor')
export class StatisticsController {
  constructor(
    private readonly query: StatisticsQueryService,
    private readonly access: StatisticsAccess,
  ) {}

  @Get()
  @ApiOkResponse({ type: StatisticsView, description: '执法统计数据（可按下级汇总）' })
  async figures(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StatisticsQueryDto,
  ): Promise<StatisticsView> {
    await this.access.assert(principal, query.agency);
    return this.query.figures(query);
  }
}
