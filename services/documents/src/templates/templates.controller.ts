import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal, Roles } from '@lep/auth';
import { AgencyCodeParam, TemplateIdParam } from '../common/params';
import { sendPdf } from '../common/pdf-response';
import { AGENCY_READERS, BUREAU_DECIDERS } from '../common/roles';
import { RendererService } from '../rendering/renderer.service';
import { type CallerCredential, CurrentCredential } from '../upstream/caller-credential';
import { SAMPLE_DATA } from './sample-data';
import {
  AcceptFilingDto,
  AgencyTemplatesView,
  DocumentKindView,
  FilingsQuery,
  RefuseFilingDto,
  SubmitTemplateDto,
  TemplateFilingView,
  TemplateView,
} from './templates.dto';
import { TemplatesService } from './templates.service';

@ApiTags('templates')
@Controller('api/v1')
@Roles(...AGENCY_READERS)
export class TemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly renderer: RendererService,
  ) {}

  @Get('document-kinds')
  @ApiOkResponse({ type: [DocumentKindView], description: '平台支持的执法文书种类及其默认式样' })
  kinds(): DocumentKindView[] {
    return this.templates.kinds();
  }

  @Get('agencies/:agencyCode/templates')
  @ApiOkResponse({ type: [AgencyTemplatesView], description: '各种类文书的现行式样与本单位式样的备案情况' })
  ofAgency(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
  ): Promise<AgencyTemplatesView[]> {
    return this.templates.ofAgency(principal, params.agencyCode);
  }

  @Get('template-filings')
  @ApiOkResponse({ type: [TemplateFilingView], description: '向本司法行政机关报送备案的文书式样' })
  filings(
    @CurrentPrincipal() principal: Principal,
    @Query() query: FilingsQuery,
  ): Promise<TemplateFilingView[]> {
    return this.templates.filingsOf(principal, query.bureau, query.status);
  }

  @Get('templates/:id')
  @ApiOkResponse({ type: TemplateView })
  get(@CurrentPrincipal() principal: Principal, @Param() params: TemplateIdParam): Promise<TemplateView> {
    return this.templates.get(principal, params.id);
  }

  @Get('templates/:id/preview')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: '以示例数据生成的样张（PDF），供备案审查时查看' })
  async preview(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TemplateIdParam,
    @Res() response: Response,
  ): Promise<void> {
    const template = await this.templates.readable(principal, params.id);
    const kind = template.definition.kind;
    const { pdf, sha256 } = await this.renderer.render({
      definition: template.definition,
      data: SAMPLE_DATA[kind],
      issuer: '（执法主体名称）',
      number: template.definition.blocks.some((block) => block.type === 'number')
        ? '（机关代字）〔年份〕序号号'
        : null,
      issuedOn: '2026-01-01',
      caseNumber: '（案号）',
      templateVersion: template.id,
    });
    sendPdf(response, pdf, sha256, `${template.definition.title}（样张 ${template.id}）.pdf`);
  }

  @Post('templates')
  @Roles('agency-admin')
  @ApiCreatedResponse({
    type: TemplateFilingView,
    description: '本单位式样已报送司法行政机关备案（备案通过前不使用）',
  })
  submit(
    @CurrentPrincipal() principal: Principal,
    @CurrentCredential() credential: CallerCredential,
    @Body() dto: SubmitTemplateDto,
  ): Promise<TemplateFilingView> {
    return this.templates.submit(principal, credential, dto);
  }

  @Post('templates/:id/acceptance')
  @Roles(...BUREAU_DECIDERS)
  @HttpCode(200)
  @ApiOkResponse({
    type: TemplateFilingView,
    description: '司法行政机关予以备案：该式样即为报送单位的现行式样',
  })
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TemplateIdParam,
    @Body() dto: AcceptFilingDto,
  ): Promise<TemplateFilingView> {
    return this.templates.accept(principal, params.id, dto.recordNumber);
  }

  @Post('templates/:id/refusal')
  @Roles(...BUREAU_DECIDERS)
  @HttpCode(200)
  @ApiOkResponse({
    type: TemplateFilingView,
    description: '司法行政机关退回，说明理由；报送单位继续使用原式样',
  })
  refuse(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TemplateIdParam,
    @Body() dto: RefuseFilingDto,
  ): Promise<TemplateFilingView> {
    return this.templates.refuse(principal, params.id, dto.reason);
  }
}
