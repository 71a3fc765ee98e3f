import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Public, Roles } from '@lep/auth';
import { DynamicStatus } from '@lep/nest-kit';
import { CalendarYearDto, CalendarYearParam, CalendarYearView } from './calendar.dto';
import { CalendarService } from './calendar.service';

/**
 * The working-day calendar every deadline of the platform is counted on (docs/domain.md §6): the State Council's
 * yearly notice and the regions' own, each with its source. Reading needs no credential: the notices are
 * published documents, and the services, the workflows' activities and `lep calendar` all read it here.
 */
@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [CalendarYearView], description: '已录入的全部年度（每个年度的现行版本）' })
  list(): Promise<CalendarYearView[]> {
    return this.calendar.list();
  }

  @Get(':region/:year')
  @Public()
  @ApiOkResponse({ type: CalendarYearView })
  @ApiNotFoundResponse({ description: '该年度尚未录入：CALENDAR_YEAR_NOT_LOADED' })
  get(@Param() params: CalendarYearParam): Promise<CalendarYearView> {
    return this.calendar.get(params);
  }

  @Put(':region/:year')
  @Roles('platform-admin')
  @ApiCreatedResponse({ type: CalendarYearView, description: '首次录入该年度' })
  @ApiOkResponse({
    type: CalendarYearView,
    description: '更正该年度（新版本，旧版本保留）；与现行版本相同时不作变更',
  })
  @DynamicStatus(201)
  async load(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CalendarYearParam,
    @Body() dto: CalendarYearDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CalendarYearView> {
    const { view, created } = await this.calendar.load(params, dto, principal.subject);
    response.status(created ? 201 : 200);
    return view;
  }
}
