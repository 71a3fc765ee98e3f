import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@lep/auth';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { ApiError, PageQuery } from '@lep/nest-kit';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { PerClientThrottlerGuard } from '../public-api/per-client-throttler.guard';
import { PreDisclosureEntity } from './pre-disclosure.entity';
import {
  PreDisclosurePage,
  PreDisclosureView,
  toPreDisclosureView,
} from './public-pre-disclosure.controller';

export class AnnualReportsQuery extends PageQuery({ default: 20, max: 100 }) {
  @ApiPropertyOptional({ description: '执法主体代码' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ type: 'integer', description: '统计年度' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class AnnualReportParams {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  agency!: string;

  @ApiProperty({ type: 'integer', description: '统计年度' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** Reads the published annual reports; shared by the public API and the portal pages. */
export async function findAnnualReport(
  dataSource: DataSource,
  agency: string,
  year: number,
): Promise<PreDisclosureEntity | null> {
  return dataSource
    .getRepository(PreDisclosureEntity)
    .findOneBy({ kind: 'annual-reports', subjectKey: `${agency}:${year}`, removed: false });
}

export async function listAnnualReports(
  dataSource: DataSource,
  query: Pick<AnnualReportsQuery, 'agency' | 'year' | 'page' | 'pageSize'>,
): Promise<{ rows: PreDisclosureEntity[]; total: number }> {
  const builder = dataSource
    .getRepository(PreDisclosureEntity)
    .createQueryBuilder('p')
    .where(`p.kind = 'annual-reports' AND NOT p.removed`);
  if (query.agency) builder.andWhere('p.agency_code = :agency', { agency: query.agency });
  if (query.year) builder.andWhere(`(p.data->>'year')::int = :year`, { year: query.year });
  const [rows, total] = await builder
    .orderBy(`(p.data->>'year')::int`, 'DESC')
    .addOrderBy('p.agency_code')
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
  return { rows, total };
}

/** 行政执法统计年报 (domain.md T1) as each agency's leader approved it, newest year first. */
@ApiTags('public')
@Controller('api/v1/public/annual-reports')
@Public()
@UseGuards(PerClientThrottlerGuard)
export class PublicAnnualReportsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: PreDisclosurePage })
  async list(@Query() query: AnnualReportsQuery): Promise<PreDisclosurePage> {
    const { rows, total } = await listAnnualReports(this.dataSource, query);
    return { items: rows.map(toPreDisclosureView), total };
  }

  @Get(':agency/:year')
  @ApiOkResponse({ type: PreDisclosureView })
  async get(@Param() params: AnnualReportParams): Promise<PreDisclosureView> {
    const row = await findAnnualReport(this.dataSource, params.agency, params.year);
    if (!row) throw new ApiError(404, 'ANNUAL_REPORT_NOT_FOUND', '未找到该执法主体该年度的统计年报');
    return toPreDisclosureView(row);
  }
}
