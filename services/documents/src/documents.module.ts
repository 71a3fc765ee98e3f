import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@lep/auth';
import { dependencyModules, ServiceConfigModule } from '@lep/nest-kit';
import { DocumentsConfig } from './config';
import { DOCUMENTS_ENTITIES, DOCUMENTS_MIGRATIONS, DocumentsDomainModule } from './documents-domain';
import { SERVICE } from './service';

@Module({})
export class DocumentsModule {
  static forRoot(config: DocumentsConfig): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [
        AuthModule.forRoot(authOptionsFromEnv(config)),
        ServiceConfigModule.forValue(DocumentsConfig, config),
        ...dependencyModules({
          serviceName: SERVICE.name,
          // PostgreSQL only, whatever else the environment holds: the service has no Kafka, S3 or Temporal.
          config: { DATABASE_URL: config.DATABASE_URL },
          database: { entities: DOCUMENTS_ENTITIES, migrations: DOCUMENTS_MIGRATIONS },
        }),
        DocumentsDomainModule,
      ],
    };
  }
}
