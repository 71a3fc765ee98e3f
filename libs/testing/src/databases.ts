import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, uniquely named, empty database on the server; returns its URL. */
export async function createDatabase(serverUrl: string, prefix = 'lep_test'): Promise<string> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(serverUrl, name);
}

/** Drops a database made by createDatabase, closing any connection a test left open. */
export async function dropDatabase(databaseUrlToDrop: string): Promise<void> {
  const url = new URL(databaseUrlToDrop);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  await withServer(url.toString(), (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

/** Creates each named database unless it exists (the dev stack's per-service databases). */
export async function ensureDatabases(serverUrl: string, names: string[]): Promise<void> {
  await withServer(serverUrl, async (client) => {
    for (const name of new Set(names)) {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
    }
  });
}
