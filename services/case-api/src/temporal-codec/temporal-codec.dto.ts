import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One payload in the JSON of Temporal's remote codec protocol (proto3 JSON: bytes as base64). */
export class CodecPayloadDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', format: 'byte' },
    description: '元数据，值为 base64；加密载荷为 encoding=binary/encrypted 与 encryption-key-id',
    example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==', 'encryption-key-id': 'MjAyNi0xMg==' },
  })
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ type: 'string', format: 'byte', description: '载荷数据，base64' })
  data?: string;
}

export class CodecPayloadsDto {
  @ApiProperty({ type: [CodecPayloadDto], maxItems: 1000, description: '载荷列表（一次最多 1000 个）' })
  payloads!: CodecPayloadDto[];
}
