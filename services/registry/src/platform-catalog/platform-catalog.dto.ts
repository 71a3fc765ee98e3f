import { ApiProperty } from '@nestjs/swagger';
import type { ReviewCatalogCriteria } from '@lep/contracts';
import { ReviewCatalogDto } from '../item-lists/item-list.dto';

export class PlatformCatalogVersionView {
  @ApiProperty({ description: '平台默认目录的版本号' }) version!: number;
  @ApiProperty({ format: 'date-time', description: '施行时间' }) publishedAt!: string;
  @ApiProperty({ description: '发布人（平台管理员）；首版为 seed' }) publishedBy!: string;
  @ApiProperty({ type: ReviewCatalogDto, description: '目录内容' }) content!: ReviewCatalogCriteria;
}
