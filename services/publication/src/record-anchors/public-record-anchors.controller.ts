import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { PerClientThrottlerGuard } from '../public-api/per-client-throttler.guard';
import { RecordAnchorDayEntity } from './record-anchor-day.entity';
import {
  RecordAnchorDayPage,
  RecordAnchorDayParams,
  RecordAnchorDaysQuery,
  RecordAnchorDayView,
} from './record-anchors.dto';

function toView(row: RecordAnchorDayEntity): RecordAnchorDayView {
  return {
    anchorDate: row.anchorDate,
    caseCount: row.caseCount,
    root: row.root,
    sealedAt: row.sealedAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
  };
}

/**
 * 执法记录存证: each China day's tree head over the case records' anchors (domain.md R6), public so that anyone
 * holding a 案卷 can check its anchor against a root kept outside the case database (`lep case verify-archive
 * --publication-url`). Newest day first.
 */
@ApiTags('public')
@Controller('api/v1/public/record-anchors')
@Public()
@UseGuards(PerClientThrottlerGuard)
export class PublicRecordAnchorsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: RecordAnchorDayPage })
  async list(@Query() query: RecordAnchorDaysQuery): Promise<RecordAnchorDayPage> {
    const builder = this.dataSource.getRepository(RecordAnchorDayEntity).createQueryBuilder('d');
    if (query.from) builder.andWhere('d.anchor_date >= :from', { from: query.from });
    if (query.to) builder.andWhere('d.anchor_date <= :to', { to: query.to });
    const [rows, total] = await builder
      .orderBy('d.anchor_date', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), total };
  }

  @Get(':date')
  @ApiOkResponse({ type: RecordAnchorDayView })
  async get(@Param() params: RecordAnchorDayParams): Promise<RecordAnchorDayView> {
    const row = await this.dataSource
      .getRepository(RecordAnchorDayEntity)
      .findOneBy({ anchorDate: params.date });
    if (!row) throw new ApiError(404, 'RECORD_ANCHOR_DAY_NOT_FOUND', '未找到该日的执法记录存证根');
    return toView(row);
  }
}
