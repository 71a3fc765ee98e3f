import { Module } from '@nestjs/common';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeys1764204000000 } from './api-keys.migration';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { IntrospectionController } from './introspection.controller';
import { RegistryApiKeyVerifier } from './registry-api-key-verifier';

export const API_KEY_ENTITIES = [ApiKeyEntity];
export const API_KEY_MIGRATIONS = [ApiKeys1764204000000];

@Module({
  controllers: [ApiKeysController, IntrospectionController],
  providers: [ApiKeysService, RegistryApiKeyVerifier],
})
export class ApiKeysModule {}
