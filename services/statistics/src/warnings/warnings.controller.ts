import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { WARNING_KIND_NAMES } from '@lep/contracts';
import { AgencyTree } from '../aggregates/agency-tree';
import { StatisticsAccess } from '../aggregates/statistics-access';
import { WarningsQueryDto, WarningView } from './warnings.dto';
import { WarningRow, WarningsService } from './warnings.service';

@ApiTags('warnings')
@Controller('api/v1/warnings')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor')
export class WarningsController {
  constructor(
    private readonly warnings: WarningsService,
    private readonly tree: AgencyTree,
    private readonly access: StatisticsAccess,
  ) {}

  @Get()
  @ApiOkResponse({ type: [WarningView], description: '预警（含下级执法主体），最新在前' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: WarningsQueryDto,
  ): Promise<WarningView[]> {
    await this.access.assert(principal, query.agency);
    const agencies = await this.tree.withDescendants(query.agency);
    return (await this.warnings.list(agencies, query.state)).map(toView);
  }
}

export function toView(row: WarningRow): WarningView {
  return {
    id: row.id,
    kind: row.kind,
    kindName: WARNING_KIND_NAMES[row.kind],
    subject: row.subject,
    agencyCode: row.agency_code,
    severity: row.severity,
    state: row.state,
    message: row.message,
    ...(row.due_at ? { dueAt: new Date(row.due_at).toISOString() } : {}),
    raisedAt: new Date(row.raised_at).toISOString(),
    ...(row.cleared_at ? { clearedAt: new Date(row.cleared_at).toISOString() } : {}),
  };
}
