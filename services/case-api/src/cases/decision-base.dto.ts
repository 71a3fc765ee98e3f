import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PUBLICATION_BLOCK_REASONS, type PublicationBlockReason } from '@lep/contracts';
import { RequestIdDto } from '../common/params';
import { CasePartyDto } from './party.dto';

const TEXT_LIMIT = 20_000;

/**
 * What DecisionBaseDto's classes hold, stated rather than inferred: the case DTO modules import one another, and in
 * that cycle TypeScript took the inferred class of `extends DecisionBaseDto(…)` for an empty one.
 */
export interface DecisionBaseFields extends RequestIdDto {
  documentNumber: string;
  party: CasePartyDto;
  publicationBlocks: PublicationBlockReason[];
}

/**
 * What every decision of a case states, whatever its kind (the draft of the case's decision, a 行政强制 decision
 * inside it): its 文号, the party it is against and why any of it is kept from disclosure. The wording of the
 * first two is the decision's own; the rules are these.
 */
export function DecisionBaseDto(describe: {
  documentNumber: string;
  party: string;
  /**
   * Whether the 文号's rules apply to this DTO, for a decision that may go without one (a licensing decision takes
   * its 许可编号 instead, domain.md §3); absent: always.
   */
  documentNumberApplies?: (dto: never) => boolean;
}): new () => DecisionBaseFields {
  const documentNumberApplies = describe.documentNumberApplies as ((dto: object) => boolean) | undefined;
  class DecisionBase extends RequestIdDto {
    @ApiProperty({ description: describe.documentNumber, required: !documentNumberApplies })
    @ValidateIf((dto: object) => documentNumberApplies?.(dto) ?? true)
    @IsString()
    @IsNotEmpty()
    @MaxLength(200)
    documentNumber!: string;

    @ApiProperty({ type: CasePartyDto, description: describe.party })
    @IsDefined()
    @IsObject()
    @ValidateNested()
    @Type(() => CasePartyDto)
    party!: CasePartyDto;

    @ApiProperty({ enum: PUBLICATION_BLOCK_REASONS, isArray: true, description: '不予公开或暂缓公开的理由' })
    @IsArray()
    @IsIn(PUBLICATION_BLOCK_REASONS, { each: true })
    publicationBlocks!: PublicationBlockReason[];
  }
  return DecisionBase;
}

/** The violation a penalty decision, or a decision not to penalise, is about (domain.md P12). */
export function ViolationDto(describe: { legalBasis: string }) {
  class Violation {
    @ApiProperty({ description: '违法行为类型' })
    @IsString()
    @IsNotEmpty()
    @MaxLength(500)
    violationType!: string;

    @ApiProperty({ description: '违法事实' })
    @IsString()
    @IsNotEmpty()
    @MaxLength(TEXT_LIMIT)
    facts!: string;

    @ApiProperty({ description: describe.legalBasis })
    @IsString()
    @IsNotEmpty()
    @MaxLength(2000)
    legalBasis!: string;
  }
  return Violation;
}
