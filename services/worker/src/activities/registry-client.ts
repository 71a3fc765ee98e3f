import { isPersonnelId, type FilingFacts } from '@lep/contracts';

/** Answers of the registry the case workflow relies on (the registry's OpenAPI has the full shapes). */
export interface RegistryAgency {
  code: string;
  name: string;
  unifiedSocialCreditCode: string;
  region: string;
  legalReviewBody: { name: string; agencyCode: string };
}

export interface RegistryListVersion<T> {
  version: number;
  content: T;
}

export interface RegistryPerson {
  id: string;
  agencyCode: string;
  name: string;
  roles: string[];
  /** Null for a legal reviewer who holds no enforcement certificate. */
  certificateNumber: string | null;
  certificateExpiresOn: string | null;
  /** Certificate status today: active, suspended, revoked, or null outside its validity or without one. */
  status: string | null;
  /** 法律职业资格 (legal-profession), 公职律师 (public-lawyer), 法律顾问 (legal-adviser). */
  legalStanding: { kind: string; certificateNumber: string | null }[];
  /** The agency's principal leader (主要负责人), one per agency. */
  principalLeader: boolean;
}

/** A 双随机 plan as the registry shows it: what the case side checks a result's claim against (domain.md P14). */
export interface RegistryInspectionPlan {
  id: string;
  agencyCode: string;
  subject: string;
  /** Every draw, voided ones included; at most one is in force (voidedAt null). */
  draws: { voidedAt: string | null; assignments: { targetCode: string }[] }[];
}

export interface MayEnforce {
  allowed: boolean;
  reasons: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The outcome of one registry call: the body, or "not found" (an answer the case records), never a guess. */
export type Lookup<T> = { found: true; value: T } | { found: false };

/**
 * A small HTTP client of the registry. 404 is an answer; any other failure throws, so the activity is
 * retried by Temporal until the registry is back (a case is never refused because the registry was down).
 */
export class RegistryClient {
  constructor(
    private readonly baseUrl: string,
    private readonly credential: () => string,
  ) {}

  agency(code: string): Promise<Lookup<RegistryAgency>> {
    return this.get(`/api/v1/agencies/${encodeURIComponent(code)}`);
  }

  list<T>(agencyCode: string, list: string, asOf?: string): Promise<Lookup<RegistryListVersion<T>>> {
    const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
    return this.get(`/api/v1/agencies/${encodeURIComponent(agencyCode)}/${list}${query}`);
  }

  /** The platform default review catalogue in force at `asOf` (domain.md L3c). */
  platformCatalog<T>(asOf: string): Promise<Lookup<RegistryListVersion<T>>> {
    return this.get(`/api/v1/platform/review-catalog?asOf=${encodeURIComponent(asOf)}`);
  }

  /**
   * A person by id. The registry issues UUIDs and answers 400 to anything else: such an id names nobody, and is
   * answered so here rather than retried as if the registry had failed (an act naming it would wait forever).
   */
  person(personnelId: string): Promise<Lookup<RegistryPerson>> {
    if (!isPersonnelId(personnelId)) return Promise.resolve({ found: false });
    return this.get(`/api/v1/personnel/${encodeURIComponent(personnelId)}`);
  }

  /**
   * What 立案 needs, in one snapshot: the agency (not found when unregistered), the item, each handler's standing
   * on `on`, the AV duty and the review time limit. `handlerIds` must be personnel ids (the registry refuses others).
   */
  filingFacts(agency: string, item: string, on: string, handlerIds: string[]): Promise<Lookup<FilingFacts>> {
    const query = new URLSearchParams({ item, on, handlers: handlerIds.join(',') });
    // Only the registry's "no such agency" is an answer: a registry older than this route answers 404 too (a worker
    // upgraded before it), and refusing the case for that would be wrong — that 404 is retried like an outage.
    return this.get(
      `/api/v1/agencies/${encodeURIComponent(agency)}/filing-facts?${query}`,
      [],
      'AGENCY_NOT_FOUND',
    );
  }

  mayEnforce(personnelId: string, agency: string, item: string, on: string): Promise<Lookup<MayEnforce>> {
    if (!isPersonnelId(personnelId)) return Promise.resolve({ found: false });
    const query = new URLSearchParams({ agency, item, on });
    return this.get(`/api/v1/personnel/${encodeURIComponent(personnelId)}/may-enforce?${query}`);
  }

  /**
   * A 双随机 plan by id. The registry's plan ids are UUIDs (anything else names no plan), and it lets a caller read
   * the plans of the agencies it reaches: the worker reaches every agency it files cases for, so a plan it may not
   * read (403) is none of theirs and is answered as not found, not retried.
   */
  inspectionPlan(planId: string): Promise<Lookup<RegistryInspectionPlan>> {
    if (!UUID.test(planId)) return Promise.resolve({ found: false });
    return this.get(`/api/v1/inspection-plans/${encodeURIComponent(planId)}`, [403]);
  }

  /**
   * GET `path`: the body, or not found on 404 (with `notFoundCode`, only a 404 carrying that error code) and on
   * the statuses in `notFound`; anything else throws.
   */
  private async get<T>(
    path: string,
    notFound: readonly number[] = [],
    notFoundCode?: string,
  ): Promise<Lookup<T>> {
    const response = await fetch(new URL(path, this.baseUrl), {
      headers: { authorization: `Bearer ${this.credential()}`, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (notFound.includes(response.status)) return { found: false };
    if (response.status === 404) {
      if (notFoundCode === undefined) return { found: false };
      const { code } = (await response.json().catch(() => ({}))) as { code?: string };
      if (code === notFoundCode) return { found: false };
      throw new Error(`registry answered 404 ${code ?? ''} to GET ${path}, not ${notFoundCode}`);
    }
    if (!response.ok) throw new Error(`registry answered ${response.status} to GET ${path}`);
    return { found: true, value: (await response.json()) as T };
  }
}
