import { agencyBody, ENFORCEMENT_ITEM, personnelBody } from './support/fixtures';
import { useRegistryApp } from './support/registry-app';

type Method = 'get' | 'post' | 'put' | 'delete';
const PERSON = '00000000-0000-4000-8000-000000000000';
const BAD_CODE = 'no%20spaces!';

/** Every route, each sent one malformed field: the answer is 400 naming that field. */
const CASES: [
  string,
  Method,
  string,
  Record<string, unknown> | undefined,
  Record<string, string> | undefined,
  string,
][] = [
  ['agency code in path', 'get', `/api/v1/agencies/${BAD_CODE}`, undefined, undefined, 'code'],
  ['descendants code', 'get', `/api/v1/agencies/${BAD_CODE}/descendants`, undefined, undefined, 'code'],
  ['reviewer-ratio code', 'get', `/api/v1/agencies/${BAD_CODE}/reviewer-ratio`, undefined, undefined, 'code'],
  ['personnel list code', 'get', `/api/v1/agencies/${BAD_CODE}/personnel`, undefined, undefined, 'code'],
  ['delete code', 'delete', `/api/v1/agencies/${BAD_CODE}`, undefined, undefined, 'code'],
  [
    'agency level',
    'post',
    '/api/v1/agencies',
    agencyBody('BT-9', 'BT', { level: 'province' }),
    undefined,
    'level',
  ],
  [
    'agency region',
    'post',
    '/api/v1/agencies',
    agencyBody('BT-9', 'BT', { region: 'mars' }),
    undefined,
    'region',
  ],
  [
    'agency name missing',
    'post',
    '/api/v1/agencies',
    agencyBody('BT-9', 'BT', { name: '' }),
    undefined,
    'name',
  ],
  [
    'review body agency',
    'post',
    '/api/v1/agencies',
    agencyBody('BT-9', 'BT', { legalReviewBody: { name: '法制科' } }),
    undefined,
    'legalReviewBody.agencyCode',
  ],
  [
    'unknown agency field',
    'post',
    '/api/v1/agencies',
    agencyBody('BT-9', 'BT', { secret: 1 }),
    undefined,
    'secret',
  ],
  [
    'agency update',
    'put',
    '/api/v1/agencies/BT',
    agencyBody('BT', undefined, { code: undefined, legalBasis: 5 }),
    undefined,
    'legalBasis',
  ],
  [
    'personnel roles',
    'post',
    '/api/v1/personnel',
    personnelBody('BT', { roles: ['sheriff'] }),
    undefined,
    'roles',
  ],
  [
    'personnel roles empty',
    'post',
    '/api/v1/personnel',
    personnelBody('BT', { roles: [] }),
    undefined,
    'roles',
  ],
  [
    'certificate date',
    'post',
    '/api/v1/personnel',
    personnelBody('BT', { certificateIssuedOn: '2024-02-30' }),
    undefined,
    'certificateIssuedOn',
  ],
  [
    'expiry before issue',
    'post',
    '/api/v1/personnel',
    personnelBody('BT', { certificateIssuedOn: '2025-01-01', certificateExpiresOn: '2024-12-31' }),
    undefined,
    'certificateExpiresOn',
  ],
  [
    'qualification',
    'post',
    '/api/v1/personnel',
    personnelBody('BT', { qualification: 'none' }),
    undefined,
    'qualification',
  ],
  [
    'ID number check digit',
    'post',
    '/api/v1/personnel',
    personnelBody('BT', { idNumber: '650101198001011231' }),
    undefined,
    'idNumber',
  ],
  ['personnel id', 'get', '/api/v1/personnel/42', undefined, undefined, 'id'],
  ['personnel update id', 'put', '/api/v1/personnel/42', personnelBody('BT'), undefined, 'id'],
  [
    'personnel update body',
    'put',
    `/api/v1/personnel/${PERSON}`,
    personnelBody('BT', { scope: '' }),
    undefined,
    'scope',
  ],
  [
    'status value',
    'post',
    `/api/v1/personnel/${PERSON}/status`,
    { status: 'fired', effectiveOn: '2025-01-01', reason: 'x' },
    undefined,
    'status',
  ],
  [
    'status date',
    'post',
    `/api/v1/personnel/${PERSON}/status`,
    { status: 'suspended', effectiveOn: '1/1/2025', reason: 'x' },
    undefined,
    'effectiveOn',
  ],
  [
    'may-enforce day',
    'get',
    `/api/v1/personnel/${PERSON}/may-enforce`,
    undefined,
    { agency: 'BT', item: 'P-001', on: '2025-13-01' },
    'on',
  ],
  [
    'may-enforce agency',
    'get',
    `/api/v1/personnel/${PERSON}/may-enforce`,
    undefined,
    { item: 'P-001', on: '2025-01-01' },
    'agency',
  ],
  [
    'may-enforce item',
    'get',
    `/api/v1/personnel/${PERSON}/may-enforce`,
    undefined,
    { agency: 'BT', on: '2025-01-01' },
    'item',
  ],
  [
    'asOf enforcement items',
    'get',
    '/api/v1/agencies/BT/enforcement-items',
    undefined,
    { asOf: 'yesterday' },
    'asOf',
  ],
  [
    'asOf AV list',
    'get',
    '/api/v1/agencies/BT/av-recording-list',
    undefined,
    { asOf: '2025-02-30T00:00:00Z' },
    'asOf',
  ],
  ['asOf catalog', 'get', '/api/v1/agencies/BT/review-catalog', undefined, { asOf: 'soon' }, 'asOf'],
  [
    'item category',
    'post',
    '/api/v1/agencies/BT/enforcement-items',
    { items: [{ ...ENFORCEMENT_ITEM, category: 'tax' }] },
    undefined,
    'items.0.category',
  ],
  [
    'item time limit',
    'post',
    '/api/v1/agencies/BT/enforcement-items',
    { items: [{ ...ENFORCEMENT_ITEM, statutoryWorkingDays: -1 }] },
    undefined,
    'items.0.statutoryWorkingDays',
  ],
  [
    'AV full-process flag',
    'post',
    '/api/v1/agencies/BT/av-recording-list',
    { entries: [{ itemCode: 'P-001', stages: ['送达'], fullProcess: 'yes' }] },
    undefined,
    'entries.0.fullProcess',
  ],
  [
    'catalog threshold',
    'post',
    '/api/v1/agencies/BT/review-catalog',
    {
      fineThresholds: [{ partyType: 'natural-person', minimumYuan: -5 }],
      measures: [],
      hearingHeldIsMajor: true,
      multipleLegalRelationsIsMajor: true,
      majorPublicInterestIsMajor: true,
      majorSocialImpactIsMajor: true,
    },
    undefined,
    'fineThresholds.0.minimumYuan',
  ],
  [
    'catalog measure',
    'post',
    '/api/v1/agencies/BT/review-catalog',
    {
      fineThresholds: [],
      measures: ['public-shaming'],
      hearingHeldIsMajor: true,
      multipleLegalRelationsIsMajor: true,
      majorPublicInterestIsMajor: true,
      majorSocialImpactIsMajor: true,
    },
    undefined,
    'measures',
  ],
  [
    'api key agency',
    'post',
    '/api/v1/api-keys',
    { agencyCode: BAD_CODE, role: 'agency-system', label: 'x' },
    undefined,
    'agencyCode',
  ],
  [
    'api key role',
    'post',
    '/api/v1/api-keys',
    { agencyCode: 'BT', role: 'root', label: 'x' },
    undefined,
    'role',
  ],
  [
    'api key label',
    'post',
    '/api/v1/api-keys',
    { agencyCode: 'BT', role: 'agency-system', label: '' },
    undefined,
    'label',
  ],
  ['api key list code', 'get', `/api/v1/agencies/${BAD_CODE}/api-keys`, undefined, undefined, 'code'],
  [
    'api key list flag',
    'get',
    '/api/v1/agencies/BT/api-keys',
    undefined,
    { includeBelow: 'yes' },
    'includeBelow',
  ],
  ['revoke key id', 'post', '/api/v1/api-keys/XYZ/revoke', { reason: '轮换' }, undefined, 'keyId'],
  ['revoke reason', 'post', '/api/v1/api-keys/0123456789abcdef/revoke', { reason: '' }, undefined, 'reason'],
  ['introspect key', 'post', '/api/v1/auth/introspect', { key: 5 }, undefined, 'key'],
];

describe('bad input on every route', () => {
  const registry = useRegistryApp('registry_bad_input');
  const http = () => registry().client();

  beforeAll(async () => {
    await http().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
  });

  it.each(CASES)('%s → 400 naming the field', async (_name, method, path, body, query, field) => {
    let call = http()[method](path);
    if (query) call = call.query(query);
    if (body) call = call.send(body);
    const answer = await call.expect(400);
    expect(answer.body.violations.map((violation: { field: string }) => violation.field)).toContain(field);
    expect(answer.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers malformed JSON with a 400 error body', async () => {
    const answer = await http()
      .post('/api/v1/agencies')
      .set('content-type', 'application/json')
      .send('{"code": ')
      .expect(400);
    expect(answer.body.code).toBe('BAD_REQUEST');
  });
});
