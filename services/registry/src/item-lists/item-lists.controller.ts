import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@lep/auth';
import { AgencyAccess } from '../access/agency-access';
import { AgencyCodeParam } from '../common/params';
import {
  AsOfQuery,
  AvRecordingListDto,
  EnforcementItemListDto,
  ItemListVersionView,
  ReviewCatalogDto,
} from './item-list.dto';
import { ItemListsService } from './item-lists.service';
import { assertUniqueKeys } from './list-consistency';

/**
 * The three published lists of an agency. Reading is public (they are pre-disclosed anyway); publishing a new
 * version is for agency admins. POST always creates the next version: no version is ever edited in place.
 */
@ApiTags('item-lists')
@Controller('api/v1/agencies/:code')
export class ItemListsController {
  constructor(
    private readonly lists: ItemListsService,
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
  @ApiCreatedResponse({ type: ItemListVersionView })
  async publishEnforcementItems(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: EnforcementItemListDto,
  ): Promise<ItemListVersionView> {
    await this.access.assertCanManage(principal, params.code);
    assertUniqueKeys(dto.items, (item) => item.code, 'items', 'code');
    return this.lists.publish(params.code, 'enforcement-items', dto);
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
    assertUniqueKeys(dto.fineThresholds, (threshold) => threshold.partyType, 'fineThresholds', 'partyType');
    return this.lists.publish(params.code, 'review-catalog', dto);
  }
}
