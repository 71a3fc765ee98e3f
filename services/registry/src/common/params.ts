import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export const AGENCY_CODE_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export class AgencyCodeParam {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  code!: string;
}

export class PersonnelIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
