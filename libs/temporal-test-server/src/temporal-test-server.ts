import * as grpc from '@grpc/grpc-js';
import { Engine } from './server/engine';
import { loadServices } from './server/proto';
import { Scheduler } from './server/schedules/scheduler';
import { testServiceHandlers } from './server/test-service';
import { workflowServiceHandlers } from './server/workflow-service';

export interface TemporalTestServerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; default 0 = a free port. */
  port?: number;
  /** Default true: the clock jumps to the next timer when nothing is in flight. false = real time. */
  timeSkipping?: boolean;
  /** Informational: every namespace name a client uses is accepted. Default 'default'. */
  namespace?: string;
  /**
   * Where the virtual clock starts (default: now). Lets a test run a case across a chosen date, e.g. a
   * public holiday, which time skipping alone could only reach by waiting for it.
   */
  startTime?: Date;
}

/**
 * An in-memory Temporal server (WorkflowService + TestService over gRPC) for tests and the embedded dev
 * stack; the real SDK worker and client talk to it as to Temporal.
 */
export class TemporalTestServer {
  private constructor(
    private readonly server: grpc.Server,
    private readonly engine: Engine,
    readonly address: string,
  ) {}

  static async start(options: TemporalTestServerOptions = {}): Promise<TemporalTestServer> {
    const host = options.host ?? '127.0.0.1';
    const engine = new Engine(options.timeSkipping ?? true, options.startTime);
    const { workflowService, testService } = loadServices();
    const server = new grpc.Server();
    server.addService(workflowService, workflowServiceHandlers(engine, new Scheduler(engine)));
    server.addService(testService, testServiceHandlers(engine));
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(
        `${host}:${options.port ?? 0}`,
        grpc.ServerCredentials.createInsecure(),
        (error, bound) => (error ? reject(error) : resolve(bound)),
      ),
    );
    return new TemporalTestServer(server, engine, `${host}:${port}`);
  }

  /** Closes gRPC (ending long polls) and clears every timer. */
  async stop(): Promise<void> {
    this.engine.stop();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => this.server.forceShutdown(), 2_000);
      this.server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }
}
