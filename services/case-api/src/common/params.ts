import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { CASE_ID_PATTERN } from '@lep/contracts';

/** Client request ids become Temporal update ids: printable ASCII without spaces. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
export const TASK_ID_PATTERN = /^[^\s/\\?#%]{1,300}$/;

export class CaseIdParam {
  @ApiProperty({ description: '案件标识 case-<执法主体代码>.<案件编号>' })
  @Matches(CASE_ID_PATTERN)
  caseId!: string;
}

export class TaskIdParam {
  @ApiProperty({ description: '任务标识' })
  @Matches(TASK_ID_PATTERN)
  taskId!: string;
}

export class CaseActionParam extends CaseIdParam {
  @ApiProperty({ description: '办理该事项时提交的 requestId', pattern: REQUEST_ID_PATTERN.source })
  @Matches(REQUEST_ID_PATTERN)
  requestId!: string;
}

export class TaskActionParam extends TaskIdParam {
  @ApiProperty({ description: '办理该事项时提交的 requestId', pattern: REQUEST_ID_PATTERN.source })
  @Matches(REQUEST_ID_PATTERN)
  requestId!: string;
}

/** Every state-changing call names itself, so a retried call is applied once and answers the same. */
export class RequestIdDto {
  @ApiProperty({ description: '客户端请求标识（重试时保持不变）', pattern: REQUEST_ID_PATTERN.source })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  @Matches(REQUEST_ID_PATTERN)
  requestId!: string;
}
