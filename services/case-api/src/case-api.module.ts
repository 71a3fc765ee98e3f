import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@lep/auth';
import { dependencyModules, ServiceConfigModule } from '@lep/nest-kit';
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
        ...dependencyModules({ serviceName: SERVICE.name, config }),
      ],
    };
  }
}
