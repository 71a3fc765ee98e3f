import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { CALENDAR_REGIONS, type CalendarRegion } from '@lep/calendar';
import { AGENCY_LEVELS, AgencyLevel } from './agency.entity';

export class LegalReviewBodyDto {
  @ApiProperty({ description: '法制审核机构名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: '法制审核机构所属执法主体代码' })
  @IsString()
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode!: string;
}

export class UpdateAgencyDto {
  @ApiProperty({ description: '执法主体名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: AGENCY_LEVELS, description: '层级：兵团、师市、部门、团场' })
  @IsIn(AGENCY_LEVELS)
  level!: AgencyLevel;

  @ApiPropertyOptional({ description: '上级执法主体代码；兵团为空' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  parentCode?: string;

  @ApiProperty({ description: '统一社会信用代码 (GB 32100)' })
  @IsString()
  unifiedSocialCreditCode!: string;

  @ApiProperty({ description: '设立及执法依据' })
  @IsString()
  @IsNotEmpty()
  legalBasis!: string;

  @ApiProperty({ description: '职责权限' })
  @IsString()
  @IsNotEmpty()
  dutiesAndPowers!: string;

  @ApiProperty({ enum: CALENDAR_REGIONS, description: '工作日历地区' })
  @IsIn(CALENDAR_REGIONS)
  region!: CalendarRegion;

  @ApiProperty({ type: LegalReviewBodyDto })
  @ValidateNested()
  @Type(() => LegalReviewBodyDto)
  legalReviewBody!: LegalReviewBodyDto;

  @ApiPropertyOptional({
    description:
      '是否为司法行政机关（司法局）：负责本级及下级执法主体执法文书格式备案等监督事项。缺省时保持原值（新登记为否）',
  })
  @IsOptional()
  @IsBoolean()
  justiceBureau?: boolean;
}

export class CreateAgencyDto extends UpdateAgencyDto {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  code!: string;
}

export class AgencyView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGENCY_LEVELS }) level!: AgencyLevel;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty() unifiedSocialCreditCode!: string;
  @ApiProperty() legalBasis!: string;
  @ApiProperty() dutiesAndPowers!: string;
  @ApiProperty({ enum: CALENDAR_REGIONS }) region!: CalendarRegion;
  @ApiProperty({ type: LegalReviewBodyDto }) legalReviewBody!: LegalReviewBodyDto;
  @ApiProperty({ description: '是否为司法行政机关（司法局）' }) justiceBureau!: boolean;
}
