import { createServer } from 'node:net';

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

/** `preferred` when it is free on 127.0.0.1 (an address people know, e.g. 8233 for the Temporal UI), else any free port. */
export function preferredPort(preferred: number): Promise<number> {
  return listenOn(preferred).catch(() => freePort());
}
