import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { assertAgencyAccess, CurrentPrincipal, PLATFORM_ADMIN, Principal, Roles } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import type { CloudEvent } from '@lep/contracts';
import { PublicationAgencyHierarchy } from '../staff/agency-hierarchy';
import { FeedAnswer, FeedEventDto, PortalFeedEventDto } from './feed.dto';
import { FeedService } from './feed.service';

/**
 * The upward feed's receiving end at the 兵团 level: a 师市 deployment posts its disclosure events and its other
 * portal entries (事前公开, 双随机, annual reports) here.
 */
@ApiTags('feed')
@Controller('api/v1/feed')
@Roles('agency-system')
export class FeedController {
  constructor(
    private readonly feed: FeedService,
    private readonly hierarchy: PublicationAgencyHierarchy,
  ) {}

  @Post('disclosures')
  @HttpCode(200)
  @ApiOkResponse({ type: FeedAnswer, description: '接收下级平台转发的公示事件（按事件编号去重）' })
  async receive(@CurrentPrincipal() principal: Principal, @Body() event: FeedEventDto): Promise<FeedAnswer> {
    const agencyCode = event.data.agencyCode;
    if (typeof agencyCode !== 'string' || event.data.decisionId !== event.subject) {
      throw new ApiError(400, 'FEED_EVENT_INVALID', '转发事件缺少执法主体代码或决定编号与事件主题不一致');
    }
    // A 师市 system may forward only its own level's and its subordinates' disclosures.
    await assertAgencyAccess(principal, agencyCode, this.hierarchy);
    return { applied: await this.feed.apply(event as CloudEvent, principal.subject) };
  }

  @Post('portal-entries')
  @HttpCode(200)
  @ApiOkResponse({
    type: FeedAnswer,
    description:
      '接收下级平台转发的事前公开、双随机抽查和统计年报条目（按事件编号去重，较新的变更覆盖较旧的）',
  })
  async receivePortalEntry(
    @CurrentPrincipal() principal: Principal,
    @Body() event: PortalFeedEventDto,
  ): Promise<FeedAnswer> {
    if (event.subject !== `${event.data.kind}:${event.data.key}`)
      throw new ApiError(400, 'FEED_EVENT_INVALID', '转发事件的主题与条目类别、标识不一致');
    // A platform admin's credential reaches every tree; a 师市 system only its own (checked per entry).
    const sender = principal.roles.includes(PLATFORM_ADMIN) ? undefined : principal.agencyCode;
    if (sender === undefined && !principal.roles.includes(PLATFORM_ADMIN))
      throw new ApiError(403, 'AGENCY_FORBIDDEN', '转发凭据未关联执法主体');
    const reaches = (ancestor: string, agency: string) => this.hierarchy.isSameOrDescendant(ancestor, agency);
    return { applied: await this.feed.applyPortalEntry(event, sender, reaches) };
  }
}
