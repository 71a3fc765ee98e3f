import { createServer, Server, Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import request from 'supertest';
import { TEST_PAYLOAD_KEY_ENV } from '@lep/testing';
import { createServiceApp, dependencyModules, HealthModule, hostedWorkerProbe } from '../src';

/** A port that accepts TCP connections and never answers, like a hung broker. */
async function silentPort(): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, sockets };
}

describe('/health when a dependency is down', () => {
  let app: INestApplication;
  let hung: Awaited<ReturnType<typeof silentPort>>;

  beforeAll(async () => {
    hung = await silentPort();
    @Module({
      imports: dependencyModules({
        serviceName: 'probe-test',
        config: {
          KAFKA_BROKERS: ['127.0.0.1:1'],
          TEMPORAL_ADDRESS: `127.0.0.1:${hung.port}`,
          ...TEST_PAYLOAD_KEY_ENV,
        },
      }),
    })
    class ProbeModule {}
    app = await createServiceApp(
      ProbeModule,
      { name: 'p', title: 'p', description: 'p', version: '1' },
      { logger: false },
    );
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    for (const socket of hung.sockets) socket.destroy();
    await new Promise((resolve) => hung.server.close(resolve));
  });

  it('answers 503 within its timeout and names each dependency that is down', async () => {
    const started = Date.now();
    const response = await request(app.getHttpServer()).get('/health').expect(503);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(response.body.status).toBe('error');
    expect(response.body.error.kafka.status).toBe('down');
    expect(response.body.error.temporal.status).toBe('down');
  });

  it('is the same check on /health/ready, the readiness probe', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(Object.keys(response.body.error).sort()).toEqual(['kafka', 'temporal']);
  });

  it('stays alive on /health/live: dependencies being down is no reason to restart the process', async () => {
    const started = Date.now();
    const response = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.kafka.status).toBe('up');
    expect(response.body.info.temporal.status).toBe('up');
  });
});

describe('/health/live when a hosted Temporal worker has failed', () => {
  const WORKER_PROBE = 'WORKER_PROBE';
  let state = 'RUNNING';
  let app: INestApplication;

  beforeAll(async () => {
    // Global, as the modules that own a client and contribute its probe are.
    @Global()
    @Module({
      providers: [{ provide: WORKER_PROBE, useValue: hostedWorkerProbe({ state: () => state }) }],
      exports: [WORKER_PROBE],
    })
    class WorkerProbeModule {}
    @Module({ imports: [WorkerProbeModule, HealthModule.register([WORKER_PROBE])] })
    class ProbeModule {}
    app = await createServiceApp(
      ProbeModule,
      { name: 'p', title: 'p', description: 'p', version: '1' },
      { logger: false },
    );
    await app.init();
  });

  afterAll(() => app.close());

  it('is alive and ready while the worker polls', async () => {
    state = 'RUNNING';
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/health/ready').expect(200);
  });

  it('is not ready but still alive while the worker is starting or draining', async () => {
    for (const passing of ['INITIALIZED', 'DRAINING']) {
      state = passing;
      await request(app.getHttpServer()).get('/health/live').expect(200);
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(ready.body.error['temporal-worker'].message).toBe(`worker is ${passing}`);
    }
  });

  it('asks for a restart once the worker has FAILED (it never polls again by itself)', async () => {
    state = 'FAILED';
    const live = await request(app.getHttpServer()).get('/health/live').expect(503);
    expect(live.body.error['temporal-worker']).toEqual({
      status: 'down',
      message: 'worker FAILED and no longer polls',
    });
  });
});
