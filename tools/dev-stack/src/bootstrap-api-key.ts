/**
 * Mints the dev stack's platform-admin API key through the registry's own route, authenticated with the
 * freshly signed admin token: the key is hashed and recorded exactly like any other, so it can be listed and
 * revoked. Its agency `XPCC` is only a label (platform-admin keys reach every agency).
 */
export async function createBootstrapApiKey(registryUrl: string, adminToken: string): Promise<string> {
  const response = await fetch(`${registryUrl}/api/v1/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ agencyCode: 'XPCC', role: 'platform-admin', label: 'npm start bootstrap' }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { key?: string; message?: string };
  if (!response.ok || !body.key)
    throw new Error(`the registry refused the bootstrap API key (${response.status} ${body.message ?? ''})`);
  return body.key;
}
