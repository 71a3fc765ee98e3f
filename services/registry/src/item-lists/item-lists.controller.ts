import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@lep/auth';
import { AgencyAccess } from '../access/agency-access';
import { AgencyCodeParam } from '../common/params';
import {
  ApprovalDto,
  AsOfQuery,
  AvRecordingListDto,
  EnforcementItemListDto,
  ItemListSubmissionView,
  ItemListVersionView,
  RefusalDto,
  ReviewCatalogDto,
  SubmissionParams,
  SubmissionsQuery,
} from './item-list.dto';
import { ItemListReviewService } from './item-list-review.service';
import { ItemListsService } from './item-lists.service';
import { assertCatalogKeysUnique, assertUniqueKeys } from './list-consistency';

/**
 * The three published lists of an agency. Reading is public (they are pre-disclosed anyway). A new version of
 * the AV list or the review catalogue is published by the agency admin; a new enforcement item list is submitted
 * by the agency admin and published when the agency's legal review body approves it (S二(二)3 事前). No version
 * is ever edited in place.
 */
@ApiTags('item-lists')
@Controller('api/v1/agencies/:code')
export class ItemListsController {
  constructor(
    private readonly lists: ItemListsService,
    private readonly review: ItemListReviewService,
    private readonly access: AgencyAccess,
  ) {}

  @Get('enforcement-items')
  @Public()
  @ApiOkResponse({ type: ItemListVersionView, description: '行政执法事项清单（asOf 时施行的版本）' })
  enforcementItems(
    @Param() params: AgencyCodeParam,
    @Query() query: AsOfQuery,
  ): Promise<ItemListVersionView> {
    return this.lists.inForce(params.code, 'enforcement-items', query.asOf);
  }

  @Post('enforcement-items')
  @Roles('agency-admin')
  @ApiCreatedResponse({
    type: ItemListSubmissionView,
    description:
      '报请本机关法制审核机构审核新版本的行政执法事项清单（审核通过后公示）；尚未审核的上一次报审被取代',
  })
  async submitEnforcementItems(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: EnforcementItemListDto,
  ): Promise<ItemListSubmissionView> {
    await this.access.assertCanManage(principal, params.code);
    assertUniqueKeys(dto.items, (item) => item.code, 'items', 'code');
    return this.review.submit(principal, params.code, 'enforcement-items', { ...dto });
  }

  @Get('enforcement-items/submissions')
  @Roles('legal-reviewer', 'leader', 'agency-admin', 'auditor')
  @ApiOkResponse({
    type: [ItemListSubmissionView],
    description: '行政执法事项清单的报审记录（最近 200 条），本单位及上级、以及负责审核的法制审核机构可见',
  })
  enforcementItemSubmissions(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Query() query: SubmissionsQuery,
  ): Promise<ItemListSubmissionView[]> {
    return this.review.list(principal, params.code, 'enforcement-items', query.status);
  }

  @Get('enforcement-items/submissions/:id')
  @Roles('legal-reviewer', 'leader', 'agency-admin', 'auditor')
  @ApiOkResponse({ type: ItemListSubmissionView })
  enforcementItemSubmission(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SubmissionParams,
  ): Promise<ItemListSubmissionView> {
    return this.review.get(principal, params.code, 'enforcement-items', params.id);
  }

  @Post('enforcement-items/submissions/:id/approval')
  @HttpCode(200)
  @Roles('legal-reviewer')
  @ApiOkResponse({
    type: ItemListSubmissionView,
    description: '法制审核机构审核通过：该报审内容作为下一版本公示（报审人不能审核自己的报审）',
  })
  approveEnforcementItems(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SubmissionParams,
    @Body() dto: ApprovalDto,
  ): Promise<ItemListSubmissionView> {
    return this.review.approve(principal, params.code, 'enforcement-items', params.id, dto.opinion);
  }

  @Post('enforcement-items/submissions/:id/refusal')
  @HttpCode(200)
  @Roles('legal-reviewer')
  @ApiOkResponse({ type: ItemListSubmissionView, description: '法制审核机构退回报审，注明理由；不公示' })
  refuseEnforcementItems(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SubmissionParams,
    @Body() dto: RefusalDto,
  ): Promise<ItemListSubmissionView> {
    return this.review.refuse(principal, params.code, 'enforcement-items', params.id, dto.reason);
  }

  @Get('av-recording-list')
  @Public()
  @ApiOkResponse({ type: ItemListVersionView, description: '音像记录事项清单（asOf 时施行的版本）' })
  avRecordingList(@Param() params: AgencyCodeParam, @Query() query: AsOfQuery): Promise<ItemListVersionView> {
    return this.lists.inForce(params.code, 'av-recording', query.asOf);
  }

  @Post('av-recording-list')
  @Roles('agency-admin')
  @ApiCreatedResponse({ type: ItemListVersionView })
  async publishAvRecordingList(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: AvRecordingListDto,
  ): Promise<ItemListVersionView> {
    await this.access.assertCanManage(principal, params.code);
    assertUniqueKeys(dto.entries, (entry) => entry.itemCode, 'entries', 'itemCode');
    return this.lists.publish(params.code, 'av-recording', dto);
  }

  @Get('review-catalog')
  @Public()
  @ApiOkResponse({
    type: ItemListVersionView,
    description: '重大执法决定法制审核目录清单（asOf 时施行的版本）',
  })
  reviewCatalog(@Param() params: AgencyCodeParam, @Query() query: AsOfQuery): Promise<ItemListVersionView> {
    return this.lists.inForce(params.code, 'review-catalog', query.asOf);
  }

  @Post('review-catalog')
  @Roles('agency-admin')
  @ApiCreatedResponse({ type: ItemListVersionView })
  async publishReviewCatalog(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: ReviewCatalogDto,
  ): Promise<ItemListVersionView> {
    await this.access.assertCanManage(principal, params.code);
    assertCatalogKeysUnique(dto);
    return this.lists.publish(params.code, 'review-catalog', dto);
  }
}
