import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { AgencyAccess } from '../access/agency-access';
import { AgencyCodeParam } from '../common/params';
import { AgencyView, CreateAgencyDto, UpdateAgencyDto } from './agency.dto';
import { AgenciesService } from './agencies.service';

@ApiTags('agencies')
@Controller('api/v1/agencies')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor', 'agency-system')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly access: AgencyAccess,
  ) {}

  @Get()
  @ApiOkResponse({ type: [AgencyView] })
  list(): Promise<AgencyView[]> {
    return this.agencies.list();
  }

  @Get(':code')
  @ApiOkResponse({ type: AgencyView })
  get(@Param() params: AgencyCodeParam): Promise<AgencyView> {
    return this.agencies.get(params.code);
  }

  @Get(':code/descendants')
  @ApiOkResponse({ type: [AgencyView], description: '全部下级执法主体（不含自身）' })
  descendants(@Param() params: AgencyCodeParam): Promise<AgencyView[]> {
    return this.agencies.descendants(params.code);
  }

  @Get(':code/justice-bureau')
  @ApiOkResponse({
    type: AgencyView,
    description:
      '监督该执法主体的司法行政机关（执法文书格式向其备案）：上级单位下属的同级司法局，没有时取更上一级的；均无时 404 JUSTICE_BUREAU_NOT_FOUND',
  })
  justiceBureau(@Param() params: AgencyCodeParam): Promise<AgencyView> {
    return this.agencies.justiceBureau(params.code);
  }

  // Creating top-level bodies is a platform decision; agency admins register bodies below their own.
  @Post()
  @Roles('agency-admin')
  @ApiCreatedResponse({ type: AgencyView })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateAgencyDto): Promise<AgencyView> {
    // A top-level body names no parent: only a platform admin reaches a code that does not exist yet.
    await this.access.assertCanManage(principal, dto.parentCode ?? dto.code);
    return this.agencies.create(dto);
  }

  @Put(':code')
  @Roles('agency-admin')
  @ApiOkResponse({ type: AgencyView })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: UpdateAgencyDto,
  ): Promise<AgencyView> {
    await this.access.assertCanManage(principal, params.code, ...(dto.parentCode ? [dto.parentCode] : []));
    return this.agencies.update(params.code, dto);
  }

  @Delete(':code')
  @Roles('agency-admin')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: Principal, @Param() params: AgencyCodeParam): Promise<void> {
    await this.access.assertCanManage(principal, params.code);
    return this.agencies.remove(params.code);
  }
}
