import { randomUUID } from 'node:crypto';
import { HOSTILE_URL_VALUES, NUL, wrongJsonValue, wrongTypedValues } from './hostile-values';
import type { RawRequest, RawResponse } from './raw-http';
import type { RouteCase } from './route-table';
import type { Parameter, SpecRoute } from './spec-routes';
import { OWN_AGENCY, type Credentials, type Fixtures } from './stack';

/** What a probe must get back. */
export interface Expectation {
  /** Allowed statuses; `4xx` means any client error. */
  status: number[] | '4xx';
  /** A free-text filter may match nothing and answer 2xx; it still must not fail or leak. */
  mayServe?: boolean;
  code?: string;
  /** A validation refusal must name this field among its violations. */
  field?: string;
  /** The refusal is a denial the service's audit log must hold. */
  audited?: boolean;
  /** A served answer must not carry these (the own agency's data, for a caller from another agency). */
  mustNotContain?: string[];
}

export interface Probe {
  route: SpecRoute;
  /** e.g. `auth:expired`, `path:caseId:nul`, `body:wrong-type:title`. */
  name: string;
  request: RawRequest;
  expect: Expectation;
}

export interface ProbeContext {
  credentials: Credentials;
  fixtures: Fixtures;
  /** Largest JSON body the service takes, in bytes. */
  jsonBodyLimit: number;
  /** Largest evidence file the evidence service takes, in bytes. */
  fileLimit: number;
}

const JSON_TYPE = { 'content-type': 'application/json' };

function fill(route: SpecRoute, params: Record<string, string>, query: Record<string, string>): string {
  const path = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.key}: no value for path parameter ${name}`);
    return value;
  });
  const search = Object.entries(query)
    .map(([name, value]) => `${encodeURIComponent(name)}=${value}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

function encoded(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, encodeURIComponent(value)]));
}

function foreignExpectation(foreign: NonNullable<RouteCase['foreign']>, fixtures: Fixtures): Expectation {
  if (typeof foreign === 'number') return { status: [foreign], audited: foreign === 403 };
  if ('shared' in foreign) return { status: [200] };
  // Served, but filtered down to what the caller's own agency may see: none of the own agency's items.
  return {
    status: [200],
    mustNotContain: [fixtures.evidenceId, fixtures.personId, `"agencyCode":"${OWN_AGENCY}"`],
  };
}

/** A typed parameter must refuse what does not fit; a free-text one may answer "nothing found". */
function isConstrained(parameter: Parameter): boolean {
  const schema = parameter.schema;
  return Boolean(schema.enum || schema.format || schema.pattern || (schema.type && schema.type !== 'string'));
}

export function probesFor(route: SpecRoute, table: RouteCase, context: ProbeContext): Probe[] {
  const { credentials } = context;
  const params = encoded(table.params?.(context.fixtures) ?? {});
  const query = encoded(table.query?.(context.fixtures) ?? {});
  const path = fill(route, params, query);
  const isJson = route.bodyType === 'application/json';
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const request = (headers: Record<string, string>, at = path, body?: string | Buffer): RawRequest => ({
    method: route.method,
    path: at,
    headers: { ...(body !== undefined ? JSON_TYPE : {}), ...headers },
    body,
  });
  // A well-formed (if empty) body wherever one is expected, so that what is probed is the credential.
  const emptyBody = isJson ? '{}' : undefined;
  const probes: Probe[] = [];
  const add = (name: string, req: RawRequest, expect: Expectation) =>
    probes.push({ route, name, request: req, expect });

  const denied = (code?: string): Expectation => ({ status: [401], code, audited: true });
  if (table.credentials !== 'none') {
    if (!table.public) add('auth:none', request({}, path, emptyBody), denied('UNAUTHENTICATED'));
    add(
      'auth:forged-signature',
      request(bearer(credentials.forged), path, emptyBody),
      denied('UNAUTHENTICATED'),
    );
    add('auth:expired', request(bearer(credentials.expired), path, emptyBody), denied('TOKEN_EXPIRED'));
    add('auth:alg-none', request(bearer(credentials.unsigned), path, emptyBody), denied('UNAUTHENTICATED'));
    add('auth:unknown-api-key', request(bearer(credentials.unknownKey), path, emptyBody), denied());
    add('auth:revoked-api-key', request({ 'x-api-key': credentials.revokedKey }, path, emptyBody), denied());
    add('auth:basic', request({ authorization: 'Basic YWRtaW46YWRtaW4=' }, path, emptyBody), denied());
    add(
      'auth:two-credentials',
      request({ ...bearer(credentials.admin), 'x-api-key': credentials.ownKey }, path, emptyBody),
      { status: [400], code: 'AMBIGUOUS_CREDENTIALS' },
    );
  }
  if (!table.public && table.foreign !== undefined && table.credentials !== 'none') {
    const foreignBody = table.body?.(context.fixtures);
    add(
      'cross-agency',
      request(
        bearer(credentials.foreign),
        path,
        foreignBody !== undefined ? JSON.stringify(foreignBody) : emptyBody,
      ),
      foreignExpectation(table.foreign, context.fixtures),
    );
  }

  const admin = bearer(credentials.admin);
  for (const parameter of route.parameters.filter((p) => p.in === 'path')) {
    for (const [name, value] of Object.entries(HOSTILE_URL_VALUES))
      add(
        `path:${parameter.name}:${name}`,
        request(admin, fill(route, { ...params, [parameter.name]: value }, query), emptyBody),
        { status: '4xx' },
      );
  }
  for (const parameter of route.parameters.filter((p) => p.in === 'query')) {
    const constrained = isConstrained(parameter);
    const values = { ...HOSTILE_URL_VALUES, ...wrongTypedValues(parameter.schema) };
    for (const [name, value] of Object.entries(values))
      add(
        `query:${parameter.name}:${name}`,
        request(admin, fill(route, params, { ...query, [parameter.name]: value }), emptyBody),
        { status: '4xx', mayServe: !constrained && name in HOSTILE_URL_VALUES },
      );
    add(
      `query:${parameter.name}:repeated`,
      request(
        admin,
        `${path}${path.includes('?') ? '&' : '?'}${parameter.name}=1&${parameter.name}=2`,
        emptyBody,
      ),
      { status: '4xx', mayServe: !constrained },
    );
  }
  if (route.method !== 'GET') probes.push(...bodyProbes(route, path, admin, context));
  if (isJson) probes.push(...schemaProbes(route, path, admin, table, context));
  // Evidence goes only into the uploader's own agency's cases, so the upload is probed as that agency's system.
  if (route.bodyType === 'multipart/form-data')
    probes.push(...multipartProbes(route, path, bearer(credentials.ownKey), context));
  return probes;
}

/** An evidence upload: metadata fields first, then the file. */
function multipart(fields: Record<string, string>, file?: Buffer): { type: string; body: Buffer } {
  const boundary = `hostile${randomUUID().replace(/-/g, '')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    parts.join('') +
      (file
        ? `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\n` +
          'Content-Type: image/jpeg\r\n\r\n'
        : ''),
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([
      head,
      file ?? Buffer.alloc(0),
      Buffer.from(`${file ? '\r\n' : ''}--${boundary}--\r\n`),
    ]),
  };
}

function multipartProbes(
  route: SpecRoute,
  path: string,
  admin: Record<string, string>,
  context: ProbeContext,
) {
  const metadata = {
    stage: 'investigating',
    kind: 'photo',
    capturedAt: new Date(Date.now() - 60_000).toISOString(),
    capturedBy: 'hostile-officer',
    confidentiality: 'internal',
  };
  const probe = (name: string, form: { type: string; body: Buffer }, expect: Expectation): Probe => ({
    route,
    name,
    request: {
      method: route.method,
      path,
      headers: { ...admin, 'content-type': form.type },
      body: form.body,
    },
    expect,
  });
  const small = Buffer.from('hostile evidence');
  return [
    probe('multipart:file-too-large', multipart(metadata, Buffer.alloc(context.fileLimit + 4096, 1)), {
      status: [413],
    }),
    probe('multipart:no-boundary', { type: 'multipart/form-data', body: small }, { status: '4xx' }),
    probe(
      'multipart:unterminated',
      { type: multipart(metadata, small).type, body: small },
      { status: '4xx' },
    ),
    probe('multipart:no-file', multipart(metadata), { status: [400], field: 'file' }),
    probe('multipart:wrong-kind', multipart({ ...metadata, kind: '42' }, small), {
      status: [400],
      field: 'kind',
    }),
    probe('multipart:nul-in-field', multipart({ ...metadata, capturedBy: `officer${NUL}` }, small), {
      status: [400],
      field: 'capturedBy',
    }),
    probe('multipart:rtl-override', multipart({ ...metadata, place: 'gpj.\u202Eexe' }, small), {
      status: [400],
      field: 'place',
    }),
    probe('multipart:prototype-field', multipart({ ...metadata, ['__proto__']: 'x' }, small), {
      status: '4xx',
    }),
  ];
}

/** Bodies no JSON route can take; body parsing runs before any route, so every write route gets them. */
function bodyProbes(route: SpecRoute, path: string, admin: Record<string, string>, context: ProbeContext) {
  const probe = (
    name: string,
    body: string | Buffer,
    expect: Expectation,
    type = 'application/json',
  ): Probe => ({
    route,
    name,
    request: { method: route.method, path, headers: { ...admin, 'content-type': type }, body },
    expect,
  });
  const probes = [
    probe('body:malformed-json', '{"title": "未闭合', { status: [400], code: 'BAD_REQUEST' }),
    probe('body:trailing-garbage', '{} {}', { status: [400], code: 'BAD_REQUEST' }),
    probe('body:too-large', `{"padding":"${'x'.repeat(context.jsonBodyLimit + 1024)}"}`, {
      status: [413],
      code: 'PAYLOAD_TOO_LARGE',
    }),
    probe(
      'body:invalid-utf8',
      Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc0, 0xae, 0xff, 0xfe]), Buffer.from('"}')]),
      { status: '4xx' },
    ),
    probe('body:utf16', Buffer.from('{"title":"x"}', 'utf16le'), { status: '4xx' }),
  ];
  if (route.bodyType === 'application/json')
    probes.push(
      probe('body:array', '[{"requestId":"x"}]', { status: '4xx' }),
      probe('body:null', 'null', { status: '4xx' }),
      probe('body:string', '"text"', { status: '4xx' }),
      probe(
        'body:prototype-pollution',
        '{"__proto__":{"isAdmin":true,"roles":["platform-admin"]},"constructor":{"prototype":{"polluted":true}}}',
        { status: '4xx' },
      ),
      probe('body:wrong-content-type', '{}', { status: '4xx' }, 'text/plain'),
    );
  return probes;
}

/** Probes built from the body's schema: every property of the wrong type, nested absurdly, or holding NUL. */
function schemaProbes(
  route: SpecRoute,
  path: string,
  admin: Record<string, string>,
  table: RouteCase,
  context: ProbeContext,
): Probe[] {
  const properties = Object.entries(route.body?.properties ?? {});
  const probe = (name: string, body: unknown, expect: Expectation, raw?: string): Probe => ({
    route,
    name,
    request: {
      method: route.method,
      path,
      headers: { ...admin, ...JSON_TYPE },
      body: raw ?? JSON.stringify(body),
    },
    expect,
  });
  const valid = table.body?.(context.fixtures) ?? {};
  const probes: Probe[] = [];
  for (const [name, schema] of properties) {
    probes.push(
      probe(
        `body:wrong-type:${name}`,
        { ...valid, [name]: wrongJsonValue(schema) },
        {
          status: [400],
          code: 'VALIDATION_FAILED',
          field: name,
        },
      ),
    );
  }
  const first = properties[0]?.[0] ?? 'value';
  const depth = 20_000;
  probes.push(
    probe(
      'body:deep-nesting',
      undefined,
      { status: '4xx' },
      `{"${first}":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    ),
    probe('body:unknown-field', { ...valid, [`x${randomUUID().slice(0, 8)}`]: 1 }, { status: [400] }),
  );
  if (table.body) {
    // Text an agency might paste from anywhere; PostgreSQL stores no NUL, so it must be refused up front.
    probes.push(
      probe(
        'body:nul-in-text',
        withEveryString(valid, (text) => `${text}${NUL}`),
        { status: '4xx' },
      ),
    );
  }
  return probes;
}

function withEveryString(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => withEveryString(item, change));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withEveryString(item, change)]),
    );
  return value;
}

const LEAKS: Array<[string, RegExp]> = [
  ['stack trace', /\bat [\w.<>]+ \(|\n\s+at /],
  ['source path', /\/(work|home|usr|app|srv)\/|node_modules|\.(ts|js):\d+/],
  [
    'SQL',
    /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|QueryFailedError|syntax error at|relation "|violates|duplicate key/i,
  ],
  ['driver error', /ECONNREFUSED|ETIMEDOUT|TypeError|ReferenceError|Cannot read propert|undefined is not/],
  // "secret" as a word or in a configuration name (S3_SECRET_KEY, jwt-secret, clientSecret), not inside an API
  // field the answer names by design (tradeSecretFields, 商业秘密 marks).
  [
    'secret',
    /\bsecret\b|_secret|secret_|clientsecret|secretkey|secretaccesskey|password|pg_shadow|AUTH_JWT|BEGIN [A-Z ]*PRIVATE KEY/i,
  ],
];

/** What the probes send, as a service may quote it back (a search echoing its filter leaks nothing). */
const ECHOES = Object.values(HOSTILE_URL_VALUES)
  .map((value) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  })
  .flatMap((value) => [value, JSON.stringify(value).slice(1, -1)])
  .sort((a, b) => b.length - a.length);

function withoutEchoes(text: string): string {
  return ECHOES.reduce((rest, echo) => rest.split(echo).join(''), text);
}

/** Why a probe's answer is wrong, or undefined when it is right. */
export function judge(probe: Probe, answer: RawResponse): string | undefined {
  const { expect } = probe;
  const problems: string[] = [];
  const ownText = withoutEchoes(answer.text);
  for (const [what, pattern] of LEAKS) if (pattern.test(ownText)) problems.push(`leaks ${what}`);
  for (const secret of expect.mustNotContain ?? [])
    if (answer.text.includes(secret)) problems.push(`serves another agency's data (${secret})`);
  if (answer.status >= 500) problems.push(`server error ${answer.status}`);
  const isClientError = answer.status >= 400 && answer.status < 500;
  const served = answer.status >= 200 && answer.status < 300 && expect.mayServe;
  if (!served) {
    if (expect.status === '4xx' ? !isClientError : !expect.status.includes(answer.status))
      problems.push(`status ${answer.status}, expected ${expect.status}`);
  }
  if (isClientError) {
    const body = answer.json as {
      statusCode?: unknown;
      code?: unknown;
      message?: unknown;
      violations?: unknown;
    };
    if (!body || typeof body !== 'object') problems.push('error body is not JSON');
    else {
      if (body.statusCode !== answer.status) problems.push(`statusCode ${String(body.statusCode)}`);
      if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(body.code))
        problems.push('no stable code');
      if (typeof body.message !== 'string' || !/[\u4e00-\u9fff]/.test(body.message))
        problems.push('message is not Chinese');
      if (expect.code && body.code !== expect.code)
        problems.push(`code ${String(body.code)}, expected ${expect.code}`);
      if (expect.field) {
        const violations = Array.isArray(body.violations)
          ? (body.violations as Array<Record<string, unknown>>)
          : [];
        const named = violations.filter(
          (v) =>
            typeof v.field === 'string' &&
            (v.field === expect.field || v.field.startsWith(`${expect.field}.`)),
        );
        if (named.length === 0) problems.push(`no violation names ${expect.field}`);
        for (const violation of named)
          if (typeof violation.rule !== 'string' || !/[\u4e00-\u9fff]/.test(String(violation.message)))
            problems.push(`violation of ${expect.field} lacks a rule or a Chinese message`);
      }
    }
  }
  return problems.length ? problems.join('; ') : undefined;
}
