import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { AgencyCodeParam } from '../common/params';
import {
  DrawIdParams,
  DrawVerificationView,
  InspectionDrawView,
  InspectionPlanDto,
  InspectionPlanView,
  InspectionResultDto,
  InspectionResultView,
  PlanIdParam,
  ResultParams,
  VoidDrawDto,
} from './inspection.dto';
import { InspectionDrawsService } from './inspection-draws.service';
import { InspectionPlansService } from './inspection-plans.service';

@ApiTags('inspections')
@Controller('api/v1')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor', 'agency-system')
export class InspectionPlansController {
  constructor(
    private readonly plans: InspectionPlansService,
    private readonly draws: InspectionDrawsService,
  ) {}

  @Post('agencies/:code/inspection-plans')
  @Roles('agency-admin')
  @ApiCreatedResponse({ type: InspectionPlanView, description: '创建抽查计划并立即公开（事前公开）' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: InspectionPlanDto,
  ): Promise<InspectionPlanView> {
    return this.plans.create(principal, params.code, dto);
  }

  @Get('agencies/:code/inspection-plans')
  @ApiOkResponse({ type: [InspectionPlanView] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
  ): Promise<InspectionPlanView[]> {
    return this.plans.list(principal, params.code);
  }

  @Get('inspection-plans/:id')
  @ApiOkResponse({ type: InspectionPlanView })
  get(@CurrentPrincipal() principal: Principal, @Param() params: PlanIdParam): Promise<InspectionPlanView> {
    return this.plans.get(principal, params.id);
  }

  @Post('inspection-plans/:id/draws')
  @Roles('agency-admin')
  @ApiCreatedResponse({
    type: InspectionDrawView,
    description: '随机抽取检查对象和执法检查人员；已有现行抽取时拒绝（须先作废）',
  })
  draw(@CurrentPrincipal() principal: Principal, @Param() params: PlanIdParam): Promise<InspectionDrawView> {
    return this.draws.draw(principal, params.id);
  }

  @Post('inspection-plans/:id/draws/:drawId/void')
  @Roles('agency-admin')
  @HttpCode(200)
  @ApiOkResponse({ type: InspectionDrawView, description: '作废抽取（保留记录并公开原因）' })
  voidDraw(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DrawIdParams,
    @Body() dto: VoidDrawDto,
  ): Promise<InspectionDrawView> {
    return this.draws.voidDraw(principal, params.id, params.drawId, dto.reason);
  }

  @Get('inspection-plans/:id/draws/:drawId/verification')
  @ApiOkResponse({ type: DrawVerificationView, description: '以记录的种子和抽取池重新抽取并比对' })
  verify(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DrawIdParams,
  ): Promise<DrawVerificationView> {
    return this.draws.verify(principal, params.id, params.drawId);
  }

  @Put('inspection-plans/:id/results/:targetCode')
  @Roles('handler', 'agency-admin')
  @ApiOkResponse({ type: InspectionResultView, description: '录入（公开前可更正）一户检查对象的检查结果' })
  recordResult(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ResultParams,
    @Body() dto: InspectionResultDto,
  ): Promise<InspectionResultView> {
    return this.plans.recordResult(principal, params.id, params.targetCode, dto);
  }

  @Post('inspection-plans/:id/results/publish')
  @Roles('agency-admin')
  @HttpCode(200)
  @ApiOkResponse({ type: InspectionPlanView, description: '公开全部检查结果，同时公开随机种子和抽取池' })
  publish(
    @CurrentPrincipal() principal: Principal,
    @Param() params: PlanIdParam,
  ): Promise<InspectionPlanView> {
    return this.plans.publishResults(principal, params.id);
  }
}
