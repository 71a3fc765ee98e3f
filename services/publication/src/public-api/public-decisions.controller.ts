import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { PerClientThrottlerGuard } from './per-client-throttler.guard';
import { Public } from '@lep/auth';
import {
  DecisionIdParam,
  PublicDecisionPage,
  PublicDecisionQuery,
  PublicDecisionView,
} from './public-decision.dto';
import { PublicDecisionsService } from './public-decisions.service';

@ApiTags('public')
@Controller('api/v1/public/decisions')
@Public()
@UseGuards(PerClientThrottlerGuard)
@ApiTooManyRequestsResponse({ description: '同一来源请求过于频繁（429 TOO_MANY_REQUESTS）' })
export class PublicDecisionsController {
  constructor(private readonly decisions: PublicDecisionsService) {}

  @Get()
  @ApiOkResponse({ type: PublicDecisionPage, description: '行政执法决定公示检索（脱敏）' })
  search(@Query() query: PublicDecisionQuery): Promise<PublicDecisionPage> {
    return this.decisions.search(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PublicDecisionView })
  get(@Param() params: DecisionIdParam): Promise<PublicDecisionView> {
    return this.decisions.get(params.id);
  }
}
