import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@lep/auth';
import { dependencyModules, ServiceConfigModule } from '@lep/nest-kit';
import { CASE_API_ENTITIES, CASE_API_MODULES, CASE_API_SCHEMA } from './case-api-domain';
import { CaseApiConfig } from './config';
import { SERVICE } from './service';

@Module({})
export class CaseApiModule {
  static forRoot(config: CaseApiConfig): DynamicModule {
    return {
      module: CaseApiModule,
      imports: [
        AuthModule.forRoot(authOptionsFromEnv(config)),
        ServiceConfigModule.forValue(CaseApiConfig, config),
        ...dependencyModules({
          serviceName: SERVICE.name,
          config,
          database: { entities: CASE_API_ENTITIES, migrations: [], schemaOwner: CASE_API_SCHEMA },
        }),
        ...CASE_API_MODULES,
      ],
    };
  }
}
