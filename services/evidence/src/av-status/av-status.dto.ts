import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

/**
 * The stages to check, as the case workflow reads them from the registry's AV list (音像记录事项清单,
 * AvRecordingEntry.stages) for the case's item: the evidence service does not hold the list itself.
 */
export class AvStatusQuery {
  @ApiPropertyOptional({
    description: '音像记录事项清单中的事项编码（stages 的出处），原样写入回答，便于案件流程留痕',
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;

  @ApiProperty({
    type: String,
    description: '需音像记录的环节，逗号分隔，取自音像记录事项清单中该事项的 stages',
    example: '现场检查,查封扣押,送达',
  })
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((stage) => stage.trim())
          .filter((stage) => stage !== '')
      : value,
  )
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  stages!: string[];
}

export class AvStageStatus {
  @ApiProperty() stage!: string;
  @ApiProperty({ description: '该环节已上传的录音、录像数量' }) audioVisualItems!: number;
  @ApiProperty({ description: '是否已有至少一项音像记录' }) satisfied!: boolean;
}

export class AvStatusView {
  @ApiProperty({ description: '案件标识 case-<执法主体代码>.<案件编号>' }) caseId!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '调用方给出的事项编码' })
  itemCode!: string | null;
  @ApiProperty({ type: [AvStageStatus] }) stages!: AvStageStatus[];
  @ApiProperty({ type: [String], description: '仍缺少音像记录的环节' }) missingStages!: string[];
}
