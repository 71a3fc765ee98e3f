import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsBoolean,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { DECISION_ID_PATTERN } from '@lep/contracts';
import { CoercionDetailsDto, OtherDetailsDto } from './case-actions.dto';
import { DATE_PATTERN, MajorByUnitDto } from './case.dto';
import { ActSpanDto } from './act-span.dto';
import { DecisionBaseDto } from './decision-base.dto';

/** The one field of a 行政强制 decision a handler may keep back as a commercial secret. */
export const COERCION_SECRET_FIELDS = ['other.content'] as const;

/**
 * 行政强制措施或强制执行 inside a case (domain.md P13): its own decision, disclosed on its own clock. Measures
 * (查封、扣押、冻结) while the case is investigated, executions once it is decided.
 */
export class CoercionMeasureDto extends DecisionBaseDto({
  documentNumber: '强制决定书文号（如 查封（扣押）决定书）',
  party: '强制措施所针对的当事人',
}) {
  @ApiProperty({
    type: CoercionDetailsDto,
    description: '行政强制种类：查封、扣押、冻结等措施在调查至法制审核环节；加处罚款、代履行等执行在决定之后',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CoercionDetailsDto)
  coercion!: CoercionDetailsDto;

  @ApiProperty({ type: OtherDetailsDto, description: '决定名称、决定内容（强制的对象、期限）和法律依据' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OtherDetailsDto)
  other!: OtherDetailsDto;

  @ApiProperty({
    description: '强制决定书载明的日期 YYYY-MM-DD：不得晚于今天、早于立案日期；公开期限按此日期计算',
    example: '2026-12-04',
  })
  @Matches(DATE_PATTERN)
  @IsISO8601({ strict: true })
  decidedOn!: string;

  @ApiPropertyOptional({
    type: ActSpanDto,
    description:
      '实施的起止时间。查封、扣押、强制拆除（排除妨碍、恢复原状）须写明，且须有覆盖全程的录音录像（平台最低要求）',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ActSpanDto)
  carriedOut?: ActSpanDto;

  @ApiPropertyOptional({
    description:
      '重新作出时：被要求重新作出（以 remade 撤回）的本案行政强制决定的决定标识；每项决定只能重新作出一次',
  })
  @IsOptional()
  @Matches(DECISION_ID_PATTERN)
  replacesDecisionId?: string;

  @ApiPropertyOptional({
    description:
      '情况紧急、当场实施（行政强制法第十九条）：属于重大执法决定的，立即实施并同时提请法制审核，二十四小时内未审核通过或审核未通过的立即解除；非紧急的重大措施须先经法制审核通过方可作出',
  })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({
    type: MajorByUnitDto,
    description: '承办机构认定该强制决定属于重大执法决定（不论目录如何认定）：须经法制审核',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MajorByUnitDto)
  majorByUnit?: MajorByUnitDto;

  @ApiPropertyOptional({
    enum: COERCION_SECRET_FIELDS,
    isArray: true,
    description: '涉及商业秘密、公开时不予显示内容的字段',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(COERCION_SECRET_FIELDS, { each: true })
  tradeSecretFields?: (typeof COERCION_SECRET_FIELDS)[number][];
}
