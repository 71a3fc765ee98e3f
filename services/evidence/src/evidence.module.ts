import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@lep/auth';
import { dependencyModules, ServiceConfigModule } from '@lep/nest-kit';
import { EvidenceConfig } from './config';
import { EVIDENCE_ENTITIES, EVIDENCE_MIGRATIONS, EvidenceDomainModule } from './evidence-domain';
import { SERVICE } from './service';

@Module({})
export class EvidenceModule {
  static forRoot(config: EvidenceConfig): DynamicModule {
    return {
      module: EvidenceModule,
      imports: [
        AuthModule.forRoot(authOptionsFromEnv(config)),
        ServiceConfigModule.forValue(EvidenceConfig, config),
        ...dependencyModules({
          serviceName: SERVICE.name,
          outbox: true, // evidence.stored
          config,
          database: { entities: EVIDENCE_ENTITIES, migrations: EVIDENCE_MIGRATIONS },
        }),
        EvidenceDomainModule,
      ],
    };
  }
}
