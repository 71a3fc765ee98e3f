import { randomUUID } from 'node:crypto';
import { Controller, INestApplication, Logger, Module, Param, Post } from '@nestjs/common';
import { createCloudEvent, TOPICS, type CloudEvent } from '@lep/contracts';
import { testPeers, useTestDatabase } from '@lep/testing';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import type { Consumer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  createServiceApp,
  dependencyModules,
  enqueueEvent,
  KafkaClient,
  OutboxRelay,
  startCloudEventConsumer,
  startTracing,
} from '../src';

// Process-wide, as in a service started with OTEL_EXPORTER_OTLP_ENDPOINT; spans are kept in memory here.
const exporter = new InMemorySpanExporter();
const provider = startTracing({ service: 'traced', exporter });
const databaseUrl = useTestDatabase('tracing');

// What an upstream gateway sends: the trace it started and its own span.
const UPSTREAM_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const UPSTREAM_SPAN = '00f067aa0ba902b7';

@Controller('decisions')
class DecisionsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  @Post(':id')
  async decide(@Param('id') id: string) {
    const event = createCloudEvent({
      source: '/lep/test',
      type: 'cn.lep.case.decision.made.v1',
      subject: id,
      data: { id },
    });
    await this.dataSource.transaction((manager) => enqueueEvent(manager, TOPICS.caseDecision, id, event));
    this.relay.nudge();
    return { eventId: event.id };
  }
}

describe('one trace from an HTTP request through the outbox and Kafka to a consumer (real PostgreSQL and Kafka)', () => {
  let app: INestApplication;
  let consumer: Consumer | undefined;
  const logLines: string[] = [];

  beforeAll(async () => {
    @Module({
      imports: dependencyModules({
        serviceName: 'traced',
        config: { DATABASE_URL: databaseUrl(), KAFKA_BROKERS: testPeers().kafkaBrokers },
        outbox: true,
      }),
      controllers: [DecisionsController],
    })
    class TracedModule {}
    app = await createServiceApp(
      TracedModule,
      { name: 'traced', title: 'Traced', description: 'test service', version: '1' },
      { logDestination: { write: (line: string) => void logLines.push(line) } },
    );
    await app.init();
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await app.close();
    await provider.shutdown();
  });

  it('continues the caller trace in the server span, the event and the consumer span', async () => {
    const response = await request(app.getHttpServer())
      .post(`/decisions/d-${randomUUID()}`)
      .set('traceparent', `00-${UPSTREAM_TRACE}-${UPSTREAM_SPAN}-01`)
      .expect(201);
    const eventId = (response.body as { eventId: string }).eventId;

    const stored: Array<{ event: CloudEvent & { traceparent?: string } }> = await app
      .get(DataSource)
      .query(`SELECT event FROM outbox_event WHERE id = $1`, [eventId]);
    const server = exporter.getFinishedSpans().find((span) => span.name === 'POST /decisions/:id')!;
    expect(server.spanContext().traceId).toBe(UPSTREAM_TRACE);
    expect(server.parentSpanContext?.spanId).toBe(UPSTREAM_SPAN);
    expect(server.attributes).toMatchObject({
      'http.route': '/decisions/:id',
      'http.response.status_code': 201,
    });
    // The event names the request's span as its producer.
    expect(stored[0]!.event.traceparent).toBe(`00-${UPSTREAM_TRACE}-${server.spanContext().spanId}-01`);

    const consumerLogger = new Logger('DecisionConsumer');
    let handled!: () => void;
    const done = new Promise<void>((resolve) => (handled = resolve));
    consumer = await startCloudEventConsumer(app.get(KafkaClient), consumerLogger, {
      groupId: `traced-${randomUUID()}`,
      topics: [TOPICS.caseDecision.name],
      handle: async (event) => {
        if (event.id !== eventId) return;
        consumerLogger.log(`applied decision event ${event.id}`);
        handled();
      },
    });
    await done;
    // The consumer span ends once the handler has returned.
    const consumedSpans = () =>
      exporter
        .getFinishedSpans()
        .filter((span: ReadableSpan) => span.attributes['messaging.message.id'] === eventId);
    for (let waited = 0; consumedSpans().length === 0 && waited < 5_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const consumed = consumedSpans();
    expect(consumed).toHaveLength(1);
    expect(consumed[0]!.spanContext().traceId).toBe(UPSTREAM_TRACE);
    expect(consumed[0]!.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(consumed[0]!.name).toBe(`${TOPICS.caseDecision.name} process`);
    // The consumer's log line is findable by the trace id, as the request's are.
    const applied = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === `applied decision event ${eventId}`)!;
    expect(applied).toMatchObject({ traceId: UPSTREAM_TRACE, spanId: consumed[0]!.spanContext().spanId });
  }, 60_000);

  it('starts a fresh trace for a request that carries none, and records nothing in an event outside one', async () => {
    exporter.reset();
    await request(app.getHttpServer()).post(`/decisions/d-${randomUUID()}`).expect(201);
    const [server] = exporter.getFinishedSpans().filter((span) => span.name === 'POST /decisions/:id');
    expect(server!.parentSpanContext).toBeUndefined();

    const event = createCloudEvent({
      source: '/lep/test',
      type: 'cn.lep.test.v1',
      subject: 'outside',
      data: {},
    });
    await app
      .get(DataSource)
      .transaction((manager) => enqueueEvent(manager, TOPICS.caseDecision, 'outside', event));
    const [row]: Array<{ event: Record<string, unknown> }> = await app
      .get(DataSource)
      .query(`SELECT event FROM outbox_event WHERE id = $1`, [event.id]);
    expect(row!.event).not.toHaveProperty('traceparent');
  });
});
