import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@lep/auth';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { PerClientThrottlerGuard } from '../public-api/per-client-throttler.guard';
import { PreDisclosureEntity } from './pre-disclosure.entity';
import { PreDisclosurePage, toPreDisclosureView } from './public-pre-disclosure.controller';
import { PageQuery } from '@lep/nest-kit';

const INSPECTION_ROUTES = {
  plans: 'inspection-plans',
  draws: 'inspection-draws',
  results: 'inspection-results',
} as const;

export class InspectionKindParam {
  @ApiProperty({ enum: Object.keys(INSPECTION_ROUTES), description: '抽查计划、抽取（承诺值）、抽查结果' })
  @IsIn(Object.keys(INSPECTION_ROUTES))
  kind!: keyof typeof INSPECTION_ROUTES;
}

/** The public lists: 20 a page by default, at most 100. */
export class InspectionQuery extends PageQuery({ default: 20, max: 100 }) {
  @ApiPropertyOptional({ description: '执法主体代码' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ description: '抽查计划编号（抽取与结果按计划筛选）' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/)
  planId?: string;
}

/** 双随机、一公开 (domain.md P8) as the registry published it: plans, draw commitments (or voiding), results. */
@ApiTags('public')
@Controller('api/v1/public/inspections')
@Public()
@UseGuards(PerClientThrottlerGuard)
export class PublicInspectionsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':kind')
  @ApiOkResponse({ type: PreDisclosurePage })
  async list(
    @Param() params: InspectionKindParam,
    @Query() query: InspectionQuery,
  ): Promise<PreDisclosurePage> {
    const builder = this.dataSource
      .getRepository(PreDisclosureEntity)
      .createQueryBuilder('p')
      .where('p.kind = :kind', { kind: INSPECTION_ROUTES[params.kind] });
    if (query.agency) builder.andWhere('p.agency_code = :agency', { agency: query.agency });
    if (query.planId) {
      builder.andWhere(`(p.subject_key = :planId OR p.data->>'planId' = :planId)`, { planId: query.planId });
    }
    const [rows, total] = await builder
      .orderBy('p.event_time', 'DESC')
      .addOrderBy('p.subject_key')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toPreDisclosureView), total };
  }
}
