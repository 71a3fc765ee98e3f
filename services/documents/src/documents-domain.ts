import { Module } from '@nestjs/common';
import { AuditEntryEntity, AuditLog1764150000001 } from '@lep/nest-kit';
import { DocumentEntity } from './documents/document.entity';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { DocumentsSchema1765200000000 } from './documents-schema.migration';
import { NumberingController } from './numbering/numbering.controller';
import { NumberCounterEntity, NumberingPatternEntity } from './numbering/numbering.entities';
import { NumberingService } from './numbering/numbering.service';
import { RendererService } from './rendering/renderer.service';
import { TemplateVersionEntity } from './templates/template-version.entity';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';
import { EvidenceClient } from './upstream/evidence-client';
import { RegistryClient } from './upstream/registry-client';
import { Upstream } from './upstream/upstream';

/** Templates and their filing, 文号, and documents, over one database; registry and evidence over HTTP. */
@Module({
  controllers: [TemplatesController, NumberingController, DocumentsController],
  providers: [
    Upstream,
    RegistryClient,
    EvidenceClient,
    RendererService,
    TemplatesService,
    NumberingService,
    DocumentsService,
  ],
})
export class DocumentsDomainModule {}

/** The service has no Kafka, so the shared audit log's table comes with its own schema, not with messaging's. */
export const DOCUMENTS_ENTITIES = [
  AuditEntryEntity,
  TemplateVersionEntity,
  NumberingPatternEntity,
  NumberCounterEntity,
  DocumentEntity,
];
export const DOCUMENTS_MIGRATIONS = [AuditLog1764150000001, DocumentsSchema1765200000000];
