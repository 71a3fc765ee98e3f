import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { HttpStatus } from '@nestjs/common';
import type { LicensingApplication } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** 不予受理 (行政许可法 art. 32, domain.md P7a): decided and told to the applicant in writing. */
export class ApplicationNotAcceptedDto {
  @ApiProperty({ description: '不予受理决定日期 YYYY-MM-DD（不早于收到申请之日）' })
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  decidedOn!: string;

  @ApiProperty({
    description: '不予受理理由（如：申请事项依法不需要取得行政许可；不属于本机关职权范围，应向某机关申请）',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ description: '法律依据（如：《中华人民共和国行政许可法》第三十二条第一款第（二）项）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalBasis!: string;

  @ApiProperty({ description: '不予受理通知书文号（书面凭证）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  noticeNumber!: string;
}

/** 行政许可申请: received, then accepted (受理) or not (不予受理). Licensing items only. */
export class LicensingApplicationDto {
  @ApiProperty({ description: '收到申请材料之日 YYYY-MM-DD' })
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  receivedOn!: string;

  @ApiPropertyOptional({
    type: ApplicationNotAcceptedDto,
    description: '不予受理：有此项时案件以不予受理终结（计入申请数，不计入受理数）；无此项即为受理',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicationNotAcceptedDto)
  notAccepted?: ApplicationNotAcceptedDto;
}

/**
 * Dates of an application must follow each other: received, then accepted (立案 on filedOn) or not accepted
 * (decidedOn). Refuses with 400 naming the field.
 */
export function assertApplicationDates(application: LicensingApplication, filedOn: string): void {
  const problems: { field: string; rule: string; message: string }[] = [];
  if (filedOn < application.receivedOn)
    problems.push({
      field: 'filedOn',
      rule: 'notBeforeApplication',
      message: `立案（受理）日期 ${filedOn} 早于收到申请之日 ${application.receivedOn}`,
    });
  const decidedOn = application.notAccepted?.decidedOn;
  if (decidedOn !== undefined && decidedOn < application.receivedOn)
    problems.push({
      field: 'application.notAccepted.decidedOn',
      rule: 'notBeforeApplication',
      message: `不予受理决定日期 ${decidedOn} 早于收到申请之日 ${application.receivedOn}`,
    });
  if (problems.length > 0)
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', problems);
}
