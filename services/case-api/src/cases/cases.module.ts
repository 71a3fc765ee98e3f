import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { actingOfficersMiddleware } from '../common/acting-officers';
import { CaseWorkflows } from '../workflows/case-workflows';
import { CaseIndex } from './case-index';
import { RemakeClaims } from './remake-claims';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { DossierDocuments } from './dossier-documents';
import { CoercionMeasuresController } from './coercion-measures.controller';

@Module({
  controllers: [CasesController, CoercionMeasuresController],
  providers: [CasesService, CaseIndex, CaseWorkflows, DossierDocuments, RemakeClaims],
})
export class CasesModule implements NestModule {
  /** The officers a case action names in its header (common/acting-officers.ts). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(actingOfficersMiddleware).forRoutes(CasesController);
  }
}
