import { randomUUID } from 'node:crypto';
import { ACTING_OFFICERS_HEADER, PERSONNEL_ID_RULE } from '@lep/contracts';
import { auditedDenials, databaseState, type Denial } from './support/database-state';
import { judge, probesFor, type Probe } from './support/probes';
import { inBatches, send } from './support/raw-http';
import { ROUTE_TABLE } from './support/route-table';
import { specRoutes } from './support/spec-routes';
import {
  chinaToday,
  SERVICE_NAMES,
  startStack,
  staffToken,
  OTHER_AGENCY,
  type ServiceName,
  type Stack,
} from './support/stack';

/** Requests in flight per service: enough to keep six processes busy, few enough for a loaded 2-core machine. */
const PARALLEL = 8;
const JSON_BODY_LIMITS: Partial<Record<ServiceName, number>> = { registry: 8 * 1024 * 1024 };
const DEFAULT_JSON_BODY_LIMIT = 100 * 1024;
const EVIDENCE_FILE_LIMIT = 1024 * 1024;

let stack: Stack;
/** What each service held before it was probed. */
const before: Partial<Record<ServiceName, Record<string, string>>> = {};
/** The denials each service was sent (and must have audited). */
const sentDenials: Record<string, Denial[]> = {};
let probesSent = 0;

beforeAll(async () => {
  stack = await startStack();
  for (const service of SERVICE_NAMES) before[service] = await settledState(databaseUrlOf(service));
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  console.log(
    `hostile-input suite: ${probesSent} probes over ${SERVICE_NAMES.flatMap(specRoutes).length} routes`,
  );
});

function databaseUrlOf(service: ServiceName): string {
  return stack.services[service].databaseUrl;
}

/** The state once background work (outbox relays, event consumers) has stopped moving it. */
async function settledState(databaseUrl: string): Promise<Record<string, string>> {
  let previous = await databaseState(databaseUrl);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = await databaseState(databaseUrl);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  return previous;
}

describe('the route table', () => {
  it('has a case for every route of every committed OpenAPI spec, and none for a route that is gone', () => {
    const specified = SERVICE_NAMES.flatMap(specRoutes).map((route) => route.key);
    expect(specified.filter((key) => !ROUTE_TABLE[key])).toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((key) => !specified.includes(key))).toEqual([]);
  });

  it('says what another agency gets on every route that is not public', () => {
    const undecided = Object.entries(ROUTE_TABLE).filter(([, entry]) => !entry.public && !entry.foreign);
    expect(undecided.map(([key]) => key)).toEqual([]);
  });
});

describe.each(SERVICE_NAMES)('%s under hostile input', (service) => {
  const routes = specRoutes(service);

  it.each(routes.map((route) => [route.key, route] as const))(
    '%s: a clear 4xx for every probe, nothing leaked',
    async (key, route) => {
      const entry = ROUTE_TABLE[key];
      expect(entry).toBeDefined();
      const probes = probesFor(route, entry, {
        credentials: stack.credentials,
        fixtures: stack.fixtures,
        jsonBodyLimit: JSON_BODY_LIMITS[service] ?? DEFAULT_JSON_BODY_LIMIT,
        fileLimit: EVIDENCE_FILE_LIMIT,
      });
      const answers = await inBatches(probes, PARALLEL, (probe) =>
        send(stack.services[service].url, probe.request),
      );
      probesSent += probes.length;
      const failures = probes.flatMap((probe, index) => {
        const problem = judge(probe, answers[index]);
        return problem ? [`${probe.name}: ${problem} — ${answers[index].text.slice(0, 300)}`] : [];
      });
      expect(failures).toEqual([]);
      (sentDenials[service] ??= []).push(
        ...probes.flatMap((probe, index) =>
          probe.expect.audited && [401, 403].includes(answers[index].status)
            ? [denialOf(probe, answers[index].status)]
            : [],
        ),
      );
    },
  );

  it('changed nothing it holds', async () => {
    expect(await settledState(databaseUrlOf(service))).toEqual(before[service]);
  });

  // The worker checks no credential: its only route is /health, and it has nothing to deny.
  if (routes.some((route) => ROUTE_TABLE[route.key]?.credentials !== 'none'))
    it('recorded every denial in its audit log', async () => {
      const expected = sentDenials[service] ?? [];
      expect(expected.length).toBeGreaterThan(0);
      const missing = await eventuallyAudited(databaseUrlOf(service), expected);
      expect(missing).toEqual([]);
    });
});

function denialOf(probe: Probe, status: number): Denial {
  return { method: probe.request.method, path: probe.request.path.split('?')[0], status, code: probe.name };
}

/** Denials are appended without holding up the answer: wait for them, then name those never written. */
async function eventuallyAudited(databaseUrl: string, expected: Denial[]): Promise<string[]> {
  const key = (denial: Pick<Denial, 'method' | 'path' | 'status'>) =>
    `${denial.method} ${denial.path} ${denial.status}`;
  let missing: string[] = [];
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const recorded = new Map<string, number>();
    for (const denial of await auditedDenials(databaseUrl))
      recorded.set(key(denial), (recorded.get(key(denial)) ?? 0) + 1);
    missing = expected.flatMap((denial) => {
      const left = recorded.get(key(denial)) ?? 0;
      if (left > 0) {
        recorded.set(key(denial), left - 1);
        return [];
      }
      return [`${key(denial)} (${denial.code})`];
    });
    if (missing.length === 0) return missing;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return missing;
}

describe('replayed request ids', () => {
  const caseUrl = () => stack.services['case-api'].url;
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const answer = await send(caseUrl(), {
      method,
      path,
      // The agency's system names the handler who acts (domain.md R8); other callers' checks come first.
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        [ACTING_OFFICERS_HEADER]: stack.fixtures.handlerIds[0],
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: answer.status, body: answer.json as Record<string, unknown> };
  };
  const recordLength = async () => {
    const record = await call(
      stack.credentials.admin,
      'GET',
      `/api/v1/cases/${stack.fixtures.caseId}/record`,
    );
    return (record.body.entries as unknown[]).length;
  };

  it('applies a case action once however often its request id is replayed, and never for another agency', async () => {
    const path = `/api/v1/cases/${stack.fixtures.caseId}/records`;
    const entry = {
      requestId: `replay-${randomUUID()}`,
      title: '调取证据记录',
      content: '当事人陈述',
      evidence: [],
    };
    const start = await recordLength();
    const first = await call(stack.credentials.ownKey, 'POST', path, entry);
    expect(first.status).toBe(200);
    const replays = await Promise.all(
      [entry, entry, { ...entry, content: '篡改后的陈述' }].map((body) =>
        call(stack.credentials.ownKey, 'POST', path, body),
      ),
    );
    expect(replays.map((replay) => replay.status)).toEqual([200, 200, 200]);
    const foreign = await call(staffToken(OTHER_AGENCY, ['handler']), 'POST', path, entry);
    expect(foreign).toMatchObject({ status: 403, body: { code: 'AGENCY_FORBIDDEN' } });
    expect(await recordLength()).toBe(start + 1);
  });

  it('files a case once however often its start is replayed', async () => {
    const listed = async () =>
      (await call(stack.credentials.ownKey, 'GET', '/api/v1/cases')).body.total as number;
    const view = await call(stack.credentials.ownKey, 'GET', `/api/v1/cases/${stack.fixtures.caseId}`);
    const state = view.body.state as Record<string, unknown>;
    const count = await listed();
    const replay = await call(stack.credentials.ownKey, 'POST', '/api/v1/cases', {
      agencyCode: state.agencyCode,
      caseNumber: state.caseNumber,
      itemCode: state.itemCode,
      title: '换了案由的重放',
      filedOn: chinaToday(),
      handlerIds: state.handlerIds,
      parties: [
        { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' },
      ],
      otherPersonNames: [],
    });
    expect(replay).toMatchObject({ status: 200, body: { caseId: stack.fixtures.caseId } });
    expect(await listed()).toBe(count);
  });
});

describe('malformed officer ids', () => {
  const violationOf = async (
    service: ServiceName,
    token: string,
    method: string,
    path: string,
    extra = {},
  ) => {
    const answer = await send(stack.services[service].url, {
      method,
      path,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra },
      body: undefined,
    });
    const body = answer.json as { code?: string; violations?: { field: string; rule: string }[] };
    return {
      status: answer.status,
      code: body.code,
      violations: body.violations?.map(({ field, rule }) => ({ field, rule })),
    };
  };

  it.each([
    ['a login name', 'zhangsan'],
    ['a migrated login', 'officer_01'],
    ['SQL', "' OR 1=1 --"],
    ['a registry id and a name', `${randomUUID()},lisi`],
  ])(
    'an agency system naming %s as the acting officer is refused before anything is recorded',
    async (_label, header) => {
      const path = `/api/v1/cases/${stack.fixtures.caseId}/records`;
      const answer = await send(stack.services['case-api'].url, {
        method: 'POST',
        path,
        headers: {
          authorization: `Bearer ${stack.credentials.ownKey}`,
          'content-type': 'application/json',
          [ACTING_OFFICERS_HEADER]: header,
        },
        body: JSON.stringify({
          requestId: `officer-${randomUUID()}`,
          title: '调取证据记录',
          content: '……',
          evidence: [],
        }),
      });
      expect({ status: answer.status, body: answer.json }).toMatchObject({
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          violations: [{ field: ACTING_OFFICERS_HEADER, rule: PERSONNEL_ID_RULE }],
        },
      });
    },
  );

  it('the task inbox and the registry refuse a personnel id that is none, naming the field', async () => {
    const { admin } = stack.credentials;
    expect(await violationOf('case-api', admin, 'GET', '/api/v1/tasks?assignee=reviewer-alice')).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      violations: [{ field: 'assignee', rule: PERSONNEL_ID_RULE }],
    });
    expect(await violationOf('registry', admin, 'GET', '/api/v1/personnel/officer-1')).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      violations: [{ field: 'id', rule: PERSONNEL_ID_RULE }],
    });
  });
});
