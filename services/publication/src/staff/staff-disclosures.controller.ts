import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { assertAgencyAccess, CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { DisclosureEntity } from '../disclosures/disclosure.entity';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { waitingFor } from '../disclosures/waiting-for';
import { DecisionIdParam } from '../public-api/public-decision.dto';
import { PublicationAgencyHierarchy } from './agency-hierarchy';
import {
  BlockReviewDto,
  CorrectionDto,
  DisclosureVersionView,
  StaffDisclosureView,
} from './staff-disclosure.dto';

/** Staff side of a disclosure: its state, masking confirmation, block sign-off, corrections and versions. */
@ApiTags('disclosures')
@Controller('api/v1/disclosures')
@Roles('handler', 'legal-reviewer', 'leader', 'agency-admin', 'auditor')
export class StaffDisclosuresController {
  constructor(
    private readonly disclosures: DisclosuresService,
    private readonly hierarchy: PublicationAgencyHierarchy,
  ) {}

  @Get(':id')
  @ApiOkResponse({ type: StaffDisclosureView })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DecisionIdParam,
  ): Promise<StaffDisclosureView> {
    return toStaffView(await this.scoped(principal, params.id));
  }

  @Post(':id/masking-confirmation')
  @HttpCode(200)
  @Roles('handler', 'leader', 'agency-admin')
  @ApiOkResponse({ type: StaffDisclosureView, description: '公示人确认脱敏结果，可公示时立即公示' })
  async confirmMasking(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DecisionIdParam,
  ): Promise<StaffDisclosureView> {
    await this.scoped(principal, params.id);
    return toStaffView(await this.disclosures.confirmMasking(params.id, principal.subject));
  }

  @Post(':id/block-review')
  @HttpCode(200)
  @Roles('legal-reviewer', 'leader')
  @ApiOkResponse({ type: StaffDisclosureView, description: '审核不予公示情形：解除后公示，维持则不予公示' })
  async reviewBlock(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DecisionIdParam,
    @Body() dto: BlockReviewDto,
  ): Promise<StaffDisclosureView> {
    await this.scoped(principal, params.id);
    return toStaffView(
      await this.disclosures.reviewBlock(params.id, principal.subject, dto.outcome, dto.opinion),
    );
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @Roles('handler', 'agency-admin')
  @ApiOkResponse({ type: StaffDisclosureView, description: '更正公示内容，保留历次版本' })
  async correct(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DecisionIdParam,
    @Body() dto: CorrectionDto,
  ): Promise<StaffDisclosureView> {
    await this.scoped(principal, params.id);
    return toStaffView(await this.disclosures.correct(params.id, principal.subject, dto));
  }

  @Get(':id/versions')
  @ApiOkResponse({ type: [DisclosureVersionView] })
  async versions(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DecisionIdParam,
  ): Promise<DisclosureVersionView[]> {
    await this.scoped(principal, params.id);
    return (await this.disclosures.versions(params.id)).map((version) => ({
      version: version.version,
      reason: version.reason,
      changedBy: version.changedBy,
      createdAt: version.createdAt.toISOString(),
      publicRecord: { ...version.publicRecord },
    }));
  }

  private async scoped(principal: Principal, decisionId: string): Promise<DisclosureEntity> {
    const disclosure = await this.disclosures.get(decisionId);
    await assertAgencyAccess(principal, disclosure.agencyCode, this.hierarchy);
    return disclosure;
  }
}

function toStaffView(disclosure: DisclosureEntity): StaffDisclosureView {
  return {
    decisionId: disclosure.decisionId,
    agencyCode: disclosure.agencyCode,
    status: disclosure.status,
    version: disclosure.version,
    deadlineOn: disclosure.deadlineOn,
    deadlineProvisional: disclosure.deadlineProvisional?.reason ?? null,
    displayUntil: disclosure.displayUntil,
    waitingFor: disclosure.status === 'pending' ? waitingFor(disclosure) : [],
    maskingFindings: disclosure.maskingFindings,
    blocks: disclosure.blocks,
    ...(disclosure.publishedAt ? { publishedAt: disclosure.publishedAt.toISOString() } : {}),
    ...(disclosure.publishedOnTime !== null ? { publishedOnTime: disclosure.publishedOnTime } : {}),
    ...(disclosure.warnedAt ? { warnedAt: disclosure.warnedAt.toISOString() } : {}),
    ...(disclosure.overdueAt ? { overdueAt: disclosure.overdueAt.toISOString() } : {}),
    publicRecord: { ...disclosure.publicRecord },
    ...(disclosure.withdrawal ? { withdrawal: { ...disclosure.withdrawal } } : {}),
  };
}
