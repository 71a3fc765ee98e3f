import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { DATE_ONLY_PATTERN } from '../common/dates';
import {
  CERTIFICATE_STATUSES,
  CertificateStatus,
  PERSONNEL_ROLES,
  PersonnelRole,
  QUALIFICATIONS,
  Qualification,
  SHOWN_CERTIFICATE_STATUSES,
  ShownCertificateStatus,
} from './personnel.entity';

export class PersonnelDto {
  @ApiProperty({ description: '所属执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode!: string;

  @ApiProperty({ description: '姓名' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ description: '居民身份证号码：仅存储，任何应答和事件中都不返回', writeOnly: true })
  @IsOptional()
  @IsString()
  idNumber?: string;

  @ApiProperty({ enum: PERSONNEL_ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(PERSONNEL_ROLES, { each: true })
  roles!: PersonnelRole[];

  @ApiProperty({ description: '执法证号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  certificateNumber!: string;

  @ApiProperty({ description: '发证日期 YYYY-MM-DD', example: '2024-01-01' })
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  certificateIssuedOn!: string;

  @ApiProperty({ description: '有效期至 YYYY-MM-DD（含当日）', example: '2029-12-31' })
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  certificateExpiresOn!: string;

  @ApiProperty({ enum: QUALIFICATIONS, description: '通过执法资格考试，或因具有法律职业资格免考' })
  @IsIn(QUALIFICATIONS)
  qualification!: Qualification;

  @ApiProperty({ description: '执法区域/执法类别' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  scope!: string;
}

export class StatusChangeDto {
  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  @IsIn(CERTIFICATE_STATUSES)
  status!: CertificateStatus;

  @ApiProperty({ description: '生效日期 YYYY-MM-DD' })
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  effectiveOn!: string;

  @ApiProperty({ description: '变更原因' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class MayEnforceQuery {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  agency!: string;

  @ApiProperty({ description: '执法事项编码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  item!: string;

  @ApiProperty({ description: '执法日期 YYYY-MM-DD' })
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  on!: string;
}

export class StatusStepView {
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status!: CertificateStatus;
  @ApiProperty() effectiveOn!: string;
  @ApiProperty() reason!: string;
}

export class PersonnelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PERSONNEL_ROLES, isArray: true }) roles!: PersonnelRole[];
  @ApiProperty() certificateNumber!: string;
  @ApiProperty() certificateIssuedOn!: string;
  @ApiProperty() certificateExpiresOn!: string;
  @ApiProperty({
    enum: SHOWN_CERTIFICATE_STATUSES,
    nullable: true,
    description: '今日（北京时间）的证件状态：有效期届满后为 expired；发证日前为 null',
  })
  status!: ShownCertificateStatus | null;
  @ApiProperty({ enum: QUALIFICATIONS }) qualification!: Qualification;
  @ApiProperty() scope!: string;
  @ApiProperty({ type: [StatusStepView] }) statusHistory!: StatusStepView[];
}

export class MayEnforceAnswer {
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ type: [String], description: '不允许的原因（中文）；允许时为空' }) reasons!: string[];
}
