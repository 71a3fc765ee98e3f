import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PLATFORM_ADMIN, Roles } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import {
  CodecRequestError,
  EncryptionCodec,
  PayloadDecryptionError,
  payloadsFromJson,
  payloadsToJson,
  type JsonPayload,
} from '@lep/temporal-codec';
import { CodecPayloadsDto } from './temporal-codec.dto';
import { TEMPORAL_PAYLOAD_CODEC } from './temporal-codec.tokens';

function badRequest(error: CodecRequestError): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
    { field: error.field, rule: error.rule, message: error.message },
  ]);
}

function undecryptable(error: PayloadDecryptionError, index: number): ApiError {
  return error.reason === 'unknown-key'
    ? new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'PAYLOAD_KEY_UNKNOWN',
        `payloads[${index}] 使用的加密密钥不在本平台的密钥列表（TEMPORAL_PAYLOAD_KEYS）中，无法解密`,
      )
    : new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'PAYLOAD_NOT_AUTHENTIC',
        `payloads[${index}] 无法解密：数据已被篡改，或不是用本平台的密钥加密的`,
      );
}

function parse(body: unknown) {
  try {
    return payloadsFromJson(body);
  } catch (error) {
    if (error instanceof CodecRequestError) throw badRequest(error);
    throw error;
  }
}

/**
 * Temporal's remote codec (POST {endpoint}/encode and /decode): the Temporal Web UI and the `temporal` CLI
 * (`--codec-endpoint`, `--codec-auth`) send the payloads of a history here and show what comes back, so the
 * personal data Temporal stores encrypted is read in plaintext only by the platform's operators, each request
 * authenticated and audited like the rest of the staff API.
 */
@ApiTags('temporal-codec')
@Controller('api/v1/temporal-codec')
@Roles(PLATFORM_ADMIN)
@ApiHeader({ name: 'X-Namespace', required: false, description: 'Temporal 命名空间（Web UI 自动发送）' })
@ApiUnauthorizedResponse({ description: '未认证：UNAUTHENTICATED' })
@ApiForbiddenResponse({ description: '仅平台管理员（platform-admin）可以解密：ROLE_FORBIDDEN' })
@ApiBadRequestResponse({ description: '请求体不是载荷列表：VALIDATION_FAILED，violations 指明字段与规则' })
export class TemporalCodecController {
  constructor(@Inject(TEMPORAL_PAYLOAD_CODEC) private readonly codec: EncryptionCodec) {}

  @Post('decode')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '解密 Temporal 载荷（供 Temporal Web UI 与 temporal 命令行使用）；未加密的载荷原样返回',
  })
  @ApiBody({ type: CodecPayloadsDto })
  @ApiOkResponse({ type: CodecPayloadsDto, description: '解密后的载荷，顺序与请求相同' })
  @ApiUnprocessableEntityResponse({
    description:
      '载荷无法解密：PAYLOAD_KEY_UNKNOWN（密钥已不在列表中）、PAYLOAD_NOT_AUTHENTIC（数据被篡改或密钥不符）',
  })
  async decode(@Body() body: unknown): Promise<{ payloads: JsonPayload[] }> {
    const payloads = parse(body);
    const decoded = [];
    // One at a time, so a refusal names the payload that could not be decrypted.
    for (const [index, payload] of payloads.entries()) {
      try {
        decoded.push(...(await this.codec.decode([payload])));
      } catch (error) {
        if (error instanceof PayloadDecryptionError) throw undecryptable(error, index);
        throw error;
      }
    }
    return payloadsToJson(decoded);
  }

  @Post('encode')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '用当前密钥加密 Temporal 载荷（Web UI 发送信号等输入时使用）' })
  @ApiBody({ type: CodecPayloadsDto })
  @ApiOkResponse({ type: CodecPayloadsDto, description: '加密后的载荷，顺序与请求相同' })
  async encode(@Body() body: unknown): Promise<{ payloads: JsonPayload[] }> {
    return payloadsToJson(await this.codec.encode(parse(body)));
  }
}
