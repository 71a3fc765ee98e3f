import { ApiProperty } from '@nestjs/swagger';
import {
  AGENCY_CODE_PATTERN,
  PORTAL_ENTRY_KINDS,
  PORTAL_EVENT_TYPES,
  PortalEntryKind,
  PUBLICATION_EVENT_TYPES,
} from '@lep/contracts';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { FeedEnvelopeDto } from './feed-envelope.dto';

const FORWARDABLE = [
  PUBLICATION_EVENT_TYPES.published,
  PUBLICATION_EVENT_TYPES.corrected,
  PUBLICATION_EVENT_TYPES.withdrawn,
];

/** A disclosure CloudEvent as a lower level's publication service emitted it on lep.publication.disclosure.v1. */
export class FeedEventDto extends FeedEnvelopeDto({ idMaxLength: 200 }) {
  @ApiProperty({ enum: FORWARDABLE })
  @IsIn(FORWARDABLE)
  type!: string;

  @ApiProperty({ description: '决定编号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  subject!: string;

  @ApiProperty({
    type: Object,
    description: 'DisclosurePublishedData / DisclosureCorrectedData / DisclosureWithdrawnData',
  })
  @IsObject()
  data!: Record<string, unknown>;
}

export class FeedAnswer {
  @ApiProperty({ description: 'false：该事件此前已接收（重复投递）' })
  applied!: boolean;
}

/** PortalEntryChangedData: one masked portal entry of a lower level. */
export class PortalEntryDataDto {
  @ApiProperty({ enum: PORTAL_ENTRY_KINDS })
  @IsIn(PORTAL_ENTRY_KINDS)
  kind!: PortalEntryKind;

  @ApiProperty({ description: '条目标识（执法主体代码、人员编号、计划或抽取编号、<执法主体>:<年度> 等）' })
  @Matches(/^[A-Za-z0-9._:-]{1,150}$/)
  key!: string;

  @ApiProperty()
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode!: string;

  @ApiProperty({ nullable: true, type: String, description: '执法主体条目的上级执法主体代码' })
  @ValidateIf((_, value) => value !== null)
  @Matches(AGENCY_CODE_PATTERN)
  parentCode!: string | null;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ type: Object, description: '公开内容（已脱敏）' })
  @IsObject()
  data!: Record<string, unknown>;

  @ApiProperty()
  @IsBoolean()
  removed!: boolean;

  @ApiProperty({ description: '来源变更时间；较新的变更覆盖较旧的' })
  @IsISO8601({ strict: true })
  changedAt!: string;
}

/** A portal entry CloudEvent as a lower level's publication service emitted it on lep.publication.portal.v1. */
export class PortalFeedEventDto extends FeedEnvelopeDto({ idMaxLength: 300 }) {
  @ApiProperty({ enum: [PORTAL_EVENT_TYPES.entryChanged] })
  @Equals(PORTAL_EVENT_TYPES.entryChanged)
  type!: string;

  @ApiProperty({ description: '<kind>:<key>' })
  @IsString()
  @MaxLength(200)
  subject!: string;

  @ApiProperty({ type: PortalEntryDataDto })
  @ValidateNested()
  @Type(() => PortalEntryDataDto)
  data!: PortalEntryDataDto;
}
