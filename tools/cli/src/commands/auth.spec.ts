import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runProgram } from '../../test/run-program';
import { registerAuthCommands } from './auth';

interface Received {
  method?: string;
  url?: string;
  authorization?: string;
  body: unknown;
}

/** A stand-in registry over real HTTP: records what the CLI sent and answers with a canned reply. */
async function startRegistry(reply: { status: number; body: object }) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: JSON.parse(text || '{}'),
      });
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const KEY = `lep_0123456789abcdef_${'A'.repeat(43)}`;

describe('lep auth', () => {
  it('create-key posts to the registry with LEP_TOKEN and prints only the key on stdout', async () => {
    const registry = await startRegistry({ status: 201, body: { keyId: '0123456789abcdef', key: KEY } });
    try {
      const env = { LEP_TOKEN: 'staff-token', LEP_REGISTRY_URL: registry.url };
      const result = await runProgram(
        (program) => registerAuthCommands(program, env),
        ['auth', 'create-key', '--agency', 'BT-8', '--role', 'agency-system', '--label', '案件系统'],
      );
      expect(result).toMatchObject({ stdout: `${KEY}\n`, exitCode: 0 });
      expect(result.stderr).toContain('密钥只显示这一次');
      expect(registry.received).toEqual([
        {
          method: 'POST',
          url: '/api/v1/api-keys',
          authorization: 'Bearer staff-token',
          body: { agencyCode: 'BT-8', role: 'agency-system', label: '案件系统' },
        },
      ]);
    } finally {
      await registry.stop();
    }
  });

  it('reports the registry’s refusal in Chinese and exits 1', async () => {
    const registry = await startRegistry({
      status: 403,
      body: { code: 'AGENCY_FORBIDDEN', message: '无权访问其他执法主体的数据' },
    });
    try {
      const result = await runProgram(
        (program) => registerAuthCommands(program, { LEP_TOKEN: 't', LEP_REGISTRY_URL: registry.url }),
        ['auth', 'create-key', '--agency', 'BT-1', '--role', 'agency-system'],
      );
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('AGENCY_FORBIDDEN');
      expect(result.stderr).toContain('无权访问其他执法主体的数据');
    } finally {
      await registry.stop();
    }
  });

  it('refuses to run without LEP_TOKEN, before calling anything', async () => {
    const result = await runProgram(
      (program) => registerAuthCommands(program, { LEP_REGISTRY_URL: 'http://127.0.0.1:9' }),
      ['auth', 'create-key', '--agency', 'BT-1', '--role', 'agency-system'],
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('LEP_TOKEN');
  });

  it('says so when the registry cannot be reached', async () => {
    const result = await runProgram(
      (program) => registerAuthCommands(program, { LEP_TOKEN: 't', LEP_REGISTRY_URL: 'http://127.0.0.1:9' }),
      ['auth', 'create-key', '--agency', 'BT-1', '--role', 'agency-system'],
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('无法连接登记服务');
  });

  it('revoke-key posts the reason to the key’s revoke route', async () => {
    const registry = await startRegistry({ status: 200, body: { keyId: '0123456789abcdef' } });
    try {
      const result = await runProgram(
        (program) => registerAuthCommands(program, { LEP_TOKEN: 't', LEP_REGISTRY_URL: registry.url }),
        ['auth', 'revoke-key', '0123456789abcdef', '--reason', '系统下线'],
      );
      expect(result.exitCode).toBe(0);
      expect(registry.received[0]).toMatchObject({
        url: '/api/v1/api-keys/0123456789abcdef/revoke',
        body: { reason: '系统下线' },
      });
    } finally {
      await registry.stop();
    }
  });
});
