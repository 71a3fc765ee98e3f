import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { DATE_ONLY_PATTERN } from '../common/dates';
import {
  CERTIFICATE_STATUSES,
  CertificateStatus,
  LEGAL_STANDING_KINDS,
  LegalStandingKind,
  PERSONNEL_ROLES,
  PersonnelRole,
  QUALIFICATIONS,
  Qualification,
  SHOWN_CERTIFICATE_STATUSES,
  ShownCertificateStatus,
} from './personnel.entity';

export class LegalStandingDto {
  @ApiProperty({
    enum: LEGAL_STANDING_KINDS,
    description: 'legal-profession 法律职业资格；public-lawyer 公职律师；legal-adviser 法律顾问',
  })
  @IsIn(LEGAL_STANDING_KINDS)
  kind!: LegalStandingKind;

  @ApiPropertyOptional({
    description: '证书编号：法律职业资格证书编号（legal-profession 必填）、公职律师执业证号等',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  certificateNumber?: string;
}

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

  @ApiPropertyOptional({
    description: '执法证号。仅担任法制审核人员者可不填（须有法律身份）；其他角色必填。填写时证件各项均须填写',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  certificateNumber?: string;

  @ApiPropertyOptional({ description: '发证日期 YYYY-MM-DD', example: '2024-01-01' })
  @IsOptional()
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  certificateIssuedOn?: string;

  @ApiPropertyOptional({ description: '有效期至 YYYY-MM-DD（含当日）', example: '2029-12-31' })
  @IsOptional()
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  certificateExpiresOn?: string;

  @ApiPropertyOptional({ enum: QUALIFICATIONS, description: '通过执法资格考试，或因具有法律职业资格免考' })
  @IsOptional()
  @IsIn(QUALIFICATIONS)
  qualification?: Qualification;

  @ApiPropertyOptional({ description: '执法区域/执法类别' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  scope?: string;

  @ApiPropertyOptional({
    type: [LegalStandingDto],
    description:
      '法制审核所依的法律身份：法律职业资格、公职律师、法律顾问（可无，可多项，每类一项）；不填为无',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LegalStandingDto)
  legalStanding?: LegalStandingDto[];

  @ApiPropertyOptional({
    description: '是否为本机关主要负责人（每个执法主体至多一名，须具有 leader 角色）；不填为否',
  })
  @IsOptional()
  @IsBoolean()
  principalLeader?: boolean;
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

export class LegalStandingView {
  @ApiProperty({ enum: LEGAL_STANDING_KINDS }) kind!: LegalStandingKind;
  @ApiProperty({ type: String, nullable: true }) certificateNumber!: string | null;
}

export class PersonnelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PERSONNEL_ROLES, isArray: true }) roles!: PersonnelRole[];
  @ApiProperty({ type: String, nullable: true, description: '执法证号；未持执法证的法制审核人员为空' })
  certificateNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) certificateIssuedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) certificateExpiresOn!: string | null;
  @ApiProperty({
    enum: SHOWN_CERTIFICATE_STATUSES,
    nullable: true,
    description: '今日（北京时间）的执法证状态：有效期届满后为 expired；发证日前或未持执法证为 null',
  })
  status!: ShownCertificateStatus | null;
  @ApiProperty({ enum: QUALIFICATIONS, nullable: true }) qualification!: Qualification | null;
  @ApiProperty({ type: String, nullable: true }) scope!: string | null;
  @ApiProperty({ type: [StatusStepView] }) statusHistory!: StatusStepView[];
  @ApiProperty({ type: [LegalStandingView], description: '法律职业资格、公职律师、法律顾问身份' })
  legalStanding!: LegalStandingView[];
  @ApiProperty({ description: '是否为本机关主要负责人' }) principalLeader!: boolean;
}

export class MayEnforceAnswer {
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ type: [String], description: '不允许的原因（中文）；允许时为空' }) reasons!: string[];
}
