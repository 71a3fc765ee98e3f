import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ViolationDto } from './decision-base.dto';
import { NO_PENALTY_GROUNDS, type NoPenaltyDecisionDetails, type NoPenaltyGround } from '@lep/contracts';

const TEXT_LIMIT = 20_000;

/** 不予行政处罚决定 (domain.md P12): the ground of APL art. 33 and why it applies, disclosed as a penalty is. */
export class NoPenaltyDetailsDto
  extends ViolationDto({ legalBasis: '不予处罚依据，如《中华人民共和国行政处罚法》第三十三条第一款' })
  implements NoPenaltyDecisionDetails
{
  @ApiProperty({
    enum: NO_PENALTY_GROUNDS,
    description:
      '不予处罚情形（行政处罚法第三十三条）：first-offence 首违不罚，minor 轻微不罚，no-fault 无主观过错',
  })
  @IsIn(NO_PENALTY_GROUNDS)
  ground!: NoPenaltyGround;

  @ApiProperty({ description: '不予处罚理由：本案符合该情形的事实与理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMIT)
  reason!: string;
}
