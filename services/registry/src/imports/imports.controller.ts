import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { ImportBatchDto, ImportBatchResult, ImportKindParam } from './imports.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('api/v1/imports')
@Roles('agency-admin', 'agency-system')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post(':kind')
  @HttpCode(200)
  @ApiOkResponse({
    type: ImportBatchResult,
    description:
      '批量导入一批 CSV 行（最多 5000 行）；有错误时 422 IMPORT_ROWS_INVALID，violations 按行号列出',
  })
  importBatch(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ImportKindParam,
    @Body() dto: ImportBatchDto,
  ): Promise<ImportBatchResult> {
    return this.imports.importBatch(principal, params.kind, dto);
  }
}
