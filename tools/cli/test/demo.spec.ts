import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isValidUscc } from '@lep/masking';
import { startServiceProcess, testPeers, useTestDatabase, type ServiceProcess } from '@lep/testing';
import { registerAuthCommands } from '../src/commands/auth';
import { registerDemoCommand } from '../src/commands/demo';
import { runProgram } from './run-program';

// The registry as `npm start` runs it, signing with a secret of this run; the CLI finds it through a state file
// written the way tools/dev-stack writes it (DevStackState), exactly as it finds a running stack on a laptop.
const SECRET = `cli-demo-test-secret-${process.pid}-0123456789abcdef`;
const databaseUrl = useTestDatabase('cli_demo');
const dir = mkdtempSync(path.join(os.tmpdir(), 'lep-cli-demo-'));
const stateFile = path.join(dir, 'dev-stack.json');
let registry: ServiceProcess;

afterAll(async () => {
  await registry?.stop();
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  registry = await startServiceProcess('registry', {
    DATABASE_URL: databaseUrl(),
    KAFKA_BROKERS: testPeers().kafkaBrokers.join(','),
    AUTH_JWT_SECRET: SECRET,
  });
  writeFileSync(
    stateFile,
    JSON.stringify({
      pid: process.pid,
      startedAt: new Date().toISOString(),
      services: { registry: registry.url, 'case-api': 'http://127.0.0.1:3000' },
      databases: {},
      auth: { jwtSecret: SECRET, issuer: 'lep', audience: 'lep-api' },
    }),
  );
}, 120_000);

const stackEnv = () => ({ LEP_DEV_STACK_FILE: stateFile });
const demo = () => runProgram((program) => registerDemoCommand(program, stackEnv()), ['demo']);

async function registryGet<T>(route: string, token: string): Promise<{ status: number; body: T }> {
  const response = await fetch(registry.url + route, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

/** The `<role> …\n    <token>` lines `lep demo` prints. */
function printedTokens(stdout: string): Map<string, string> {
  return new Map(
    [...stdout.matchAll(/^ {2}([a-z-]+) +.+\n {4}(\S+)$/gm)].map(
      (match) => [match[1], match[2]] as [string, string],
    ),
  );
}

interface Agency {
  code: string;
  level: string;
  parentCode: string | null;
  region: string;
  unifiedSocialCreditCode: string;
}

describe('lep demo, against the stack running here', () => {
  let first: Awaited<ReturnType<typeof demo>>;
  let tokens: Map<string, string>;

  beforeAll(async () => {
    first = await demo();
    tokens = printedTokens(first.stdout);
  });

  it('creates the 兵团 → 师市 → 局 tree in the xinjiang region, with valid credit codes', async () => {
    expect(first).toMatchObject({ exitCode: 0, stderr: '' });
    const admin = tokens.get('platform-admin')!;
    const tree = (await registryGet<Agency[]>('/api/v1/agencies/XJBT/descendants', admin)).body;
    const root = (await registryGet<Agency>('/api/v1/agencies/XJBT', admin)).body;
    const all = [root, ...tree];
    expect(all.map((agency) => [agency.code, agency.level, agency.parentCode])).toEqual([
      ['XJBT', 'corps', null],
      ['XJBT-08', 'division', 'XJBT'],
      ['XJBT-08-SC', 'department', 'XJBT-08'],
      ['XJBT-10', 'division', 'XJBT'],
      ['XJBT-10-SC', 'department', 'XJBT-10'],
    ]);
    for (const agency of all) {
      expect(agency.region).toBe('xinjiang');
      expect(isValidUscc(agency.unifiedSocialCreditCode)).toBe(true);
    }
  });

  it('registers certified handlers, a head, a legal reviewer and an admin, and publishes the three lists', async () => {
    const admin = tokens.get('platform-admin')!;
    const people = (
      await registryGet<Array<{ roles: string[]; status: string; certificateExpiresOn: string }>>(
        '/api/v1/agencies/XJBT-08-SC/personnel',
        admin,
      )
    ).body;
    expect(people.map((person) => person.roles.join('+')).sort()).toEqual([
      'agency-admin',
      'handler',
      'handler',
      'leader+handler',
      'legal-reviewer',
    ]);
    expect(people.every((person) => person.status === 'active')).toBe(true);
    for (const list of ['enforcement-items', 'av-recording-list', 'review-catalog'])
      expect((await registryGet(`/api/v1/agencies/XJBT-08-SC/${list}`, admin)).status).toBe(200);
    const items = (
      await registryGet<{ content: { items: Array<{ code: string }> } }>(
        '/api/v1/agencies/XJBT-10-SC/enforcement-items',
        admin,
      )
    ).body;
    expect(items.content.items.map((item) => item.code)).toEqual(['SC-CF-001', 'SC-XK-001']);
  });

  it('prints a token per role that the platform accepts, signed as the registered person', async () => {
    expect([...tokens.keys()]).toEqual([
      'handler',
      'leader',
      'legal-reviewer',
      'agency-admin',
      'auditor',
      'platform-admin',
    ]);
    for (const [role, token] of tokens)
      expect({ role, status: (await registryGet('/api/v1/agencies/XJBT-08-SC', token)).status }).toEqual({
        role,
        status: 200,
      });
    const handlerId = JSON.parse(
      Buffer.from(tokens.get('handler')!.split('.')[1], 'base64url').toString(),
    ).sub;
    const handler = (
      await registryGet<{ name: string; roles: string[] }>(
        `/api/v1/personnel/${handlerId}`,
        tokens.get('handler')!,
      )
    ).body;
    expect(handler).toMatchObject({ name: '张明（演示）', roles: ['handler'] });
  });

  it('changes nothing when run again, and prints the tokens again', async () => {
    const again = await demo();
    expect(again.exitCode).toBe(0);
    expect(again.stdout).not.toContain('新建');
    expect(printedTokens(again.stdout).size).toBe(6);
    const people = (
      await registryGet<unknown[]>('/api/v1/agencies/XJBT-08-SC/personnel', tokens.get('platform-admin')!)
    ).body;
    expect(people).toHaveLength(5);
  });
});

describe('lep auth token (development)', () => {
  const token = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    runProgram((program) => registerAuthCommands(program, env), ['auth', 'token', ...args]);

  it('signs with the running stack’s secret: the token alone on stdout, accepted by the registry', async () => {
    const run = await token(stackEnv(), '--role', 'legal-reviewer', '--agency', 'XJBT-08-SC', '--hours', '2');
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe(
      '开发环境令牌：legal-reviewer，执法主体 XJBT-08-SC，2 小时有效（签名：本机 npm start）\n',
    );
    expect((await registryGet('/api/v1/agencies/XJBT-08-SC', run.stdout.trim())).status).toBe(200);
  });

  it('signs with AUTH_JWT_SECRET when no stack runs here', async () => {
    const run = await token(
      { LEP_DEV_STACK_FILE: path.join(dir, 'none.json'), AUTH_JWT_SECRET: SECRET },
      '--role',
      'handler',
      '--agency',
      'XJBT-10-SC',
    );
    expect(run.exitCode).toBe(0);
    expect((await registryGet('/api/v1/agencies/XJBT-10-SC', run.stdout.trim())).status).toBe(200);
  });

  it.each([
    [
      ['--role', 'handler', '--agency', 'XJBT-08-SC'],
      { LEP_DEV_STACK_FILE: '/nonexistent/lep.json' },
      '没有可用的开发签名密钥',
    ],
    [['--role', 'sheriff', '--agency', 'XJBT-08-SC'], undefined, '角色“sheriff”无效'],
    [['--role', 'handler', '--agency', 'XJBT 08'], undefined, '执法主体代码“XJBT 08”无效'],
    [
      ['--role', 'handler', '--agency', 'XJBT', '--hours', '72'],
      undefined,
      '--hours 应为 0 到 24 之间的小时数',
    ],
  ])('%j refuses with exit code 2', async (args, env, message) => {
    const run = await token(env ?? stackEnv(), ...args);
    expect(run).toMatchObject({ exitCode: 2, stdout: '' });
    expect(run.stderr).toContain(message);
  });
});
