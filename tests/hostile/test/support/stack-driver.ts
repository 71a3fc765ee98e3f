import { randomUUID } from 'node:crypto';
import type { ServiceName, Stack } from './stack';

/** A service's answer: its status, its text, and its body parsed when it is JSON (undefined otherwise). */
export interface Answer<T> {
  status: number;
  body: T;
  text: string;
}

/**
 * Calls to the stack's services as the agencies' staff and the public make them, for the specs that drive the
 * whole platform: `call` gives whatever came back, `ok` the body of a 2xx answer and throws on anything else.
 * `Body` is what the spec reads of an answer unless a call names another type.
 */
export function stackDriver<Body = unknown>(stack: () => Stack) {
  const url = (service: ServiceName, path: string) => stack().services[service].url + path;

  async function call<T = Body>(
    service: ServiceName,
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const response = await fetch(url(service, path), {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    // The portal answers HTML: its body is read as text.
    const json = response.headers.get('content-type')?.includes('json') && text;
    return { status: response.status, body: (json ? JSON.parse(text) : undefined) as T, text };
  }

  async function ok<T = Body>(
    service: ServiceName,
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const answer = await call<T>(service, token, method, path, body);
    if (answer.status >= 300)
      throw new Error(`${service} ${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  }

  return { url, call, ok };
}

/** A unified social credit code (GB 32100) with its check character, for an agency of 第八师 numbered `serial`. */
function uscc(serial: number): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `11659001${String(serial).padStart(9, '0')}`;
  const sum = weights.reduce((total, weight, index) => total + weight * chars.indexOf(body[index]), 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

export interface AgencySetup {
  code: string;
  name: string;
  /** Makes the agency's unified social credit code, unique among the specs' agencies. */
  creditSerial: number;
  legalBasis: string;
  dutiesAndPowers: string;
  /** What each person's certificate number starts with. */
  certificatePrefix: string;
  /** Registered in this order, each with a certificate in force. */
  people: Array<{ name: string; roles: string[] }>;
  /** The agency's enforcement items, as submitted for its item list. */
  items: Array<Record<string, unknown>>;
}

/**
 * Registers an agency as the platform admin does: the agency (its own legal review body), its certified people
 * and its item list, published at once (the platform admin stands in for the review body's approval). Answers
 * the people's ids by name.
 */
export async function registerAgency(stack: Stack, setup: AgencySetup): Promise<Record<string, string>> {
  const { ok } = stackDriver<{ id: string }>(() => stack);
  const admin = stack.credentials.admin;
  await ok('registry', admin, 'POST', '/api/v1/agencies', {
    code: setup.code,
    name: setup.name,
    level: 'corps',
    unifiedSocialCreditCode: uscc(setup.creditSerial),
    legalBasis: setup.legalBasis,
    dutiesAndPowers: setup.dutiesAndPowers,
    region: 'national',
    legalReviewBody: { name: '法制审核科', agencyCode: setup.code },
  });
  const ids: Record<string, string> = {};
  for (const { name, roles } of setup.people)
    ids[name] = (
      await ok('registry', admin, 'POST', '/api/v1/personnel', {
        agencyCode: setup.code,
        name,
        roles,
        certificateNumber: `${setup.certificatePrefix}-${name}-${randomUUID().slice(0, 8)}`,
        certificateIssuedOn: '2020-01-01',
        certificateExpiresOn: '2099-12-31',
        qualification: 'exam-passed',
        scope: '市场监管',
      })
    ).id;
  const submitted = await ok('registry', admin, 'POST', `/api/v1/agencies/${setup.code}/enforcement-items`, {
    items: setup.items,
  });
  await ok(
    'registry',
    admin,
    'POST',
    `/api/v1/agencies/${setup.code}/enforcement-items/submissions/${submitted.id}/approval`,
    {},
  );
  return ids;
}
