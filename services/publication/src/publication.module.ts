import { DynamicModule, Module } from '@nestjs/common';
import { dependencyModules, ServiceConfigModule } from '@lep/nest-kit';
import { PublicationConfig } from './config';
import { SERVICE } from './service';

@Module({})
export class PublicationModule {
  static forRoot(config: PublicationConfig): DynamicModule {
    return {
      module: PublicationModule,
      imports: [
        ServiceConfigModule.forValue(PublicationConfig, config),
        ...dependencyModules({ serviceName: SERVICE.name, config }),
      ],
    };
  }
}
