import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { AgencyCodeParam } from '../common/params';
import {
  InspectionRelationDto,
  InspectionRelationView,
  InspectionTargetsDto,
  InspectionTargetView,
} from './inspection.dto';
import { InspectionListsService } from './inspection-lists.service';

@ApiTags('inspections')
@Controller('api/v1/agencies/:code')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor', 'agency-system')
export class InspectionListsController {
  constructor(private readonly lists: InspectionListsService) {}

  @Get('inspection-targets')
  @ApiOkResponse({ type: [InspectionTargetView], description: '检查对象名录' })
  targets(@CurrentPrincipal() principal: Principal, @Param() params: AgencyCodeParam) {
    return this.lists.listTargets(principal, params.code);
  }

  @Put('inspection-targets')
  @Roles('agency-admin', 'agency-system')
  @ApiOkResponse({ type: [InspectionTargetView], description: '新增或更新名录条目，返回更新后的名录' })
  upsertTargets(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: InspectionTargetsDto,
  ): Promise<InspectionTargetView[]> {
    return this.lists.upsertTargets(principal, params.code, dto);
  }

  @Get('inspection-relations')
  @ApiOkResponse({ type: [InspectionRelationView], description: '需回避的执法人员与检查对象关系' })
  relations(@CurrentPrincipal() principal: Principal, @Param() params: AgencyCodeParam) {
    return this.lists.listRelations(principal, params.code);
  }

  @Post('inspection-relations')
  @Roles('agency-admin')
  @ApiCreatedResponse({ type: InspectionRelationView })
  recordRelation(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: InspectionRelationDto,
  ): Promise<InspectionRelationView> {
    return this.lists.recordRelation(principal, params.code, dto);
  }
}
