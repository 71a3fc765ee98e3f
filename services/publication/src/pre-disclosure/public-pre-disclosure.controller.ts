import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { PerClientThrottlerGuard } from '../public-api/per-client-throttler.guard';
import { Public } from '@lep/auth';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { ApiError, PageQuery } from '@lep/nest-kit';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  INSPECTION_KINDS,
  PRE_DISCLOSURE_KINDS,
  PreDisclosureEntity,
  PreDisclosureKind,
  REPORT_KINDS,
} from './pre-disclosure.entity';

export class PreDisclosureKindParam {
  @ApiProperty({ enum: PRE_DISCLOSURE_KINDS, description: '执法主体、执法人员、执法事项清单与服务指南' })
  @IsIn(PRE_DISCLOSURE_KINDS)
  kind!: PreDisclosureKind;
}

export class PreDisclosureEntryParam extends PreDisclosureKindParam {
  @ApiProperty()
  @Matches(/^[A-Za-z0-9._:-]{1,150}$/)
  key!: string;
}

/** The public lists: 20 a page by default, at most 100. */
export class PreDisclosureQuery extends PageQuery({ default: 20, max: 100 }) {
  @ApiPropertyOptional({ description: '执法主体代码' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;

  @ApiPropertyOptional({ description: '名称关键词' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  keyword?: string;
}

export class PreDisclosureView {
  @ApiProperty({ enum: [...PRE_DISCLOSURE_KINDS, ...INSPECTION_KINDS, ...REPORT_KINDS] })
  kind!: string;
  @ApiProperty()
  key!: string;
  @ApiProperty()
  agencyCode!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ type: Object })
  data!: Record<string, unknown>;
  @ApiProperty({ description: '最近更新时间' })
  updatedAt!: string;
}

export class PreDisclosurePage {
  @ApiProperty({ type: [PreDisclosureView] })
  items!: PreDisclosureView[];
  @ApiProperty()
  total!: number;
}

/** 事前公开 as the registry last described it; entries removed from the register are not shown. */
@ApiTags('public')
@Controller('api/v1/public/pre-disclosure')
@Public()
@UseGuards(PerClientThrottlerGuard)
export class PublicPreDisclosureController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':kind')
  @ApiOkResponse({ type: PreDisclosurePage })
  async list(
    @Param() params: PreDisclosureKindParam,
    @Query() query: PreDisclosureQuery,
  ): Promise<PreDisclosurePage> {
    const builder = this.dataSource
      .getRepository(PreDisclosureEntity)
      .createQueryBuilder('p')
      .where('p.kind = :kind AND NOT p.removed', { kind: params.kind });
    if (query.agency) builder.andWhere('p.agency_code = :agency', { agency: query.agency });
    if (query.keyword)
      builder.andWhere('p.title ILIKE :keyword', {
        keyword: `%${query.keyword.replace(/[\\%_]/g, '\\$&')}%`,
      });
    const [rows, total] = await builder
      .orderBy('p.agency_code')
      .addOrderBy('p.subject_key')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toPreDisclosureView), total };
  }

  @Get(':kind/:key')
  @ApiOkResponse({ type: PreDisclosureView })
  async get(@Param() params: PreDisclosureEntryParam): Promise<PreDisclosureView> {
    const row = await this.dataSource
      .getRepository(PreDisclosureEntity)
      .findOneBy({ kind: params.kind, subjectKey: params.key, removed: false });
    if (!row) throw new ApiError(404, 'PRE_DISCLOSURE_NOT_FOUND', '未找到该公开信息');
    return toPreDisclosureView(row);
  }
}

export function toPreDisclosureView(row: PreDisclosureEntity): PreDisclosureView {
  return {
    kind: row.kind,
    key: row.subjectKey,
    agencyCode: row.agencyCode,
    title: row.title,
    data: row.data,
    updatedAt: row.eventTime.toISOString(),
  };
}
