import { DynamicModule, Global, Module } from '@nestjs/common';

/** Makes a service's validated config injectable by its class everywhere in the service. */
@Global()
@Module({})
export class ServiceConfigModule {
  static forValue<T extends object>(configClass: new () => T, config: T): DynamicModule {
    return {
      module: ServiceConfigModule,
      providers: [{ provide: configClass, useValue: config }],
      exports: [configClass],
    };
  }
}
