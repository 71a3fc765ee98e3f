import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';

export class AgencyCodeParam {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  agencyCode!: string;
}

export class DocumentIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** `penalty-decision.v1` (platform default) or `penalty-decision.BT01.v2` (an agency's own). */
export const TEMPLATE_VERSION_PATTERN = /^[a-z-]{1,40}\.(?:[A-Za-z0-9-]{1,64}\.)?v[1-9][0-9]{0,5}$/;

export class TemplateIdParam {
  @ApiProperty({
    description: '文书式样版本：平台默认如 penalty-decision.v1，本单位式样如 penalty-decision.BT01.v2',
  })
  @Matches(TEMPLATE_VERSION_PATTERN)
  id!: string;
}

/** No control characters, no bidirectional overrides: these texts are printed and shown to staff. */
export const PRINTABLE = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/u;

/** Why the caller opens a document; the evidence service records it in its access log (调阅事由). */
export class PurposeQuery {
  @ApiProperty({
    description: '调阅事由，记入证据调阅日志',
    minLength: 2,
    maxLength: 200,
    example: '送达当事人',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/^[^\p{Cc}\u202A-\u202E\u2066-\u2069]{2,}$/u)
  purpose!: string;
}
