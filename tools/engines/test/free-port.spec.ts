import { createServer } from 'node:net';
import { freePorts } from '../src/free-port';

describe('free ports', () => {
  it('picks distinct ports, each free to listen on once picked', async () => {
    for (let round = 0; round < 50; round += 1) {
      const ports = await freePorts(3);
      expect(new Set(ports).size).toBe(3);
      const servers = await Promise.all(
        ports.map(
          (port) =>
            new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
              const server = createServer();
              server.once('error', reject);
              server.listen(port, '127.0.0.1', () => resolve(server));
            }),
        ),
      );
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});
