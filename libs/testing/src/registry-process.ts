import { createDatabase, dropDatabase } from './databases';
import { testPeers } from './jest-peers';
import { startServiceProcess } from './service-process';

/** Staff claims the caller signs the registry calls with (libs/testing signs nothing itself). */
export type StaffSigner = (claims: { sub: string; agency: string; roles: string[] }) => string;

export interface RegistryProcess {
  url: string;
  /** Its own database, for tests that compare what it holds before and after. */
  databaseUrl: string;
  /** A registry call as a platform admin; throws on any answer but 2xx. */
  call<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
  /** Stops the process (SIGTERM), keeping its database: the registry is down until `resume`. */
  pause(): Promise<void>;
  /** Starts it again on the same port and database. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real registry service (its built dist/main.js) over a fresh database, relaying its events to the Kafka
 * peer: the owner of the agencies, personnel, lists and the working-day calendar other services read.
 */
export async function startRegistryProcess(auth: {
  secret: string;
  sign: StaffSigner;
}): Promise<RegistryProcess> {
  const peers = testPeers();
  const databaseUrl = await createDatabase(peers.databaseServerUrl, 'registry');
  const env = {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: peers.kafkaBrokers.join(','),
    AUTH_JWT_SECRET: auth.secret,
  };
  let service = await startServiceProcess('registry', env);
  const port = Number(new URL(service.url).port);
  let running = true;
  const token = auth.sign({ sub: 'test-admin', agency: 'XPCC', roles: ['platform-admin'] });
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(service.url + route, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`registry ${method} ${route} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url: service.url,
    databaseUrl,
    call,
    async pause() {
      await service.stop();
      running = false;
    },
    async resume() {
      service = await startServiceProcess('registry', env, { port });
      running = true;
    },
    async stop() {
      if (running) await service.stop();
      await dropDatabase(databaseUrl);
    },
  };
}
