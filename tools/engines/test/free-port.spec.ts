import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort, freePorts } from '../src/free-port';

/** The first local port Linux gives outgoing connections. */
function ephemeralRangeStart(): number {
  const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
  return Number(start);
}

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

  it('picks ports below the range outgoing connections take their local ports from', async () => {
    const rangeStart = ephemeralRangeStart();
    const picked = [...(await freePorts(20)), ...(await Promise.all(Array.from({ length: 20 }, freePort)))];
    for (const port of picked) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(rangeStart);
    }
  });

  it('passes over a port something listens on', async () => {
    const rangeStart = ephemeralRangeStart();
    const [port] = await freePorts(1);
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', () => resolve()));
    // The first draw lands on the held port, as a random one could.
    const random = jest
      .spyOn(Math, 'random')
      .mockReturnValueOnce((port - 10_000 + 0.5) / (rangeStart - 10_000));
    try {
      const picked = await freePort();
      expect(random).toHaveBeenCalledTimes(2);
      expect(picked).not.toBe(port);
    } finally {
      random.mockRestore();
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
