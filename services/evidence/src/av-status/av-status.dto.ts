import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/**
 * The stages to check, as the case workflow reads them from the registry's AV list (音像记录事项清单,
 * AvRecordingEntry.stages) for the case's item: the evidence service does not hold the list itself.
 */
export class AvStatusQuery {
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
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [AvStageStatus] }) stages!: AvStageStatus[];
  @ApiProperty({ type: [String], description: '仍缺少音像记录的环节' }) missingStages!: string[];
}
