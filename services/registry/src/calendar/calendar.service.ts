import { HttpStatus, Injectable } from '@nestjs/common';
import { CalendarYear, calendarYearProblems, layerName } from '@lep/calendar';
import {
  CalendarYearChangedData,
  createCloudEvent,
  REGISTRY_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
  TOPICS,
} from '@lep/contracts';
import { ApiError, enqueueEvent } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarYearDto, CalendarYearParam, CalendarYearView } from './calendar.dto';
import { CalendarYearEntity } from './calendar-year.entity';

// Serialises loads of one layer and year, so two admins never write the same revision.
const CALENDAR_LOCK = 7_011_882;

/** The working-day calendar: the current revision of every loaded year, and loading or replacing one. */
@Injectable()
export class CalendarService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<CalendarYearView[]> {
    return (await this.current(this.dataSource.manager)).map(toView);
  }

  async get({ region, year }: CalendarYearParam): Promise<CalendarYearView> {
    const row = (await this.current(this.dataSource.manager, { region, year }))[0];
    if (!row)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'CALENDAR_YEAR_NOT_LOADED',
        `${layerName({ region, year })}节假日安排尚未录入`,
      );
    return toView(row);
  }

  /**
   * Loads a year, or replaces it with a new revision when it differs; an identical load changes nothing and
   * announces nothing. Every change goes out on `lep.registry.calendar.v1` in the same transaction.
   */
  async load(
    { region, year }: CalendarYearParam,
    dto: CalendarYearDto,
    loadedBy: string,
  ): Promise<{ view: CalendarYearView; created: boolean }> {
    const candidate: CalendarYear = {
      region,
      year,
      daysOff: [...dto.daysOff].sort(),
      makeUpWorkingDays: [...dto.makeUpWorkingDays].sort(),
      source: {
        title: dto.source.title,
        number: dto.source.number ?? null,
        issuedOn: dto.source.issuedOn ?? null,
        confidence: dto.source.confidence,
      },
    };
    const problems = calendarYearProblems({
      ...candidate,
      daysOff: dto.daysOff,
      makeUpWorkingDays: dto.makeUpWorkingDays,
    });
    if (problems.length > 0)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'INVALID_CALENDAR_YEAR', problems[0].message, problems);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [CALENDAR_LOCK]);
      const [existing] = await this.current(manager, { region, year });
      if (existing && sameYear(existing, candidate)) return { view: toView(existing), created: false };
      const row = await manager.save(
        manager.create(CalendarYearEntity, {
          region,
          year,
          revision: (existing?.revision ?? 0) + 1,
          daysOff: [...candidate.daysOff],
          makeUpWorkingDays: [...candidate.makeUpWorkingDays],
          sourceTitle: candidate.source.title,
          sourceNumber: candidate.source.number,
          sourceIssuedOn: candidate.source.issuedOn,
          sourceConfidence: candidate.source.confidence,
          loadedBy,
          loadedAt: new Date(),
        }),
      );
      const view = toView(row);
      const data: CalendarYearChangedData = view;
      await enqueueEvent(
        manager,
        TOPICS.registryCalendar,
        region,
        createCloudEvent({
          id: `calendar/${region}/${year}/${view.revision}`,
          source: REGISTRY_EVENT_SOURCE,
          type: REGISTRY_EVENT_TYPES.calendarYearChanged,
          subject: `calendar/${region}/${year}`,
          data,
        }),
      );
      return { view, created: !existing };
    });
  }

  private current(
    manager: EntityManager,
    only?: Pick<CalendarYearParam, 'region' | 'year'>,
  ): Promise<CalendarYearEntity[]> {
    const query = manager
      .createQueryBuilder(CalendarYearEntity, 'c')
      .distinctOn(['c.year', 'c.region'])
      .orderBy('c.year', 'ASC')
      .addOrderBy('c.region', 'ASC')
      .addOrderBy('c.revision', 'DESC');
    if (only) query.where('c.region = :region AND c.year = :year', only);
    return query.getMany();
  }
}

function sameYear(row: CalendarYearEntity, year: CalendarYear): boolean {
  const view = toView(row);
  return (
    JSON.stringify([view.daysOff, view.makeUpWorkingDays, view.source]) ===
    JSON.stringify([year.daysOff, year.makeUpWorkingDays, year.source])
  );
}

function toView(row: CalendarYearEntity): CalendarYearView {
  return {
    region: row.region,
    year: row.year,
    daysOff: row.daysOff,
    makeUpWorkingDays: row.makeUpWorkingDays,
    source: {
      title: row.sourceTitle,
      number: row.sourceNumber,
      issuedOn: row.sourceIssuedOn,
      confidence: row.sourceConfidence,
    },
    revision: row.revision,
    loadedBy: row.loadedBy,
    loadedAt: row.loadedAt.toISOString(),
  };
}
