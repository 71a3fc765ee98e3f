import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { AgencyCodeParam, PersonnelIdParam } from '../common/params';
import { MayEnforceService } from './may-enforce.service';
import {
  MayEnforceAnswer,
  MayEnforceQuery,
  PersonnelDto,
  PersonnelView,
  StatusChangeDto,
} from './personnel.dto';
import { PersonnelService } from './personnel.service';

@ApiTags('personnel')
@Controller('api/v1')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor', 'agency-system')
export class PersonnelController {
  constructor(
    private readonly personnel: PersonnelService,
    private readonly mayEnforce: MayEnforceService,
  ) {}

  @Get('agencies/:code/personnel')
  @ApiOkResponse({ type: [PersonnelView] })
  list(@Param() params: AgencyCodeParam): Promise<PersonnelView[]> {
    return this.personnel.list(params.code);
  }

  @Post('personnel')
  @Roles('agency-admin')
  @ApiCreatedResponse({ type: PersonnelView })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: PersonnelDto): Promise<PersonnelView> {
    return this.personnel.create(principal, dto);
  }

  @Get('personnel/:id')
  @ApiOkResponse({ type: PersonnelView })
  get(@Param() params: PersonnelIdParam): Promise<PersonnelView> {
    return this.personnel.get(params.id);
  }

  @Put('personnel/:id')
  @Roles('agency-admin')
  @ApiOkResponse({ type: PersonnelView })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: PersonnelIdParam,
    @Body() dto: PersonnelDto,
  ): Promise<PersonnelView> {
    return this.personnel.update(principal, params.id, dto);
  }

  @Post('personnel/:id/status')
  @Roles('agency-admin')
  @ApiCreatedResponse({
    type: PersonnelView,
    description: '记录执法证状态变更（暂扣、吊销、恢复），自生效日起适用',
  })
  changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Param() params: PersonnelIdParam,
    @Body() dto: StatusChangeDto,
  ): Promise<PersonnelView> {
    return this.personnel.changeStatus(principal, params.id, dto);
  }

  @Get('personnel/:id/may-enforce')
  @ApiOkResponse({ type: MayEnforceAnswer })
  check(@Param() params: PersonnelIdParam, @Query() query: MayEnforceQuery): Promise<MayEnforceAnswer> {
    return this.mayEnforce.check(params.id, query);
  }
}
