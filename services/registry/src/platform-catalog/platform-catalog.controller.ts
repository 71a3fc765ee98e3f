import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Public, Roles } from '@lep/auth';
import { DynamicStatus } from '@lep/nest-kit';
import { AsOfQuery, ReviewCatalogDto } from '../item-lists/item-list.dto';
import { assertCatalogKeysUnique } from '../item-lists/list-consistency';
import { PlatformCatalogVersionView } from './platform-catalog.dto';
import { PlatformCatalogService } from './platform-catalog.service';

/**
 * The platform default review catalogue, which applies to every agency that has published none of its own
 * (domain.md L3c). Reading is public like every published catalogue; only the platform admin publishes versions.
 */
@ApiTags('review-catalog')
@Controller('api/v1/platform/review-catalog')
export class PlatformCatalogController {
  constructor(private readonly catalog: PlatformCatalogService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: PlatformCatalogVersionView, description: '平台默认目录（asOf 时施行的版本）' })
  @ApiNotFoundResponse({ description: '该时刻尚无施行的版本：ITEM_LIST_NOT_FOUND' })
  inForce(@Query() query: AsOfQuery): Promise<PlatformCatalogVersionView> {
    return this.catalog.inForce(query.asOf);
  }

  @Get('versions')
  @Public()
  @ApiOkResponse({ type: [PlatformCatalogVersionView], description: '平台默认目录的全部版本，旧版在前' })
  versions(): Promise<PlatformCatalogVersionView[]> {
    return this.catalog.versions();
  }

  @Post()
  @Roles('platform-admin')
  @ApiCreatedResponse({ type: PlatformCatalogVersionView, description: '发布新版本，自即时起施行' })
  @ApiOkResponse({ type: PlatformCatalogVersionView, description: '内容与现行版本相同，不产生新版本' })
  @DynamicStatus(200)
  async publish(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ReviewCatalogDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlatformCatalogVersionView> {
    assertCatalogKeysUnique(dto);
    const { view, created } = await this.catalog.publish(dto, principal.subject);
    response.status(created ? 201 : 200);
    return view;
  }
}
