import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  INSPECTION_METHODS,
  INSPECTION_RESULT_OUTCOMES,
  type InspectionMethod,
  type InspectionResultDraft,
  type InspectionResultOutcome,
} from '@lep/contracts';
import { DATE_PATTERN } from './case.dto';

const TEXT_LIMIT = 20_000;

/**
 * 行政检查结果 (domain.md P14), the decision of an inspection case: 检查对象 is the draft's party, 检查事项 the
 * case's item and 检查机关 the agency, so the draft gives the rest.
 */
export class InspectionResultDto implements InspectionResultDraft {
  @ApiProperty({ description: '检查依据（法律、法规、规章条款）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  legalBasis!: string;

  @ApiProperty({ description: '检查日期 YYYY-MM-DD：不得晚于今天和决定日期', example: '2026-12-01' })
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  inspectedOn!: string;

  @ApiProperty({
    enum: INSPECTION_METHODS,
    description:
      '检查方式：on-site 现场检查，documentary 书面检查，sampling 抽样检验，remote 非现场检查，other 其他方式',
  })
  @IsIn(INSPECTION_METHODS)
  method!: InspectionMethod;

  @ApiProperty({
    enum: INSPECTION_RESULT_OUTCOMES,
    description:
      '检查结果：no-problem 未发现问题，ordered-correction 发现问题责令改正，case-filed 发现问题移送立案查处，referred 发现问题移送有关机关处理，other 其他',
  })
  @IsIn(INSPECTION_RESULT_OUTCOMES)
  outcome!: InspectionResultOutcome;

  @ApiProperty({ description: '检查情况：检查了什么、发现了什么（公开时去除个人信息）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  findings!: string;

  @ApiProperty({ description: '处理情况：责令改正、复查、立案或移送等（公开时去除个人信息）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  handling!: string;

  @ApiPropertyOptional({
    description:
      '本次检查系双随机抽查的，填写抽查计划编号：该结果已随抽查结果统计，不再重复计数。须为本执法主体在执法主体名录中' +
      '登记、有现行抽取结果的抽查计划，当事人有统一社会信用代码的须在抽取的检查对象中，否则 422 INSPECTION_PLAN_INVALID',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  randomInspectionPlanId?: string;
}
