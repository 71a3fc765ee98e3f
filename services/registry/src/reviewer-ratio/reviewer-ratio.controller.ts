import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lep/auth';
import { DataSource } from 'typeorm';
import { findAgencyOrFail } from '../agencies/agencies.service';
import { chinaDate } from '../common/dates';
import { AgencyCodeParam } from '../common/params';
import { reviewerRatio } from './reviewer-ratio';

export class ReviewerRatioView {
  @ApiProperty() agencyCode!: string;
  @ApiProperty({ description: '法制审核人员人数' }) legalReviewers!: number;
  @ApiProperty({ description: '执法人员（承办人员）人数' }) enforcementOfficers!: number;
  @ApiProperty({ nullable: true, type: Number, description: '审核人员/执法人员；无执法人员时为空' })
  ratio!: number | null;
  @ApiProperty({ example: 0.05 }) threshold!: number;
  @ApiProperty({ description: '是否达到 5% 的比例要求' }) compliant!: boolean;
}

@ApiTags('agencies')
@Controller('api/v1/agencies')
@Roles('legal-reviewer', 'leader', 'agency-admin', 'auditor')
export class ReviewerRatioController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':code/reviewer-ratio')
  @ApiOkResponse({ type: ReviewerRatioView })
  async get(@Param() params: AgencyCodeParam): Promise<ReviewerRatioView> {
    await findAgencyOrFail(this.dataSource.manager, params.code);
    return reviewerRatio(this.dataSource.manager, params.code, chinaDate());
  }
}
