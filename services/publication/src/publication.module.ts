import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@lep/auth';
import { dependencyModules, ServiceConfigModule } from '@lep/nest-kit';
import { PublicationConfig } from './config';
import { SERVICE } from './service';

@Module({})
export class PublicationModule {
  static forRoot(config: PublicationConfig): DynamicModule {
    return {
      module: PublicationModule,
      imports: [
        AuthModule.forRoot(authOptionsFromEnv(config)),
        ServiceConfigModule.forValue(PublicationConfig, config),
        ...dependencyModules({ serviceName: SERVICE.name, config }),
      ],
    };
  }
}
