import {
  AgencyHierarchy,
  ApiKeyVerifier,
  AuthDenialReason,
  AuthEvents,
  AuthRequestMeta,
  generateApiKey,
  parseApiKey,
  Principal,
  verifyApiKeySecret,
} from '../../src';

/** What the registry does with its api_keys table, kept in a Map: keyId → stored hash and owning agency. */
export class InMemoryApiKeyVerifier implements ApiKeyVerifier {
  private readonly keys = new Map<string, { secretHash: string; agencyCode: string }>();

  /** Issues a key for an agency and returns the presented form, as the registry shows it once. */
  issue(agencyCode: string): string {
    const key = generateApiKey();
    this.keys.set(key.keyId, { secretHash: key.secretHash, agencyCode });
    return key.presented;
  }

  revoke(presentedKey: string): void {
    this.keys.delete(parseApiKey(presentedKey)?.keyId ?? '');
  }

  async verify(presentedKey: string): Promise<Principal | null> {
    const parsed = parseApiKey(presentedKey);
    const stored = parsed && this.keys.get(parsed.keyId);
    if (!parsed || !stored || !verifyApiKeySecret(parsed.secret, stored.secretHash)) return null;
    return {
      kind: 'api-key',
      subject: parsed.keyId,
      agencyCode: stored.agencyCode,
      roles: ['agency-system'],
    };
  }
}

/** An agency tree given as child → parent. */
export class InMemoryAgencyTree implements AgencyHierarchy {
  constructor(private readonly parents: Record<string, string | undefined>) {}

  async isSameOrDescendant(ancestorCode: string, agencyCode: string): Promise<boolean> {
    for (let code: string | undefined = agencyCode; code !== undefined; code = this.parents[code])
      if (code === ancestorCode) return true;
    return false;
  }
}

/** Keeps every denial, as the audit log will. */
export class RecordingAuthEvents extends AuthEvents {
  readonly denials: { reason: AuthDenialReason; request: AuthRequestMeta }[] = [];

  denied(reason: AuthDenialReason, request: AuthRequestMeta): void {
    this.denials.push({ reason, request });
  }
}
