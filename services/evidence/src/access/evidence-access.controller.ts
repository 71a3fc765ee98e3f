import { pipeline } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { ApiError, DynamicStatus } from '@lep/nest-kit';
import { EvidenceConfig } from '../config';
import { AccessPurposeDto, EvidenceIdParam, PresignedUrlView } from '../items/evidence.dto';
import { ContentStore, contentDisposition } from '../storage/content-store';
import { AGENCY_READERS } from './access-policy';
import { parseByteRange } from './byte-range';
import { EvidenceAccessService } from './evidence-access.service';

/** Opening an item's content: streamed through the service (with Range for video) or by a presigned URL. */
@ApiTags('evidence')
@Controller('api/v1/evidence')
@Roles(...AGENCY_READERS)
export class EvidenceAccessController {
  constructor(
    private readonly access: EvidenceAccessService,
    private readonly store: ContentStore,
    private readonly config: EvidenceConfig,
  ) {}

  @Get(':id/content')
  @ApiProduces('application/octet-stream')
  @ApiHeader({ name: 'range', required: false, description: '如 bytes=0-1048575，用于视频拖动播放' })
  @ApiResponse({ status: 200, description: '完整内容' })
  @ApiResponse({ status: 206, description: '部分内容（Range）' })
  @ApiResponse({ status: 416, description: '请求的范围超出文件' })
  @DynamicStatus(206)
  async content(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvidenceIdParam,
    @Query() query: AccessPurposeDto,
    @Headers('range') rangeHeader: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const item = await this.access.open(principal, params.id, {
      action: 'download',
      purpose: query.purpose,
      byteRange: rangeHeader,
    });
    const range = parseByteRange(rangeHeader, item.size);
    if (range === 'unsatisfiable') {
      response.setHeader('content-range', `bytes */${item.size}`);
      throw new ApiError(
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
        'RANGE_NOT_SATISFIABLE',
        '请求的字节范围超出文件大小',
      );
    }
    const body = range
      ? await this.store.read(item.objectKey, range.start, range.end - range.start + 1)
      : await this.store.read(item.objectKey);
    response.status(range ? 206 : 200);
    response.setHeader('content-type', item.contentType);
    response.setHeader('accept-ranges', 'bytes');
    response.setHeader('content-length', String(range ? range.end - range.start + 1 : item.size));
    if (range) response.setHeader('content-range', `bytes ${range.start}-${range.end}/${item.size}`);
    response.setHeader('content-disposition', contentDisposition(item.originalName));
    response.setHeader('x-content-sha256', item.sha256);
    response.setHeader('cache-control', 'private, no-store');
    // pipeline, not pipe: a viewer closing the player mid-video also releases the connection to the store.
    pipeline(body, response, () => undefined);
  }

  @Post(':id/presigned-url')
  @HttpCode(200)
  @ApiOkResponse({ type: PresignedUrlView, description: '短时有效的直接下载地址；签发即记入调阅日志' })
  async presignedUrl(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvidenceIdParam,
    @Body() body: AccessPurposeDto,
  ): Promise<PresignedUrlView> {
    const item = await this.access.open(principal, params.id, {
      action: 'presigned-url',
      purpose: body.purpose,
    });
    const seconds = this.config.EVIDENCE_PRESIGNED_URL_SECONDS;
    const url = await this.store.presignedRead(item.objectKey, seconds, item.originalName);
    return { url, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
  }
}
