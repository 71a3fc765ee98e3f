import { Injectable } from '@nestjs/common';
import { ApiKeyVerifier, parseApiKey, Principal, verifyApiKeySecret } from '@lep/auth';
import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';

/**
 * The key store itself: the registry checks presented keys against its own table on every request, so a
 * revocation takes effect here immediately (other services learn it within their introspection cache TTL).
 */
@Injectable()
export class RegistryApiKeyVerifier implements ApiKeyVerifier {
  constructor(private readonly dataSource: DataSource) {}

  async verify(presentedKey: string): Promise<Principal | null> {
    const parsed = parseApiKey(presentedKey);
    if (!parsed) return null;
    const key = await this.dataSource.manager.findOneBy(ApiKeyEntity, { keyId: parsed.keyId });
    if (!key || key.revokedAt || !verifyApiKeySecret(parsed.secret, key.secretHash)) return null;
    return { kind: 'api-key', subject: key.keyId, agencyCode: key.agencyCode, roles: [key.role] };
  }
}
