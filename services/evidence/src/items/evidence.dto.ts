import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  EVIDENCE_CONFIDENTIALITY,
  EVIDENCE_KINDS,
  EvidenceConfidentiality,
  EvidenceKind,
  CASE_ID_PATTERN,
} from '@lep/contracts';
import type { EvidenceItemEntity } from './evidence-item.entity';

export class CaseIdParam {
  @ApiProperty({ description: '案件标识 case-<执法主体代码>.<案件编号>（与办案系统相同）' })
  @Matches(CASE_ID_PATTERN)
  caseId!: string;
}

export class EvidenceIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** Why the caller opens an item; recorded in the access log (调阅事由). */
export class AccessPurposeDto {
  @ApiProperty({
    description: '调阅事由，记入调阅日志',
    minLength: 2,
    maxLength: 200,
    example: '法制审核查阅现场录像',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/^\P{Cc}{2,}$/u)
  purpose!: string;
}

export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '案件标识 case-<执法主体代码>.<案件编号>' }) caseId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: EvidenceKind;
  @ApiProperty({ format: 'date-time', description: '记录形成时间；录音录像为开始录制时间' })
  capturedAt!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '录音录像结束录制时间；其他类型为 null',
  })
  recordingEndedAt!: string | null;
  @ApiProperty() capturedBy!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) device!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) place!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: EVIDENCE_CONFIDENTIALITY }) confidentiality!: EvidenceConfidentiality;
  @ApiProperty({ description: '上传时的文件名（仅作显示，已去除路径）' }) originalName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty({ description: '内容 SHA-256（十六进制）' }) sha256!: string;
  @ApiProperty({ description: '字节数' }) size!: number;
  @ApiProperty({ format: 'date-time' }) storedAt!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '保存期限届满时间；null 为永久保存',
  })
  retainUntil!: string | null;
}

export class PresignedUrlView {
  @ApiProperty({ description: '短时有效的下载地址' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export function toEvidenceView(item: EvidenceItemEntity): EvidenceView {
  return {
    id: item.id,
    caseId: item.caseId,
    agencyCode: item.agencyCode,
    stage: item.stage,
    kind: item.kind,
    capturedAt: item.capturedAt.toISOString(),
    recordingEndedAt: item.recordingEndedAt?.toISOString() ?? null,
    capturedBy: item.capturedBy,
    device: item.device,
    place: item.place,
    description: item.description,
    confidentiality: item.confidentiality,
    originalName: item.originalName,
    contentType: item.contentType,
    sha256: item.sha256,
    size: item.size,
    storedAt: item.storedAt.toISOString(),
    retainUntil: item.retainUntil?.toISOString() ?? null,
  };
}
