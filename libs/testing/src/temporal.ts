import { stopOnce } from './cleanup';

export interface TemporalPeer {
  address: string;
  embedded: boolean;
  timeSkipping: boolean;
  stop(): Promise<void>;
}

export interface StartTemporalOptions {
  /** host:port of a real Temporal frontend (TEMPORAL_ADDRESS). */
  address?: string;
  /** Embedded server only: jump the clock to the next timer when idle (tests) or run in real time (npm start). */
  timeSkipping?: boolean;
}

/** The Temporal server at `address`, else our in-memory test server on a free port. */
export async function startTemporal(options: StartTemporalOptions = {}): Promise<TemporalPeer> {
  const timeSkipping = options.timeSkipping ?? true;
  if (options.address)
    return { address: options.address, embedded: false, timeSkipping: false, stop: async () => undefined };
  // Loaded only when needed, so suites that never touch Temporal never load gRPC.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testServer = require('@lep/temporal-test-server') as typeof import('@lep/temporal-test-server');
  const { TemporalTestServer } = testServer;
  const server = await TemporalTestServer.start({ timeSkipping });
  return { address: server.address, embedded: true, timeSkipping, stop: stopOnce(() => server.stop()) };
}
