import { DynamicModule, Module } from '@nestjs/common';
import { dependencyModules, ServiceConfigModule } from '@lep/nest-kit';
import { RegistryConfig } from './config';
import { SERVICE } from './service';

@Module({})
export class RegistryModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: RegistryModule,
      imports: [
        ServiceConfigModule.forValue(RegistryConfig, config),
        ...dependencyModules({ serviceName: SERVICE.name, config }),
      ],
    };
  }
}
