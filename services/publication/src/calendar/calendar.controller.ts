import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CalendarError, WorkingDayCalendar } from '@lep/calendar';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { CalendarYearParam, HolidayArrangementDto, HolidayArrangementView } from './calendar.dto';
import { HolidayArrangementEntity } from './holiday-arrangement.entity';

/** The working-day calendar per year and region (DOMAIN §6), entered by the platform admin from each notice. */
@ApiTags('calendar')
@Controller('api/v1/calendar')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor', 'platform-admin')
export class CalendarController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: [HolidayArrangementView] })
  async list(): Promise<HolidayArrangementView[]> {
    const rows = await this.dataSource
      .getRepository(HolidayArrangementEntity)
      .find({ order: { year: 'ASC', region: 'ASC' } });
    return rows.map(toView);
  }

  @Put(':region/:year')
  @Roles('platform-admin')
  @ApiOkResponse({ type: HolidayArrangementView, description: '录入或更正某年度某区域的节假日安排' })
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CalendarYearParam,
    @Body() dto: HolidayArrangementDto,
  ): Promise<HolidayArrangementView> {
    const arrangement = { region: params.region, year: params.year, ...dto };
    try {
      // The library's own checks: dates inside the year, no day both off and worked.
      new WorkingDayCalendar([arrangement]);
    } catch (error) {
      if (error instanceof CalendarError)
        throw new ApiError(400, 'INVALID_HOLIDAY_ARRANGEMENT', error.message);
      throw error;
    }
    const repository = this.dataSource.getRepository(HolidayArrangementEntity);
    await repository.save({ ...arrangement, updatedBy: principal.subject });
    return toView(await repository.findOneByOrFail({ region: params.region, year: params.year }));
  }
}

function toView(row: HolidayArrangementEntity): HolidayArrangementView {
  return {
    region: row.region,
    year: row.year,
    daysOff: row.daysOff,
    makeUpWorkingDays: row.makeUpWorkingDays,
    source: row.source,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}
