import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { ACTING_OFFICERS_HEADER, TOPICS } from '@lep/contracts';
import { AgencyClient, type RetryTally } from './support/agency-client';
import { driveCase, planCase } from './support/case-driver';
import { startStack, type Stack } from './support/stack';

/** One span as the services' OTLP/HTTP exporters send it (JSON encoding: ids in hex). */
interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}

interface OtlpTraces {
  resourceSpans: Array<{
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: Array<{
      spans: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        attributes?: OtlpAttribute[];
      }>;
    }>;
  }>;
}

const attributes = (list: OtlpAttribute[] = []) =>
  Object.fromEntries(
    list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]),
  );

/** What an OpenTelemetry collector is to the services here: it takes OTLP/HTTP JSON on /v1/traces and keeps it. */
async function startCollector(): Promise<{ server: Server; endpoint: string; spans: ExportedSpan[] }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraces;
        for (const { resource, scopeSpans } of body.resourceSpans) {
          const service = String(attributes(resource.attributes)['service.name']);
          for (const { spans: exported } of scopeSpans)
            for (const span of exported)
              spans.push({
                service,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                attributes: attributes(span.attributes),
              });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://127.0.0.1:${port}`, spans };
}

let stack: Stack;
let collector: Awaited<ReturnType<typeof startCollector>>;

beforeAll(async () => {
  collector = await startCollector();
  stack = await startStack({
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      // Batches leave every 200 ms instead of every 5 s, so the test does not wait on the exporters.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    },
  });
}, 5 * 60_000);

afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => collector?.server.close(resolve));
}, 2 * 60_000);

describe('tracing across the whole system (every service its own process, exporting over OTLP)', () => {
  it('follows a decision in one trace from case-api through Temporal and the worker, over Kafka, to its disclosure', async () => {
    const tally: RetryTally = { retries: 0 };
    const handlerToken = stack.staffToken(stack.people.handlers[0], 'BT01', ['handler']);
    const client = (service: 'case-api' | 'evidence', token: string, headers?: Record<string, string>) =>
      new AgencyClient(() => stack.url(service), token, tally, headers);
    const plan = { ...planCase(randomBytes(3).toString('hex'), 1), photo: false, served: false };
    expect(plan.major || plan.refused).toBe(false);
    const outcome = await driveCase(
      plan,
      {
        // The agency system enters the head's decision, naming the head who made it (domain.md R8).
        system: client('case-api', stack.apiKey, { [ACTING_OFFICERS_HEADER]: stack.people.deputyLeader }),
        handler: client('case-api', handlerToken),
        reviewer: client('case-api', handlerToken),
        evidence: client('evidence', handlerToken),
      },
      stack.people,
    );
    expect(outcome.decisionId).toBeDefined();

    // The agency system's decision request, as case-api recorded it (the only case of this stack).
    const decisionRequest = () =>
      collector.spans.find(
        (span) =>
          span.service === 'lep-case-api' &&
          span.attributes['http.request.method'] === 'POST' &&
          /\/cases\/:[A-Za-z]+\/decision$/.test(String(span.attributes['http.route'])),
      );
    const traceOfRequest = () => {
      const request = decisionRequest();
      return request ? collector.spans.filter((span) => span.traceId === request.traceId) : [];
    };
    const named = (spans: ExportedSpan[]) => spans.map((span) => `${span.service}: ${span.name}`);
    /** Spans whose parent is not (yet) among the trace's: each service exports in its own batches. */
    const orphans = (spans: ExportedSpan[]) => {
      const ids = new Set(spans.map((span) => span.spanId));
      return spans.filter((span) => span.parentSpanId !== undefined && !ids.has(span.parentSpanId));
    };
    // case-api asked Temporal for the update, the case workflow handled it, the worker ran its activities;
    // publication consumed the event the worker's activity wrote to the outbox and published the masked record
    // in that span (nothing holds it back), which its readers took off the disclosure topic.
    const hops = [
      /^lep-case-api: StartWorkflowUpdate:decide$/,
      /^lep-worker: HandleUpdate:decide$/,
      /^lep-worker: RunActivity:/,
      new RegExp(`^lep-publication: ${TOPICS.caseDecision.name} process$`),
      new RegExp(`^lep-statistics: ${TOPICS.publicationDisclosure.name} process$`),
    ];
    const complete = (spans: ExportedSpan[]) =>
      hops.every((hop) => named(spans).some((name) => hop.test(name))) && orphans(spans).length === 0;
    for (let waited = 0; !complete(traceOfRequest()) && waited < 60_000; waited += 250)
      await new Promise((resolve) => setTimeout(resolve, 250));

    const request = decisionRequest();
    expect(request).toBeDefined();
    expect(request!.parentSpanId).toBeUndefined();
    const trace = traceOfRequest();
    expect(named(trace)).toEqual(expect.arrayContaining(hops.map((hop) => expect.stringMatching(hop))));
    // Each span hangs from another of the same trace: no hop started a trace of its own or lost its parent.
    expect(named(orphans(trace))).toEqual([]);
  });
});
