import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ROLES, type Role } from '@lep/auth';
import { TASK_KINDS, TASK_STATES, type TaskKind, type TaskState } from '@lep/case-store';
import {
  type CollectiveDiscussion,
  REVIEW_CHECKLIST_NAMES,
  REVIEW_OUTCOMES,
  type ReviewChecklistItem,
  type ReviewOutcome,
} from '@lep/contracts';
import { IsPersonnelId } from '@lep/nest-kit';
import { CasePageQuery } from '../cases/case.dto';
import { RequestIdDto } from '../common/params';

const TEXT_LIMIT = 20_000;

export class TaskListQuery extends CasePageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: '领取人（执法人员 id）' })
  @IsOptional()
  @IsPersonnelId()
  assignee?: string;

  @ApiPropertyOptional({ enum: ROLES, description: '任务面向的角色' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: TASK_STATES })
  @IsOptional()
  @IsIn(TASK_STATES)
  state?: TaskState;

  @ApiPropertyOptional({ format: 'date-time', description: '到期时间早于' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;
}

export class ChecklistAnswerDto {
  @ApiProperty({ description: '该项是否无问题' })
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({ description: '审核说明' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  note?: string;
}

/** 法制审核八项内容 (domain.md L4): every point answered. */
export class ReviewChecklistDto implements Record<ReviewChecklistItem, ChecklistAnswerDto> {
  @ApiProperty({ type: ChecklistAnswerDto, description: REVIEW_CHECKLIST_NAMES['subject-legality'] })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistAnswerDto)
  'subject-legality'!: ChecklistAnswerDto;

  @ApiProperty({ type: ChecklistAnswerDto, description: REVIEW_CHECKLIST_NAMES['handler-qualification'] })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistAnswerDto)
  'handler-qualification'!: ChecklistAnswerDto;

  @ApiProperty({ type: ChecklistAnswerDto, description: REVIEW_CHECKLIST_NAMES.procedure })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistAnswerDto)
  procedure!: ChecklistAnswerDto;

  @ApiProperty({ type: ChecklistAnswerDto, description: REVIEW_CHECKLIST_NAMES['facts-and-evidence'] })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistAnswerDto)
  'facts-and-evidence'!: ChecklistAnswerDto;

  @ApiProperty({ type: ChecklistAnswerDto, description: REVIEW_CHECKLIST_NAMES['law-and-discretion'] })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistAnswerDto)
  'law-and-discretion'!: ChecklistAnswerDto;

  @ApiProperty({ type: ChecklistAnswerDto, description: REVIEW_CHECKLIST_NAMES.authority })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistAnswerDto)
  authority!: ChecklistAnswerDto;

  @ApiProperty({ type: ChecklistAnswerDto, description: REVIEW_CHECKLIST_NAMES.documents })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistAnswerDto)
  documents!: ChecklistAnswerDto;

  @ApiProperty({ type: ChecklistAnswerDto, description: REVIEW_CHECKLIST_NAMES['criminal-referral'] })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChecklistAnswerDto)
  'criminal-referral'!: ChecklistAnswerDto;
}

export const COORDINATION_RULINGS = ['uphold', 'overrule'] as const;

/** 集体讨论记录 (行政处罚法第五十七条): what an overruling of a failed review rests on (domain.md L6c). */
export class CollectiveDiscussionDto implements CollectiveDiscussion {
  @ApiProperty({ description: '集体讨论日期 YYYY-MM-DD', example: '2026-12-03' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  heldOn!: string;

  @ApiProperty({ type: [String], description: '参加人员（姓名或人员编号），至少 2 人' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  participants!: string[];

  @ApiProperty({ description: '会议纪要编号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  minutesReference!: string;

  @ApiProperty({ description: '讨论结论' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  conclusion!: string;
}

/**
 * Completing a task: a legal-review task takes checklist, opinion and outcome; a coordination task (the agency
 * head's ruling on a disputed opinion) takes ruling and reason. Which fields are required follows the task.
 */
export class CompleteTaskDto extends RequestIdDto {
  @ApiPropertyOptional({ type: ReviewChecklistDto, description: '审核清单（法制审核任务）' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReviewChecklistDto)
  checklist?: ReviewChecklistDto;

  @ApiPropertyOptional({ description: '法制审核意见书（法制审核任务）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  opinion?: string;

  @ApiPropertyOptional({
    enum: REVIEW_OUTCOMES,
    description: '审核结论：同意、退回修改、不同意（法制审核任务）',
  })
  @IsOptional()
  @IsIn(REVIEW_OUTCOMES)
  outcome?: ReviewOutcome;

  @ApiPropertyOptional({
    enum: COORDINATION_RULINGS,
    description: '协调裁决：维持审核意见或采纳承办意见（协调任务）',
  })
  @IsOptional()
  @IsIn(COORDINATION_RULINGS)
  ruling?: (typeof COORDINATION_RULINGS)[number];

  @ApiPropertyOptional({ description: '裁决理由（协调任务）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  reason?: string;
  @ApiPropertyOptional({
    type: CollectiveDiscussionDto,
    description: '集体讨论记录（协调任务中采纳承办机构意见、推翻审核意见时必填）',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CollectiveDiscussionDto)
  collectiveDiscussion?: CollectiveDiscussionDto;
}

export class TaskExtensionDto extends RequestIdDto {
  @ApiProperty({ description: '延长审核期限的理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  reason!: string;
}

export class TaskConflictDeclarationDto extends RequestIdDto {
  @ApiProperty({ description: '与本案存在利害关系、应当回避的情形（写入全过程记录）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  reason!: string;
}

export class TaskView {
  @ApiProperty() taskId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: '承办执法主体' }) agencyCode!: string;
  @ApiProperty({ enum: TASK_KINDS }) kind!: TaskKind;
  @ApiProperty() round!: number;
  @ApiProperty({ enum: TASK_STATES }) state!: TaskState;
  @ApiProperty({ description: '任务所属执法主体（审核机构所在单位）' }) assigneeAgencyCode!: string;
  @ApiProperty() assigneeRole!: string;
  @ApiProperty({ nullable: true, type: String }) claimedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty() escalated!: boolean;
  @ApiProperty({ type: Object }) payload!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Object }) outcome!: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedBy!: string | null;
}

export class TaskPageView {
  @ApiProperty({ type: [TaskView] }) items!: TaskView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
