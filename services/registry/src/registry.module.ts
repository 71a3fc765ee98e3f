import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@lep/auth';
import { dependencyModules, ServiceConfigModule } from '@lep/nest-kit';
import { RegistryApiKeyVerifier } from './api-keys/registry-api-key-verifier';
import { RegistryConfig } from './config';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS, REGISTRY_MODULES } from './registry-domain';
import { SERVICE } from './service';

@Module({})
export class RegistryModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: RegistryModule,
      imports: [
        // The registry is the key store: it checks keys against its own table, never by introspecting itself.
        AuthModule.forRoot(authOptionsFromEnv({ ...config, AUTH_API_KEY_INTROSPECTION_URL: undefined }), {
          apiKeyVerifier: RegistryApiKeyVerifier,
        }),
        ServiceConfigModule.forValue(RegistryConfig, config),
        ...dependencyModules({
          serviceName: SERVICE.name,
          outbox: true, // registry and pre-disclosure events
          config,
          database: { entities: REGISTRY_ENTITIES, migrations: REGISTRY_MIGRATIONS },
        }),
        ...REGISTRY_MODULES,
      ],
    };
  }
}
