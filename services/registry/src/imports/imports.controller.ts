import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RegistryImportBatch } from '@lep/contracts';
import { CurrentPrincipal, Principal, Roles } from '@lep/auth';
import { checkBatch, ImportBatchDto, ImportBatchResult, ImportKindParam } from './imports.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('api/v1/imports')
@Roles('agency-admin', 'agency-system')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post(':kind')
  @HttpCode(200)
  @ApiBody({ type: ImportBatchDto })
  @ApiOkResponse({
    type: ImportBatchResult,
    description:
      '批量导入一批 CSV 或 .xlsx 行（最多 5000 行，lep registry import 读取文件后分批发送）；有错误时 422 IMPORT_ROWS_INVALID，violations 按行号列出',
  })
  importBatch(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ImportKindParam,
    // Typed as the contract's interface, so the global pipe passes the body through untouched: its
    // class-transformer walk over 5,000 rows cost more than the import itself. checkBatch validates it.
    @Body() body: RegistryImportBatch,
  ): Promise<ImportBatchResult> {
    return this.imports.importBatch(principal, params.kind, checkBatch(body));
  }
}
