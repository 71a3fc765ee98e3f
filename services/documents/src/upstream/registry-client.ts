import { Injectable } from '@nestjs/common';
import type { CallerCredential } from './caller-credential';
import { Upstream } from './upstream';

export interface RegistryAgency {
  code: string;
  name: string;
  justiceBureau?: boolean;
}

/** What the documents service reads from the registry, always with the caller's credential. */
@Injectable()
export class RegistryClient {
  constructor(private readonly upstream: Upstream) {}

  agency(code: string, credential: CallerCredential): Promise<RegistryAgency> {
    return this.upstream.json('registry', `/api/v1/agencies/${encodeURIComponent(code)}`, credential);
  }

  /** The justice bureau that records the agency's document formats (404 JUSTICE_BUREAU_NOT_FOUND when none). */
  justiceBureau(code: string, credential: CallerCredential): Promise<RegistryAgency> {
    return this.upstream.json(
      'registry',
      `/api/v1/agencies/${encodeURIComponent(code)}/justice-bureau`,
      credential,
    );
  }
}
