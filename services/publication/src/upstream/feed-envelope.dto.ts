import { ApiProperty } from '@nestjs/swagger';
import { PUBLICATION_EVENT_SOURCE } from '@lep/contracts';
import { Equals, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/**
 * The CloudEvent envelope every feed from a lower level's publication service arrives in: the same rules whichever
 * topic it came from; each feed adds its own type, subject and data (and how long its ids may be).
 */
export function FeedEnvelopeDto(limits: { idMaxLength: number }) {
  class FeedEnvelope {
    @ApiProperty({ enum: ['1.0'] })
    @Equals('1.0')
    specversion!: '1.0';

    @ApiProperty({ description: '事件编号（去重依据）' })
    @IsString()
    @IsNotEmpty()
    @MaxLength(limits.idMaxLength)
    id!: string;

    @ApiProperty({ enum: [PUBLICATION_EVENT_SOURCE] })
    @Equals(PUBLICATION_EVENT_SOURCE)
    source!: string;

    @ApiProperty()
    @IsISO8601({ strict: true })
    time!: string;

    @ApiProperty({ enum: ['application/json'] })
    @Equals('application/json')
    datacontenttype!: 'application/json';
  }
  return FeedEnvelope;
}
