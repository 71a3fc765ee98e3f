import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClient } from './registry-client';

/**
 * How the worker tells "the registry says no" from "the registry cannot say": the first is recorded with the case
 * (a refusal), the second must fail the activity so Temporal retries it. Served by a scripted HTTP server
 * answering as the registry's versions do.
 */
describe('the registry client', () => {
  let server: Server;
  let answer: { status: number; body: unknown };
  let client: RegistryClient;

  beforeAll(async () => {
    server = createServer((_, response) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new RegistryClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => 'token');
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const facts = () => client.filingFacts('BT01', 'P-001', '2026-12-05', []);

  it('answers an agency the registry does not know as not found', async () => {
    answer = { status: 404, body: { code: 'AGENCY_NOT_FOUND', message: '执法主体 BT01 不存在' } };
    await expect(facts()).resolves.toEqual({ found: false });
  });

  it('fails, to be retried, on a 404 of a registry that has no filing-facts route yet (not a refusal)', async () => {
    answer = { status: 404, body: { code: 'NOT_FOUND', message: '资源不存在' } };
    await expect(facts()).rejects.toThrow('registry answered 404 NOT_FOUND');
    answer = { status: 404, body: 'Cannot GET' };
    await expect(facts()).rejects.toThrow('registry answered 404');
  });

  it('fails on any other error and hands over the facts when there are some', async () => {
    answer = { status: 503, body: { code: 'DEPENDENCY_UNAVAILABLE' } };
    await expect(facts()).rejects.toThrow('registry answered 503');
    answer = {
      status: 200,
      body: { agency: { code: 'BT01' }, item: null, handlers: [], av: null, reviewTimeLimit: null },
    };
    await expect(facts()).resolves.toEqual({ found: true, value: answer.body });
  });

  it('still answers a person it has no record of as not found (routes the registry has always had)', async () => {
    answer = { status: 404, body: { code: 'PERSONNEL_NOT_FOUND' } };
    await expect(client.person('6f1c1c57-5f0b-4a43-9a55-3a0b5a7a0c11')).resolves.toEqual({ found: false });
  });
});
