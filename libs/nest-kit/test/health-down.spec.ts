import { createServer, Server, Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import request from 'supertest';
import { createServiceApp, dependencyModules } from '../src';

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
        config: { KAFKA_BROKERS: ['127.0.0.1:1'], TEMPORAL_ADDRESS: `127.0.0.1:${hung.port}` },
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
});
