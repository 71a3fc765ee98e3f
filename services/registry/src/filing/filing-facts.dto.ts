import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import type { AvRecordingEntry, EnforcementItem, FilingFacts, ReviewTimeLimit } from '@lep/contracts';
import { IsPersonnelId } from '@lep/nest-kit';
import { DATE_ONLY_PATTERN } from '../common/dates';

/** A case names at most this many handlers (case-api refuses more). */
const MAX_HANDLERS = 20;

/** `a,b` (or the parameter repeated) as a list. */
function commaList({ value }: { value: unknown }): unknown {
  if (typeof value === 'string') return value.split(',');
  if (Array.isArray(value))
    return value.flatMap((part) => (typeof part === 'string' ? part.split(',') : [part]));
  return value;
}

export class FilingFactsQuery {
  @ApiProperty({ description: '执法事项编码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  item!: string;

  @ApiProperty({ description: '立案日期 YYYY-MM-DD（判断执法证是否有效）' })
  @Matches(DATE_ONLY_PATTERN)
  @IsISO8601({ strict: true })
  on!: string;

  @ApiProperty({ description: '承办人员编号（UUID），逗号分隔，最多 20 个', example: 'uuid-1,uuid-2' })
  @Transform(commaList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_HANDLERS)
  @IsPersonnelId({ each: true })
  handlers!: string[];
}

class FilingAgencyView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unifiedSocialCreditCode!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ description: '法制审核机构 { name, agencyCode }', type: Object })
  legalReviewBody!: { name: string; agencyCode: string };
}

class FilingHandlerView {
  @ApiProperty({ format: 'uuid' }) personnelId!: string;
  @ApiProperty({ description: '是否在执法人员名录中登记' }) registered!: boolean;
  @ApiProperty({ description: '立案之日能否以本执法主体名义办理该事项' }) allowed!: boolean;
  @ApiProperty({ type: [String], description: '不能办理的原因（中文）；能办理时为空' }) reasons!: string[];
}

export class FilingFactsView implements FilingFacts {
  @ApiProperty({ type: FilingAgencyView }) agency!: FilingAgencyView;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: '现行行政执法事项清单中的该事项；不在清单中或尚无清单时为 null',
  })
  item!: EnforcementItem | null;
  @ApiProperty({ type: [FilingHandlerView], description: '每名承办人员，按请求顺序' })
  handlers!: FilingHandlerView[];
  @ApiProperty({ type: Object, nullable: true, description: '音像记录事项清单中该事项的条目；无则为 null' })
  av!: AvRecordingEntry | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: '法制审核目录清单规定的审核时限；未规定则为 null',
  })
  reviewTimeLimit!: ReviewTimeLimit | null;
}
