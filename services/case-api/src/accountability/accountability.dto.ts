import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { CasePageQuery } from '../cases/case.dto';
import type { DecisionTrail, TrailActor, TrailEntry } from './accountability-trail';

export class TrailEntryView implements TrailEntry {
  @ApiProperty({ description: '全过程记录序号' }) sequence!: number;
  @ApiProperty({ description: '该条记录的哈希（可用 lep record verify 校验）' }) hash!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ description: '记录事项' }) title!: string;
}

export class TrailActorView implements TrailActor {
  @ApiProperty({ description: '人员编号（执法人员）或系统密钥编号' }) id!: string;
  @ApiProperty({ description: '办理时的角色' }) role!: string;
  @ApiProperty() agencyCode!: string;
  @ApiPropertyOptional({
    type: [String],
    description: '实施其行为的执法人员（记录载明时；业务系统调用时为其载明的执法人员）',
  })
  officerIds?: string[];
  @ApiProperty({ type: [TrailEntryView], description: '证明其所为的记录' }) entries!: TrailEntryView[];
}

export class WithdrawalActorView extends TrailActorView {
  @ApiProperty({ description: '撤销、确认违法或重新作出' }) kind!: string;
  @ApiProperty() reason!: string;
}

export class DecisionTrailView implements DecisionTrail {
  @ApiProperty() decisionId!: string;
  @ApiPropertyOptional({ description: '决定书文号' }) documentNumber?: string;
  @ApiPropertyOptional({ description: '决定书载明的日期' }) decidedOn?: string;
  @ApiProperty({ type: [TrailActorView], description: '立案' }) filed!: TrailActorView[];
  @ApiProperty({ type: [TrailActorView], description: '调查取证、听证' }) investigated!: TrailActorView[];
  @ApiProperty({ type: [TrailActorView], description: '起草决定' }) drafted!: TrailActorView[];
  @ApiProperty({ type: [TrailActorView], description: '法制审核' }) reviewed!: TrailActorView[];
  @ApiProperty({ type: [TrailActorView], description: '协调决定采纳承办机构意见' })
  overruled!: TrailActorView[];
  @ApiProperty({ type: [TrailActorView], description: '作出决定' }) decided!: TrailActorView[];
  @ApiProperty({ type: [WithdrawalActorView], description: '撤销或要求重新作出' })
  withdrawn!: WithdrawalActorView[];
}

export class CaseAccountabilityView {
  @ApiProperty() caseId!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ type: [DecisionTrailView] }) decisions!: DecisionTrailView[];
}

export class WithdrawnDecisionsQuery extends CasePageQuery {
  @ApiPropertyOptional({
    description: '执法主体代码（默认本单位；也可为本单位监督的执法主体，查询记入审计日志）',
  })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN)
  agency?: string;
}

export class WithdrawnDecisionsPageView {
  @ApiProperty({
    type: [CaseAccountabilityView],
    description: '有被撤销或要求重新作出的决定的案件，仅列其被撤下的决定',
  })
  items!: CaseAccountabilityView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
