import { createServer, type Server } from 'node:net';

function listening(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return listenOn(0);
}

/**
 * `count` distinct TCP ports on 127.0.0.1 that were free a moment ago: each held open until all are picked, since
 * the OS may hand a port just closed out again (a Kafka broker once got the same port for both its listeners).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await listening(0));
    return servers.map((server) => (server.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** `preferred` when it is free on 127.0.0.1 (an address people know, e.g. 8233 for the Temporal UI), else any free port. */
export function preferredPort(preferred: number): Promise<number> {
  return listenOn(preferred).catch(() => freePort());
}
