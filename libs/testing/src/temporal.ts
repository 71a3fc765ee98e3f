import { randomBytes } from 'node:crypto';
import { lepSearchAttributes, registerNamespace, TemporalDevServer, TimeSkippingServer } from '@lep/engines';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { stopOnce } from './cleanup';
import { testDataConverter } from './payload-keys';

export interface TemporalPeer {
  address: string;
  /** The namespace tests and services use: `default` on a server of our own. */
  namespace: string;
  embedded: boolean;
  /** Embedded only: the dev server, to kill or restart on the same SQLite file. */
  server?: TemporalDevServer;
  stop(): Promise<void>;
}

export interface StartTemporalOptions {
  /** host:port of a running Temporal frontend (TEMPORAL_ADDRESS). */
  address?: string;
  /**
   * With `address`: register a namespace of our own there, with LEP's search attributes, instead of using
   * `default` (a server shared by several test projects in turn: each sees only its own workflows).
   */
  ownNamespace?: boolean;
  /** Embedded only: the frontend's gRPC port. */
  port?: number;
  /** Embedded only: the Temporal Web UI's port; headless when absent. */
  uiPort?: number;
  /** Embedded only: the remote codec endpoint the Web UI decodes payloads with (`--ui-codec-endpoint`). */
  uiCodecEndpoint?: string;
  /** Embedded only: where the SQLite file lives (kept); a temporary folder otherwise. */
  dataDir?: string;
}

/**
 * The Temporal server at `address`, else the real one of our own: the Temporal CLI's dev server (from the engine
 * cache) on a free port, with LEP's search attributes registered on `default`. Real time: workflows that must
 * jump over days use startTimeSkippingTemporal().
 */
export async function startTemporal(options: StartTemporalOptions = {}): Promise<TemporalPeer> {
  if (options.address) {
    const namespace = options.ownNamespace ? await createTemporalNamespace(options.address) : 'default';
    return { address: options.address, namespace, embedded: false, stop: async () => undefined };
  }
  const server = await TemporalDevServer.start({
    port: options.port,
    uiPort: options.uiPort ?? null,
    uiCodecEndpoint: options.uiCodecEndpoint,
    dataDir: options.dataDir,
  });
  try {
    await registerNamespace(server.address, 'default');
  } catch (error) {
    await server.remove();
    throw error;
  }
  return {
    address: server.address,
    namespace: 'default',
    embedded: true,
    server,
    stop: stopOnce(() => server.remove()),
  };
}

/**
 * A new namespace on the Temporal server at `address`, with LEP's search attributes: for a test file (or project)
 * whose workers poll the production task queues and must take no other file's tasks.
 */
export async function createTemporalNamespace(address: string): Promise<string> {
  const namespace = `lep-test-${randomBytes(4).toString('hex')}`;
  await registerNamespace(address, namespace);
  return namespace;
}

/** A time-skipping server and the SDK's test environment attached to it. */
export interface TimeSkippingTemporal {
  /** Its `client` lets the clock skip while awaiting a result; `sleep()` moves it; `connection.testService`. */
  env: TestWorkflowEnvironment;
  address: string;
  /** Closes the environment's connections and stops the server. */
  stop(): Promise<void>;
}

type AttachingFactory = {
  create(options: {
    server: { type: 'existing' };
    address: string;
    supportsTimeSkipping: true;
    namespace: string;
    client: { dataConverter: DataConverter };
    plugins: never[];
  }): Promise<TestWorkflowEnvironment>;
};

/**
 * Temporal's own time-skipping test server (the Java SDK's, from the engine cache), its virtual clock starting at
 * `startTime` (now by default), LEP's search attributes registered, and the SDK's test environment on it (its
 * client encrypts payloads with testDataConverter, as every LEP client does with its keys). Time skipping starts locked unless asked otherwise: the clock runs in real time until the test moves it (`env.sleep`)
 * or awaits a workflow result through `env.client`. One server per call: its clock is the caller's own.
 *
 * We start the server ourselves rather than through `createTimeSkipping`'s `existing-path` executable because the
 * SDK gives a server 5 s to answer, which a JVM on a loaded machine does not always make; attaching with time
 * skipping to a running server is TestWorkflowEnvironment's `create` (not yet public).
 */
export async function startTimeSkippingTemporal(
  options: { startTime?: Date } = {},
): Promise<TimeSkippingTemporal> {
  const server = await TimeSkippingServer.start(options);
  try {
    const env = await (TestWorkflowEnvironment as unknown as AttachingFactory).create({
      server: { type: 'existing' },
      address: server.address,
      supportsTimeSkipping: true,
      namespace: 'default',
      client: { dataConverter: testDataConverter() },
      plugins: [],
    });
    const stop = stopOnce(async () => {
      await env.teardown();
      await server.stop();
    });
    await env.connection.operatorService
      .addSearchAttributes({ namespace: 'default', searchAttributes: lepSearchAttributes() })
      .catch(async (error: unknown) => {
        await stop();
        throw error;
      });
    return { env, address: server.address, stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
