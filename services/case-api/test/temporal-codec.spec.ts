import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureEngine } from '@lep/engines';
import { TemporalClient } from '@lep/nest-kit';
import { temporal } from '@temporalio/proto';
import {
  EncryptionCodec,
  parsePayloadKeys,
  payloadsFromJson,
  payloadsToJson,
  type JsonPayload,
} from '@lep/temporal-codec';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { testPeers } from '@lep/testing';
import { TEMPORAL_UI_ORIGIN, useCaseApp, type Staff } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually } from './support/case-worker';

const caseApp = useCaseApp('case_api_codec');
const AGENCY = 'BT01';
const ID_NUMBER = '650102198001011234';
const NAME = '艾力·买买提';
const DECODE = '/api/v1/temporal-codec/decode';
const operator: Staff = { sub: 'ops-1', roles: ['platform-admin'], agency: 'BT' };
const { handler, newCase, caseState } = useCaseWorker(caseApp);

/** The history as the Temporal server stores and serves it: no data converter, no codec. */
async function rawHistory(caseId: string): Promise<temporal.api.history.v1.IHistory> {
  const { connection } = caseApp().app.get(TemporalClient);
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await connection.workflowService.getWorkflowExecutionHistory({
      namespace: testPeers().temporalNamespace,
      execution: { workflowId: caseId },
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return { events };
}

const started = (history: temporal.api.history.v1.IHistory): Payload[] =>
  history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads! as Payload[];

describe('personal data in Temporal', () => {
  let caseId: string;
  let history: temporal.api.history.v1.IHistory;

  beforeAll(async () => {
    const filed = await caseApp()
      .system(AGENCY)
      .post('/api/v1/cases')
      .send(
        newCase('CODEC-1', {
          parties: [{ type: 'natural-person', name: NAME, idType: '居民身份证', idNumber: ID_NUMBER }],
          otherPersonNames: [NAME],
        }),
      );
    expect(filed.status).toBe(201);
    caseId = filed.body.caseId;
    // The worker read the encrypted input and acted on it: the case went through filing into investigation.
    await eventually(
      () => caseState(caseId),
      (state) => state?.stage === 'investigating',
      'filing',
    );
    history = await rawHistory(caseId);
  });

  it('the raw history holds neither the party ID number nor the name anywhere, only encrypted payloads', () => {
    const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    expect(bytes.includes(Buffer.from(ID_NUMBER))).toBe(false);
    expect(bytes.includes(Buffer.from(NAME))).toBe(false);
    expect(bytes.includes(Buffer.from('idNumber'))).toBe(false);
    const [input] = started(history);
    expect(Buffer.from(input.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(input.metadata!['encryption-key-id']!).toString()).toBe('test');
    // Many events carry payloads (input, activity inputs and results, the update's answer): all encrypted.
    expect(history.events!.length).toBeGreaterThan(5);
  });

  it('an operator decodes the history through the codec endpoint and reads the party', async () => {
    const response = await caseApp()
      .staff(operator)
      .post(DECODE)
      .set('x-namespace', testPeers().temporalNamespace)
      .send(payloadsToJson(started(history)));
    expect(response.status).toBe(200);
    const [input] = payloadsFromJson(response.body);
    expect(defaultPayloadConverter.fromPayload(input)).toMatchObject({
      caseNumber: 'CODEC-1',
      parties: [{ name: NAME, idNumber: ID_NUMBER }],
    });
  });

  it('refuses anyone else: 401 without a credential, 403 for a handler or an agency system', async () => {
    const body = payloadsToJson(started(history));
    const anonymous = await caseApp().anonymous().post(DECODE).send(body);
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(anonymous.body)).not.toContain(ID_NUMBER);
    for (const client of [caseApp().staff(handler), caseApp().system(AGENCY)]) {
      const refused = await client.post(DECODE).send(body);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ROLE_FORBIDDEN');
      expect(JSON.stringify(refused.body)).not.toContain(ID_NUMBER);
    }
  });

  it('the Temporal CLI shows the decrypted history with the operator’s token (what docs/operations.md tells operators)', async () => {
    const server = await caseApp().app.listen(0, '127.0.0.1');
    const { port } = server.address() as { port: number };
    const token = caseApp().staffToken(operator);
    const cli = path.join(await ensureEngine('temporal'), 'bin', 'temporal');
    const show = (extra: string[]) =>
      promisify(execFile)(
        cli,
        [
          'workflow',
          'show',
          '--address',
          testPeers().temporalAddress,
          '--namespace',
          testPeers().temporalNamespace,
          '--workflow-id',
          caseId,
          '--detailed',
          '--codec-endpoint',
          `http://127.0.0.1:${port}/api/v1/temporal-codec`,
          ...extra,
        ],
        { maxBuffer: 64 * 1024 * 1024, timeout: 30_000 },
      );
    const { stdout } = await show(['--codec-auth', `Bearer ${token}`]);
    expect(stdout).toContain(`idNumber: ${ID_NUMBER}`);
    // Without the token case-api answers 401 to every decode: the CLI gives up and shows nothing.
    const refused = await show([]).then(
      () => 'shown',
      (error: { code?: number; stdout?: string }) => `exit ${error.code}: ${error.stdout ?? ''}`,
    );
    expect(refused).toMatch(/^exit 1: /);
    expect(refused).not.toContain(ID_NUMBER);
  });
});

describe('the codec endpoint', () => {
  const operatorClient = () => caseApp().staff(operator);
  const payload = (value: unknown): JsonPayload =>
    payloadsToJson([defaultPayloadConverter.toPayload(value)]).payloads[0];

  it('encodes with the active key and decodes it back; plain payloads pass through', async () => {
    const encoded = await operatorClient()
      .post('/api/v1/temporal-codec/encode')
      .send({ payloads: [payload({ idNumber: ID_NUMBER })] });
    expect(encoded.status).toBe(200);
    expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe(
      'binary/encrypted',
    );
    expect(Buffer.from(encoded.body.payloads[0].data, 'base64').includes(Buffer.from(ID_NUMBER))).toBe(false);

    const decoded = await operatorClient()
      .post(DECODE)
      .send({ payloads: [encoded.body.payloads[0], payload('明文')] });
    expect(decoded.status).toBe(200);
    expect(payloadsFromJson(decoded.body).map((one) => defaultPayloadConverter.fromPayload(one))).toEqual([
      { idNumber: ID_NUMBER },
      '明文',
    ]);
  });

  it.each([
    ['no payloads list', { items: [] }, 'payloads', 'isArray'],
    [
      'a payload whose data is not base64',
      { payloads: [{ data: '身份证' }] },
      'payloads[0].data',
      'isBase64',
    ],
    [
      'metadata that is not an object',
      { payloads: [{}, { metadata: 'x' }] },
      'payloads[1].metadata',
      'isObject',
    ],
  ])('refuses %s with 400, naming the field and rule in Chinese', async (_case, body, field, rule) => {
    const response = await operatorClient().post(DECODE).send(body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', violations: [{ field, rule }] });
    expect(response.body.violations[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers 422 for a payload under a key it does not hold, and for an altered one', async () => {
    const other = new EncryptionCodec(
      parsePayloadKeys(`retired:${randomBytes(32).toString('base64')}`, 'retired'),
    );
    const foreign = payloadsToJson(await other.encode([defaultPayloadConverter.toPayload('x')])).payloads[0];
    const unknown = await operatorClient()
      .post(DECODE)
      .send({ payloads: [payload('ok'), foreign] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      code: 'PAYLOAD_KEY_UNKNOWN',
      message: expect.stringContaining('payloads[1]'),
    });

    const encoded = await operatorClient()
      .post('/api/v1/temporal-codec/encode')
      .send({ payloads: [payload('x')] });
    const data = Buffer.from(encoded.body.payloads[0].data, 'base64');
    data[data.length - 1] ^= 1;
    const altered = await operatorClient()
      .post(DECODE)
      .send({ payloads: [{ ...encoded.body.payloads[0], data: data.toString('base64') }] });
    expect(altered.status).toBe(422);
    expect(altered.body.code).toBe('PAYLOAD_NOT_AUTHENTIC');
  });

  it('lets only the Temporal Web UI’s origin call it from a browser (CORS)', async () => {
    const preflight = await caseApp()
      .anonymous()
      .options(DECODE)
      .set('origin', TEMPORAL_UI_ORIGIN)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization,content-type,x-namespace');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(TEMPORAL_UI_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Namespace/);

    const foreign = await caseApp()
      .anonymous()
      .options(DECODE)
      .set('origin', 'https://evil.example.org')
      .set('access-control-request-method', 'POST');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();

    // The answer itself carries the header for the UI, refusals included, so the UI can show why.
    const refused = await caseApp()
      .anonymous()
      .post(DECODE)
      .set('origin', TEMPORAL_UI_ORIGIN)
      .send({ payloads: [] });
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(TEMPORAL_UI_ORIGIN);
    // Other routes of the staff API allow no browser origin.
    const cases = await caseApp().anonymous().options('/api/v1/cases').set('origin', TEMPORAL_UI_ORIGIN);
    expect(cases.headers['access-control-allow-origin']).toBeUndefined();
  });
});
