import { HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  validateSync,
} from 'class-validator';
import {
  EVIDENCE_CONFIDENTIALITY,
  EVIDENCE_KINDS,
  EvidenceConfidentiality,
  EvidenceKind,
} from '@lep/contracts';
import { ApiError, toViolations } from '@lep/nest-kit';
import { uploadErrors } from './upload-errors';

/**
 * No control characters: these values are shown to staff and printed in case files. Nor bidirectional
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a device or place read as something else
 * on screen than what is stored.
 */
const PRINTABLE = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/u;
export const RETENTION_PATTERN = /^(permanent|[1-9][0-9]?y)$/;
/** As case-api's request ids: printable ASCII without spaces. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
/** Ways a client might name a state secret; all are refused with the same explanation. */
// 秘密 / 机密 / 绝密 are the three levels of state secrets (secret, confidential, top secret).
const STATE_SECRET_NAMES = [
  'state-secret',
  'state_secret',
  'secret',
  'confidential',
  'top-secret',
  '国家秘密',
  '涉密',
  '秘密',
  '机密',
  '绝密',
];

/** The multipart fields describing an evidence item; all of them precede the `file` part. */
export class EvidenceMetadataDto {
  @ApiProperty({
    description: '所属环节，如案件阶段 investigating，或音像记录事项清单中的环节名称“现场检查”',
    maxLength: 64,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(PRINTABLE)
  stage!: string;

  @ApiProperty({ enum: EVIDENCE_KINDS, description: '记录类型：文字、照片、录音、录像、文书' })
  @IsIn(EVIDENCE_KINDS)
  kind!: EvidenceKind;

  @ApiProperty({
    description: '记录形成时间（ISO 8601，含时区）；录音录像为开始录制时间',
    example: '2026-11-20T09:30:00+08:00',
  })
  @IsISO8601({ strict: true })
  capturedAt!: string;

  @ApiPropertyOptional({
    description:
      '录音录像结束录制时间（ISO 8601，含时区），仅用于 audio、video。全过程音像记录须以开始与结束时间覆盖执法行为',
    example: '2026-11-20T10:05:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  recordingEndedAt?: string;

  @ApiProperty({ description: '记录人（执法人员编号）', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(PRINTABLE)
  capturedBy!: string;

  @ApiPropertyOptional({ description: '记录设备，如执法记录仪编号', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(PRINTABLE)
  device?: string;

  @ApiPropertyOptional({ description: '记录地点', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(PRINTABLE)
  place?: string;

  @ApiPropertyOptional({ description: '内容说明', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({
    enum: EVIDENCE_CONFIDENTIALITY,
    description: '密级/保密要求：公开、内部、商业秘密、个人隐私。国家秘密不得上传，须走涉密渠道',
  })
  @IsIn(EVIDENCE_CONFIDENTIALITY)
  confidentiality!: EvidenceConfidentiality;

  @ApiPropertyOptional({
    description: '保存期限：permanent（永久）或年数如 30y；缺省取服务配置',
    example: '30y',
  })
  @IsOptional()
  @Matches(RETENTION_PATTERN)
  retention?: string;

  @ApiPropertyOptional({
    description:
      '客户端计算的文件 SHA-256（十六进制）；给出时必须与收到的内容一致。建议给出：新内容将直接写入其内容地址，省去一次服务端复制',
  })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/)
  sha256?: string;

  @ApiPropertyOptional({
    description:
      '客户端请求标识（重试时保持不变）：同一执法主体以同一标识再次上传时，返回首次保存的证据，不再保存第二份',
    pattern: REQUEST_ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(REQUEST_ID_PATTERN)
  requestId?: string;
}

/** The request body as OpenAPI shows it: the metadata fields, then the file. */
export class EvidenceUploadForm extends EvidenceMetadataDto {
  @ApiProperty({ type: 'string', format: 'binary', description: '证据文件，必须是最后一个部分' })
  file!: unknown;
}

/** Recording devices' clocks drift; a record "from the future" beyond this is a wrong clock or a wrong date. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

/** Names class-transformer silently drops, so the whitelist below would never see them. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype'];

/** Validates metadata fields with the same rules and error shape as every JSON body of the platform. */
export function parseEvidenceMetadata(fields: Record<string, string>, now = new Date()): EvidenceMetadataDto {
  const reserved = Object.keys(fields).filter((name) => PROTOTYPE_NAMES.includes(name));
  if (reserved.length > 0)
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      '请求参数不符合要求',
      reserved.map((field) => ({
        field,
        rule: 'whitelistValidation',
        message: `字段 ${field} 是不允许的字段`,
      })),
    );
  const confidentiality = fields.confidentiality?.trim().toLowerCase();
  if (confidentiality && STATE_SECRET_NAMES.includes(confidentiality)) throw uploadErrors.stateSecret();
  const metadata = plainToInstance(EvidenceMetadataDto, fields);
  const errors = validateSync(metadata, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0)
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      '请求参数不符合要求',
      toViolations(errors),
    );
  if (new Date(metadata.capturedAt).getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
      { field: 'capturedAt', rule: 'notInFuture', message: '字段 capturedAt 不能晚于当前时间' },
    ]);
  const recordingProblem = recordingEndProblem(metadata, now);
  if (recordingProblem)
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
      { field: 'recordingEndedAt', ...recordingProblem },
    ]);
  return metadata;
}

/** A recording's end is given only for audio and video, after its start and not in the future. */
function recordingEndProblem(
  metadata: EvidenceMetadataDto,
  now: Date,
): { rule: string; message: string } | undefined {
  if (metadata.recordingEndedAt === undefined) return undefined;
  if (metadata.kind !== 'audio' && metadata.kind !== 'video')
    return { rule: 'audioOrVideoOnly', message: '字段 recordingEndedAt 仅用于录音（audio）、录像（video）' };
  const end = new Date(metadata.recordingEndedAt).getTime();
  if (end < new Date(metadata.capturedAt).getTime())
    return { rule: 'notBeforeCapturedAt', message: '字段 recordingEndedAt 不能早于开始录制时间 capturedAt' };
  if (end > now.getTime() + CLOCK_SKEW_MS)
    return { rule: 'notInFuture', message: '字段 recordingEndedAt 不能晚于当前时间' };
  return undefined;
}

/** The end of an item's retention, or null when it is kept permanently. */
export function retentionEnd(retention: string, storedAt: Date): Date | null {
  if (retention === 'permanent') return null;
  const end = new Date(storedAt);
  end.setUTCFullYear(end.getUTCFullYear() + Number(retention.slice(0, -1)));
  return end;
}

/**
 * The client's file name reduced to a plain name for display: no directories (`../`, `C:\\`), no control
 * characters, no leading dots. It is metadata only; storage keys come from the content hash.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/\p{Cc}/gu, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 255);
  return cleaned || 'unnamed';
}
