import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, JsonWebKey, KeyObject } from 'node:crypto';

export interface ProviderKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyObject;
  jwk: JsonWebKey;
}

/** A signing key as an identity provider would hold it, with the public half as a JWK. */
export function providerKey(kid: string, alg: 'RS256' | 'ES256'): ProviderKey {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, alg, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

/** A real HTTP server on 127.0.0.1 publishing a key set the test can rotate, count hits on, or take down. */
export class JwksServer {
  published: JsonWebKey[] = [];
  requests = 0;
  failing = false;
  private readonly server: Server = createServer((_request, response) => {
    this.requests += 1;
    if (this.failing) {
      response.writeHead(503).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: this.published }));
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  publish(...keys: ProviderKey[]): void {
    this.published = keys.map((key) => key.jwk);
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }
}
