import { REGISTRY_IMPORT_BATCH_MAX } from '@lep/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HttpStatus } from '@nestjs/common';
import { ApiError, toViolations } from '@lep/nest-kit';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, validateSync } from 'class-validator';
import { IMPORT_KINDS, ImportKind } from './import-rows';

/** Rows per request: large enough that 100,000 rows take a few dozen requests, small enough for one transaction. */
export const IMPORT_BATCH_MAX = REGISTRY_IMPORT_BATCH_MAX;
/** A full batch of personnel rows is about 1.5 MB of JSON; the limit leaves room for long cells. */
export const IMPORT_JSON_BODY_LIMIT = '8mb';
export const IMPORT_MODES = ['validate', 'apply'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Documents a row's shape; ImportsService checks it (checkRowShape). */
export class ImportRowDto {
  @ApiProperty({
    description: '该行在导入文件中的行号（从 1 起，含表头行）：CSV 文件的行号，或 .xlsx 第一个工作表的行号',
    minimum: 1,
  })
  line!: number;

  @ApiProperty({
    description: '按表头列名给出的单元格文本',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  fields!: Record<string, string>;
}

export class ImportBatchDto {
  @ApiProperty({
    enum: IMPORT_MODES,
    description: 'validate：只校验不写入；apply：校验通过后写入（整批要么全部写入，要么都不写）',
  })
  @IsIn(IMPORT_MODES)
  mode!: ImportMode;

  // Rows are checked by ImportsService (checkRowShape), not by nested class validation: that costs about a
  // second per 5,000 rows, more than the import itself (see checkBatch).
  @ApiProperty({ type: [ImportRowDto], maxItems: IMPORT_BATCH_MAX })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(IMPORT_BATCH_MAX)
  rows!: ImportRowDto[];

  @ApiPropertyOptional({
    type: [ImportRowDto],
    maxItems: IMPORT_BATCH_MAX,
    description:
      '仅用于 agencies 的 validate 请求：文件中（已在前几批校验过的）本批执法主体的上级所在的行，先按登记处理再校验本批，不计入结果',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(IMPORT_BATCH_MAX)
  context?: ImportRowDto[];
}

export class ImportKindParam {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;
}

export class ImportBatchResult {
  @ApiProperty({ enum: IMPORT_MODES }) mode!: ImportMode;
  @ApiProperty({ description: '本批行数' }) rows!: number;
  @ApiProperty({ description: '新增' }) inserted!: number;
  @ApiProperty({ description: '更新' }) updated!: number;
  @ApiProperty({ description: '与现有登记一致，未改动' }) unchanged!: number;
}

/**
 * The batch envelope checked as the global validation pipe checks a body (unknown fields refused, 400 naming
 * the field), without its class-transformer copy of every row: rows are left as parsed for checkRowShape.
 */
export function checkBatch(body: unknown): ImportBatchDto {
  const batch = new ImportBatchDto();
  if (typeof body === 'object' && body !== null && !Array.isArray(body))
    for (const [key, value] of Object.entries(body))
      // A parsed "__proto__" key is an own property; defining it (not assigning it) keeps the prototype.
      Object.defineProperty(batch, key, { value, enumerable: true, writable: true, configurable: true });
  const errors = validateSync(batch, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0)
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      '请求参数不符合要求',
      toViolations(errors),
    );
  return batch;
}
