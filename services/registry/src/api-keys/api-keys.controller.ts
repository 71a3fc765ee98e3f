import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { AgencyCodeParam } from '../common/params';
import { ApiKeyIdParam, ApiKeyView, CreateApiKeyDto, CreatedApiKey, RevokeApiKeyDto } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';

class ListApiKeysQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '是否包含下级执法主体的密钥' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeBelow?: 'true' | 'false';
}

@ApiTags('api-keys')
@Controller('api/v1')
@Roles('agency-admin')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post('api-keys')
  @ApiCreatedResponse({ type: CreatedApiKey, description: '新密钥；完整密钥只在此应答中出现一次' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.create(principal, dto);
  }

  @Get('agencies/:code/api-keys')
  @ApiOkResponse({ type: [ApiKeyView] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Query() query: ListApiKeysQuery,
  ): Promise<ApiKeyView[]> {
    return this.keys.list(principal, params.code, query.includeBelow === 'true');
  }

  @Post('api-keys/:keyId/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyView, description: '吊销后立即在登记处失效，其他服务在缓存期（30 秒）内失效' })
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ApiKeyIdParam,
    @Body() dto: RevokeApiKeyDto,
  ): Promise<ApiKeyView> {
    return this.keys.revoke(principal, params.keyId, dto);
  }
}
