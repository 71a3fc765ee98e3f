import { Module } from '@nestjs/common';
import { CaseWorkflows } from '../workflows/case-workflows';
import { CaseIndex } from './case-index';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CoercionMeasuresController } from './coercion-measures.controller';

@Module({
  controllers: [CasesController, CoercionMeasuresController],
  providers: [CasesService, CaseIndex, CaseWorkflows],
})
export class CasesModule {}
