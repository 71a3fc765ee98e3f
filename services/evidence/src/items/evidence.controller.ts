import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { AGENCY_READERS } from '../access/access-policy';
import { EvidenceUploadForm } from '../upload/evidence-metadata';
import { EvidenceUploadService } from '../upload/evidence-upload.service';
import { EvidenceItemsService } from './evidence-items.service';
import { AccessPurposeDto, CaseIdParam, EvidenceIdParam, EvidenceView } from './evidence.dto';

@ApiTags('evidence')
@Controller('api/v1')
export class EvidenceController {
  constructor(
    private readonly uploads: EvidenceUploadService,
    private readonly items: EvidenceItemsService,
  ) {}

  @Post('cases/:caseId/evidence')
  @Roles('handler', 'leader', 'agency-system')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    type: EvidenceUploadForm,
    description:
      '流式上传一个证据文件。元数据字段必须全部位于 file 部分之前（否则 400 METADATA_AFTER_FILE）；' +
      '文件按 SHA-256 内容寻址保存，相同内容只存一份；给出 sha256 时不一致则 422 且不保存任何内容。',
  })
  @ApiCreatedResponse({ type: EvidenceView })
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CaseIdParam,
    @Req() request: Request,
  ): Promise<EvidenceView> {
    return this.uploads.upload(principal, params.caseId, request);
  }

  @Get('cases/:caseId/evidence')
  @Roles(...AGENCY_READERS)
  @ApiOkResponse({ type: [EvidenceView], description: '本案中调用者有权调阅的证据（不含内容）' })
  list(@CurrentPrincipal() principal: Principal, @Param() params: CaseIdParam): Promise<EvidenceView[]> {
    return this.items.list(principal, params.caseId);
  }

  @Delete('evidence/:id')
  @Roles('leader', 'agency-admin')
  @HttpCode(204)
  @ApiOkResponse({ description: '保存期限届满后删除；届满前 409 RETENTION_ACTIVE' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvidenceIdParam,
    @Query() query: AccessPurposeDto,
  ): Promise<void> {
    return this.items.remove(principal, params.id, query.purpose);
  }
}
