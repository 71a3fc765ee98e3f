import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, WARNING_KINDS } from '@lep/contracts';

export class WarningsQueryDto {
  @ApiProperty({ description: '执法主体代码（含下级）' })
  @Matches(AGENCY_CODE_PATTERN)
  agency!: string;

  @ApiPropertyOptional({ enum: ['raised', 'cleared'], description: 'raised：预警中；cleared：已解除' })
  @IsOptional()
  @IsIn(['raised', 'cleared'])
  state?: 'raised' | 'cleared';
}

export class WarningView {
  @ApiProperty()
  id!: string;
  @ApiProperty({ enum: WARNING_KINDS })
  kind!: string;
  @ApiProperty({ description: '预警类型（中文）' })
  kindName!: string;
  @ApiProperty({ description: '预警对象：决定编号、案件编号（#审核轮次）或执法主体代码' })
  subject!: string;
  @ApiProperty()
  agencyCode!: string;
  @ApiProperty({ enum: ['near', 'past'], description: 'near：临近期限；past：已超期' })
  severity!: string;
  @ApiProperty({ enum: ['raised', 'cleared'] })
  state!: string;
  @ApiProperty()
  message!: string;
  @ApiPropertyOptional()
  dueAt?: string;
  @ApiProperty()
  raisedAt!: string;
  @ApiPropertyOptional()
  clearedAt?: string;
}
