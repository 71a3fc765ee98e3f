import { HttpStatus } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_ACTING_OFFICERS, type HandlerReplacementInput, type OnSiteDisclosure } from '@lep/contracts';
import { ApiError, IsPersonnelId } from '@lep/nest-kit';
import { RequestIdDto } from '../common/params';

export class CertificateShownDto {
  @ApiProperty({ format: 'uuid', description: '出示证件的执法人员 id' })
  @IsPersonnelId()
  officerId!: string;

  @ApiProperty({ description: '出示的执法证件编号（须为登记的证件编号）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  certificateNumber!: string;
}

export class OnSiteNoticeDto {
  @ApiProperty({ description: '告知的执法事由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  cause!: string;

  @ApiProperty({ description: '告知的执法依据' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  legalBasis!: string;

  @ApiProperty({ description: '告知的当事人权利和义务（陈述、申辩、申请回避等）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  rightsAndDuties!: string;
}

/** 亮证 and 告知 of an on-site act (APL art. 55; domain.md R9). */
export class OnSiteDisclosureDto implements OnSiteDisclosure {
  @ApiProperty({ type: [CertificateShownDto], description: '每名执法人员出示的执法证件（亮证）' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_ACTING_OFFICERS)
  @ValidateNested({ each: true })
  @Type(() => CertificateShownDto)
  certificatesShown!: CertificateShownDto[];

  @ApiProperty({ type: OnSiteNoticeDto, description: '告知执法事由、执法依据和当事人的权利义务' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OnSiteNoticeDto)
  notice!: OnSiteNoticeDto;
}

/** The 笔录 of an on-site act, by its title: these carry the 亮证 and 告知 (domain.md R9). */
const ON_SITE_TITLES = /现场检查|询问|勘验/;

/** A record of an on-site act (现场检查笔录, 询问笔录, 勘验笔录) says which certificates were shown and what was told. */
export function assertOnSiteDisclosed(entry: { title: string; onSite?: OnSiteDisclosure }): void {
  if (entry.onSite || !ON_SITE_TITLES.test(entry.title)) return;
  throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
    {
      field: 'onSite',
      rule: 'required',
      message: `${entry.title}须载明执法人员出示的执法证件及告知的执法事由、执法依据和权利义务（行政处罚法第五十五条）`,
    },
  ]);
}

/** 更换承办人员 (domain.md R8c). */
export class HandlerReplacementDto extends RequestIdDto implements Omit<HandlerReplacementInput, 'actor'> {
  @ApiProperty({ format: 'uuid', description: '被更换的承办人员 id' })
  @IsPersonnelId()
  outgoingId!: string;

  @ApiProperty({ format: 'uuid', description: '新的承办人员 id（须持当日有效的执法证件）' })
  @IsPersonnelId()
  incomingId!: string;

  @ApiProperty({ description: '更换理由，如 回避、调离、长期病假' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
