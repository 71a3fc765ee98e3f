import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@lep/auth';
import { AgencyCodeParam } from '../common/params';
import { AGENCY_READERS } from '../common/roles';
import { NumberingPatternDto, NumberingView } from './numbering.dto';
import { NumberingService } from './numbering.service';

@ApiTags('numbering')
@Controller('api/v1/agencies/:agencyCode/numbering')
@Roles(...AGENCY_READERS)
export class NumberingController {
  constructor(private readonly numbering: NumberingService) {}

  @Get()
  @ApiOkResponse({ type: NumberingView, description: '文号规则、各年度已用序号与作废文号' })
  view(@CurrentPrincipal() principal: Principal, @Param() params: AgencyCodeParam): Promise<NumberingView> {
    return this.numbering.view(principal, params.agencyCode);
  }

  @Put()
  @Roles('agency-admin')
  @ApiOkResponse({
    type: NumberingView,
    description: '设置机关代字与类别字：文号为 机关代字+类别字+〔年份〕+序号+号',
  })
  set(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgencyCodeParam,
    @Body() dto: NumberingPatternDto,
  ): Promise<NumberingView> {
    return this.numbering.setPattern(principal, params.agencyCode, dto);
  }
}
