import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { IsPersonnelId } from '@lep/nest-kit';

export class AgencyCodeParam {
  @ApiProperty({ description: '执法主体代码' })
  @Matches(AGENCY_CODE_PATTERN)
  code!: string;
}

export class PersonnelIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsPersonnelId()
  id!: string;
}
