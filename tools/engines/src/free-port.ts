import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/**
 * Ports picked for servers come from below the range Linux hands out as the local ports of outgoing connections
 * (`ip_local_port_range`, 32768–60999 by default). A port the OS picked from that range can be taken by any
 * connection a process opens between the pick and the server's bind — or while a harness restarts a killed
 * engine or service on the same port — as one was in a fault-suite run (`EADDRINUSE` for a service's picked
 * port). Below the range, only another listener can take it.
 */
const LOWEST_PICKED = 10_000;
const ATTEMPTS = 200;

function listening(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The first port of the OS's range for outgoing connections, where it can be read (Linux). */
function ephemeralRangeStart(): number | undefined {
  try {
    const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const port = Number(start);
    return Number.isInteger(port) && port > LOWEST_PICKED ? port : undefined;
  } catch {
    return undefined;
  }
}

/** A server on a free port below `rangeStart`, the outgoing range; on the OS's own pick where that is unknown. */
async function listeningOnPicked(rangeStart: number | undefined): Promise<Server> {
  if (rangeStart === undefined) return listening(0);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = LOWEST_PICKED + Math.floor(Math.random() * (rangeStart - LOWEST_PICKED));
    const server = await listening(port).catch(() => undefined);
    if (server) return server;
  }
  return listening(0);
}

function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}

/** A TCP port on 127.0.0.1 that was free a moment ago, outside the range outgoing connections take theirs from. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

/**
 * `count` distinct TCP ports on 127.0.0.1 that were free a moment ago: each held open until all are picked, so
 * no two are the same (a Kafka broker once got one port for both its listeners).
 */
export async function freePorts(count: number): Promise<number[]> {
  const rangeStart = ephemeralRangeStart();
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) servers.push(await listeningOnPicked(rangeStart));
    return servers.map(portOf);
  } finally {
    await Promise.all(servers.map(close));
  }
}

/** `preferred` when it is free on 127.0.0.1 (an address people know, e.g. 8233 for the Temporal UI), else any free port. */
export async function preferredPort(preferred: number): Promise<number> {
  const server = await listening(preferred).catch(() => undefined);
  if (!server) return freePort();
  await close(server);
  return preferred;
}
