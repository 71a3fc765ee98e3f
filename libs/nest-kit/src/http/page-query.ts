import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The last page any list may be asked for: deeper paging is a scan, not a read. */
const MAX_PAGE = 10_000;

/**
 * The paging of a list query, one copy for every list: `page` from 1, `pageSize` from 1 to `sizes.max`, both with
 * defaults, so a handler always has numbers. A route's query extends `PageQuery({ default, max })`.
 */
export function PageQuery(sizes: { default: number; max: number }) {
  class PageQueryDto {
    @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(MAX_PAGE)
    page: number = 1;

    @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: sizes.max, default: sizes.default })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(sizes.max)
    pageSize: number = sizes.default;
  }
  return PageQueryDto;
}
