import { Client } from 'pg';

/**
 * Tables that move by design while the probes run: the audit log (denials are appended to it, which is
 * checked on its own), evidence's access log (every read of an item is logged with its purpose, the
 * administrator's probes included), the outbox (its relay marks rows sent) and the consumed-event ledger.
 */
const MOVING_TABLES = new Set(['audit_entry', 'evidence_access_log', 'outbox_event', 'consumed_event']);

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A cheap fingerprint of what a service holds: per table, its row count and an md5 over its rows (in a
 * stable order), so an insert, a delete and an update all show.
 */
export async function databaseState(databaseUrl: string): Promise<Record<string, string>> {
  return withClient(databaseUrl, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const state: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const counted = await client.query<{ rows: string; digest: string | null }>(
        MOVING_TABLES.has(name)
          ? `SELECT count(*) AS rows, NULL AS digest FROM ${quoted}`
          : `SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${quoted} t`,
      );
      const { rows, digest } = counted.rows[0];
      state[name] = MOVING_TABLES.has(name) ? 'moves' : `${rows}:${digest ?? '-'}`;
    }
    return state;
  });
}

export interface Denial {
  method: string;
  path: string;
  status: number;
  code: string;
}

/** The denials a service's audit log holds, as method + path + status. */
export async function auditedDenials(databaseUrl: string): Promise<Denial[]> {
  return withClient(databaseUrl, async (client) => {
    const rows = await client.query<{ content: Denial }>(
      `SELECT content FROM audit_entry WHERE content->>'outcome' = 'denied' ORDER BY sequence`,
    );
    return rows.rows.map((row) => row.content);
  });
}
