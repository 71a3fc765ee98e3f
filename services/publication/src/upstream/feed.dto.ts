import { ApiProperty } from '@nestjs/swagger';
import { PUBLICATION_EVENT_SOURCE, PUBLICATION_EVENT_TYPES } from '@lep/contracts';
import { Equals, IsIn, IsISO8601, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';

const FORWARDABLE = [
  PUBLICATION_EVENT_TYPES.published,
  PUBLICATION_EVENT_TYPES.corrected,
  PUBLICATION_EVENT_TYPES.withdrawn,
];

/** A disclosure CloudEvent as a lower level's publication service emitted it on lep.publication.disclosure.v1. */
export class FeedEventDto {
  @ApiProperty({ enum: ['1.0'] })
  @Equals('1.0')
  specversion!: '1.0';

  @ApiProperty({ description: '事件编号（去重依据）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;

  @ApiProperty({ enum: [PUBLICATION_EVENT_SOURCE] })
  @Equals(PUBLICATION_EVENT_SOURCE)
  source!: string;

  @ApiProperty({ enum: FORWARDABLE })
  @IsIn(FORWARDABLE)
  type!: string;

  @ApiProperty({ description: '决定编号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  subject!: string;

  @ApiProperty()
  @IsISO8601({ strict: true })
  time!: string;

  @ApiProperty({ enum: ['application/json'] })
  @Equals('application/json')
  datacontenttype!: 'application/json';

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
