import { HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { DecisionDocumentFields } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';

const NAME_LIMIT = 200;
const TEXT_LIMIT = 20_000;

/**
 * What the 行政处罚决定书 prints beyond the draft's decision. A penalty draft that carries it is rendered as the
 * 决定书 when it is submitted for legal review, and the reviewer reviews that document.
 */
export class DecisionDocumentFieldsDto implements DecisionDocumentFields {
  @ApiProperty({ description: '行政复议机关（救济途径条款载明）', example: '石河子市人民政府' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_LIMIT)
  reconsiderationBody!: string;

  @ApiProperty({ description: '管辖人民法院（救济途径条款载明）', example: '石河子市人民法院' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_LIMIT)
  court!: string;

  @ApiPropertyOptional({ description: '裁量理由' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  discretion?: string;

  @ApiPropertyOptional({ description: '缴款方式' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  paymentInstructions?: string;

  @ApiPropertyOptional({ description: '陈述申辩及采纳情况' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  statementAndDefence?: string;

  @ApiPropertyOptional({ description: '听证情况' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  hearing?: string;
}

/** Only a penalty draft is rendered as a 决定书 so far (the 行政处罚决定书 template); elsewhere the block is refused. */
export function assertDocumentFieldsApply(dto: { penalty?: unknown; document?: unknown }): void {
  if (dto.document === undefined || dto.penalty !== undefined) return;
  throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
    {
      field: 'document',
      rule: 'penaltyDecisionOnly',
      message: '决定书事项（document）目前只适用于行政处罚决定草案（penalty）',
    },
  ]);
}
