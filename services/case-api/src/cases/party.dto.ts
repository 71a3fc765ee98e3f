import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PARTY_TYPES, type CaseParty } from '@lep/contracts';

export const CASE_PARTY_TYPES = [...PARTY_TYPES, 'individual-business'] as const;

/** GB 32100 shape (the check character is the registry's business; here only the form is checked). */
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** 行政相对人 */
export class CasePartyDto implements CaseParty {
  @ApiProperty({ enum: CASE_PARTY_TYPES, description: '当事人类型：自然人、法人、其他组织、个体工商户' })
  @IsIn(CASE_PARTY_TYPES)
  type!: CaseParty['type'];

  @ApiProperty({ description: '当事人名称或姓名' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: '统一社会信用代码' })
  @IsOptional()
  @Matches(CREDIT_CODE_PATTERN)
  creditCode?: string;

  @ApiPropertyOptional({ description: '法定代表人或经营者' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  legalRepresentative?: string;

  @ApiPropertyOptional({ description: '证件类型（自然人）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  idType?: string;

  @ApiPropertyOptional({ description: '证件号码（自然人，不公开）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  idNumber?: string;
}
